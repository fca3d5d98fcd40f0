import { DEAL_SIDES, type Deal } from '@corridor/contracts';
import { Typography } from 'antd';
import { useT } from '../../i18n';

/**
 * Under a contract's status: which party confirmed it and when, who is still to confirm, or who
 * refused and why — so each side sees what the contract waits for.
 */
export function DealConfirmations({ deal }: { deal: Deal }) {
  const t = useT();
  const sideName = (side: 'seller' | 'buyer') =>
    t(side === 'seller' ? 'deals.seller' : 'deals.buyer') +
    (deal.mySide === side ? t('deals.mySide') : '');
  if (deal.refusal)
    return (
      <Typography.Text type="danger" style={{ display: 'block' }} data-testid="deal-refusal">
        {t('deals.refusedBy', { side: sideName(deal.refusal.side), reason: deal.refusal.reason })}
      </Typography.Text>
    );
  if (deal.status !== 'draft' && deal.status !== 'signed') return null;
  return (
    <>
      {DEAL_SIDES.map((side) => {
        const c = deal.confirmations[side];
        return (
          <Typography.Text
            key={side}
            type={c ? 'success' : 'secondary'}
            style={{ display: 'block', fontSize: 12 }}
            data-testid={`deal-confirmation-${side}`}
          >
            {c
              ? t('deals.confirmedOn', { side: sideName(side), date: c.at.slice(0, 10) })
              : t('deals.awaiting', { side: sideName(side) })}
          </Typography.Text>
        );
      })}
    </>
  );
}
