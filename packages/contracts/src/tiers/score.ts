/** Scoring: each indicator's band and points, section subtotals and the total. */
import { compare } from './format';
import { bandBound, metricGap, metricSubject } from './gap';
import { METRICS, metricValue } from './metrics';
import type { IndicatorResult, SectionResult, TierBandLabel } from './result-types';
import type {
  BandTable,
  Bounds,
  MetricRef,
  TierBand,
  TierIndicator,
  TierRuleSet,
} from './rule-types';
import type { EnterpriseYear } from './types';

/** Where to score inside a band's point range (e.g. 7–8) when no expert score is given. */
export type RangePolicy = 'low' | 'high';

/** Whether a value lies in a band or case; a band without bounds matches anything. */
export function bandMatches(band: Bounds, v: number | null): boolean {
  if (band.min === undefined && band.max === undefined) return true;
  if (v === null) return false;
  if (band.min !== undefined && !compare(v, band.minExclusive ? '>' : '>=', band.min)) return false;
  if (band.max !== undefined && !compare(v, band.maxExclusive ? '<' : '<=', band.max)) return false;
  return true;
}

/** A band as data: its bounds, the unit they are in, and its own metric when it has one. */
function bandLabel(band: TierBand, table: BandTable): TierBandLabel {
  const ref = band.metric ?? table.metric;
  const label: TierBandLabel = { unit: METRICS[ref.id]?.unit ?? 'ratio' };
  if (band.min !== undefined) label.min = band.min;
  if (band.minExclusive) label.minExclusive = true;
  if (band.max !== undefined) label.max = band.max;
  if (band.maxExclusive) label.maxExclusive = true;
  if (band.metric) label.subject = metricSubject(band.metric);
  return label;
}

interface TableScore {
  table: BandTable;
  index: number;
  ref: MetricRef;
  value: number | null;
  missing: boolean;
}

function scoreTable(table: BandTable, x: EnterpriseYear, values: Record<string, number | null>) {
  let missing = false;
  for (let index = 0; index < table.bands.length; index++) {
    const band = table.bands[index]!;
    const ref = band.metric ?? table.metric;
    const value = metricValue(ref, x);
    values[ref.id] = value;
    if (value === null) missing = true;
    if (bandMatches(band, value)) return { table, index, ref, value, missing } as TableScore;
  }
  return null;
}

function pick(band: TierBand, assessed: number | undefined, policy: RangePolicy): number {
  const hi = band.pointsMax ?? band.points;
  if (assessed !== undefined) return Math.min(hi, Math.max(band.points, assessed));
  return policy === 'high' ? hi : band.points;
}

export function scoreIndicator(
  ind: TierIndicator,
  ruleSet: TierRuleSet,
  x: EnterpriseYear,
  policy: RangePolicy,
): IndicatorResult {
  const assessment = x.assessments?.[`${ruleSet.tier}.${ind.id}`];
  const base = { id: ind.id, labelZh: ind.labelZh, section: ind.section ?? null };
  if (ind.assessed || !ind.tables?.length) {
    const points = assessment === undefined ? 0 : Math.min(ind.maxPoints, Math.max(0, assessment));
    return {
      ...base,
      maxPoints: ind.maxPoints,
      metric: null,
      value: assessment ?? null,
      values: {},
      band: null,
      points,
      pointsRange: [0, ind.maxPoints],
      missing: assessment === undefined,
      assessed: true,
      next: null,
    };
  }
  const values: Record<string, number | null> = {};
  let best: TableScore | null = null;
  let bestPoints = -1;
  let missing = false;
  for (const table of ind.tables) {
    const s = scoreTable(table, x, values);
    if (s?.missing) missing = true;
    const pts = s ? pick(s.table.bands[s.index]!, assessment, policy) : 0;
    if (s && pts > bestPoints) [best, bestPoints] = [s, pts];
  }
  const band = best ? best.table.bands[best.index]! : null;
  const nextBand = best && best.index > 0 ? best.table.bands[best.index - 1]! : null;
  const bound = nextBand ? bandBound(nextBand) : null;
  const next =
    best && nextBand && bound
      ? {
          band: bandLabel(nextBand, best.table),
          points: nextBand.points,
          gap: metricGap(
            `indicator.${ind.id}`,
            nextBand.metric ?? best.table.metric,
            bound.op,
            bound.value,
            x,
          ),
        }
      : null;
  return {
    ...base,
    maxPoints: ind.maxPoints,
    metric: best?.ref.id ?? null,
    value: best?.value ?? null,
    values,
    band: best && band ? bandLabel(band, best.table) : null,
    points: Math.max(0, bestPoints),
    pointsRange: band ? [band.points, band.pointsMax ?? band.points] : [0, 0],
    // a missing figure matters only if it left the indicator at 0 points
    missing: missing && bestPoints <= 0,
    assessed: false,
    next,
  };
}

export interface Scores {
  indicators: IndicatorResult[];
  byId: Record<string, IndicatorResult>;
  sections: SectionResult[];
  sectionPoints: Record<string, number>;
  total: number | null;
}

export function scoreAll(ruleSet: TierRuleSet, x: EnterpriseYear, policy: RangePolicy): Scores {
  const indicators = ruleSet.indicators.map((i) => scoreIndicator(i, ruleSet, x, policy));
  const byId = Object.fromEntries(indicators.map((r) => [r.id, r]));
  const sectionPoints: Record<string, number> = {};
  const sections = ruleSet.sections.map((s) => {
    const raw = indicators.filter((r) => r.section === s.id).reduce((n, r) => n + r.points, 0);
    const points = s.cap === undefined ? raw : Math.min(raw, s.cap);
    sectionPoints[s.id] = points;
    return { id: s.id, labelZh: s.labelZh, points, cap: s.cap ?? null };
  });
  const declared = new Set(ruleSet.sections.map((s) => s.id));
  const loose = indicators
    .filter((r) => r.section === null || !declared.has(r.section))
    .reduce((n, r) => n + r.points, 0);
  const total = indicators.length ? sections.reduce((n, s) => n + s.points, 0) + loose : null;
  return { indicators, byId, sections, sectionPoints, total };
}
