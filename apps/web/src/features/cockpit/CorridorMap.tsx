import { CITIES, type CityCode, isCityCode, type PublicCockpit } from '@corridor/contracts';
import { Alert, Skeleton } from 'antd';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Chart, type ECharts } from './Chart';
import { loadHubeiMap } from './charts';
import { useCockpitFormat } from './format';
import { CITY_ANCHORS, corridorMapOption, mapDisplayNames } from './map-option';

interface Props {
  data: PublicCockpit;
  selected: CityCode | null;
  onSelect: (city: CityCode | null) => void;
  dark: boolean;
  height: number;
}

/**
 * The corridor on the map of Hubei: the five cities highlighted and named above everything
 * else, each city's figures on hover, a click that drills into the city, and animated lines
 * for cross-city flows (option: map-option.ts). After each render the cities' screen positions
 * are published on the element (data-city-points), which lets assistive tools and the browser
 * tests find them on the canvas.
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
  const display = useMemo(() => mapDisplayNames(names ?? new Map(), f), [names, f]);
  const displayRef = useRef(display);
  displayRef.current = display;

  const option = useMemo(
    () => (names ? corridorMapOption({ names, display, data, selected, dark, f }) : null),
    [names, data, selected, dark, display, f],
  );

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
