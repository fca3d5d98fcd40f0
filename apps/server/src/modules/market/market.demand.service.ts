import {
  DEMAND_TRANSITIONS,
  type Demand,
  DemandInputSchema,
  type DemandStatus,
  type DemandUpdate,
  type DemandValues,
  type MarketListQuery,
  type Page,
} from '@corridor/contracts';
import { valuesBefore, writeAudit } from '../../core/audit/audit';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { creatorOrg, draftChanges, mergedValues } from './market.drafts';
import { indexDemand, unindex } from './market.index';
import { canEdit, canSeeDemand, canWithdraw } from './market.policy';
import { presentDemand } from './market.present';
import * as repo from './market.repo';
import { listFilter, requireMarketUser } from './market.service';

/**
 * Technology demands (技术需求): an organisation's problem looking for a solution. Workflow:
 * draft → published (optionally as an open call, shown publicly) → closed; withdrawn from
 * draft or published. No curation step: a demand describes the owner's own need.
 */

async function loadVisible(ctx: Ctx, id: number) {
  const actor = requireMarketUser(ctx);
  const row = await repo.findDemand(ctx.deps.db, id);
  if (!row || !canSeeDemand(actor, row)) throw new AppError('market.demand_not_found');
  return { actor, row };
}

function columnsOf(v: DemandValues) {
  return {
    title: v.title,
    description: v.description,
    field: v.field,
    industry: v.industry,
    budgetWan: v.budgetWan,
    deadline: v.deadline,
  };
}

export async function getDemand(ctx: Ctx, id: number): Promise<Demand> {
  const { actor, row } = await loadVisible(ctx, id);
  return presentDemand(actor, row);
}

export async function createDemand(ctx: Ctx, input: DemandValues): Promise<Demand> {
  const { actor, org } = await creatorOrg(ctx);
  const now = new Date().toISOString();
  const id = await ctx.deps.db.transaction().execute(async (trx) => {
    const newId = await repo.insertDemand(trx, {
      ...columnsOf(input),
      orgId: org.id,
      regionCode: org.regionCode,
      status: 'draft',
      openCall: 0,
      version: 1,
      createdAt: now,
      updatedAt: now,
      createdBy: actor.id,
      updatedBy: actor.id,
    });
    await writeAudit(trx, ctx, {
      action: 'market.demand.create',
      objectType: 'market_demand',
      objectId: newId,
      regionCode: org.regionCode,
      detail: { ...input, description: undefined, descriptionChars: input.description.length },
    });
    return newId;
  });
  return getDemand(ctx, id);
}

/** A demand's values as the audit log keeps them: the description (free text) by its length. */
function demandAuditValues(values: Record<string, unknown>): Record<string, unknown> {
  const { description, ...rest } = values;
  return typeof description === 'string' ? { ...rest, descriptionChars: description.length } : rest;
}

export async function updateDemand(ctx: Ctx, id: number, patch: DemandUpdate): Promise<Demand> {
  const { actor, row } = await loadVisible(ctx, id);
  const edit = draftChanges(actor, row, patch);
  if (!edit) return presentDemand(actor, row);
  const { version, changed } = edit;
  const stored = {
    title: row.title,
    description: row.description,
    field: row.field,
    industry: row.industry,
    budgetWan: row.budgetWan === null ? null : Number(row.budgetWan),
    deadline: row.deadline,
  };
  const merged = mergedValues(DemandInputSchema, stored, changed);
  await ctx.deps.db.transaction().execute(async (trx) => {
    const ok = await repo.updateDemandIfVersion(trx, id, version, {
      ...columnsOf(merged),
      updatedAt: new Date().toISOString(),
      updatedBy: actor.id,
    });
    if (!ok) throw new AppError('market.version_conflict');
    await writeAudit(trx, ctx, {
      action: 'market.demand.update',
      objectType: 'market_demand',
      objectId: id,
      regionCode: row.regionCode,
      detail: {
        changed: demandAuditValues(changed),
        before: demandAuditValues(valuesBefore(stored, changed)),
        fromVersion: version,
      },
    });
  });
  return getDemand(ctx, id);
}

export async function listDemands(ctx: Ctx, q: MarketListQuery): Promise<Page<Demand>> {
  const actor = requireMarketUser(ctx);
  const filter = listFilter(actor, q);
  if (!filter) return { items: [], total: 0, page: q.page, pageSize: q.pageSize };
  const { total, rows } = await repo.listDemandRows(ctx.deps.db, filter, q.page, q.pageSize);
  return {
    items: rows.map((r) => presentDemand(actor, r)),
    total,
    page: q.page,
    pageSize: q.pageSize,
  };
}

/** publish (owner), close (owner or officials of its city), withdraw (same). */
export async function moveDemand(
  ctx: Ctx,
  id: number,
  version: number,
  to: Exclude<DemandStatus, 'draft'>,
  openCall = false,
): Promise<Demand> {
  const { actor, row } = await loadVisible(ctx, id);
  const allowed = to === 'published' ? canEdit(actor, row) : canWithdraw(actor, row);
  if (!allowed) throw new AppError('permission.denied');
  const from = row.status as DemandStatus;
  if (!DEMAND_TRANSITIONS[from].includes(to)) throw new AppError('market.illegal_transition');
  if (version !== row.version) throw new AppError('market.version_conflict');
  if (to === 'published' && row.deadline < new Date().toISOString().slice(0, 10)) {
    throw new AppError('market.deadline_passed');
  }
  const now = new Date().toISOString();
  await ctx.deps.db.transaction().execute(async (trx) => {
    let searchKey = row.searchKey;
    if (to === 'published') searchKey = await indexDemand(trx, ctx.deps.dialect, row);
    else if (from === 'published') {
      await unindex(trx, ctx.deps.dialect, 'demand', row.searchKey);
      searchKey = null;
    }
    const ok = await repo.updateDemandIfVersion(trx, id, version, {
      status: to,
      searchKey,
      openCall: to === 'published' && openCall ? 1 : 0,
      ...(to === 'published' ? { publishedAt: now } : {}),
      updatedAt: now,
      updatedBy: actor.id,
    });
    if (!ok) throw new AppError('market.version_conflict');
    await writeAudit(trx, ctx, {
      action: `market.demand.${to === 'published' ? 'publish' : to === 'closed' ? 'close' : 'withdraw'}`,
      objectType: 'market_demand',
      objectId: id,
      regionCode: row.regionCode,
      detail: { from, to, ...(to === 'published' ? { openCall } : {}) },
    });
  });
  return getDemand(ctx, id);
}

/** The newest published demands (demo seeds of other modules pick from them). */
export async function listDemandsForSeed(ctx: Ctx, limit: number): Promise<Demand[]> {
  const actor = requireMarketUser(ctx);
  const { rows } = await repo.listDemandRows(ctx.deps.db, { statuses: ['published'] }, 1, limit);
  return rows.map((r) => presentDemand(actor, r));
}

/**
 * The scheduled job's step (market.close_expired_demands): published demands whose deadline
 * has passed are closed as the system, each with its audit event in its own transaction.
 * Returns how many were closed.
 */
export async function closeExpiredDemands(ctx: Ctx, now: Date): Promise<number> {
  const today = now.toISOString().slice(0, 10);
  const expired = await ctx.deps.db
    .selectFrom('marketDemands')
    .select(['id', 'version', 'searchKey', 'regionCode'])
    .where('status', '=', 'published')
    .where('deadline', '<', today)
    .orderBy('id')
    .execute();
  let closed = 0;
  for (const row of expired) {
    const at = now.toISOString();
    const ok = await ctx.deps.db.transaction().execute(async (trx) => {
      const moved = await repo.updateDemandIfVersion(trx, row.id, row.version, {
        status: 'closed',
        searchKey: null,
        openCall: 0,
        updatedAt: at,
      });
      if (!moved) return false; // changed meanwhile by its owner: left for the next run
      await unindex(trx, ctx.deps.dialect, 'demand', row.searchKey);
      await writeAudit(trx, ctx, {
        action: 'market.demand.close',
        objectType: 'market_demand',
        objectId: row.id,
        regionCode: row.regionCode,
        detail: { from: 'published', to: 'closed', reason: 'deadline_passed' },
      });
      return true;
    });
    if (ok) closed += 1;
  }
  return closed;
}

/** Demand titles by id (the audit log names the objects of its events with them). */
export function demandNames(ctx: Ctx, ids: readonly number[]) {
  return repo.demandTitlesByIds(ctx.deps.db, ids);
}
