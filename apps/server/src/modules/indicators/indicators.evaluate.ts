/**
 * Pure glue between stored indicator years and the tier engine: assemble an EnterpriseYear,
 * summarise the engine's results for storage, and check plausibility. No database here.
 */
import {
  certificateValidIn,
  type EnterpriseYear,
  evaluateAllTiers,
  FIGURE_FIELDS,
  INDUSTRY_CODES,
  type IndicatorField,
  type IndicatorValues,
  type IndustryCode,
  isWithinReach,
  RECOGNISED_STATUSES,
  type RecognisedStatus,
  TIER_IDS,
  type TierId,
  type TierResult,
  validateEnterpriseYear,
  type YearFigures,
} from '@corridor/contracts';
import type { ProblemInput } from '../../core/errors';

/** Every field present, null where nothing was entered. */
export type StoredValues = { [K in IndicatorField]: Exclude<IndicatorValues[K], undefined> };
export interface StoredYear {
  year: number;
  values: StoredValues;
}
export interface HeldCertificate {
  kind: string;
  issuedOn: string;
  expiresOn?: string | null | undefined;
}
export interface OrgFacts {
  regionCode: string;
  /** Corridor industry (orgs.ts INDUSTRIES): picks the size class of the SME tiers. */
  industry: string | null;
  foundedOn: string | null;
}

const isIndustryCode = (s: string | null): s is IndustryCode =>
  s !== null && (INDUSTRY_CODES as readonly string[]).includes(s);

/** Earlier years feed growth formulas; the gazelle CAGR reaches back three years. */
const PREVIOUS_YEARS = 4;

function definedOnly<T extends object>(o: T): T {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== null && v !== undefined),
  ) as T;
}

function figuresOf(y: StoredYear): YearFigures {
  const f: YearFigures = { year: y.year };
  for (const key of FIGURE_FIELDS) {
    const v = y.values[key];
    if (v !== null && v !== undefined) f[key] = v;
  }
  return f;
}

/** The engine input for one year, or null when that year has no figures. */
export function toEnterpriseYear(
  years: StoredYear[],
  year: number,
  certs: HeldCertificate[],
  org: OrgFacts,
): EnterpriseYear | null {
  const cur = years.find((y) => y.year === year);
  if (!cur) return null;
  const v = cur.values;
  const upTo = years.filter((y) => y.year <= year);
  // Dated lists (rounds, awards, standards, records) accumulate over the years entered; the
  // rule-sets pick their own windows ("last 5 years") by each item's year.
  type Listed = 'equity' | 'awards' | 'standards' | 'violations';
  const gather = <K extends Listed>(key: K): NonNullable<StoredValues[K]> =>
    upTo.flatMap((y) => (y.values[key] ?? []) as unknown[]) as NonNullable<StoredValues[K]>;
  const highTechYears = certs
    .filter((c) => c.kind === 'highTech' && c.issuedOn <= `${year}-12-31`)
    .map((c) => Number(c.issuedOn.slice(0, 4)));
  const statuses = RECOGNISED_STATUSES.filter((s: RecognisedStatus) =>
    certs.some((c) => c.kind === s && certificateValidIn(c, year)),
  );
  return definedOnly<EnterpriseYear>({
    ...figuresOf(cur),
    revenue: v.revenue,
    rdSpend: v.rdSpend,
    staff: v.staff,
    scienceStaff: v.scienceStaff,
    totalAssets: v.totalAssets,
    year,
    regionCode: org.regionCode,
    industry: isIndustryCode(org.industry) ? org.industry : undefined,
    foundedOn: v.foundedOn ?? org.foundedOn ?? '',
    previous: years.filter((y) => y.year < year && y.year >= year - PREVIOUS_YEARS).map(figuresOf),
    ip: v.ip ?? undefined,
    ipClassIOwnDeveloped: v.ipClassIOwnDeveloped ?? undefined,
    ipClassIHighValue: v.ipClassIHighValue ?? undefined,
    ipClassIInUse: v.ipClassIInUse ?? undefined,
    ipObtainedBy: v.ipObtainedBy ?? undefined,
    valuation: v.valuation ?? undefined,
    listing: v.listing ?? undefined,
    equity: gather('equity'),
    awards: gather('awards'),
    rdInstitutions: v.rdInstitutions ?? undefined,
    standards: gather('standards'),
    violations: gather('violations'),
    highTechCertYear: highTechYears.length ? Math.max(...highTechYears) : undefined,
    statuses,
    highTechField: v.highTechField ?? undefined,
    profile: v.profile ?? undefined,
    yearsInNiche: v.yearsInNiche ?? undefined,
    yearsInField: v.yearsInField ?? undefined,
    globalMarketRank: v.globalMarketRank ?? undefined,
    assessments: v.assessments ?? undefined,
  });
}

export interface TierSummary {
  tier: TierId;
  eligible: boolean;
  via: 'rules' | 'direct' | null;
  total: number | null;
  gapCount: number;
  withinReach: boolean;
  ruleSetId: string;
}

export function summarise(results: Record<TierId, TierResult>): TierSummary[] {
  return TIER_IDS.map((tier) => {
    const r = results[tier];
    return {
      tier,
      eligible: r.eligible,
      via: r.via,
      total: r.total,
      gapCount: r.gaps.length,
      withinReach: isWithinReach(r),
      ruleSetId: r.ruleSetId,
    };
  });
}

/** Evaluates every year of one enterprise: the rows the tier_results table holds for it. */
export function evaluateOrg(
  years: StoredYear[],
  certs: HeldCertificate[],
  org: OrgFacts,
): { year: number; summaries: TierSummary[] }[] {
  const out: { year: number; summaries: TierSummary[] }[] = [];
  for (const y of years) {
    const input = toEnterpriseYear(years, y.year, certs, org);
    if (input) out.push({ year: y.year, summaries: summarise(evaluateAllTiers(input)) });
  }
  return out;
}

/**
 * Plausibility of one year's values (validateEnterpriseYear codes: negative figures, science
 * staff over staff, parts over wholes, future years). Fields are named as in the request,
 * under `prefix` (e.g. 'values.' for a correction).
 */
export function plausibilityProblems(
  values: StoredValues,
  year: number,
  prefix = '',
  now = new Date(),
): ProblemInput[] {
  const input = toEnterpriseYear([{ year, values }], year, [], {
    regionCode: '',
    industry: null,
    foundedOn: null,
  });
  if (!input) return [];
  return validateEnterpriseYear(input, now).map((p) => ({
    field: p.field === 'year' ? 'year' : `${prefix}${p.field}`,
    code: p.code,
  }));
}
