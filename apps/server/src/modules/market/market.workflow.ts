import {
  type Achievement,
  type AchievementStatus,
  type AuditAction,
  canTransition,
  type ReviewBody,
} from '@corridor/contracts';
import type { Transaction, Updateable } from 'kysely';
import { writeAudit } from '../../core/audit/audit';
import type { Actor, Ctx } from '../../core/context';
import type { Database, MarketAchievementsTable } from '../../core/db/schema';
import { AppError, fieldError } from '../../core/errors';
import { notifyInTrx } from '../notifications/notifications.service';
import { indexAchievement, unindex } from './market.index';
import {
  canFeature,
  canPublish,
  canReview,
  canSubmit,
  canWithdraw,
  isListed,
  isOfficial,
  type OwnedRecord,
} from './market.policy';
import * as repo from './market.repo';
import { getAchievement, loadVisible } from './market.service';

/**
 * The achievement workflow: draft → submitted → curated → published → in_negotiation →
 * transacted, returned to draft by a reviewer, withdrawn from any open state. Each step checks
 * who acts (policy), whether the step exists from the current state (409 otherwise) and the
 * version the actor read (409 when someone acted first), then changes the row, the index and
 * the audit log in one transaction.
 */
type Step = {
  action: AuditAction;
  to: AchievementStatus;
  allowed: (actor: Actor, r: OwnedRecord) => boolean;
  /** Officials outside the record's city get 403, not 404: the rule, not the record, refuses. */
  officialStep?: boolean;
  /** The states this step starts from (defaults to any the transition table allows). */
  from?: readonly AchievementStatus[];
};

async function step(
  ctx: Ctx,
  id: number,
  version: number,
  s: Step,
  set: (row: repo.AchievementRow, now: string) => Updateable<MarketAchievementsTable>,
  detail: Record<string, unknown> = {},
  /** More writes of the same transaction (e.g. telling the owner of a review). */
  after?: (trx: Transaction<Database>, row: repo.AchievementRow) => Promise<unknown>,
): Promise<Achievement> {
  let loaded: Awaited<ReturnType<typeof loadVisible>>;
  try {
    loaded = await loadVisible(ctx, id);
  } catch (error) {
    // A city admin reviewing another city's record: the record exists, the rule refuses.
    if (s.officialStep && ctx.actor && isOfficial(ctx.actor)) {
      const row = await repo.findAchievement(ctx.deps.db, id);
      if (row) throw new AppError('permission.denied');
    }
    throw error;
  }
  const { actor, row } = loaded;
  if (!s.allowed(actor, row)) throw new AppError('permission.denied');
  const from = row.status as AchievementStatus;
  if (!canTransition(from, s.to) || (s.from && !s.from.includes(from))) {
    throw new AppError('market.illegal_transition');
  }
  if (version !== row.version) throw new AppError('market.version_conflict');
  const now = new Date().toISOString();
  await ctx.deps.db.transaction().execute(async (trx) => {
    const changes = set(row, now);
    if (s.to === 'published' && from === 'curated') {
      changes.searchKey = await indexAchievement(trx, ctx.deps.dialect, row);
      changes.publishedAt = now;
    }
    if (s.to === 'withdrawn' && isListed(from)) {
      await unindex(trx, ctx.deps.dialect, 'achievement', row.searchKey);
      changes.searchKey = null;
      changes.showcase = 0;
    }
    const ok = await repo.updateAchievementIfVersion(trx, id, version, {
      ...changes,
      status: s.to,
      updatedAt: now,
      updatedBy: actor.id,
    });
    if (!ok) throw new AppError('market.version_conflict');
    if (after) await after(trx, row);
    await writeAudit(trx, ctx, {
      action: s.action,
      objectType: 'market_achievement',
      objectId: id,
      regionCode: row.regionCode,
      detail: { from, to: s.to, ...detail },
    });
  });
  return getAchievement(ctx, id);
}

export function submitAchievement(ctx: Ctx, id: number, version: number) {
  return step(
    ctx,
    id,
    version,
    { action: 'market.achievement.submit', to: 'submitted', allowed: canSubmit, from: ['draft'] },
    (_row, now) => ({ submittedAt: now }),
  );
}

/** An official of the record's city approves (→ curated) or returns it to the owner (→ draft). */
export function reviewAchievement(ctx: Ctx, id: number, body: ReviewBody) {
  const approve = body.decision === 'approve';
  if (!approve && !body.note) throw fieldError('note', 'required');
  return step(
    ctx,
    id,
    body.version,
    {
      action: 'market.achievement.review',
      to: approve ? 'curated' : 'draft',
      allowed: canReview,
      officialStep: true,
      from: ['submitted'],
    },
    (_row, now) => ({
      reviewNote: body.note || null,
      ...(approve ? { curatedAt: now, curatedBy: ctx.actor?.id ?? null } : {}),
    }),
    { decision: body.decision },
    (trx, row) =>
      notifyInTrx(ctx, trx, {
        to: { orgIds: [row.orgId] },
        // The reviewer's comment reaches the filer with the decision (issue 10 item 14).
        type: approve
          ? body.note
            ? 'achievement_approved_note'
            : 'achievement_approved'
          : 'achievement_returned',
        params: body.note ? { title: row.title, note: body.note } : { title: row.title },
        link: `/app/market/achievements/${id}`,
      }),
  );
}

export function publishAchievement(ctx: Ctx, id: number, version: number) {
  return step(
    ctx,
    id,
    version,
    {
      action: 'market.achievement.publish',
      to: 'published',
      allowed: canPublish,
      from: ['curated'],
    },
    () => ({}),
  );
}

export function withdrawAchievement(ctx: Ctx, id: number, version: number) {
  return step(
    ctx,
    id,
    version,
    { action: 'market.achievement.withdraw', to: 'withdrawn', allowed: canWithdraw },
    () => ({}),
  );
}

/** Features a listed achievement on the public showcase, or takes it off. */
export async function featureAchievement(
  ctx: Ctx,
  id: number,
  version: number,
  featured: boolean,
): Promise<Achievement> {
  let loaded: Awaited<ReturnType<typeof loadVisible>>;
  try {
    loaded = await loadVisible(ctx, id);
  } catch (error) {
    if (ctx.actor && isOfficial(ctx.actor) && (await repo.findAchievement(ctx.deps.db, id)))
      throw new AppError('permission.denied');
    throw error;
  }
  const { actor, row } = loaded;
  if (!canFeature(actor, row)) throw new AppError('permission.denied');
  if (!isListed(row.status) || row.status === 'transacted') throw new AppError('market.not_listed');
  if (version !== row.version) throw new AppError('market.version_conflict');
  await ctx.deps.db.transaction().execute(async (trx) => {
    const ok = await repo.updateAchievementIfVersion(trx, id, version, {
      showcase: featured ? 1 : 0,
      updatedAt: new Date().toISOString(),
      updatedBy: actor.id,
    });
    if (!ok) throw new AppError('market.version_conflict');
    await writeAudit(trx, ctx, {
      action: 'market.achievement.feature',
      objectType: 'market_achievement',
      objectId: id,
      regionCode: row.regionCode,
      detail: { featured },
    });
  });
  return getAchievement(ctx, id);
}
