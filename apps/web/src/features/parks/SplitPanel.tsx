import type { Park } from '@corridor/contracts';
import { Alert, Table, Typography } from 'antd';
import { errorText } from '../../app/api';
import { useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useSplit } from './api';
import { useParkLabels, wan } from './labels';

/** Each figure shared by its year's phase: the base and each party's share. */
export function SplitPanel({ park }: { park: Park }) {
  const t = useT();
  const labels = useLabels();
  const pl = useParkLabels();
  const split = useSplit(park.id);
  if (split.error) return <Alert type="error" title={errorText(split.error)} />;
  const rows = (split.data?.splits ?? []).map((s) => ({ key: `${s.year}:${s.item}`, ...s }));
  return (
    <>
      <Table
        // Wide tables scroll inside their card, never widen the page (390 px phones).
        scroll={{ x: 'max-content' }}
        size="small"
        loading={split.isLoading}
        dataSource={rows}
        data-testid="split-table"
        columns={[
          { title: t('parks.year'), dataIndex: 'year' },
          { title: t('parks.item'), dataIndex: 'item', render: (v: string) => pl.item(v) },
          { title: t('parks.method'), dataIndex: 'method', render: (v: string) => pl.method(v) },
          { title: t('parks.value'), dataIndex: 'valueWan', align: 'right', render: wan },
          { title: t('parks.baseValue'), dataIndex: 'baseWan', align: 'right', render: wan },
          ...park.parties.map((p) => ({
            title: t('parks.shareOf', { city: labels.city(p.cityCode) }),
            key: p.cityCode,
            align: 'right' as const,
            render: (_: unknown, s: (typeof rows)[number]) => {
              const share = s.shares.find((x) => x.cityCode === p.cityCode);
              return share ? `${wan(share.shareWan)}（${share.percent}%）` : '—';
            },
          })),
        ]}
      />
      {(split.data?.unshared.length ?? 0) > 0 && (
        <Typography.Paragraph type="secondary">
          {t('parks.unshared')}：
          {split
            .data!.unshared.map(
              (u) =>
                `${u.year} ${pl.item(u.item)}（${t(u.reason === 'no_phase' ? 'parks.unshared.no_phase' : 'parks.unshared.no_rule')}）`,
            )
            .join('；')}
        </Typography.Paragraph>
      )}
    </>
  );
}
