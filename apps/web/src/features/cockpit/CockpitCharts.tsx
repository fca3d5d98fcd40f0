import type { PublicCockpit } from '@corridor/contracts';
import { Card, Empty, Segmented, Typography } from 'antd';
import { type ReactNode, useMemo, useState } from 'react';
import { Chart } from './Chart';
import {
  contractsByMonthOption,
  flowMatrixOption,
  orgsByCityOption,
  type TierMeasure,
  tierLadderOption,
  topFieldsOption,
} from './chart-options';
import { type CockpitFormat, useCockpitFormat } from './format';

interface Props {
  data: PublicCockpit;
  dark: boolean;
  height: number;
}

function Panel({
  title,
  extra,
  children,
  testId,
}: {
  title: string;
  extra?: ReactNode;
  children: ReactNode;
  testId: string;
}) {
  return (
    <Card
      size="small"
      title={title}
      extra={extra}
      data-testid={testId}
      styles={{ body: { padding: 8 } }}
    >
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
  const option = useMemo(() => orgsByCityOption(data, f), [data, f]);
  return (
    <Panel title={f.t('cockpit.chart.orgsByCity')} testId="chart-orgs">
      <Chart option={option} theme={theme(dark)} style={{ height }} />
    </Panel>
  );
}

/**
 * Enterprises per tier per city. Everyone sees the certified counts (recorded certificates:
 * published lists); officials may switch to the platform's computed eligibility.
 */
export function TierLadderChart({ data, dark, height }: Props) {
  const f = useCockpitFormat();
  const full = data.tiers.status === 'full';
  const [chosen, setMeasure] = useState<TierMeasure>('certified');
  const measure: TierMeasure = full ? chosen : 'certified';
  const option = useMemo(() => tierLadderOption(data, f, measure), [data, f, measure]);
  const switcher = full ? (
    <Segmented<TierMeasure>
      size="small"
      value={measure}
      onChange={setMeasure}
      data-testid="chart-tiers-measure"
      options={[
        { value: 'certified', label: f.t('cockpit.tierMeasure.certified') },
        { value: 'eligible', label: f.t('cockpit.tierMeasure.eligible') },
      ]}
    />
  ) : undefined;
  return (
    <Panel
      title={f.t(measure === 'eligible' ? 'cockpit.chart.tiersEligible' : 'cockpit.chart.tiers')}
      extra={switcher}
      testId="chart-tiers"
    >
      {measure === 'eligible' && !data.tiers.rows.some((r) => (r.evaluated ?? 0) > 0) ? (
        // No enterprise has figures for the year: nothing can be judged (not "none qualify").
        <div style={{ height, display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
          <Empty description={f.t('cockpit.tiersNotEvaluated', { year: data.year })} />
        </div>
      ) : (
        <Chart option={option} theme={theme(dark)} style={{ height: height - (full ? 0 : 20) }} />
      )}
      {!full && (
        <Typography.Text
          type="secondary"
          style={{ fontSize: 12, display: 'block' }}
          ellipsis={{ tooltip: f.t('cockpit.tiersEligibleOfficials') }}
        >
          {f.t('cockpit.tiersEligibleOfficials')}
        </Typography.Text>
      )}
    </Panel>
  );
}

/** Technology-contract turnover by month of the year. */
export function ContractsByMonthChart({ data, dark, height }: Props) {
  const f = useCockpitFormat();
  const option = useMemo(() => contractsByMonthOption(data, f), [data, f]);
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
  const option = useMemo(() => flowMatrixOption(data, f), [data, f]);
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
  const option = useMemo(() => topFieldsOption(data.contracts.topFields, f), [data, f]);
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
