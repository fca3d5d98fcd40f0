import {
  normaliseIndicators,
  type Page,
  type RankingIndicator,
  type RankingMethod,
  type RankingMethodInput,
  type RankingMethodUpdate,
} from '@corridor/contracts';
import type { Selectable } from 'kysely';
import { writeAudit } from '../../core/audit/audit';
import type { Ctx } from '../../core/context';
import { isUniqueViolation } from '../../core/db/dialect';
import { claimVersion } from '../../core/db/row-version';
import type { RankingMethodsTable } from '../../core/db/schema';
import { AppError } from '../../core/errors';
import { isPublisher } from './rankings.policy';
import * as repo from './rankings.repo';

type MethodRow = Selectable<RankingMethodsTable>;

export function methodIndicators(row: Pick<MethodRow, 'indicators'>): RankingIndicator[] {
  return JSON.parse(row.indicators) as RankingIndicator[];
}

function present(ctx: Ctx, row: MethodRow): RankingMethod {
  return {
    id: row.id,
    code: row.code,
    version: row.version,
    revision: row.revision,
    name: row.name,
    description: row.description,
    normalisation: row.normalisation as RankingMethod['normalisation'],
    indicators: methodIndicators(row),
    status: row.status as RankingMethod['status'],
    createdAt: row.createdAt,
    publishedAt: row.publishedAt,
    abilities: { edit: row.status === 'draft' && ownsMethod(ctx, row) },
  };
}

function ownsMethod(ctx: Ctx, row: MethodRow) {
  return isPublisher(ctx.actor) && row.ownerId === ctx.actor.id;
}

/** Published methods are public (the recipe of every list); drafts only to their author. */
async function visibleMethod(ctx: Ctx, id: number): Promise<MethodRow> {
  const row = await repo.findMethod(ctx.deps.db, id);
  if (!row || (row.status !== 'published' && !ownsMethod(ctx, row)))
    throw new AppError('ranking.method_not_found');
  return row;
}

export async function getMethod(ctx: Ctx, id: number): Promise<RankingMethod> {
  return present(ctx, await visibleMethod(ctx, id));
}

export async function listMethods(
  ctx: Ctx,
  q: { page: number; pageSize: number; status?: 'draft' | 'published' | undefined },
): Promise<Page<RankingMethod>> {
  const viewerId = isPublisher(ctx.actor) ? ctx.actor.id : null;
  const { total, rows } = await repo.listMethods(
    ctx.deps.db,
    { viewerId, status: q.status },
    q.page,
    q.pageSize,
  );
  return { items: rows.map((r) => present(ctx, r)), total, page: q.page, pageSize: q.pageSize };
}

/**
 * A new version of a method code (1 for a new code), as a draft of its author. `at` (also in
 * publishMethod) is for the demo seed, which backdates its rankings; the API acts now.
 */
export async function createMethod(
  ctx: Ctx,
  input: RankingMethodInput,
  at = new Date(),
): Promise<RankingMethod> {
  const actor = ctx.actor!;
  if (!isPublisher(actor)) throw new AppError('permission.denied');
  const indicators = normaliseIndicators(input.indicators);
  const now = at.toISOString();
  try {
    const id = await ctx.deps.db.transaction().execute(async (trx) => {
      const version = await repo.nextMethodVersion(trx, input.code);
      const newId = await repo.insertMethod(trx, {
        code: input.code,
        version,
        name: input.name,
        description: input.description,
        normalisation: input.normalisation,
        indicators: JSON.stringify(indicators),
        status: 'draft',
        ownerId: actor.id,
        createdAt: now,
        updatedAt: now,
        publishedAt: null,
      });
      await writeAudit(trx, ctx, {
        action: 'ranking.method.create',
        objectType: 'ranking_method',
        objectId: newId,
        detail: { code: input.code, version, normalisation: input.normalisation, indicators },
      });
      return newId;
    });
    return getMethod(ctx, id);
  } catch (error) {
    // Two authors numbering the same code at once: the unique (code, version) refuses one.
    if (isUniqueViolation(error)) throw new AppError('ranking.wrong_state');
    throw error;
  }
}

async function ownDraft(ctx: Ctx, id: number): Promise<MethodRow> {
  const row = await visibleMethod(ctx, id);
  if (!ownsMethod(ctx, row)) throw new AppError('permission.denied');
  if (row.status === 'published') throw new AppError('ranking.method_immutable');
  return row;
}

export async function updateMethod(
  ctx: Ctx,
  id: number,
  patch: RankingMethodUpdate,
): Promise<RankingMethod> {
  await ownDraft(ctx, id);
  const set = {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.description !== undefined ? { description: patch.description } : {}),
    ...(patch.normalisation !== undefined ? { normalisation: patch.normalisation } : {}),
    ...(patch.indicators !== undefined
      ? { indicators: JSON.stringify(normaliseIndicators(patch.indicators)) }
      : {}),
  };
  await ctx.deps.db.transaction().execute(async (trx) => {
    await claimVersion(trx, 'rankingMethods', id, patch.revision);
    const ok = await repo.updateDraftMethod(trx, id, {
      ...set,
      updatedAt: new Date().toISOString(),
    });
    if (!ok) throw new AppError('ranking.method_immutable');
    await writeAudit(trx, ctx, {
      action: 'ranking.method.update',
      objectType: 'ranking_method',
      objectId: id,
      detail: { changed: Object.keys(set) },
    });
  });
  return getMethod(ctx, id);
}

export async function publishMethod(
  ctx: Ctx,
  id: number,
  revision: number,
  at = new Date(),
): Promise<RankingMethod> {
  const row = await ownDraft(ctx, id);
  await ctx.deps.db.transaction().execute(async (trx) => {
    await claimVersion(trx, 'rankingMethods', id, revision);
    const now = at.toISOString();
    const ok = await repo.updateDraftMethod(trx, id, {
      status: 'published',
      publishedAt: now,
      updatedAt: now,
    });
    if (!ok) throw new AppError('ranking.method_immutable');
    await writeAudit(trx, ctx, {
      action: 'ranking.method.publish',
      objectType: 'ranking_method',
      objectId: id,
      detail: { code: row.code, version: row.version },
    });
  });
  return getMethod(ctx, id);
}

/** Method names by id (the audit log names the objects of its events with them). */
export function methodNames(ctx: Ctx, ids: readonly number[]) {
  return repo.methodNamesByIds(ctx.deps.db, ids);
}
