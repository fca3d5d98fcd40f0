import { CITIES, ORG_TYPES, type PublicCockpit, TIER_IDS } from '@corridor/contracts';
import { Card, Empty } from 'antd';
import { type ReactNode, useMemo } from 'react';
import type { MessageKey } from '../../i18n';
import { Chart } from './Chart';
import { type CockpitFormat, useCockpitFormat } from './format';

interface Props {
  data: PublicCockpit;
  dark: boolean;
  height: number;
}

function Panel({
  title,
  children,
  testId,
}: {
  title: string;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Card size="small" title={title} data-testid={testId} styles={{ body: { padding: 8 } }}>
      {children}
    </Card>
  );
}

function NoContracts({ f, height }: { f: CockpitFormat; height: number }) {
  return (
    <div style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Empty description={f.t('cockpit.contractsPending')} />
    </div>
  );
}

const theme = (dark: boolean) => (dark ? ('dark' as const) : undefined);

/** Organisations per city, stacked by type (from the registry's aggregates). */
export function OrgsByCityChart({ data, dark, height }: Props) {
  const f = useCockpitFormat();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 48, right: 12, top: 36, bottom: 28 },
      xAxis: { type: 'category', data: data.cities.map((c) => f.labels.city(c.code)) },
      yAxis: { type: 'value', minInterval: 1 },
      series: ORG_TYPES.map((ty) => ({
        name: f.labels.orgType(ty),
        type: 'bar',
        stack: 'orgs',
        data: data.cities.map((c) => c.byType[ty] ?? 0),
      })),
    }),
    [data, f],
  );
  return (
    <Panel title={f.t('cockpit.chart.orgsByCity')} testId="chart-orgs">
      <Chart option={option} theme={theme(dark)} style={{ height }} />
    </Panel>
  );
}

/** Certified enterprises per tier per city: a ladder from 科技型中小企业 up (indicators module). */
export function TierLadderChart({ data, dark, height }: Props) {
  const f = useCockpitFormat();
  const option = useMemo(() => {
    const count = (city: string, tier: string) =>
      data.tiers.rows.find((r) => r.city === city && r.tier === tier)?.certified ?? 0;
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 110, right: 12, top: 30, bottom: 20 },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: {
        type: 'category',
        data: TIER_IDS.map((tier) => f.t(`cockpit.tier.${tier}` as MessageKey)),
      },
      series: CITIES.map((c) => ({
        name: f.labels.city(c.code),
        type: 'bar',
        stack: 'tiers',
        data: TIER_IDS.map((tier) => count(c.code, tier)),
      })),
    };
  }, [data, f]);
  return (
    <Panel title={f.t('cockpit.chart.tiers')} testId="chart-tiers">
      {data.tiers.status === 'ready' ? (
        <Chart option={option} theme={theme(dark)} style={{ height }} />
      ) : (
        <div style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <Empty description={f.t('cockpit.tiersOfficialsOnly')} />
        </div>
      )}
    </Panel>
  );
}

/** Technology-contract turnover by month of the year. */
export function ContractsByMonthChart({ data, dark, height }: Props) {
  const f = useCockpitFormat();
  const option = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 60, right: 48, top: 30, bottom: 24 },
      xAxis: { type: 'category', data: data.contracts.byMonth.map((m) => m.month.slice(5)) },
      yAxis: [
        { type: 'value', name: f.t('cockpit.unit.wanShort') },
        { type: 'value', name: f.t('cockpit.unit.countShort'), minInterval: 1 },
      ],
      series: [
        {
          name: f.t('cockpit.turnover'),
          type: 'bar',
          data: data.contracts.byMonth.map((m) => m.amountWan),
        },
        {
          name: f.t('cockpit.contracts'),
          type: 'line',
          yAxisIndex: 1,
          data: data.contracts.byMonth.map((m) => m.count),
        },
      ],
    }),
    [data, f],
  );
  return (
    <Panel title={f.t('cockpit.chart.byMonth', { year: data.year })} testId="chart-months">
      {data.contracts.available ? (
        <Chart option={option} theme={theme(dark)} style={{ height }} />
      ) : (
        <NoContracts f={f} height={height} />
      )}
    </Panel>
  );
}

/** The 5×5 flow matrix: technology out of the row city into the column city. */
export function FlowMatrixChart({ data, dark, height }: Props) {
  const f = useCockpitFormat();
  const option = useMemo(() => {
    const names = CITIES.map((c) => f.labels.city(c.code));
    const idx = new Map(CITIES.map((c, i) => [c.code as string, i]));
    const cells = data.contracts.matrix.map((m) => [idx.get(m.to)!, idx.get(m.from)!, m.amountWan]);
    return {
      tooltip: {
        formatter: (p: { value: number[] }) =>
          `${names[p.value[1]!]} → ${names[p.value[0]!]}: ${f.wan(p.value[2] ?? 0)}`,
      },
      grid: { left: 56, right: 12, top: 12, bottom: 56 },
      xAxis: {
        type: 'category',
        data: names,
        name: f.t('cockpit.buyer'),
        nameLocation: 'middle',
        nameGap: 28,
      },
      yAxis: { type: 'category', data: names, name: f.t('cockpit.seller') },
      visualMap: {
        min: 0,
        max: Math.max(1, ...cells.map((c) => c[2]!)),
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemHeight: 80,
        show: false,
      },
      series: [
        {
          type: 'heatmap',
          data: cells,
          label: { show: true, formatter: (p: { value: number[] }) => f.num(p.value[2] ?? 0, 1) },
        },
      ],
    };
  }, [data, f]);
  return (
    <Panel title={f.t('cockpit.chart.matrix')} testId="chart-matrix">
      {data.contracts.available ? (
        <Chart option={option} theme={theme(dark)} style={{ height }} />
      ) : (
        <NoContracts f={f} height={height} />
      )}
    </Panel>
  );
}

/** The technology fields with the largest turnover. */
export function TopFieldsChart({ data, dark, height }: Props) {
  const f = useCockpitFormat();
  const option = useMemo(() => {
    const top = [...data.contracts.topFields].reverse();
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 110, right: 24, top: 8, bottom: 24 },
      xAxis: { type: 'value', name: f.t('cockpit.unit.wanShort') },
      yAxis: { type: 'category', data: top.map((x) => f.field(x.field)) },
      series: [{ type: 'bar', name: f.t('cockpit.turnover'), data: top.map((x) => x.amountWan) }],
    };
  }, [data, f]);
  return (
    <Panel title={f.t('cockpit.chart.fields')} testId="chart-fields">
      {data.contracts.available ? (
        <Chart option={option} theme={theme(dark)} style={{ height }} />
      ) : (
        <NoContracts f={f} height={height} />
      )}
    </Panel>
  );
}
