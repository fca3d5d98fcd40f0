import type { Insertable } from 'kysely';
import { writeAudit } from '../../core/audit/audit';
import { type Ctx, type Deps, systemCtx } from '../../core/context';
import type { MarketAchievementsTable, MarketDemandsTable } from '../../core/db/schema';
import { generateOrgs } from '../../core/demo/orgs';
import { findOrgRefsByCreditCodes } from '../orgs/orgs.service';
import {
  achievementSource,
  buildIndexDoc,
  demandSource,
  type IndexDoc,
  type IndexKind,
  insertIndexDocs,
} from '../search';
import { isListed, OWNER_ORG_TYPES } from './market.policy';
import * as repo from './market.repo';
import {
  type DemoAchievement,
  type DemoDemand,
  generateAchievements,
  generateDemands,
  type OwnerOrg,
} from './market.seed';
import { columnsOf } from './market.service';

/**
 * Bulk loading for demo data and the search bench: many records per transaction, listed ones
 * indexed with listing numbers reserved in one step, one audit event per batch.
 */

/** Reserves `n` listing numbers in a transaction of its own; returns the first. */
export async function reserveListings(ctx: Ctx, kind: IndexKind, n: number): Promise<number> {
  return ctx.deps.db.transaction().execute((trx) => repo.reserveSeq(trx, kind, n));
}

function achievementRow(
  a: DemoAchievement,
  doc: IndexDoc | null,
): Insertable<MarketAchievementsTable> {
  const listed = isListed(a.status);
  const reviewed = listed || a.status === 'curated';
  return {
    ...columnsOf(a),
    attachments: '[]',
    orgId: a.orgId,
    regionCode: a.regionCode,
    status: a.status,
    showcase: a.showcase ? 1 : 0,
    searchKey: doc?.key ?? null,
    version: 1,
    createdAt: a.at,
    updatedAt: a.at,
    submittedAt: a.status === 'draft' ? null : a.at,
    curatedAt: reviewed ? a.at : null,
    publishedAt: listed ? a.at : null,
  };
}

function demandRow(d: DemoDemand, doc: IndexDoc | null): Insertable<MarketDemandsTable> {
  return {
    orgId: d.orgId,
    regionCode: d.regionCode,
    title: d.title,
    description: d.description,
    field: d.field,
    industry: d.industry,
    budgetWan: d.budgetWan,
    deadline: d.deadline,
    status: d.status,
    openCall: d.openCall ? 1 : 0,
    searchKey: doc?.key ?? null,
    version: 1,
    createdAt: d.at,
    updatedAt: d.at,
    publishedAt: d.status === 'draft' ? null : d.at,
  };
}

/** Inserts records with their (pre-built) index docs; `doc` is null for unlisted records. */
export async function bulkInsertAchievements(
  ctx: Ctx,
  items: readonly { a: DemoAchievement; doc: IndexDoc | null }[],
): Promise<void> {
  await ctx.deps.db.transaction().execute(async (trx) => {
    for (let i = 0; i < items.length; i += 300) {
      const batch = items.slice(i, i + 300);
      await trx
        .insertInto('marketAchievements')
        .values(batch.map(({ a, doc }) => achievementRow(a, doc)))
        .execute();
    }
    const docs = items.flatMap(({ doc }) => (doc ? [doc] : []));
    await insertIndexDocs(trx, ctx.deps.dialect, 'achievement', docs);
    await writeAudit(trx, ctx, {
      action: 'market.bulk_load',
      objectType: 'market_achievement',
      detail: { count: items.length, listed: docs.length },
    });
  });
}

export async function bulkInsertDemands(
  ctx: Ctx,
  items: readonly { d: DemoDemand; doc: IndexDoc | null }[],
): Promise<void> {
  await ctx.deps.db.transaction().execute(async (trx) => {
    for (let i = 0; i < items.length; i += 300) {
      await trx
        .insertInto('marketDemands')
        .values(items.slice(i, i + 300).map(({ d, doc }) => demandRow(d, doc)))
        .execute();
    }
    const docs = items.flatMap(({ doc }) => (doc ? [doc] : []));
    await insertIndexDocs(trx, ctx.deps.dialect, 'demand', docs);
    await writeAudit(trx, ctx, {
      action: 'market.bulk_load',
      objectType: 'market_demand',
      detail: { count: items.length, listed: docs.length },
    });
  });
}

export interface NamedOwner extends OwnerOrg {
  name: string;
}

/** The seeded organisations that own market records (enterprises, universities, institutes). */
export async function demoOwners(ctx: Ctx, orgScale: number): Promise<NamedOwner[]> {
  const wanted = [...generateOrgs({ scale: orgScale })].filter((o) =>
    OWNER_ORG_TYPES.includes(o.type),
  );
  const byCode = new Map(wanted.map((o) => [o.creditCode, o]));
  const refs = new Map(
    (await findOrgRefsByCreditCodes(ctx, [...byCode.keys()])).map((r) => [r.creditCode, r]),
  );
  // In generation order, not the database's: the same owners list on every engine.
  return wanted.flatMap((o) => {
    const r = refs.get(o.creditCode);
    return r
      ? [{ id: r.id, regionCode: r.regionCode, type: r.type, industry: o.industry, name: o.name }]
      : [];
  });
}

/**
 * Demo achievements and demands for the seeded organisations: five achievements and one and a
 * half demands per organisation of the seed scale (3,000 and 900 at the default 600). Runs once:
 * an existing market is left as it is.
 */
export async function seedMarket(deps: Deps, orgScale: number) {
  const ctx = systemCtx(deps);
  const present = await deps.db.selectFrom('marketAchievements').select('id').limit(1).execute();
  if (present.length > 0 || orgScale === 0) return { achievements: 0, demands: 0 };
  const owners = await demoOwners(ctx, orgScale);
  if (owners.length === 0) return { achievements: 0, demands: 0 };
  const names = new Map(owners.map((o) => [o.id, o.name]));

  const achievements = [...generateAchievements({ count: orgScale * 5, owners })];
  const listedA = achievements.filter((a) => isListed(a.status)).length;
  let seq = await reserveListings(ctx, 'achievement', Math.max(listedA, 1));
  const aItems = achievements.map((a) => ({
    a,
    doc: isListed(a.status)
      ? buildIndexDoc(seq++, achievementSource({ ...a, orgName: names.get(a.orgId) ?? '' }))
      : null,
  }));
  for (let i = 0; i < aItems.length; i += 2000) {
    await bulkInsertAchievements(ctx, aItems.slice(i, i + 2000));
  }

  const demands = [...generateDemands({ count: Math.round(orgScale * 1.5), owners })];
  const listedD = demands.filter((d) => d.status === 'published').length;
  seq = await reserveListings(ctx, 'demand', Math.max(listedD, 1));
  const dItems = demands.map((d) => ({
    d,
    doc:
      d.status === 'published'
        ? buildIndexDoc(seq++, demandSource({ ...d, orgName: names.get(d.orgId) ?? '' }))
        : null,
  }));
  await bulkInsertDemands(ctx, dItems);
  return { achievements: achievements.length, demands: demands.length };
}
