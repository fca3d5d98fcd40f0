import {
  CITIES,
  type CityCode,
  type CityDetail,
  CORRIDOR_PLAN,
  checkKpiValue,
  KPI_CODES,
  KPI_DEFS,
  type KpiCode,
  type KpiView,
  type OfficialKpiEntry,
  type OfficialKpiInput,
  type OfficialKpiPatch,
  ORG_TYPES,
  PLATFORM_ORG_TYPES,
  type PublicCockpit,
  type TiersView,
} from '@corridor/contracts';
import type { Selectable } from 'kysely';
import { beijingMonth } from '../../core/aggregates/keys';
import { valuesBefore, writeAudit } from '../../core/audit/audit';
import type { Ctx } from '../../core/context';
import type { CockpitOfficialKpisTable } from '../../core/db/schema';
import { AppError, fieldError } from '../../core/errors';
import { getCertifiedCounts, getTierStats } from '../indicators/indicators.tiers.service';
import { cityContractFigures, contractFigures, crossCityFlows, monthsOf } from './cockpit.figures';
import {
  canEnterOfficialKpis,
  canReadOfficialKpis,
  canSeeTierStats,
  canViewCityDetail,
} from './cockpit.policy';
import * as repo from './cockpit.repo';

type EntryRow = Selectable<CockpitOfficialKpisTable>;

/** Today in Beijing, 'YYYY-MM-DD'. */
function beijingToday(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
}

function yearOf(query: { year?: number | undefined }): number {
  return query.year ?? Number(beijingMonth(new Date().toISOString()).slice(0, 4));
}

/**
 * Per-city tier figures from the indicators module's services. Certified counts (holders of a
 * recorded certificate valid in the year) are published information, so everyone gets them;
 * computed eligibility is the indicators module's officials-only statistic, so only officials
 * get it: the public view never shows more than the owning module allows.
 */
async function tierStats(ctx: Ctx, year: number): Promise<TiersView> {
  if (ctx.actor && canSeeTierStats(ctx.actor)) {
    const stats = await getTierStats(ctx, year);
    return {
      status: 'full',
      rows: stats.cities.flatMap((c) =>
        c.tiers.map((t) => ({
          city: c.regionCode,
          tier: t.tier,
          certified: t.certified,
          eligible: t.eligible,
          evaluated: c.evaluated,
        })),
      ),
    };
  }
  const counts = await getCertifiedCounts(ctx, year);
  return {
    status: 'certified_only',
    rows: counts.map((c) => ({ city: c.regionCode, tier: c.tier, certified: c.certified })),
  };
}

function presentEntry(row: EntryRow): OfficialKpiEntry {
  return {
    id: row.id,
    code: row.code as KpiCode,
    value: Number(row.value),
    asOf: row.asOf,
    source: row.source,
    note: row.note,
    version: row.version,
    enteredAt: row.enteredAt,
    updatedAt: row.updatedAt,
  };
}

function emptyByType(): Record<string, number> {
  return Object.fromEntries(ORG_TYPES.map((t) => [t, 0]));
}

/** The public view: aggregates only, open to anyone. */
export async function getPublicCockpit(
  ctx: Ctx,
  query: { year?: number | undefined },
): Promise<PublicCockpit> {
  const db = ctx.deps.db;
  const year = yearOf(query);
  const months = monthsOf(year);
  const [counts, flows, available, latest, tiers] = await Promise.all([
    repo.orgCountsByCityType(db),
    repo.flowRows(db, months[0]!, months[11]!),
    repo.anyFlow(db, 'contract'),
    repo.latestOfficialKpis(db),
    tierStats(ctx, year),
  ]);
  const contracts = contractFigures(flows, year, available);
  const cities = CITIES.map(({ code }) => {
    const byType = emptyByType();
    for (const r of counts) if (r.regionCode === code) byType[r.type] = (byType[r.type] ?? 0) + r.n;
    return {
      code,
      orgs: Object.values(byType).reduce((a, b) => a + b, 0),
      byType,
      contractsOut: contracts.out(code),
      contractsIn: contracts.in(code),
    };
  });
  const platforms = cities.reduce(
    (a, c) => a + PLATFORM_ORG_TYPES.reduce((s, t) => s + (c.byType[t] ?? 0), 0),
    0,
  );
  // Enterprises holding a valid 高企 certificate in the year (official recognitions only;
  // public, like the lists they come from).
  const highTech = tiers.rows
    .filter((r) => r.tier === 'highTech')
    .reduce((a, r) => a + r.certified, 0);
  const platform: Partial<Record<KpiCode, KpiView['platform']>> = {
    high_tech_enterprises: {
      value: highTech,
      basis: 'indicators.high_tech_certificates',
      comparable: true,
    },
    // The registry records no recognition level: shown as context, never as progress.
    provincial_platforms: {
      value: platforms,
      basis: 'registry.platform_types_any_level',
      comparable: false,
    },
    tech_contract_turnover: available
      ? { value: contracts.view.total.amountWan, basis: 'contracts.year', comparable: true }
      : null,
    cross_city_contract_share:
      contracts.view.crossCityShare === null
        ? null
        : { value: contracts.view.crossCityShare, basis: 'contracts.year', comparable: true },
  };
  const official = new Map(latest.map((r) => [r.code, r]));
  const kpis = KPI_CODES.map((code): KpiView => {
    const def = KPI_DEFS[code];
    const entry = official.get(code);
    return {
      code,
      unit: def.unit,
      target: def.target ? { ...def.target, year: CORRIDOR_PLAN.targetYear } : null,
      platform: platform[code] ?? null,
      official: entry
        ? {
            value: Number(entry.value),
            asOf: entry.asOf,
            source: entry.source,
            updatedAt: entry.updatedAt,
          }
        : null,
    };
  });
  return {
    generatedAt: new Date().toISOString(),
    year,
    totals: { orgs: cities.reduce((a, c) => a + c.orgs, 0) },
    cities,
    kpis,
    contracts: contracts.view,
    flows: crossCityFlows(flows),
    tiers,
  };
}

/** The leaders' drill-down into one city: province anywhere, a city admin their own city. */
export async function getCityDetail(
  ctx: Ctx,
  city: CityCode,
  query: { year?: number | undefined },
): Promise<CityDetail> {
  const actor = ctx.actor;
  if (!actor || !canViewCityDetail(actor, city)) throw new AppError('permission.denied');
  const db = ctx.deps.db;
  const year = yearOf(query);
  const months = monthsOf(year);
  const [counts, flows, tiers] = await Promise.all([
    repo.orgCountsOfCity(db, city),
    repo.flowRows(db, months[0]!, months[11]!, city),
    tierStats(ctx, year),
  ]);
  const byType = emptyByType();
  const byIndustry = new Map<string, number>();
  const registrations = new Map(months.map((m) => [m, 0]));
  for (const r of counts) {
    byType[r.type] = (byType[r.type] ?? 0) + r.n;
    byIndustry.set(r.industry, (byIndustry.get(r.industry) ?? 0) + r.n);
    const m = registrations.get(r.createdMonth);
    if (m !== undefined) registrations.set(r.createdMonth, m + r.n);
  }
  return {
    generatedAt: new Date().toISOString(),
    year,
    code: city,
    orgs: Object.values(byType).reduce((a, b) => a + b, 0),
    byType,
    byIndustry: [...byIndustry]
      .filter(([, n]) => n !== 0)
      .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
      .map(([industry, count]) => ({ industry: industry || null, count })),
    registrations: [...registrations].map(([month, count]) => ({ month, count })),
    contracts: cityContractFigures(flows, city, year),
    flows: crossCityFlows(flows, city),
    tiers: { status: tiers.status, rows: tiers.rows.filter((r) => r.city === city) },
  };
}

export async function listOfficialKpis(ctx: Ctx): Promise<{ items: OfficialKpiEntry[] }> {
  if (!ctx.actor || !canReadOfficialKpis(ctx.actor)) throw new AppError('permission.denied');
  const rows = await repo.listOfficialKpis(ctx.deps.db, 500);
  return { items: rows.map(presentEntry) };
}

function assertNotFuture(asOf: string) {
  if (asOf > beijingToday()) throw fieldError('asOf', 'date.future');
}

export async function enterOfficialKpi(
  ctx: Ctx,
  input: OfficialKpiInput,
): Promise<OfficialKpiEntry> {
  const actor = ctx.actor;
  if (!actor || !canEnterOfficialKpis(actor)) throw new AppError('permission.denied');
  assertNotFuture(input.asOf);
  const now = new Date().toISOString();
  const id = await ctx.deps.db.transaction().execute(async (trx) => {
    const newId = await repo.insertOfficialKpi(trx, {
      ...input,
      version: 1,
      enteredAt: now,
      enteredBy: actor.id,
      updatedAt: now,
      updatedBy: actor.id,
    });
    await writeAudit(trx, ctx, {
      action: 'cockpit.kpi.enter',
      objectType: 'cockpit_kpi',
      objectId: newId,
      detail: { ...input },
    });
    return newId;
  });
  return presentEntry((await repo.findOfficialKpi(ctx.deps.db, id))!);
}

export async function updateOfficialKpi(
  ctx: Ctx,
  id: number,
  patch: OfficialKpiPatch,
): Promise<OfficialKpiEntry> {
  const actor = ctx.actor;
  if (!actor || !canEnterOfficialKpis(actor)) throw new AppError('permission.denied');
  const row = await repo.findOfficialKpi(ctx.deps.db, id);
  if (!row) throw new AppError('cockpit.kpi_not_found');
  const { version, ...fields } = patch;
  if (fields.value !== undefined) {
    const problem = checkKpiValue(row.code as KpiCode, fields.value);
    if (problem) throw fieldError('value', problem);
  }
  if (fields.asOf !== undefined) assertNotFuture(fields.asOf);
  if (version !== row.version) throw new AppError('cockpit.kpi_version_conflict');
  const changed = Object.fromEntries(
    Object.entries(fields).filter(([k, v]) => v !== undefined && row[k as keyof EntryRow] !== v),
  );
  if (Object.keys(changed).length === 0) return presentEntry(row);
  await ctx.deps.db.transaction().execute(async (trx) => {
    const ok = await repo.updateOfficialKpiIfVersion(trx, id, version, {
      ...changed,
      updatedAt: new Date().toISOString(),
      updatedBy: actor.id,
    });
    if (!ok) throw new AppError('cockpit.kpi_version_conflict');
    await writeAudit(trx, ctx, {
      action: 'cockpit.kpi.update',
      objectType: 'cockpit_kpi',
      objectId: id,
      detail: { code: row.code, changed, before: valuesBefore(row, changed), fromVersion: version },
    });
  });
  return presentEntry((await repo.findOfficialKpi(ctx.deps.db, id))!);
}
