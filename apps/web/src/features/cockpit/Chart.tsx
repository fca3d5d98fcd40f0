import type { EChartsCoreOption } from 'echarts/core';
import { type CSSProperties, useEffect, useRef } from 'react';
import { echarts } from './charts';

type ECharts = ReturnType<typeof echarts.init>;

/** Charts on screen, for "export the current view as an image". */
export const liveCharts = new Set<ECharts>();

interface Props {
  option: EChartsCoreOption;
  style?: CSSProperties;
  /** 'dark' on the large screen; a change re-creates the chart. */
  theme?: 'dark' | undefined;
  testId?: string;
  onReady?: (chart: ECharts) => void;
}

/** Charts draw on the card's background (light page or dark screen). */
function withBackground(option: EChartsCoreOption): EChartsCoreOption {
  return { backgroundColor: 'transparent', ...(option as object) };
}

/** One ECharts instance bound to a div, resized with it. */
export function Chart({ option, style, theme, testId, onReady }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const chartRef = useRef<ECharts | null>(null);
  const readyRef = useRef(onReady);
  readyRef.current = onReady;
  const optionRef = useRef(option);
  optionRef.current = option;

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    const chart = echarts.init(el, theme);
    liveCharts.add(chart);
    chartRef.current = chart;
    readyRef.current?.(chart);
    // A new instance (first mount, or a change of theme) starts from the current option.
    chart.setOption(withBackground(optionRef.current));
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(el);
    return () => {
      observer.disconnect();
      liveCharts.delete(chart);
      chart.dispose();
      chartRef.current = null;
    };
  }, [theme]);

  useEffect(() => {
    chartRef.current?.setOption(withBackground(option), { notMerge: true });
  }, [option]);

  return <div ref={ref} style={{ width: '100%', height: 260, ...style }} data-testid={testId} />;
}

export type { ECharts };
