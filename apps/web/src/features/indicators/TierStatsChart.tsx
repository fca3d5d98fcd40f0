import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only the pieces this chart uses, so the chunk stays small.
echarts.use([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface StatsSeries {
  name: string;
  color: string;
  values: number[];
}

/** Grouped bars: one group per city, one bar per measure (eligible, within reach, certified). */
export default function TierStatsChart({
  cities,
  series,
}: {
  cities: string[];
  series: StatsSeries[];
}) {
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
    chart?.setOption(
      {
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: 48, right: 16, top: 40, bottom: 32 },
        xAxis: { type: 'category', data: cities },
        yAxis: { type: 'value', minInterval: 1 },
        series: series.map((s) => ({
          name: s.name,
          type: 'bar',
          data: s.values,
          barMaxWidth: 32,
          itemStyle: { color: s.color, borderRadius: [3, 3, 0, 0] },
          label: { show: true, position: 'top' },
        })),
      },
      { notMerge: true },
    );
  }, [cities, series]);

  return <div ref={ref} style={{ width: '100%', height: 320 }} data-testid="tier-stats-chart" />;
}
