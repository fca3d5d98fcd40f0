import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the pieces this chart uses, so the chunk stays small.
echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface CityBar {
  name: string;
  value: number;
}

/** Bar chart of organisations per city (loaded lazily by the home page). */
export default function CityChart({ bars, seriesName }: { bars: CityBar[]; seriesName: string }) {
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, []);

  useEffect(() => {
    const el = ref.current;
    const chart = el ? echarts.getInstanceByDom(el) : undefined;
    chart?.setOption({
      tooltip: { trigger: 'axis' },
      grid: { left: 48, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: bars.map((b) => b.name) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: seriesName,
          type: 'bar',
          data: bars.map((b) => b.value),
          barMaxWidth: 48,
          itemStyle: { color: '#1668dc', borderRadius: [4, 4, 0, 0] },
          label: { show: true, position: 'top' },
        },
      ],
    });
  }, [bars, seriesName]);

  return <div ref={ref} style={{ width: '100%', height: 280 }} data-testid="city-chart" />;
}
