import type { Deal, DealStatus } from '@corridor/contracts';
import { Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type MessageKey, useT } from '../../i18n';
import { useLabels } from '../../i18n/labels';
import { useMarketLabels } from '../market/labels';
import { DealConfirmations } from './DealConfirmations';

export const DEAL_STATUS_COLORS: Record<DealStatus, string> = {
  draft: 'default',
  signed: 'blue',
  registered: 'green',
  refused: 'red',
};

/** The columns every list of contracts shows (the contracts page adds its actions). */
export function useDealColumns(): ColumnsType<Deal> {
  const t = useT();
  const labels = useLabels();
  const m = useMarketLabels();
  return [
    { title: t('deals.project'), dataIndex: 'projectName' },
    { title: t('deals.type'), render: (_, d) => t(`deals.type.${d.type}` as MessageKey) },
    {
      title: t('deals.seller'),
      render: (_, d) => `${d.seller.name}（${labels.city(d.seller.regionCode)}）`,
    },
    {
      title: t('deals.buyer'),
      render: (_, d) => `${d.buyer.name}（${labels.city(d.buyer.regionCode)}）`,
    },
    { title: t('deals.amount'), dataIndex: 'totalAmountWan', align: 'right' },
    { title: t('deals.field'), render: (_, d) => m.field(d.field) },
    { title: t('deals.signedOn'), dataIndex: 'signedOn' },
    {
      title: t('deals.status'),
      render: (_, d) => (
        <>
          <Tag color={DEAL_STATUS_COLORS[d.status]} data-testid="deal-status">
            {t(`deals.status.${d.status}` as MessageKey)}
          </Tag>
          <DealConfirmations deal={d} />
        </>
      ),
    },
  ];
}
