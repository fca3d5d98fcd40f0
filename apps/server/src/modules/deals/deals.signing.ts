import type { Deal, DealSide } from '@corridor/contracts';
import { writeAudit } from '../../core/audit/audit';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { notifyInTrx } from '../notifications/notifications.service';
import { sideOf } from './deals.policy';
import * as repo from './deals.repo';
import { getDeal, loadVisible } from './deals.service';

/**
 * A contract binds two organisations, so each confirms it for itself (issue 10 item 1): a
 * draft becomes signed only when a user of the seller and a user of the buyer have confirmed,
 * and only a signed contract can be registered. Either side may refuse instead, with a reason
 * the other side reads; a refused contract stays as the record of that refusal.
 */
const other = (side: DealSide): DealSide => (side === 'seller' ? 'buyer' : 'seller');

function partyOrg(row: repo.DealRow, side: DealSide) {
  return side === 'seller'
    ? { orgId: row.sellerOrgId, name: row.sellerName }
    : { orgId: row.buyerOrgId, name: row.buyerName };
}

function confirmedAt(row: repo.DealRow, side: DealSide) {
  return side === 'seller' ? row.sellerSignedAt : row.buyerSignedAt;
}

/** The actor's side of a draft it may still answer; refusals name what is wrong. */
async function answerable(ctx: Ctx, id: number, version: number) {
  const row = await loadVisible(ctx, id);
  const side = sideOf(ctx.actor!, row);
  if (!side) throw new AppError('deal.not_party');
  if (row.status !== 'draft') throw new AppError('deal.illegal_transition');
  if (confirmedAt(row, side)) throw new AppError('deal.already_confirmed');
  if (row.version !== version) throw new AppError('record.version_conflict');
  return { row, side };
}

/** The caller's organisation confirms it signed; the second confirmation makes it signed. */
export async function confirmDeal(ctx: Ctx, id: number, version: number): Promise<Deal> {
  const { row, side } = await answerable(ctx, id, version);
  const now = new Date().toISOString();
  const complete = confirmedAt(row, other(side)) !== null;
  await ctx.deps.db.transaction().execute(async (trx) => {
    const ok = await repo.updateDealIfVersion(trx, id, row.version, {
      ...(side === 'seller'
        ? { sellerSignedAt: now, sellerSignedBy: ctx.actor!.id }
        : { buyerSignedAt: now, buyerSignedBy: ctx.actor!.id }),
      ...(complete ? { status: 'signed' } : {}),
      updatedAt: now,
    });
    if (!ok) throw new AppError('record.version_conflict');
    const me = partyOrg(row, side);
    if (complete)
      await notifyInTrx(ctx, trx, {
        to: { orgIds: [row.sellerOrgId, row.buyerOrgId] },
        type: 'deal_signed',
        params: { projectName: row.projectName },
        link: '/app/deals',
      });
    else
      await notifyInTrx(ctx, trx, {
        to: { orgIds: [partyOrg(row, other(side)).orgId] },
        type: 'deal_confirm_requested',
        params: { from: me.name, projectName: row.projectName },
        link: '/app/deals',
      });
    await writeAudit(trx, ctx, {
      action: 'deal.sign',
      objectType: 'deal',
      objectId: id,
      regionCode: row.sellerCity,
      detail: { side, from: 'draft', to: complete ? 'signed' : 'draft' },
    });
  });
  return getDeal(ctx, id);
}

/** The caller's organisation declines to sign, saying why; the other side is told. */
export async function refuseDeal(
  ctx: Ctx,
  id: number,
  version: number,
  reason: string,
): Promise<Deal> {
  const { row, side } = await answerable(ctx, id, version);
  const now = new Date().toISOString();
  await ctx.deps.db.transaction().execute(async (trx) => {
    const ok = await repo.updateDealIfVersion(trx, id, row.version, {
      status: 'refused',
      refusedAt: now,
      refusedBy: ctx.actor!.id,
      refusedSide: side,
      refusalReason: reason,
      updatedAt: now,
    });
    if (!ok) throw new AppError('record.version_conflict');
    const otherOrg = partyOrg(row, other(side)).orgId;
    await notifyInTrx(ctx, trx, {
      to: {
        orgIds: [otherOrg],
        // A broker who entered it learns it too (a party's own users are reached by org).
        ...(row.createdBy !== null ? { accountIds: [row.createdBy] } : {}),
      },
      type: 'deal_refused',
      params: { from: partyOrg(row, side).name, projectName: row.projectName, reason },
      link: '/app/deals',
    });
    await writeAudit(trx, ctx, {
      action: 'deal.refuse',
      objectType: 'deal',
      objectId: id,
      regionCode: row.sellerCity,
      detail: { side, from: 'draft', to: 'refused', reason },
    });
  });
  return getDeal(ctx, id);
}
