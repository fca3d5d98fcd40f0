import type {
  AuditAction,
  Deal,
  DealType,
  NegotiationAbandon,
  NegotiationContract,
  NegotiationDetail,
  NegotiationMessageInput,
  NegotiationSide,
} from '@corridor/contracts';
import type { Insertable, Transaction } from 'kysely';
import { writeAudit } from '../../core/audit/audit';
import type { Ctx } from '../../core/context';
import type { Database, NegotiationEntriesTable } from '../../core/db/schema';
import { AppError, fieldError } from '../../core/errors';
import { createDeal } from '../deals/deals.service';
import { moveAchievementInTrx } from '../market/market.service';
import { findOrgFactsByIds } from '../orgs/orgs.service';
import { notifyOtherSides } from './negotiations.notify';
import { isParty } from './negotiations.policy';
import * as repo from './negotiations.repo';
import { getNegotiation, loadOwn } from './negotiations.service';

/**
 * Steps inside a thread: write (message and/or offer), accept the other party's latest offer,
 * abandon with a reason, and turn the agreed terms into a contract draft. Each step checks the
 * status and the version it read, then writes the thread, its entry and the audit event at once.
 */

type Loaded = Awaited<ReturnType<typeof loadOwn>>;
type EntryValues = Omit<
  Insertable<NegotiationEntriesTable>,
  'negotiationId' | 'authorId' | 'authorName' | 'createdAt' | 'side'
>;

/** A step names the thread version its writer read: any entry or step since moves it. */
function requireVersion(l: Loaded, version: number) {
  if (l.row.version !== version) throw new AppError('record.version_conflict');
}

const NO_OFFER = { offerType: null, offerTotalWan: null, offerTechWan: null, reason: null };

async function commit(
  ctx: Ctx,
  l: Loaded,
  action: AuditAction,
  entry: EntryValues,
  change: Partial<Insertable<Database['negotiations']>>,
  detail: Record<string, unknown>,
  after?: (trx: Transaction<Database>, entryId: number) => Promise<void>,
) {
  const now = new Date().toISOString();
  await ctx.deps.db.transaction().execute(async (trx) => {
    const entryId = await repo.insertEntry(trx, {
      ...entry,
      negotiationId: l.row.id,
      side: l.side,
      authorId: l.actor.id,
      authorName: l.actor.displayName,
      createdAt: now,
    });
    const ok = await repo.updateIfVersion(trx, l.row.id, l.row.version, {
      ...change,
      updatedAt: now,
    });
    // Someone else moved the thread on between our read and this write: nothing is kept.
    if (!ok) throw new AppError('negotiation.not_open');
    if (after) await after(trx, entryId);
    await writeAudit(trx, ctx, {
      action,
      objectType: 'negotiation',
      objectId: l.row.id,
      regionCode: l.row.sellerCity,
      detail: { ...detail, entryId },
    });
  });
}

export async function postEntry(
  ctx: Ctx,
  id: number,
  input: NegotiationMessageInput,
): Promise<NegotiationDetail> {
  const l = await loadOwn(ctx, id);
  if (l.row.status !== 'open') throw new AppError('negotiation.not_open');
  if (!input.text && !input.offer) throw fieldError('text', 'negotiation.empty');
  // Offers bind an organisation: a broker relays, the parties commit.
  if (input.offer && !isParty(l.side)) throw new AppError('permission.denied');
  const o = input.offer;
  await commit(
    ctx,
    l,
    o ? 'negotiation.offer' : 'negotiation.message',
    {
      kind: o ? 'offer' : 'message',
      text: input.text,
      ...NO_OFFER,
      ...(o
        ? { offerType: o.type, offerTotalWan: o.totalAmountWan, offerTechWan: o.techAmountWan }
        : {}),
    },
    {},
    o ? { textChars: input.text.length, offer: o } : { textChars: input.text.length },
    (trx) =>
      notifyOtherSides(
        ctx,
        trx,
        l.row,
        l.side,
        o ? 'negotiation_offer' : 'negotiation_message',
        o ? { totalAmountWan: o.totalAmountWan } : {},
      ),
  );
  return getNegotiation(ctx, id);
}

/** Accepting the other party's latest offer agrees the terms (no later offer can exist then). */
export async function acceptOffer(
  ctx: Ctx,
  id: number,
  { entryId, version }: { entryId: number; version: number },
): Promise<NegotiationDetail> {
  const l = await loadOwn(ctx, id);
  if (!isParty(l.side)) throw new AppError('permission.denied');
  if (l.row.status !== 'open') throw new AppError('negotiation.not_open');
  requireVersion(l, version);
  const latest = await repo.latestOffer(ctx.deps.db, id);
  if (!latest || latest.id !== entryId || latest.side === l.side)
    throw new AppError('negotiation.not_latest_offer');
  await commit(
    ctx,
    l,
    'negotiation.accept',
    { kind: 'accept', text: '', ...NO_OFFER },
    { status: 'agreed', agreedEntryId: latest.id },
    { offerEntryId: latest.id },
  );
  return getNegotiation(ctx, id);
}

/**
 * Either party ends the thread with a structured reason (the same codes as declined
 * introductions, so owners learn why deals die). The achievement goes back to published when
 * no other thread on it is still active.
 */
export async function abandon(
  ctx: Ctx,
  id: number,
  input: NegotiationAbandon,
): Promise<NegotiationDetail> {
  const l = await loadOwn(ctx, id);
  if (!isParty(l.side)) throw new AppError('permission.denied');
  if (l.row.status !== 'open' && l.row.status !== 'agreed')
    throw new AppError('negotiation.not_open');
  requireVersion(l, input.version);
  if (input.reason === 'other' && !input.text) throw fieldError('text', 'matching.text_required');
  await commit(
    ctx,
    l,
    'negotiation.abandon',
    { kind: 'abandon', text: input.text, ...NO_OFFER, reason: input.reason },
    { status: 'abandoned' },
    { reason: input.reason, textChars: input.text.length },
    async (trx) => {
      if ((await repo.countActiveOn(trx, l.row.achievementId)) === 0)
        await moveAchievementInTrx(ctx, trx, l.row.achievementId, 'published');
    },
  );
  return getNegotiation(ctx, id);
}

/**
 * The agreed terms become a technology contract draft: parties, type and amounts from the
 * agreed offer, the rest from the form. The deal and the thread's 'contracted' state are
 * written in one transaction (the deals service runs our part inside its own).
 */
export async function contract(
  ctx: Ctx,
  id: number,
  input: NegotiationContract,
): Promise<{ negotiation: NegotiationDetail; deal: Deal }> {
  const l = await loadOwn(ctx, id);
  if (l.row.status !== 'agreed' || l.row.agreedEntryId === null)
    throw new AppError('negotiation.not_agreed');
  requireVersion(l, input.version);
  const { version: _read, ...terms } = input;
  const offer = (await repo.entriesOf(ctx.deps.db, id)).find((e) => e.id === l.row.agreedEntryId);
  if (!offer || offer.offerType === null) throw new AppError('negotiation.not_agreed');
  const facts = await findOrgFactsByIds(ctx, [l.row.sellerOrgId, l.row.buyerOrgId]);
  const code = (orgId: number) => facts.find((f) => f.id === orgId)?.creditCode ?? '';
  if (offer.offerType === 'transfer') {
    for (const k of ['expectedNewInvestmentWan', 'expectedNewOutputWan'] as const)
      if (terms[k] === null) throw fieldError(k, 'required');
  }
  const side: NegotiationSide = l.side;
  const deal = await createDeal(
    ctx,
    {
      ...terms,
      type: offer.offerType as DealType,
      sellerCreditCode: code(l.row.sellerOrgId),
      buyerCreditCode: code(l.row.buyerOrgId),
      achievementId: l.row.achievementId,
      totalAmountWan: Number(offer.offerTotalWan),
      techAmountWan: Number(offer.offerTechWan),
    },
    async (trx, dealId) => {
      const now = new Date().toISOString();
      const ok = await repo.updateIfVersion(trx, id, l.row.version, {
        status: 'contracted',
        dealId,
        updatedAt: now,
      });
      if (!ok) throw new AppError('negotiation.not_agreed');
      const entryId = await repo.insertEntry(trx, {
        negotiationId: id,
        kind: 'contract',
        side,
        authorId: l.actor.id,
        authorName: l.actor.displayName,
        text: input.projectName,
        ...NO_OFFER,
        createdAt: now,
      });
      await writeAudit(trx, ctx, {
        action: 'negotiation.contract',
        objectType: 'negotiation',
        objectId: id,
        regionCode: l.row.sellerCity,
        detail: { dealId, entryId },
      });
    },
  );
  return { negotiation: await getNegotiation(ctx, id), deal };
}
