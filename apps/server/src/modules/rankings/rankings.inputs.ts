/**
 * Where an edition's inputs come from: the enterprises' yearly indicators (issue 3, item 2),
 * reached only through the narrow interface below so that the ranking module does not depend
 * on how the indicators module stores them.
 */
import { METRICS, type Provenance, type RankingInput } from '@corridor/contracts';
import type { Ctx } from '../../core/context';
import { loadEnterpriseYears } from '../indicators/indicators.tiers.service';
import { findEnterpriseFacts } from '../orgs/orgs.service';

export interface RankingInputQuery {
  year: number;
  city: string | null;
  industry: string | null;
  /** Indicator keys of the method (tier-engine metric ids). */
  metrics: readonly string[];
}

/** Org → indicator values (and their provenance) for one fiscal year, within a scope. */
export interface RankingInputSource {
  read(ctx: Ctx, query: RankingInputQuery): Promise<RankingInput[]>;
}

let override: RankingInputSource | null = null;

/** Tests and the bench pin the inputs to known values; null restores the indicators source. */
export function setRankingInputSource(source: RankingInputSource | null): void {
  override = source;
}

export function rankingInputSource(): RankingInputSource {
  return override ?? indicatorsSource;
}

/**
 * Provenance by indicator. The indicators service hands over engine inputs, not each field's
 * change log, so provenance is by kind: a figure as declared for the year is self-reported, the
 * founding age comes from the registry, anything computed from several figures is derived.
 */
const SELF_REPORTED = new Set([
  'revenue',
  'mainRevenue',
  'totalAssets',
  'staff',
  'rdSpend',
  'valuation',
]);
function provenanceOf(key: string): Provenance {
  if (SELF_REPORTED.has(key)) return 'self_reported';
  return key === 'ageYears' ? 'registry' : 'derived';
}

/** Enterprises of the scope that have figures for the year, each metric computed by the engine. */
const indicatorsSource: RankingInputSource = {
  async read(ctx, q) {
    const facts = await findEnterpriseFacts(ctx, { city: q.city, industry: q.industry });
    const years = await loadEnterpriseYears(
      ctx,
      facts.map((f) => f.id),
      q.year,
    );
    const out: RankingInput[] = [];
    for (const org of facts) {
      const x = years.get(org.id);
      if (!x) continue;
      const values: Record<string, number | null> = {};
      const provenance: Record<string, Provenance> = {};
      for (const key of q.metrics) {
        const def = METRICS[key];
        const v = def ? def.value(x, {}) : null;
        values[key] = v === null || !Number.isFinite(v) ? null : v;
        provenance[key] = provenanceOf(key);
      }
      out.push({
        orgId: org.id,
        creditCode: org.creditCode,
        name: org.name,
        regionCode: org.regionCode,
        industry: org.industry,
        values,
        provenance,
      });
    }
    return out;
  },
};
