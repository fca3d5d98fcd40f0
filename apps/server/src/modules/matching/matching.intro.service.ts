import {
  answerProblem,
  DECLINE_REASONS,
  type DeclineReason,
  type Feedback,
  type Introduction,
  type IntroductionAnswer,
  type IntroductionInput,
  mayReadFeedback,
} from '@corridor/contracts';
import { writeAudit } from '../../core/audit/audit';
import type { Actor, Ctx } from '../../core/context';
import { isUniqueViolation } from '../../core/db/dialect';
import { claimVersion } from '../../core/db/row-version';
import { AppError, fieldError } from '../../core/errors';
import { displayNameOf } from '../accounts/accounts.service';
import { getDemand } from '../market/market.demand.service';
import { getAchievement } from '../market/market.service';
import {
  abandonReasonCounts,
  hasActiveNegotiation,
  negotiationsOfIntroductions,
  type OpenPlan,
  openInTrx,
  partiesById,
} from '../negotiations/negotiations.service';
import { isAchievementOwner, isBroker } from './matching.policy';
import * as repo from './matching.repo';

/** Brokers' introductions and the owner's structured answer (reference §8.2). */

function requireActor(ctx: Ctx): Actor {
  if (!ctx.actor) throw new AppError('auth.required');
  return ctx.actor;
}

function present(r: repo.IntroductionRow, negotiationId: number | null = null): Introduction {
  return {
    id: r.id,
    version: r.version,
    achievementId: r.achievementId,
    achievementTitle: r.achievementTitle,
    demandId: r.demandId,
    demandTitle: r.demandTitle,
    brokerId: r.brokerId,
    note: r.note,
    status: r.status as Introduction['status'],
    reason: r.reason as DeclineReason | null,
    reasonText: r.reasonText,
    createdAt: r.createdAt,
    answeredAt: r.answeredAt,
    negotiationId,
  };
}

/** Introductions with the negotiation each accepted one opened. */
async function presentAll(ctx: Ctx, rows: repo.IntroductionRow[]): Promise<Introduction[]> {
  const threads = await negotiationsOfIntroductions(
    ctx,
    rows.filter((r) => r.status === 'accepted').map((r) => r.id),
  );
  return rows.map((r) => present(r, threads.get(r.id) ?? null));
}

/**
 * A broker puts a listed achievement in front of a published demand's owner, saying why (the
 * note is required by the schema). One open (pending) introduction per achievement and demand,
 * whoever the broker: a second would ask the owner the same question twice. The database holds
 * that rule (a unique index over the pending pairs), so two requests at once cannot both pass.
 */
export async function introduce(ctx: Ctx, input: IntroductionInput): Promise<Introduction> {
  const actor = requireActor(ctx);
  if (!isBroker(actor)) throw new AppError('permission.denied');
  const a = await getAchievement(ctx, input.achievementId);
  const d = await getDemand(ctx, input.demandId);
  if (!['published', 'in_negotiation'].includes(a.status) || d.status !== 'published') {
    throw new AppError('matching.not_listed');
  }
  if (a.org.id === d.org.id) throw new AppError('matching.same_org');
  let id: number;
  try {
    id = await ctx.deps.db.transaction().execute(async (trx) => {
      const newId = await repo.insertIntroduction(trx, {
        achievementId: a.id,
        achievementOrgId: a.org.id,
        demandId: d.id,
        demandOrgId: d.org.id,
        achievementTitle: a.title,
        demandTitle: d.title,
        regionCode: a.regionCode,
        brokerId: actor.id,
        note: input.note,
        status: 'pending',
        createdAt: new Date().toISOString(),
      });
      await writeAudit(trx, ctx, {
        action: 'matching.introduction.create',
        objectType: 'matching_introduction',
        objectId: newId,
        regionCode: a.regionCode,
        // The note is free text (it may name people): its length only.
        detail: { achievementId: a.id, demandId: d.id, noteChars: input.note.length },
      });
      return newId;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError('matching.already_introduced');
    throw error;
  }
  return present((await repo.findIntroduction(ctx.deps.db, id))!);
}

/** Brokers see their own introductions; owners those made to their organisation. */
export async function listIntroductions(ctx: Ctx): Promise<{ items: Introduction[] }> {
  const actor = requireActor(ctx);
  if (isBroker(actor)) {
    return {
      items: await presentAll(
        ctx,
        await repo.listIntroductions(ctx.deps.db, { brokerId: actor.id }),
      ),
    };
  }
  if (!actor.orgId) return { items: [] };
  const rows = await repo.listIntroductions(ctx.deps.db, { achievementOrgId: actor.orgId });
  return {
    items: await presentAll(
      ctx,
      rows.filter((r) => isAchievementOwner(actor, r.achievementOrgId)),
    ),
  };
}

/**
 * The achievement owner's answer. Accepting also moves the achievement to in_negotiation when
 * the market allows it (a published one); one already in negotiation stays as it is.
 */
export async function answerIntroduction(
  ctx: Ctx,
  id: number,
  answer: IntroductionAnswer,
): Promise<Introduction> {
  const actor = requireActor(ctx);
  const row = await repo.findIntroduction(ctx.deps.db, id);
  // Introductions to other organisations do not exist for this user.
  if (!row || !isAchievementOwner(actor, row.achievementOrgId)) {
    throw new AppError('matching.introduction_not_found');
  }
  if (row.status !== 'pending') throw new AppError('matching.already_answered');
  const problem = answerProblem(answer);
  if (problem) throw fieldError(problem.field, problem.reason);
  const accept = answer.decision === 'accept';
  // Accepting opens the negotiation between the two organisations, with the broker in it;
  // everything it needs is read before the transaction (SQLite has one connection).
  const thread = accept ? await negotiationPlan(ctx, row) : null;
  await ctx.deps.db.transaction().execute(async (trx) => {
    await claimVersion(trx, 'matchingIntroductions', id, answer.version);
    const ok = await repo.answerIfPending(trx, id, {
      status: accept ? 'accepted' : 'declined',
      reason: accept ? null : (answer.reason ?? null),
      reasonText: accept ? null : answer.text || null,
      answeredBy: actor.id,
      answeredAt: new Date().toISOString(),
    });
    if (!ok) throw new AppError('matching.already_answered');
    await writeAudit(trx, ctx, {
      action: accept ? 'matching.introduction.accept' : 'matching.introduction.decline',
      objectType: 'matching_introduction',
      objectId: id,
      regionCode: row.regionCode,
      detail: accept
        ? { achievementId: row.achievementId }
        : {
            achievementId: row.achievementId,
            reason: answer.reason,
            textChars: answer.text?.length ?? 0,
          },
    });
    // Also moves a published achievement into negotiation, in this transaction.
    if (thread) await openInTrx(ctx, trx, thread);
  });
  const [answered] = await presentAll(ctx, [(await repo.findIntroduction(ctx.deps.db, id))!]);
  return answered!;
}

/**
 * The thread an accepted introduction opens: seller = the achievement's organisation, buyer =
 * the demand's. None when the two are the same organisation or already negotiate this one.
 */
async function negotiationPlan(ctx: Ctx, row: repo.IntroductionRow): Promise<OpenPlan | null> {
  if (row.achievementOrgId === row.demandOrgId) return null;
  if (await hasActiveNegotiation(ctx, row.achievementId, row.demandOrgId)) return null;
  const { seller, buyer } = await partiesById(ctx, row.achievementOrgId, row.demandOrgId);
  return {
    achievement: { id: row.achievementId, title: row.achievementTitle, orgId: seller.id },
    seller,
    buyer,
    broker: { id: row.brokerId, name: (await displayNameOf(ctx, row.brokerId)) ?? '' },
    introductionId: row.id,
    text: '',
    side: 'seller',
  };
}

/** Feedback counts per decline reason, for the achievement's owners and its officials. */
export async function feedbackFor(ctx: Ctx, achievementId: number): Promise<Feedback> {
  const actor = requireActor(ctx);
  const a = await getAchievement(ctx, achievementId);
  if (!mayReadFeedback(actor, a)) throw new AppError('permission.denied');
  const rows = await repo.feedbackCounts(ctx.deps.db, achievementId);
  const abandoned = await abandonReasonCounts(ctx, achievementId);
  const count = (status: string, reason?: string) =>
    rows
      .filter((r) => r.status === status && (reason === undefined || r.reason === reason))
      .reduce((s, r) => s + Number(r.n), 0);
  return {
    pending: count('pending'),
    accepted: count('accepted'),
    declined: DECLINE_REASONS.map((reason) => ({ reason, count: count('declined', reason) })),
    abandoned: DECLINE_REASONS.map((reason) => ({
      reason,
      count: abandoned.find((a) => a.reason === reason)?.count ?? 0,
    })),
  };
}

/** What each introduction offers (its achievement's title) by id (the audit log names the objects of its events with them). */
export function introductionNames(ctx: Ctx, ids: readonly number[]) {
  return repo.introducedTitlesByIds(ctx.deps.db, ids);
}
