/** Bulk loading of indicators (demo data, benchmarks): batched inserts, one audit event a batch. */
import { writeAudit } from '../../core/audit/audit';
import type { Ctx } from '../../core/context';
import { generateOrgs } from '../../core/demo/orgs';
import { findOrgFactsByCreditCodes } from '../orgs/orgs.service';
import * as repo from './indicators.repo';
import { generateIndicators, type SeedPlan } from './indicators.seed';
import { type OrgForTiers, tierRowsOf } from './indicators.tiers.service';
import { storedFrom } from './indicators.write';

/** Demo indicators go to at most this many enterprises, so a large --scale stays quick. */
export const DEMO_INDICATOR_LIMIT = 2_000;
const BATCH_ORGS = 500;

export interface LoadItem {
  org: OrgForTiers;
  plan: SeedPlan;
}

/**
 * Inserts the years and certificates of organisations that have no indicators yet (others are
 * skipped, so loading again is harmless), with one provenance row per record (source 'seed')
 * and, unless `evaluate` is false, their tier results.
 */
export async function bulkLoadIndicators(
  ctx: Ctx,
  items: LoadItem[],
  options: { evaluate?: boolean } = {},
): Promise<{ orgs: number; years: number; certificates: number }> {
  const total = { orgs: 0, years: 0, certificates: 0 };
  for (let i = 0; i < items.length; i += BATCH_ORGS) {
    const batch = items.slice(i, i + BATCH_ORGS);
    const present = new Set(
      (
        await repo.yearRowsOfOrgs(
          ctx.deps.db,
          batch.map((b) => b.org.id),
        )
      ).map((r) => r.orgId),
    );
    const fresh = batch.filter((b) => !present.has(b.org.id) && b.plan.years.length > 0);
    if (fresh.length === 0) continue;
    const now = new Date().toISOString();
    const years = fresh.flatMap(({ org, plan }) =>
      plan.years.map(({ year, ...values }) => ({
        orgId: org.id,
        year,
        values: storedFrom(values),
      })),
    );
    const certificates = fresh.flatMap(({ org, plan }) =>
      plan.certificates.map((c) => ({
        orgId: org.id,
        regionCode: org.regionCode,
        kind: c.kind,
        number: c.number,
        issuedOn: c.issuedOn,
        expiresOn: c.expiresOn ?? null,
        issuer: c.issuer ?? null,
        createdAt: now,
        createdBy: null,
      })),
    );
    const tierRows =
      options.evaluate === false
        ? []
        : fresh.flatMap(({ org }) =>
            tierRowsOf(
              org,
              years.filter((y) => y.orgId === org.id),
              certificates.filter((c) => c.orgId === org.id),
              now,
            ),
          );
    await ctx.deps.db.transaction().execute(async (trx) => {
      await repo.insertYears(
        trx,
        years.map((y) => ({
          ...repo.valuesToRow(y.values),
          orgId: y.orgId,
          year: y.year,
          version: 1,
          createdAt: now,
          updatedAt: now,
          updatedBy: null,
        })),
      );
      await repo.insertChanges(
        trx,
        years.map((y) => ({
          orgId: y.orgId,
          year: y.year,
          field: '*',
          oldValue: null,
          newValue: null,
          source: 'seed',
          changedBy: null,
          changedByName: null,
          changedAt: now,
          note: null,
        })),
      );
      await repo.insertCertificates(trx, certificates);
      if (tierRows.length) await repo.replaceTierResults(trx, [], tierRows);
      await writeAudit(trx, ctx, {
        action: 'indicator.bulk_load',
        objectType: 'indicator_year',
        detail: { orgs: fresh.length, years: years.length, certificates: certificates.length },
      });
    });
    total.orgs += fresh.length;
    total.years += years.length;
    total.certificates += certificates.length;
  }
  return total;
}

/**
 * Demo indicators for the enterprises of the demo organisations (the first `limit` of them),
 * for the seed command: the same deterministic organisations the seed inserted.
 */
export async function seedDemoIndicators(ctx: Ctx, scale: number, limit = DEMO_INDICATOR_LIMIT) {
  const enterprises = [];
  for (const org of generateOrgs({ scale })) {
    if (org.type !== 'enterprise') continue;
    enterprises.push(org);
    if (enterprises.length >= limit) break;
  }
  const facts = new Map(
    (
      await findOrgFactsByCreditCodes(
        ctx,
        enterprises.map((o) => o.creditCode),
      )
    ).map((f) => [f.creditCode, f]),
  );
  const items: LoadItem[] = [];
  for (const demo of enterprises) {
    const org = facts.get(demo.creditCode);
    if (org?.type !== 'enterprise') continue;
    items.push({ org, plan: generateIndicators({ ...demo, foundedOn: org.foundedOn }) });
  }
  return bulkLoadIndicators(ctx, items);
}
