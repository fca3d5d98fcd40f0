/**
 * Gap to pass: for every failed rule, how far the input is from the threshold and how much of
 * one input (the metric's lever) would close it. Computed from the data, never written by hand.
 */
import { compare, roundUp, stepOf } from './format';
import { METRICS, metricValue } from './metrics';
import type {
  IndicatorResult,
  RuleResult,
  TierGap,
  TierGapCode,
  TierLabel,
  TierSubject,
} from './result-types';
import type { CompareOp, MetricRef, TierBand, TierIndicator, TierRule } from './rule-types';
import type { EnterpriseYear } from './types';

const DECREASE: CompareOp[] = ['<=', '<'];

/** A metric as the subject of a sentence: its id and the parameters that qualify its name. */
export function metricSubject(ref: MetricRef): TierSubject {
  const p = ref.params ?? {};
  return {
    kind: 'metric',
    metric: ref.id,
    ...(p.withinYears ? { withinYears: p.withinYears } : {}),
    ...(p.qualifiedOnly ? { qualifiedOnly: true } : {}),
    ...(ref.id === 'flag' && p.flag ? { flag: p.flag } : {}),
    ...(ref.id === 'status' && p.status ? { status: p.status } : {}),
  };
}

/** Gap of `metric op required` for this input. */
export function metricGap(
  ruleId: string,
  ref: MetricRef,
  op: CompareOp,
  required: number,
  x: EnterpriseYear,
): TierGap {
  const def = METRICS[ref.id];
  if (!def) throw new Error(`tier engine: unknown metric '${ref.id}'`);
  const current = metricValue(ref, x);
  const unit = def.leverUnit ?? def.unit;
  const values = { subject: metricSubject(ref), valueUnit: def.unit };
  const gap = (code: TierGapCode, shortfall: number | null): TierGap => ({
    ruleId,
    indicator: ref.id,
    current,
    required,
    op,
    shortfall,
    unit,
    code,
    values,
  });
  if (current === null) return gap('missing', null);
  if (def.unit === 'bool') return gap('state', null);
  // Age can't be worked on: an enterprise too old for a rung has no shortfall to close.
  if (ref.id === 'ageYears' && DECREASE.includes(op)) return gap('ageLimit', null);
  const raw = def.lever ? def.lever(x, ref.params ?? {}, required) : Math.abs(required - current);
  if (raw === null) return gap('state', null);
  let shortfall = roundUp(raw, unit);
  // a strict bound is not met by reaching it exactly: one more step is needed
  if ((op === '>' || op === '<') && Math.abs(shortfall - raw) < 1e-6) {
    shortfall = roundUp(shortfall + stepOf(unit), unit);
  }
  const decrease = DECREASE.includes(op) || (op === '==' && current > required);
  return gap(unit === '名' ? 'rankUp' : decrease ? 'less' : 'more', shortfall);
}

/** Gap of a score (total, section or one indicator's points), in 分. */
export function scoreGap(
  ruleId: string,
  indicator: string,
  subject: TierSubject,
  current: number,
  op: CompareOp,
  required: number,
): TierGap {
  let shortfall = Math.max(0, required - current);
  if (op === '>' && compare(current + shortfall, '<=', required)) shortfall += 1;
  const values = { subject, valueUnit: '分' as const };
  return { ruleId, indicator, current, required, op, shortfall, unit: '分', code: 'more', values };
}

/** The bound a band sets on its metric, as a comparison; null for a catch-all band. */
export function bandBound(band: TierBand): { op: CompareOp; value: number } | null {
  if (band.min !== undefined) return { op: band.minExclusive ? '>' : '>=', value: band.min };
  if (band.max !== undefined) return { op: band.maxExclusive ? '<' : '<=', value: band.max };
  return null;
}

/** Gap of a 'points' rule: reach the lowest band whose points satisfy it (e.g. points > 0). */
function pointsGap(
  rule: Extract<TierRule, { kind: 'points' }>,
  ind: TierIndicator | undefined,
  res: IndicatorResult | undefined,
  x: EnterpriseYear,
): TierGap[] {
  const table = ind?.tables?.[0];
  if (!table) {
    const zh = ind?.labelZh ?? rule.indicator;
    const subject: TierSubject = {
      kind: 'points',
      id: rule.indicator,
      label: { zh, en: ind?.labelEn ?? zh },
    };
    const indicator = `points.${rule.indicator}`;
    return [scoreGap(rule.id, indicator, subject, res?.points ?? 0, rule.op, rule.value)];
  }
  for (let i = table.bands.length - 1; i >= 0; i--) {
    const band = table.bands[i]!;
    const bound = bandBound(band);
    if (bound && compare(band.points, rule.op, rule.value)) {
      return [metricGap(rule.id, band.metric ?? table.metric, bound.op, bound.value, x)];
    }
  }
  return [];
}

export interface GapContext {
  x: EnterpriseYear;
  indicators: TierIndicator[];
  results: Record<string, IndicatorResult>;
  sectionLabels: Record<string, TierLabel>;
}

function leafCount(r: RuleResult): number {
  if (r.passed) return 0;
  return r.children ? r.children.reduce((n, c) => n + leafCount(c), 0) : 1;
}

/** Gaps of one failed rule, walking the rule and its result side by side. */
export function gapsOf(rule: TierRule, result: RuleResult, ctx: GapContext): TierGap[] {
  if (result.passed) return [];
  switch (rule.kind) {
    case 'compare':
      return [metricGap(rule.id, rule.metric, rule.op, rule.value, ctx.x)];
    case 'score': {
      const section = rule.section;
      const subject: TierSubject = section
        ? {
            kind: 'section',
            id: section,
            label: ctx.sectionLabels[section] ?? { zh: section, en: section },
          }
        : { kind: 'total' };
      const indicator = `score.${section ?? 'total'}`;
      return [scoreGap(rule.id, indicator, subject, result.value ?? 0, rule.op, rule.value)];
    }
    case 'points': {
      const ind = ctx.indicators.find((i) => i.id === rule.indicator);
      return pointsGap(rule, ind, ctx.results[rule.indicator], ctx.x);
    }
    case 'all':
      return rule.rules.flatMap((r, i) => gapsOf(r, result.children![i]!, ctx));
    case 'any': {
      // the alternative closest to passing: fewest failed conditions, first on a tie
      let best = 0;
      for (let i = 1; i < rule.rules.length; i++) {
        if (leafCount(result.children![i]!) < leafCount(result.children![best]!)) best = i;
      }
      const alt = rule.rules[best];
      return alt ? gapsOf(alt, result.children![best]!, ctx) : [];
    }
    case 'case': {
      const chosen = result.caseIndex === undefined ? undefined : rule.cases[result.caseIndex];
      if (!chosen) {
        const unit = METRICS[rule.by.id]?.unit ?? 'ratio';
        return [
          {
            ruleId: rule.id,
            indicator: rule.by.id,
            current: result.value,
            required: null,
            op: '>=',
            shortfall: null,
            unit,
            code: 'bandUnknown',
            values: { subject: metricSubject(rule.by), valueUnit: unit },
          },
        ];
      }
      return gapsOf(chosen.rule, result.children![0]!, ctx);
    }
  }
}
