import { CITIES, type CityCode, isCityCode, type PublicCockpit } from '@corridor/contracts';
import type { CockpitFormat } from './cockpit-format';

/**
 * The corridor map's ECharts option, pure (checked by chart-options.test.ts). Layers, bottom
 * to top (ECharts `zlevel`): the province and its regions (0), the flow lines (1), the
 * rippling city points (2), the city names (3). The names are their own series on the top
 * layer, on a plate, so no flow line or arrow is ever drawn over them.
 */
export const MAP_LAYERS = { regions: 0, flows: 1, points: 2, names: 3 } as const;

/**
 * Where lines start and end: approximate area centres of the five cities (longitude, latitude),
 * inside each city's boundary and apart from each other.
 */
export const CITY_ANCHORS: Record<string, [number, number]> = {
  '420100': [114.36, 30.62],
  '420700': [114.76, 30.33],
  '420200': [115.0, 29.93],
  '421100': [115.22, 30.82],
  '421200': [114.22, 29.6],
};

/**
 * The view: the five cities' extent (113.54–116.14 E, 29.03–31.61 N in the map file) with a
 * margin, so the corridor fills the chart and the rest of Hubei is context at its edges.
 */
export const CORRIDOR_VIEW: [[number, number], [number, number]] = [
  [113.35, 31.75],
  [116.3, 28.9],
];

export const KIND_COLOURS: Record<string, string> = {
  contract: '#fadb14',
  dual_appointment: '#36cfc9',
  service_order: '#ff7a45',
};

/** Display name of every region of the map (cities in the UI language), and back to its code. */
export function mapDisplayNames(names: ReadonlyMap<string, string>, f: CockpitFormat) {
  const byCode = new Map<string, string>();
  for (const [code, zh] of names) byCode.set(code, isCityCode(code) ? f.labels.city(code) : zh);
  const toCode = new Map([...byCode].map(([code, name]) => [name, code]));
  return { byCode, toCode };
}
export type MapDisplay = ReturnType<typeof mapDisplayNames>;

interface MapInput {
  /** Region code → Chinese name, from the map file. */
  names: ReadonlyMap<string, string>;
  display: MapDisplay;
  data: PublicCockpit;
  selected: CityCode | null;
  dark: boolean;
  f: CockpitFormat;
}

export function corridorMapOption({ names, display, data, selected, dark, f }: MapInput) {
  const cityData = new Map(data.cities.map((c) => [c.code, c]));
  const nameMap = Object.fromEntries(
    [...names].map(([code, zh]) => [zh, display.byCode.get(code) ?? zh]),
  );
  const grey = dark ? '#2b3a55' : '#e8e8e8';
  const regions = [...names].map(([code]) => {
    const name = display.byCode.get(code)!;
    if (!isCityCode(code)) return { name, silent: true, itemStyle: { areaColor: grey } };
    return {
      name,
      itemStyle: {
        areaColor: code === selected ? '#fa8c16' : dark ? '#1668dc' : '#4096ff',
        borderColor: '#fff',
        borderWidth: 1.5,
      },
      // Named by the top layer instead (see MAP_LAYERS).
      label: { show: false },
    };
  });
  const flows = data.flows.filter((fl) => fl.count > 0);
  const maxCount = Math.max(1, ...flows.map((fl) => fl.count));
  const kinds = Object.keys(KIND_COLOURS);
  const cityPoints = CITIES.map((c) => ({
    name: f.labels.city(c.code),
    value: CITY_ANCHORS[c.code],
  }));
  return {
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string }) => {
        const code = display.toCode.get(p.name);
        const c = code ? cityData.get(code as CityCode) : undefined;
        if (!c) return p.name;
        return [
          `<b>${p.name}</b>`,
          `${f.t('cockpit.orgs')}: ${f.num(c.orgs)}`,
          `${f.t('cockpit.contractsOut')}: ${f.num(c.contractsOut.count)} / ${f.wan(c.contractsOut.amountWan)}`,
          `${f.t('cockpit.contractsIn')}: ${f.num(c.contractsIn.count)} / ${f.wan(c.contractsIn.amountWan)}`,
        ].join('<br/>');
      },
    },
    legend: {
      bottom: 8,
      left: 'center',
      data: kinds.map((k) => f.flowKind(k)),
      textStyle: { color: dark ? '#d6e4ff' : '#595959' },
    },
    geo: {
      map: 'hubei',
      roam: false,
      boundingCoords: CORRIDOR_VIEW,
      top: 16,
      bottom: 40,
      left: 16,
      right: 16,
      nameMap,
      itemStyle: { areaColor: grey, borderColor: dark ? '#5b6b88' : '#bfbfbf' },
      // Neighbouring regions keep a quiet name; the five cities are named on the top layer.
      label: { show: true, color: dark ? '#8c9bb5' : '#8c8c8c', fontSize: 11 },
      emphasis: { itemStyle: { areaColor: '#ffc53d' }, label: { show: false } },
      regions,
    },
    series: [
      ...kinds.map((kind) => ({
        type: 'lines',
        name: f.flowKind(kind),
        coordinateSystem: 'geo',
        zlevel: MAP_LAYERS.flows,
        effect: { show: true, period: 4, trailLength: 0.3, symbol: 'arrow', symbolSize: 8 },
        lineStyle: { color: KIND_COLOURS[kind], opacity: 0.75, curveness: 0.25 },
        tooltip: {
          formatter: (p: { data: { from: string; to: string; count: number } }) =>
            `${f.flowKind(kind)}<br/>${f.labels.city(p.data.from)} → ${f.labels.city(p.data.to)}: ${f.num(p.data.count)}`,
        },
        data: flows
          .filter((fl) => fl.kind === kind)
          .map((fl) => ({
            from: fl.from,
            to: fl.to,
            count: fl.count,
            coords: [CITY_ANCHORS[fl.from], CITY_ANCHORS[fl.to]],
            lineStyle: { width: 1.5 + (5 * fl.count) / maxCount },
          })),
      })),
      {
        type: 'effectScatter',
        coordinateSystem: 'geo',
        zlevel: MAP_LAYERS.points,
        symbolSize: 11,
        rippleEffect: { scale: 3, brushType: 'stroke' },
        itemStyle: { color: '#ffd666' },
        data: cityPoints,
      },
      {
        // The city names: a plate above each point, on the top layer.
        type: 'scatter',
        name: f.t('cockpit.cities'),
        coordinateSystem: 'geo',
        zlevel: MAP_LAYERS.names,
        // An invisible point (not opacity 0: the label would inherit it and vanish).
        symbolSize: 1,
        itemStyle: { color: 'transparent' },
        label: {
          show: true,
          position: 'top',
          distance: 10,
          formatter: '{b}',
          fontSize: 16,
          fontWeight: 600,
          color: dark ? '#ffffff' : '#1f1f1f',
          backgroundColor: dark ? 'rgba(5, 13, 31, 0.78)' : 'rgba(255, 255, 255, 0.92)',
          borderColor: dark ? '#1668dc' : '#91caff',
          borderWidth: 1,
          borderRadius: 4,
          padding: [3, 8],
        },
        labelLayout: { moveOverlap: 'shiftY' },
        emphasis: { scale: false },
        data: cityPoints,
      },
    ],
  };
}
