/** The tier engine: evaluates rule-sets (data) against one enterprise-year. */
import { compare } from './format';
import { type GapContext, gapsOf } from './gap';
import { metricValue } from './metrics';
import type { RuleResult, TierResult } from './result-types';
import { DEFAULT_RULE_SETS, gazelleRuleSetFor } from './rule-sets';
import { TIER_IDS, type TierId, type TierRule, type TierRuleSet } from './rule-types';
import { bandMatches, type RangePolicy, type Scores, scoreAll } from './score';
import { sizeCheck } from './size';
import type { EnterpriseYear } from './types';

export interface EvaluateOptions {
  /** Points inside a ranged band (e.g. 7–8) without an expert score: 'low' (default) or 'high'. */
  rangePolicy?: RangePolicy;
}

export interface EvaluateAllOptions extends EvaluateOptions {
  /** Replace the default rule-set of any tier (e.g. a newer version). */
  ruleSets?: Partial<Record<TierId, TierRuleSet>>;
  /** Per-city 瞪羚 rule-sets by GB/T 2260 code; the input's regionCode picks one. */
  gazelleByRegion?: Record<string, TierRuleSet>;
}

function evaluateRule(rule: TierRule, x: EnterpriseYear, s: Scores): RuleResult {
  const base = { id: rule.id, labelZh: rule.labelZh, kind: rule.kind };
  switch (rule.kind) {
    case 'compare':
    case 'score':
    case 'points': {
      const value =
        rule.kind === 'compare'
          ? metricValue(rule.metric, x)
          : rule.kind === 'points'
            ? (s.byId[rule.indicator]?.points ?? 0)
            : rule.section
              ? (s.sectionPoints[rule.section] ?? 0)
              : (s.total ?? 0);
      const passed = value !== null && compare(value, rule.op, rule.value);
      const missing =
        value === null || (!passed && rule.kind === 'points' && !!s.byId[rule.indicator]?.missing);
      return { ...base, passed, missing, value, op: rule.op, required: rule.value };
    }
    case 'all':
    case 'any': {
      const children = rule.rules.map((r) => evaluateRule(r, x, s));
      const passed =
        rule.kind === 'all' ? children.every((c) => c.passed) : children.some((c) => c.passed);
      const missing = !passed && children.some((c) => c.missing);
      return { ...base, passed, missing, value: null, children };
    }
    case 'case': {
      const v = metricValue(rule.by, x);
      const caseIndex = v === null ? -1 : rule.cases.findIndex((c) => bandMatches(c, v));
      const chosen = rule.cases[caseIndex];
      if (!chosen) return { ...base, passed: false, missing: v === null, value: v };
      const child = evaluateRule(chosen.rule, x, s);
      return {
        ...base,
        passed: child.passed,
        missing: child.missing,
        value: v,
        caseIndex,
        children: [child],
      };
    }
  }
}

/** Evaluates one tier's rule-set: scores, pass rules, direct routes and the gap to pass. */
export function evaluateTier(
  ruleSet: TierRuleSet,
  input: EnterpriseYear,
  options: EvaluateOptions = {},
): TierResult {
  const scores = scoreAll(ruleSet, input, options.rangePolicy ?? 'low');
  const rules = ruleSet.rules.map((r) => evaluateRule(r, input, scores));
  const routes = ruleSet.directRoutes.map((d) => ({
    route: d,
    applies: evaluateRule(d.rule, input, scores).passed,
  }));
  const replaced = new Set(routes.filter((r) => r.applies).flatMap((r) => r.route.replaces));
  for (const r of rules) if (!r.passed && replaced.has(r.id)) r.bypassed = true;
  const failedRules = rules.filter((r) => !r.passed);
  const blocking = failedRules.filter((r) => !r.bypassed);
  const size = sizeCheck(ruleSet, input);
  const own = ruleSet.smeOnly?.ownLimits;
  // Outgrown: large under the size standard (and, where the tier sets its own caps, over one).
  const outgrown =
    size?.sme === false &&
    (!own || rules.some((r) => own.includes(r.id) && !r.passed && !r.bypassed));
  const eligible = blocking.length === 0 && !outgrown;
  const ctx: GapContext = {
    x: input,
    indicators: ruleSet.indicators,
    results: scores.byId,
    sectionLabels: Object.fromEntries(
      ruleSet.sections.map((s) => [s.id, { zh: s.labelZh, en: s.labelEn }]),
    ),
  };
  const gaps =
    eligible || outgrown
      ? []
      : blocking.flatMap((r) => gapsOf(ruleSet.rules[rules.indexOf(r)]!, r, ctx));
  return {
    tier: ruleSet.tier,
    ruleSetId: ruleSet.id,
    version: ruleSet.version,
    nameZh: ruleSet.nameZh,
    eligible,
    notApplicable: outgrown ? 'size' : null,
    size,
    via: !eligible ? null : failedRules.length === 0 ? 'rules' : 'direct',
    total: scores.total,
    sections: scores.sections,
    indicators: scores.indicators,
    rules,
    failedRules,
    directRoutes: routes.map((r) => ({
      id: r.route.id,
      labelZh: r.route.labelZh,
      applies: r.applies,
    })),
    appliedRoutes: routes.filter((r) => r.applies).map((r) => r.route.id),
    gaps,
  };
}

/** The rule-set that applies to this input for one tier (city variant for 瞪羚). */
export function ruleSetFor(
  tier: TierId,
  input: EnterpriseYear,
  options: EvaluateAllOptions = {},
): TierRuleSet {
  const explicit = options.ruleSets?.[tier];
  if (explicit) return explicit;
  if (tier === 'gazelle') return gazelleRuleSetFor(input.regionCode, options.gazelleByRegion);
  return DEFAULT_RULE_SETS[tier];
}

/** Evaluates every tier; keys iterate in ladder order (TIER_IDS). */
export function evaluateAllTiers(
  input: EnterpriseYear,
  options: EvaluateAllOptions = {},
): Record<TierId, TierResult> {
  const entries = TIER_IDS.map(
    (tier) => [tier, evaluateTier(ruleSetFor(tier, input, options), input, options)] as const,
  );
  return Object.fromEntries(entries) as Record<TierId, TierResult>;
}
