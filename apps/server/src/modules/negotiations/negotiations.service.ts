import type {
  DeclineReason,
  Negotiation,
  NegotiationDetail,
  NegotiationEntry,
  NegotiationOpen,
  NegotiationQuery,
  NegotiationSide,
} from '@corridor/contracts';
import type { Transaction } from 'kysely';
import { writeAudit } from '../../core/audit/audit';
import type { Actor, Ctx } from '../../core/context';
import { isUniqueViolation } from '../../core/db/dialect';
import type { Database } from '../../core/db/schema';
import { AppError, fieldError } from '../../core/errors';
import { getAchievement, moveAchievementInTrx } from '../market/market.service';
import { findOrgFactsByCreditCodes, findOrgFactsByIds } from '../orgs/orgs.service';
import { notifyOtherSides } from './negotiations.notify';
import { isBroker, isParty, isPartyUserOf, sideOf } from './negotiations.policy';
import * as repo from './negotiations.repo';

/** Opening, reading and listing negotiations; the steps inside a thread are in .steps.ts. */

const LIST_LIMIT = 200;

export function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError('auth.required');
  return ctx.actor;
}

function presentEntry(e: repo.EntryRow): NegotiationEntry {
  return {
    id: e.id,
    kind: e.kind as NegotiationEntry['kind'],
    side: e.side as NegotiationSide,
    authorName: e.authorName,
    text: e.text,
    offer:
      e.offerType !== null && e.offerTotalWan !== null && e.offerTechWan !== null
        ? {
            type: e.offerType as NonNullable<NegotiationEntry['offer']>['type'],
            totalAmountWan: Number(e.offerTotalWan),
            techAmountWan: Number(e.offerTechWan),
          }
        : null,
    reason: e.reason as DeclineReason | null,
    createdAt: e.createdAt,
  };
}

export function presentNegotiation(
  actor: Actor,
  n: repo.NegotiationRow,
  latestOffer: repo.EntryRow | undefined,
): Negotiation {
  const side = sideOf(actor, n);
  const open = n.status === 'open';
  const party = isParty(side);
  const acceptable = open && party && latestOffer !== undefined && latestOffer.side !== side;
  return {
    id: n.id,
    version: n.version,
    status: n.status as Negotiation['status'],
    achievementId: n.achievementId,
    achievementTitle: n.achievementTitle,
    seller: { orgId: n.sellerOrgId, name: n.sellerName, city: n.sellerCity },
    buyer: { orgId: n.buyerOrgId, name: n.buyerName, city: n.buyerCity },
    brokerName: n.brokerName,
    introductionId: n.introductionId,
    agreedEntryId: n.agreedEntryId,
    dealId: n.dealId,
    createdAt: n.createdAt,
    updatedAt: n.updatedAt,
    mySide: side,
    abilities: {
      write: open && side !== null,
      offer: open && party,
      acceptEntryId: acceptable ? latestOffer.id : null,
      abandon: (open || n.status === 'agreed') && party,
      contract: n.status === 'agreed' && side !== null,
    },
  };
}

/** A negotiation the caller takes part in, or 404: other parties' threads do not exist for them. */
export async function loadOwn(ctx: Ctx, id: number) {
  const actor = requireActor(ctx);
  const row = await repo.findNegotiation(ctx.deps.db, id);
  const side = row ? sideOf(actor, row) : null;
  if (!row || side === null) throw new AppError('negotiation.not_found');
  return { actor, row, side };
}

export async function getNegotiation(ctx: Ctx, id: number): Promise<NegotiationDetail> {
  const { actor, row } = await loadOwn(ctx, id);
  const entries = await repo.entriesOf(ctx.deps.db, id);
  const latest = entries.filter((e) => e.kind === 'offer').at(-1);
  return { ...presentNegotiation(actor, row, latest), entries: entries.map(presentEntry) };
}

export async function listNegotiations(
  ctx: Ctx,
  q: NegotiationQuery,
): Promise<{ items: Negotiation[] }> {
  const actor = requireActor(ctx);
  const rows = await repo.listFor(
    ctx.deps.db,
    { orgId: actor.orgId, brokerId: isBroker(actor) ? actor.id : null },
    q.status,
    LIST_LIMIT,
  );
  // Org membership alone is not enough (e.g. a talent of the org): keep the caller's own threads.
  const mine = rows.filter((r) => sideOf(actor, r) !== null);
  const offers = await repo.latestOffers(
    ctx.deps.db,
    mine.map((r) => r.id),
  );
  return { items: mine.map((r) => presentNegotiation(actor, r, offers.get(r.id))) };
}

type Facts = Awaited<ReturnType<typeof findOrgFactsByIds>>[number];
export interface OpenPlan {
  achievement: { id: number; title: string; orgId: number };
  seller: Facts;
  buyer: Facts;
  broker: { id: number; name: string } | null;
  introductionId: number | null;
  text: string;
  side: NegotiationSide;
}

/**
 * Writes a new thread and its first message, and moves a published achievement into
 * negotiation — all in the caller's transaction. Reads happen before (SQLite has one connection).
 */
export async function openInTrx(ctx: Ctx, trx: Transaction<Database>, p: OpenPlan) {
  const actor = requireActor(ctx);
  const now = new Date().toISOString();
  const id = await repo.insertNegotiation(trx, {
    achievementId: p.achievement.id,
    achievementTitle: p.achievement.title,
    introductionId: p.introductionId,
    sellerOrgId: p.seller.id,
    sellerName: p.seller.name,
    sellerCity: p.seller.regionCode,
    buyerOrgId: p.buyer.id,
    buyerName: p.buyer.name,
    buyerCity: p.buyer.regionCode,
    brokerId: p.broker?.id ?? null,
    brokerName: p.broker?.name ?? null,
    status: 'open',
    agreedEntryId: null,
    dealId: null,
    createdBy: actor.id,
    createdAt: now,
    updatedAt: now,
  });
  if (p.text)
    await repo.insertEntry(trx, {
      negotiationId: id,
      kind: 'message',
      side: p.side,
      authorId: actor.id,
      authorName: actor.displayName,
      text: p.text,
      offerType: null,
      offerTotalWan: null,
      offerTechWan: null,
      reason: null,
      createdAt: now,
    });
  await moveAchievementInTrx(ctx, trx, p.achievement.id, 'in_negotiation');
  await notifyOtherSides(
    ctx,
    trx,
    {
      id,
      achievementTitle: p.achievement.title,
      sellerOrgId: p.seller.id,
      sellerName: p.seller.name,
      buyerOrgId: p.buyer.id,
      buyerName: p.buyer.name,
      brokerId: p.broker?.id ?? null,
      brokerName: p.broker?.name ?? null,
    },
    p.side,
    'negotiation_opened',
  );
  await writeAudit(trx, ctx, {
    action: 'negotiation.open',
    objectType: 'negotiation',
    objectId: id,
    regionCode: p.seller.regionCode,
    // Message text is the parties' business: its length only.
    detail: {
      achievementId: p.achievement.id,
      sellerOrgId: p.seller.id,
      buyerOrgId: p.buyer.id,
      introductionId: p.introductionId,
      textChars: p.text.length,
    },
  });
  return id;
}

export async function hasActiveNegotiation(ctx: Ctx, achievementId: number, buyerOrgId: number) {
  return !!(await repo.findActive(ctx.deps.db, achievementId, buyerOrgId));
}

/**
 * Counts of abandon reasons on an achievement, for its owners' feedback (the matching module
 * decides who may see them). Counts only: who abandoned and the text stay in the threads.
 */
export async function abandonReasonCounts(ctx: Ctx, achievementId: number) {
  return repo.abandonReasons(ctx.deps.db, achievementId);
}

/** The threads opened by accepted introductions, by introduction id (for the matching module). */
export async function negotiationsOfIntroductions(
  ctx: Ctx,
  introductionIds: number[],
): Promise<Map<number, number>> {
  const rows = await repo.idsByIntroduction(ctx.deps.db, introductionIds);
  return new Map(rows.map((r) => [r.introductionId!, r.id]));
}

/** Facts of two organisations by id, for a thread opened from an introduction. */
export async function partiesById(ctx: Ctx, sellerOrgId: number, buyerOrgId: number) {
  const facts = await findOrgFactsByIds(ctx, [sellerOrgId, buyerOrgId]);
  const seller = facts.find((f) => f.id === sellerOrgId);
  const buyer = facts.find((f) => f.id === buyerOrgId);
  if (!seller || !buyer) throw new AppError('negotiation.not_listed');
  return { seller, buyer };
}

/**
 * A buyer's user (for their own organisation) or a broker (naming the buyer) opens a thread on a
 * listed achievement. One active thread per achievement and buyer.
 */
export async function openNegotiation(
  ctx: Ctx,
  input: NegotiationOpen,
): Promise<NegotiationDetail> {
  const actor = requireActor(ctx);
  const broker = isBroker(actor);
  if (!broker && (actor.orgId === null || !isPartyUserOf(actor, actor.orgId)))
    throw new AppError('permission.denied');
  const a = await getAchievement(ctx, input.achievementId);
  if (!['published', 'in_negotiation'].includes(a.status))
    throw new AppError('negotiation.not_listed');
  let buyer: Facts | undefined;
  if (broker && input.buyerCreditCode === undefined)
    throw fieldError('buyerCreditCode', 'negotiation.buyer_required');
  if (input.buyerCreditCode !== undefined && broker) {
    [buyer] = await findOrgFactsByCreditCodes(ctx, [input.buyerCreditCode]);
    if (!buyer) throw fieldError('buyerCreditCode', 'deal.org_unknown');
  } else {
    [buyer] = await findOrgFactsByIds(ctx, [actor.orgId!]);
  }
  if (!buyer) throw new AppError('permission.denied');
  if (!broker && input.buyerCreditCode !== undefined && input.buyerCreditCode !== buyer.creditCode)
    throw fieldError('buyerCreditCode', 'deal.not_own_org');
  if (buyer.id === a.org.id)
    throw fieldError(
      broker ? 'buyerCreditCode' : 'achievementId',
      broker ? 'deal.same_party' : 'negotiation.own_achievement',
    );
  if (await repo.findActive(ctx.deps.db, a.id, buyer.id))
    throw new AppError('negotiation.already_open');
  const { seller } = await partiesById(ctx, a.org.id, buyer.id);
  const plan: OpenPlan = {
    achievement: { id: a.id, title: a.title, orgId: a.org.id },
    seller,
    buyer,
    broker: broker ? { id: actor.id, name: actor.displayName } : null,
    introductionId: null,
    text: input.text,
    side: broker ? 'broker' : 'buyer',
  };
  try {
    const id = await ctx.deps.db.transaction().execute((trx) => openInTrx(ctx, trx, plan));
    return getNegotiation(ctx, id);
  } catch (error) {
    // Opened by someone else of the same buyer at the same moment.
    if (isUniqueViolation(error)) throw new AppError('negotiation.already_open');
    throw error;
  }
}

/** What each negotiation is about (its achievement's title) by id (the audit log names the objects of its events with them). */
export function negotiationNames(ctx: Ctx, ids: readonly number[]) {
  return repo.achievementTitlesByIds(ctx.deps.db, ids);
}
