import { writeAuditAlone } from '../../core/audit/audit';
import { type Deps, systemCtx } from '../../core/context';
import { findOrgFactsByIds } from '../orgs/orgs.service';
import * as repo from './indicators.repo';
import { refreshTierResults } from './indicators.tiers.service';

const BATCH = 500;

export interface RecomputeReport {
  orgs: number;
  rows: number;
  /** Stored results whose rule-set, eligibility, route or total differ from before. */
  changed: number;
}

const keyOf = (r: { orgId: number; year: number; tier: string }) =>
  `${r.orgId}:${r.year}:${r.tier}`;
const factsOf = (r: {
  eligible: number;
  via: string | null;
  total: number | null;
  ruleSetId: string;
  withinReach: number;
}) => `${r.ruleSetId}|${r.eligible}|${r.via}|${r.total}|${r.withinReach}`;

/**
 * `npm run corridor -- tiers recompute`: re-evaluates every organisation's stored tier results
 * with the rule-sets in force (after a new rule-set version ships), batch by batch, each batch
 * in one transaction like an indicator change; one audit event reports the totals.
 */
export async function recomputeAllTierResults(
  deps: Deps,
  /** Only these organisations (tests on a shared database); all of them when omitted. */
  only?: number[],
): Promise<RecomputeReport> {
  const ctx = systemCtx(deps);
  const report: RecomputeReport = { orgs: 0, rows: 0, changed: 0 };
  let after = 0;
  for (;;) {
    const ids = only
      ? only.filter((id) => id > after).slice(0, BATCH)
      : await repo.orgIdsForTiers(deps.db, after, BATCH);
    if (ids.length === 0) break;
    after = ids.at(-1)!;
    const orgs = await findOrgFactsByIds(ctx, ids);
    const before = new Map(
      (await repo.tierResultsOf(deps.db, ids)).map((r) => [keyOf(r), factsOf(r)]),
    );
    await deps.db.transaction().execute((trx) => refreshTierResults(trx, orgs));
    const now = await repo.tierResultsOf(deps.db, ids);
    report.orgs += orgs.length;
    report.rows += now.length;
    const seen = new Set<string>();
    for (const r of now) {
      seen.add(keyOf(r));
      if (before.get(keyOf(r)) !== factsOf(r)) report.changed++;
    }
    for (const k of before.keys()) if (!seen.has(k)) report.changed++;
  }
  await writeAuditAlone(ctx, {
    action: 'tiers.recompute',
    objectType: 'tier_results',
    detail: { ...report },
  });
  return report;
}
