import { TIER_IDS, type TierId } from '@corridor/contracts';
import { Alert, Card, Segmented, Select, Space, Table, Typography } from 'antd';
import { lazy, Suspense, useMemo, useState } from 'react';
import { errorText } from '../../app/api';
import { PageLoading } from '../../app/status';
import { type MessageKey, useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useTierStats } from './api';

const TierStatsChart = lazy(() => import('./TierStatsChart'));
const lastYear = new Date().getFullYear() - 1;
const YEARS = Array.from({ length: 8 }, (_, i) => lastYear + 1 - i);

interface Row {
  tier: TierId;
  [city: string]: string | { eligible: number; withinReach: number; certified: number };
}

/** Officials: per city, how many enterprises sit on each rung and how many are within reach. */
export default function TierStatsPage() {
  const t = useT();
  const labels = useLabels();
  const [year, setYear] = useState(lastYear);
  const [tier, setTier] = useState<TierId>('highTech');
  const { data, isPending, isError, error } = useTierStats(year);
  const tierName = (id: string) => t(`tier.name.${id}` as MessageKey);

  const rows = useMemo<Row[]>(
    () =>
      TIER_IDS.map((id) => {
        const row: Row = { tier: id };
        for (const c of data?.cities ?? []) {
          const x = c.tiers.find((z) => z.tier === id);
          if (x) row[c.regionCode] = x;
        }
        return row;
      }),
    [data],
  );
  const series = useMemo(() => {
    const pick = (k: 'eligible' | 'withinReach' | 'certified') =>
      (data?.cities ?? []).map((c) => c.tiers.find((x) => x.tier === tier)?.[k] ?? 0);
    return [
      { name: t('tier.eligible'), color: '#389e0d', values: pick('eligible') },
      { name: t('tier.withinReach'), color: '#fa8c16', values: pick('withinReach') },
      { name: t('tier.certified'), color: '#d4b106', values: pick('certified') },
    ];
  }, [data, tier, t]);

  return (
    <Card
      title={t('stats.title')}
      extra={
        <Space>
          <Typography.Text>{t('ind.year')}</Typography.Text>
          <Select
            value={year}
            onChange={setYear}
            style={{ width: 110 }}
            options={YEARS.map((y) => ({ value: y, label: String(y) }))}
            data-testid="stats-year"
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">{t('stats.hint')}</Typography.Paragraph>
      {isError ? (
        <Alert type="error" showIcon title={errorText(error)} />
      ) : isPending ? (
        <PageLoading />
      ) : (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <Segmented
            value={tier}
            onChange={(v) => setTier(v as TierId)}
            options={TIER_IDS.map((id) => ({ value: id, label: tierName(id) }))}
            style={{ flexWrap: 'wrap' }}
          />
          <Suspense fallback={<PageLoading />}>
            <TierStatsChart
              cities={data.cities.map((c) => labels.city(c.regionCode))}
              series={series}
            />
          </Suspense>
          <Table<Row>
            size="small"
            rowKey="tier"
            pagination={false}
            scroll={{ x: true }}
            dataSource={rows}
            data-testid="tier-stats-table"
            columns={[
              { title: t('stats.tier'), dataIndex: 'tier', render: tierName, fixed: 'left' },
              ...data.cities.map((c) => ({
                key: c.regionCode,
                title: `${labels.city(c.regionCode)}（${t('stats.evaluated', { n: c.evaluated })}）`,
                render: (_: unknown, row: Row) => {
                  const x = row[c.regionCode];
                  if (!x || typeof x === 'string') return '—';
                  return (
                    <span title={t('stats.cellHint')}>
                      <Typography.Text strong>{x.eligible}</Typography.Text>
                      {' / '}
                      <Typography.Text type="warning">{x.withinReach}</Typography.Text>
                      {' / '}
                      <Typography.Text>{x.certified}</Typography.Text>
                    </span>
                  );
                },
              })),
            ]}
          />
          <Typography.Text type="secondary">{t('stats.legend')}</Typography.Text>
        </Space>
      )}
    </Card>
  );
}
