import {
  type Achievement,
  type AchievementInput,
  AchievementInputSchema,
  type AchievementStatus,
  type AchievementUpdate,
  type AchievementValues,
  canTransition,
  type MarketListQuery,
  type Page,
  stageOfTrl,
} from '@corridor/contracts';
import type { Transaction } from 'kysely';
import { piDigest, valuesBefore, writeAudit } from '../../core/audit/audit';
import type { Actor, Ctx } from '../../core/context';
import type { Database } from '../../core/db/schema';
import { AppError } from '../../core/errors';
import { attachFilesInTrx } from '../files/files.service';
import { creatorOrg, draftChanges, mergedValues } from './market.drafts';
import { canSee, canUseMarket, cityScope, isListed } from './market.policy';
import { presentAchievement } from './market.present';
import * as repo from './market.repo';

/** Achievements: create and edit drafts, lists. The workflow steps are in market.workflow.ts. */

export function requireMarketUser(ctx: Ctx) {
  if (!ctx.actor || !canUseMarket(ctx.actor)) throw new AppError('permission.denied');
  return ctx.actor;
}

/** A record the actor may see, or 404 (records they may not see do not exist for them). */
export async function loadVisible(ctx: Ctx, id: number) {
  const actor = requireMarketUser(ctx);
  const row = await repo.findAchievement(ctx.deps.db, id);
  if (!row || !canSee(actor, row)) throw new AppError('market.achievement_not_found');
  return { actor, row };
}

/** Audit detail: facts as they are, the inventors' names as keyed digests. */
export function auditDetail(ctx: Ctx, v: Partial<AchievementValues>): Record<string, unknown> {
  const { inventors, abstract, ...rest } = v;
  return {
    ...rest,
    ...(abstract !== undefined ? { abstractChars: abstract.length } : {}),
    ...(inventors ? { inventors: inventors.map((n) => piDigest(ctx, n)) } : {}),
  };
}

export function columnsOf(v: Omit<AchievementValues, 'attachments'>) {
  return {
    title: v.title,
    abstract: v.abstract,
    keywords: JSON.stringify(v.keywords),
    field: v.field,
    industry: v.industry,
    trl: v.trl,
    stage: v.stage ?? stageOfTrl(v.trl),
    ipItems: JSON.stringify(v.ipItems),
    inventors: JSON.stringify(v.inventors),
    transferModes: JSON.stringify(v.transferModes),
    priceWan: v.priceWan,
  };
}

export async function getAchievement(ctx: Ctx, id: number): Promise<Achievement> {
  const { actor, row } = await loadVisible(ctx, id);
  return presentAchievement(actor, row);
}

export async function createAchievement(ctx: Ctx, input: AchievementValues): Promise<Achievement> {
  const { actor, org } = await creatorOrg(ctx);
  const now = new Date().toISOString();
  const id = await ctx.deps.db.transaction().execute(async (trx) => {
    const newId = await repo.insertAchievement(trx, {
      ...columnsOf(input),
      attachments: '[]',
      orgId: org.id,
      regionCode: org.regionCode,
      status: 'draft',
      showcase: 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.id,
      updatedBy: actor.id,
    });
    await writeAudit(trx, ctx, {
      action: 'market.achievement.create',
      objectType: 'market_achievement',
      objectId: newId,
      regionCode: org.regionCode,
      detail: auditDetail(ctx, input),
    });
    if (input.attachments.length > 0) await setAttachments(trx, ctx, newId, org.regionCode, input);
    return newId;
  });
  return getAchievement(ctx, id);
}

function currentValues(row: repo.AchievementRow): AchievementInput {
  return {
    title: row.title,
    abstract: row.abstract,
    keywords: JSON.parse(row.keywords),
    field: row.field as AchievementInput['field'],
    industry: row.industry as AchievementInput['industry'],
    trl: row.trl,
    stage: row.stage as AchievementInput['stage'],
    ipItems: JSON.parse(row.ipItems),
    inventors: JSON.parse(row.inventors),
    transferModes: JSON.parse(row.transferModes),
    priceWan: row.priceWan === null ? null : Number(row.priceWan),
    // Only uploaded files can be sent back; metadata filed before uploads existed is kept
    // until the attachments themselves are edited.
    attachments: (JSON.parse(row.attachments) as { fileId?: number | null }[])
      .filter((a) => typeof a.fileId === 'number')
      .map((a) => ({ fileId: a.fileId as number })),
  };
}

/** Links the listed uploads to the achievement and stores their display facts on it. */
async function setAttachments(
  trx: Transaction<Database>,
  ctx: Ctx,
  id: number,
  regionCode: string,
  v: Pick<AchievementValues, 'attachments'>,
) {
  const list = await attachFilesInTrx(
    trx,
    ctx,
    { type: 'market_achievement', id, regionCode },
    v.attachments.map((a) => a.fileId),
    { field: (i) => `attachments.${i}.fileId`, mode: 'replace' },
  );
  await trx
    .updateTable('marketAchievements')
    .set({ attachments: JSON.stringify(list) })
    .where('id', '=', id)
    .execute();
}

/** Edits a draft of the actor's organisation (optimistic: the version read must be current). */
export async function updateAchievement(
  ctx: Ctx,
  id: number,
  patch: AchievementUpdate,
): Promise<Achievement> {
  const { actor, row } = await loadVisible(ctx, id);
  const edit = draftChanges(actor, row, patch);
  if (!edit) return presentAchievement(actor, row);
  const { version, changed } = edit;
  // A new TRL without a stage takes the TRL's usual stage rather than keeping a stale one.
  const base = currentValues(row);
  if ('trl' in changed && !('stage' in changed)) delete base.stage;
  const merged = mergedValues(AchievementInputSchema, base, changed);
  await ctx.deps.db.transaction().execute(async (trx) => {
    const ok = await repo.updateAchievementIfVersion(trx, id, version, {
      ...columnsOf(merged),
      updatedAt: new Date().toISOString(),
      updatedBy: actor.id,
    });
    if (!ok) throw new AppError('market.version_conflict');
    if ('attachments' in changed) await setAttachments(trx, ctx, id, row.regionCode, merged);
    await writeAudit(trx, ctx, {
      action: 'market.achievement.update',
      objectType: 'market_achievement',
      objectId: id,
      regionCode: row.regionCode,
      detail: {
        changed: auditDetail(ctx, changed as Partial<AchievementValues>),
        before: auditDetail(ctx, valuesBefore(currentValues(row), changed)),
        fromVersion: version,
      },
    });
  });
  return getAchievement(ctx, id);
}

/**
 * The repository filter of a list scope: 'mine' = the actor's organisation (null when the
 * actor has none: an empty list), 'city' = an official's city (403 for anyone else).
 */
export function listFilter(actor: Actor, q: Pick<MarketListQuery, 'scope' | 'status' | 'city'>) {
  const statuses = q.status ? { statuses: [q.status] } : {};
  if (q.scope === 'mine') return actor.orgId ? { orgId: actor.orgId, ...statuses } : null;
  const scope = cityScope(actor, q.city);
  if (scope === null) throw new AppError('permission.denied');
  return { ...(scope === 'all' ? {} : { city: scope }), ...statuses };
}

/** The actor's organisation's achievements (scope mine) or an official's city (scope city). */
export async function listAchievements(ctx: Ctx, q: MarketListQuery): Promise<Page<Achievement>> {
  const actor = requireMarketUser(ctx);
  const filter = listFilter(actor, q);
  if (!filter) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const { total, rows } = await repo.listAchievementRows(ctx.deps.db, filter, q.page, q.pageSize);
  return {
    items: rows.map((r) => presentAchievement(actor, r)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/**
 * For the deals module: an organisation's achievements the actor may see (all of them for its
 * own users and officials of its city, the listed ones for everyone else).
 */
export async function listAchievementsForOrg(ctx: Ctx, orgId: number): Promise<Achievement[]> {
  const actor = requireMarketUser(ctx);
  const { rows } = await repo.listAchievementRows(ctx.deps.db, { orgId }, 1, 1000);
  return rows.filter((r) => canSee(actor, r)).map((r) => presentAchievement(actor, r));
}

/** The newest published achievements (demo seeds of other modules pick from them). */
export async function listAchievementsForSeed(ctx: Ctx, limit: number): Promise<Achievement[]> {
  const actor = requireMarketUser(ctx);
  const { rows } = await repo.listAchievementRows(
    ctx.deps.db,
    { statuses: ['published'] },
    1,
    limit,
  );
  return rows.map((r) => presentAchievement(actor, r));
}

/**
 * For the deals module: moves a listed achievement between published, in_negotiation and
 * transacted (the caller's own policy decides whether the actor may). Illegal moves are 409.
 */
export async function setAchievementStatus(
  ctx: Ctx,
  id: number,
  to: Extract<AchievementStatus, 'published' | 'in_negotiation' | 'transacted'>,
): Promise<Achievement> {
  await ctx.deps.db.transaction().execute(async (trx) => {
    const moved = await moveAchievementInTrx(ctx, trx, id, to);
    if (!moved) throw new AppError('market.illegal_transition');
  });
  const updated = (await repo.findAchievement(ctx.deps.db, id))!;
  return presentAchievement(ctx.actor ?? SYSTEM_ACTOR, updated);
}

/**
 * The same step inside a caller's transaction (negotiations, contracts), so the achievement's
 * status changes only if the caller's change commits. Answers false, changing nothing, when the
 * step does not exist from the current status (e.g. already transacted).
 */
export async function moveAchievementInTrx(
  ctx: Ctx,
  trx: Transaction<Database>,
  id: number,
  to: Extract<AchievementStatus, 'published' | 'in_negotiation' | 'transacted'>,
): Promise<boolean> {
  const row = await repo.findAchievement(trx, id);
  if (!row) throw new AppError('market.achievement_not_found');
  const from = row.status as AchievementStatus;
  if (!isListed(from) || !canTransition(from, to)) return false;
  const ok = await repo.updateAchievementIfVersion(trx, id, row.version, {
    status: to,
    // A transacted achievement stays findable (a reference deal) but is no longer featured.
    ...(to === 'transacted' ? { showcase: 0 } : {}),
    updatedAt: new Date().toISOString(),
    updatedBy: ctx.actor?.id ?? null,
  });
  if (!ok) throw new AppError('market.version_conflict');
  await writeAudit(trx, ctx, {
    action: 'market.achievement.status',
    objectType: 'market_achievement',
    objectId: id,
    regionCode: row.regionCode,
    detail: { from, to },
  });
  return true;
}

/** Presents records for a system caller (no session): no abilities. */
const SYSTEM_ACTOR: Actor = {
  id: 0,
  username: 'system',
  displayName: 'system',
  roles: [],
  regionCode: '420000',
  orgId: null,
  sessionHash: '',
  csrfToken: '',
};

/** Achievement titles by id (the audit log names the objects of its events with them). */
export function achievementNames(ctx: Ctx, ids: readonly number[]) {
  return repo.achievementTitlesByIds(ctx.deps.db, ids);
}
