import {
  CITY_CODES,
  type CityCode,
  certificateValidIn,
  type EnterpriseYear,
  evaluateAllTiers,
  isWithinReach,
  ladderOf,
  type OrgTiers,
  ruleSetFor,
  TIER_IDS,
  type TierId,
  type TierResult,
  type TierStats,
  type TierView,
} from '@corridor/contracts';
import type { Insertable, Transaction } from 'kysely';
import type { Ctx } from '../../core/context';
import type { Database, TierResultsTable } from '../../core/db/schema';
import { AppError } from '../../core/errors';
import { findOrgFactsByIds } from '../orgs/orgs.service';
import {
  evaluateOrg,
  type HeldCertificate,
  type StoredYear,
  toEnterpriseYear,
} from './indicators.evaluate';
import { canReadCertifiedCounts, canReadIndicators, canReadTierStats } from './indicators.policy';
import * as repo from './indicators.repo';

export interface OrgForTiers {
  id: number;
  regionCode: string;
  industry: string | null;
  foundedOn: string | null;
}

function groupBy<T>(items: T[], key: (t: T) => number): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

export function storedYears(rows: repo.YearRow[]): StoredYear[] {
  return rows.map((r) => ({ year: r.year, values: repo.rowToValues(r) }));
}

/** The tier_results rows of some organisations, from their stored years and certificates. */
export function tierRowsOf(
  org: OrgForTiers,
  years: StoredYear[],
  certs: HeldCertificate[],
  now: string,
): Insertable<TierResultsTable>[] {
  return evaluateOrg(years, certs, org).flatMap(({ year, summaries }) =>
    summaries.map((s) => ({
      orgId: org.id,
      year,
      tier: s.tier,
      regionCode: org.regionCode,
      eligible: s.eligible ? 1 : 0,
      via: s.via,
      withinReach: s.withinReach ? 1 : 0,
      total: s.total,
      gapCount: s.gapCount,
      ruleSetId: s.ruleSetId,
      evaluatedAt: now,
    })),
  );
}

/**
 * Re-evaluates every year of these organisations and rewrites their stored results. Called in
 * the transaction that changed their indicators or certificates, so the statistics never lag.
 */
export async function refreshTierResults(trx: Transaction<Database>, orgs: OrgForTiers[]) {
  const ids = orgs.map((o) => o.id);
  const rows = groupBy(await repo.yearRowsOfOrgs(trx, ids), (r) => r.orgId);
  const certs = groupBy(await repo.certificatesOfOrgs(trx, ids), (c) => c.orgId);
  const now = new Date().toISOString();
  const results = orgs.flatMap((org) =>
    tierRowsOf(org, storedYears(rows.get(org.id) ?? []), certs.get(org.id) ?? [], now),
  );
  await repo.replaceTierResults(trx, ids, results);
}

function view(result: TierResult, nameEn: string, certified: boolean): TierView {
  return {
    tier: result.tier,
    nameZh: result.nameZh,
    nameEn,
    ruleSetId: result.ruleSetId,
    eligible: result.eligible,
    notApplicable: result.notApplicable,
    size: result.size,
    via: result.via,
    withinReach: isWithinReach(result),
    certified,
    total: result.total,
    sections: result.sections.map((s) => ({ ...s, cap: s.cap ?? null })),
    indicators: result.indicators.map((i) => ({
      id: i.id,
      labelZh: i.labelZh,
      section: i.section,
      maxPoints: i.maxPoints,
      metric: i.metric,
      value: i.value,
      band: i.band,
      points: i.points,
      missing: i.missing,
      assessed: i.assessed,
      next: i.next,
    })),
    failedRules: result.failedRules.map((r) => ({
      id: r.id,
      labelZh: r.labelZh,
      missing: r.missing,
      value: r.value,
      ...(r.op ? { op: r.op } : {}),
      ...(r.required !== undefined ? { required: r.required } : {}),
      bypassed: !!r.bypassed,
    })),
    directRoutes: result.directRoutes,
    gaps: result.gaps,
  };
}

/** GET /orgs/:id/tiers: every tier for one year, with values, points, rules and gaps. */
export async function getOrgTiers(ctx: Ctx, orgId: number, year?: number): Promise<OrgTiers> {
  const [org] = await findOrgFactsByIds(ctx, [orgId]);
  if (!org) throw new AppError('org.not_found');
  if (!canReadIndicators(ctx.actor!, org)) throw new AppError('permission.denied');
  const rows = await repo.listYearRows(ctx.deps.db, orgId);
  const availableYears = rows.map((r) => r.year);
  const target = year ?? availableYears[0];
  const certs = await repo.listCertificates(ctx.deps.db, orgId);
  const input =
    target === undefined ? null : toEnterpriseYear(storedYears(rows), target, certs, org);
  if (!input || target === undefined) throw new AppError('indicator.not_found');
  const results = evaluateAllTiers(input);
  const tiers = TIER_IDS.map((tier) => {
    const certified = certs.some((c) => c.kind === tier && certificateValidIn(c, target));
    return view(results[tier], ruleSetFor(tier, input).nameEn, certified);
  });
  return { orgId, year: target, availableYears, tiers, ladder: ladderOf(tiers) };
}

/** GET /tiers/stats: per city × tier, aggregated from the stored results (no re-evaluation). */
export async function getTierStats(ctx: Ctx, year: number): Promise<TierStats> {
  if (!canReadTierStats(ctx.actor!)) throw new AppError('permission.denied');
  const [counts, certified] = await Promise.all([
    repo.tierCounts(ctx.deps.db, year),
    repo.certifiedCounts(ctx.deps.db, year),
  ]);
  const count = (city: string, tier: string) =>
    counts.find((c) => c.regionCode === city && c.tier === tier);
  return {
    year,
    cities: CITY_CODES.map((city) => ({
      regionCode: city,
      evaluated: Number(count(city, 'techSme')?.evaluated ?? 0),
      tiers: TIER_IDS.map((tier) => ({
        tier,
        eligible: Number(count(city, tier)?.eligible ?? 0),
        withinReach: Number(count(city, tier)?.withinReach ?? 0),
        certified: Number(
          certified.find((c) => c.regionCode === city && c.kind === tier)?.holders ?? 0,
        ),
      })),
    })),
  };
}

/**
 * Holders of a certificate or listing valid in the year, per city × tier (every pair, zeros
 * included). Open to anyone, the public cockpit included: these are published recognitions,
 * not the platform's reading of private figures (that is getTierStats, officials only).
 */
export async function getCertifiedCounts(
  ctx: Ctx,
  year: number,
): Promise<{ regionCode: CityCode; tier: TierId; certified: number }[]> {
  if (!canReadCertifiedCounts(ctx.actor)) throw new AppError('permission.denied');
  const certified = await repo.certifiedCounts(ctx.deps.db, year);
  const holders = new Map(certified.map((c) => [`${c.regionCode}|${c.kind}`, Number(c.holders)]));
  return CITY_CODES.flatMap((regionCode) =>
    TIER_IDS.map((tier) => ({
      regionCode,
      tier,
      certified: holders.get(`${regionCode}|${tier}`) ?? 0,
    })),
  );
}

/**
 * Engine inputs of many enterprises for one year, for other modules (the ranking lists). No
 * permission check: the calling module applies its own policy to what it publishes.
 */
export async function loadEnterpriseYears(
  ctx: Ctx,
  orgIds: number[],
  year: number,
): Promise<Map<number, EnterpriseYear>> {
  const facts = await findOrgFactsByIds(ctx, orgIds);
  const rows = groupBy(await repo.yearRowsOfOrgs(ctx.deps.db, orgIds), (r) => r.orgId);
  const certs = groupBy(await repo.certificatesOfOrgs(ctx.deps.db, orgIds), (c) => c.orgId);
  const out = new Map<number, EnterpriseYear>();
  for (const org of facts) {
    const input = toEnterpriseYear(
      storedYears(rows.get(org.id) ?? []),
      year,
      certs.get(org.id) ?? [],
      org,
    );
    if (input) out.set(org.id, input);
  }
  return out;
}
