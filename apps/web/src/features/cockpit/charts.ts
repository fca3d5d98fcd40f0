import {
  BarChart,
  EffectScatterChart,
  HeatmapChart,
  LineChart,
  LinesChart,
  MapChart,
  ScatterChart,
} from 'echarts/charts';
import {
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { LabelLayout } from 'echarts/features';
import { CanvasRenderer } from 'echarts/renderers';

// Only the pieces the cockpit draws, so its chunk stays small.
echarts.use([
  BarChart,
  EffectScatterChart,
  HeatmapChart,
  LineChart,
  LinesChart,
  MapChart,
  ScatterChart,
  GeoComponent,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  VisualMapComponent,
  LabelLayout,
  CanvasRenderer,
]);

export { echarts };

interface Feature {
  id?: string;
  properties: { name: string; cp?: number[] };
}

let loading: Promise<Map<string, string>> | null = null;

/**
 * Registers the Hubei map (carried in the repository: public/maps/hubei.json, see its README)
 * once, and returns region code → Chinese name. Each feature's `cp` (the city-government seat)
 * is dropped so labels sit at area centres: the Ezhou and Huanggang seats are 6 km apart.
 */
export function loadHubeiMap(): Promise<Map<string, string>> {
  loading ??= fetch('/maps/hubei.json')
    .then((res) => {
      if (!res.ok) throw new Error(`map: HTTP ${res.status}`);
      return res.json() as Promise<{ features: Feature[] }>;
    })
    .then((json) => {
      const names = new Map<string, string>();
      for (const f of json.features) {
        delete f.properties.cp;
        if (f.id) names.set(f.id, f.properties.name);
      }
      echarts.registerMap('hubei', json as unknown as Parameters<typeof echarts.registerMap>[1]);
      return names;
    })
    .catch((error: unknown) => {
      loading = null; // let a later attempt try again
      throw error;
    });
  return loading;
}
