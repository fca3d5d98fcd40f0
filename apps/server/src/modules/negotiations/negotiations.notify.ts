import type { NegotiationSide, NotificationParams, NotificationType } from '@corridor/contracts';
import type { Transaction } from 'kysely';
import type { Ctx } from '../../core/context';
import type { Database } from '../../core/db/schema';
import { notifyInTrx } from '../notifications/notifications.service';
import { PARTY_ROLES } from './negotiations.policy';

interface Thread {
  id: number;
  achievementTitle: string;
  sellerOrgId: number;
  sellerName: string;
  buyerOrgId: number;
  buyerName: string;
  brokerId: number | null;
  brokerName: string | null;
}

/**
 * Tells the thread's other participants (the other organisation's party users and the broker;
 * never the writer's own side) what was written, inside the transaction that wrote it.
 */
export async function notifyOtherSides(
  ctx: Ctx,
  trx: Transaction<Database>,
  n: Thread,
  side: NegotiationSide,
  type: NotificationType,
  extra: NotificationParams = {},
) {
  const orgIds = [
    ...(side !== 'seller' ? [n.sellerOrgId] : []),
    ...(side !== 'buyer' ? [n.buyerOrgId] : []),
  ];
  const accountIds = side !== 'broker' && n.brokerId !== null ? [n.brokerId] : [];
  const from =
    side === 'seller' ? n.sellerName : side === 'buyer' ? n.buyerName : (n.brokerName ?? '');
  await notifyInTrx(ctx, trx, {
    to: { orgIds, accountIds, roles: PARTY_ROLES },
    type,
    params: { from, achievement: n.achievementTitle, ...extra },
    link: `/app/negotiations/${n.id}`,
  });
}
