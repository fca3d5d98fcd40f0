import { CITIES, type CityCode, isCityCode, type PublicCockpit } from '@corridor/contracts';
import { Alert, Skeleton } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Chart, type ECharts } from './Chart';
import { CITY_ANCHORS, loadHubeiMap } from './charts';
import { useCockpitFormat } from './format';

const KIND_COLOURS: Record<string, string> = {
  contract: '#fadb14',
  dual_appointment: '#36cfc9',
  service_order: '#ff7a45',
};

interface Props {
  data: PublicCockpit;
  selected: CityCode | null;
  onSelect: (city: CityCode | null) => void;
  dark: boolean;
  height: number;
}

/**
 * Hubei with the five corridor cities highlighted (the rest in grey), each city's figures on
 * hover, a click that drills into the city, and animated lines for cross-city flows. After each
 * render the cities' screen positions are published on the element (data-city-points), which
 * lets assistive tools and the browser tests find them on the canvas.
 */
export function CorridorMap({ data, selected, onSelect, dark, height }: Props) {
  const f = useCockpitFormat();
  const [names, setNames] = useState<Map<string, string> | null>(null);
  const [error, setError] = useState<string | null>(null);
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;

  useEffect(() => {
    let live = true;
    loadHubeiMap().then(
      (n) => live && setNames(n),
      (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      live = false;
    };
  }, []);

  const en = f.labels.locale === 'en';
  // Display name of every region, and back from a display name to its code.
  const display = useMemo(() => {
    const byCode = new Map<string, string>();
    for (const [code, zh] of names ?? [])
      byCode.set(code, isCityCode(code) ? f.labels.city(code) : zh);
    const toCode = new Map([...byCode].map(([code, name]) => [name, code]));
    return { byCode, toCode };
  }, [names, f]);
  const displayRef = useRef(display);
  displayRef.current = display;

  const option = useMemo(() => {
    if (!names) return null;
    const cityData = new Map(data.cities.map((c) => [c.code, c]));
    const nameMap = Object.fromEntries(
      [...names].map(([code, zh]) => [zh, display.byCode.get(code) ?? zh]),
    );
    const grey = dark ? '#2b3a55' : '#e8e8e8';
    const regions = [...names].map(([code]) => {
      const name = display.byCode.get(code)!;
      if (!isCityCode(code)) return { name, silent: true, itemStyle: { areaColor: grey } };
      const isSel = code === selected;
      return {
        name,
        itemStyle: {
          areaColor: isSel ? '#fa8c16' : dark ? '#1668dc' : '#4096ff',
          borderColor: '#fff',
          borderWidth: 1.5,
        },
        label: { color: '#fff', fontWeight: 600 as const, fontSize: 14 },
      };
    });
    const flows = data.flows.filter((fl) => fl.count > 0);
    const maxCount = Math.max(1, ...flows.map((fl) => fl.count));
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
      geo: {
        map: 'hubei',
        roam: false,
        nameMap,
        itemStyle: { areaColor: grey, borderColor: dark ? '#5b6b88' : '#bfbfbf' },
        label: { show: true, color: dark ? '#8c9bb5' : '#8c8c8c', fontSize: 11 },
        emphasis: { itemStyle: { areaColor: '#ffc53d' }, label: { color: '#000' } },
        regions,
      },
      series: [
        {
          type: 'effectScatter',
          coordinateSystem: 'geo',
          zlevel: 2,
          symbolSize: 9,
          rippleEffect: { scale: 3, brushType: 'stroke' },
          itemStyle: { color: '#ffd666' },
          data: CITIES.map((c) => ({ name: f.labels.city(c.code), value: CITY_ANCHORS[c.code] })),
        },
        ...Object.keys(KIND_COLOURS).map((kind) => ({
          type: 'lines',
          name: f.flowKind(kind),
          coordinateSystem: 'geo',
          zlevel: 1,
          effect: { show: true, period: 4, trailLength: 0.3, symbol: 'arrow', symbolSize: 7 },
          lineStyle: { color: KIND_COLOURS[kind], opacity: 0.7, curveness: 0.25 },
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
              lineStyle: { width: 1 + (4 * fl.count) / maxCount },
            })),
        })),
      ],
    };
  }, [names, data, selected, dark, display, f]);

  const onReady = (chart: ECharts) => {
    chart.on('click', (p) => {
      const code = displayRef.current.toCode.get(String(p.name));
      if (code && isCityCode(code)) selectRef.current(code);
    });
    // 'rendered' (not 'finished': the ripples and flow lines animate for ever); written only
    // when the positions change.
    chart.on('rendered', () => {
      const points: Record<string, number[]> = {};
      for (const c of CITIES) {
        const xy = chart.convertToPixel({ geoIndex: 0 }, CITY_ANCHORS[c.code]!) as
          | number[]
          | undefined;
        if (xy) points[c.code] = xy.map((v) => Math.round(v));
      }
      const text = JSON.stringify(points);
      const dom = chart.getDom();
      if (dom.dataset.cityPoints !== text) dom.dataset.cityPoints = text;
    });
  };

  if (error)
    return (
      <Alert type="warning" showIcon title={f.t('cockpit.mapUnavailable')} description={error} />
    );
  if (!option) return <Skeleton active style={{ height }} />;
  return (
    <Chart
      key={`${en}`}
      option={option}
      style={{ height }}
      theme={dark ? 'dark' : undefined}
      testId="cockpit-map"
      onReady={onReady}
    />
  );
}
