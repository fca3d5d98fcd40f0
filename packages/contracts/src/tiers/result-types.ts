/** What the engine returns. All plain data, ready to send as JSON. */
import type { MetricUnit } from './metric-kinds';
import type { Bounds, CompareOp, TierId, TierRule } from './rule-types';
import type { TierSizeCheck } from './size-types';
import type { ProfileFlag, RecognisedStatus } from './types';

/** A name in Chinese (source) and English, from rule-set data. */
export interface TierLabel {
  zh: string;
  en: string;
}

/**
 * What a gap or a band is about, language-neutral: a metric (with the parameters that qualify
 * its name), the total score, a section's score or one indicator's points.
 */
export type TierSubject =
  | {
      kind: 'metric';
      metric: string;
      withinYears?: number;
      qualifiedOnly?: boolean;
      flag?: ProfileFlag;
      status?: RecognisedStatus;
    }
  | { kind: 'total' }
  | { kind: 'section'; id: string; label: TierLabel }
  | { kind: 'points'; id: string; label: TierLabel };

/**
 * Which sentence tells a gap (texts 'tiers.gap.<code>' in zh-CN and en):
 * missing — no figure; state — a yes/no fact or a figure no amount is computed for;
 * ageLimit — too old, which nothing closes; more / less — the lever amount to add or remove;
 * rankUp — places to climb; bandUnknown — the figure that picks the applicable band is missing.
 */
export const TIER_GAP_CODES = [
  'missing',
  'state',
  'ageLimit',
  'more',
  'less',
  'rankUp',
  'bandUnknown',
] as const;
export type TierGapCode = (typeof TIER_GAP_CODES)[number];

/** The values a gap sentence needs beside the gap's figures. */
export interface TierGapValues {
  subject: TierSubject;
  /** Unit of `current` and `required` ('分' for scores); `unit` is the shortfall's. */
  valueUnit: MetricUnit | '分';
}

/** How far one failed rule is from passing, computed from the input. */
export interface TierGap {
  /** The rule that failed. */
  ruleId: string;
  /** Metric id, or 'score.total' / 'score.<section>' / 'points.<indicator>'. */
  indicator: string;
  current: number | null;
  /** Null only when the figure that picks the applicable band is itself missing. */
  required: number | null;
  op: CompareOp;
  /** Amount of the lever input still needed (in `unit`), or null when it cannot be computed. */
  shortfall: number | null;
  unit: string;
  /** The sentence as a code and values: `tierGapText` renders it in the reader's language. */
  code: TierGapCode;
  values: TierGapValues;
}

/** A band of a scoring table as data ('≥ 30.0%' once rendered by `tierBandText`). */
export interface TierBandLabel extends Bounds {
  unit: MetricUnit;
  /** Set when the band tests another metric than its table's own. */
  subject?: TierSubject;
}

export interface IndicatorResult {
  id: string;
  labelZh: string;
  section: string | null;
  maxPoints: number;
  /** Metric that decided the points (the best table's matched band), or null if assessed. */
  metric: string | null;
  value: number | null;
  /** Every metric the indicator's tables read. */
  values: Record<string, number | null>;
  /** The matched band, e.g. { min: 0.3, unit: 'ratio' } ('≥ 30.0%'). */
  band: TierBandLabel | null;
  points: number;
  /** The band's point range (e.g. [7, 8]); points is picked inside it. */
  pointsRange: [number, number];
  /** A figure is missing or an expert score was not supplied. */
  missing: boolean;
  assessed: boolean;
  /** The next better band and what it takes to reach it. */
  next: { band: TierBandLabel; points: number; gap: TierGap } | null;
}

export interface RuleResult {
  id: string;
  labelZh: string;
  kind: TierRule['kind'];
  passed: boolean;
  /** Failed (at least partly) for want of data. */
  missing: boolean;
  value: number | null;
  op?: CompareOp;
  required?: number;
  /** For a 'case' rule, the index of the case that applied. */
  caseIndex?: number;
  children?: RuleResult[];
  /** Failed, but a direct route that applies stands in for it. */
  bypassed?: boolean;
}

export interface SectionResult {
  id: string;
  labelZh: string;
  points: number;
  cap: number | null;
}

/** Why a tier does not apply to an enterprise at all: 'size' = it has outgrown an SME-only tier. */
export const TIER_NOT_APPLICABLE = ['size'] as const;
export type TierNotApplicable = (typeof TIER_NOT_APPLICABLE)[number];

export interface TierResult {
  tier: TierId;
  ruleSetId: string;
  version: string;
  nameZh: string;
  /** False whenever notApplicable is set. */
  eligible: boolean;
  /** Set when the tier does not apply (never a gap to close, never a next target); else null. */
  notApplicable: TierNotApplicable | null;
  /** The size check of an SME-only tier; null for tiers open to any size. */
  size: TierSizeCheck | null;
  /** How it qualified: by meeting every rule, or by a direct route; null if not eligible. */
  via: 'rules' | 'direct' | null;
  /** Total score, or null for rule-sets without a scoring table. */
  total: number | null;
  sections: SectionResult[];
  indicators: IndicatorResult[];
  rules: RuleResult[];
  /** Top-level rules that failed (bypassed ones flagged). */
  failedRules: RuleResult[];
  directRoutes: { id: string; labelZh: string; applies: boolean }[];
  /** Ids of the direct routes that apply. */
  appliedRoutes: string[];
  /** Gap to pass; empty when eligible or not applicable. */
  gaps: TierGap[];
}
