/** What the engine returns. All plain data, ready to send as JSON. */
import type { CompareOp, TierId, TierRule } from './rule-types';

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
  /** One sentence in Chinese, e.g. '研发费用占销售收入 2.4% → 需 3.0%：还差 18.6 万元'. */
  text: string;
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
  /** Label of the matched band, e.g. '≥ 30.0%'. */
  band: string | null;
  points: number;
  /** The band's point range (e.g. [7, 8]); points is picked inside it. */
  pointsRange: [number, number];
  /** A figure is missing or an expert score was not supplied. */
  missing: boolean;
  assessed: boolean;
  /** The next better band and what it takes to reach it. */
  next: { band: string; points: number; gap: TierGap } | null;
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

export interface TierResult {
  tier: TierId;
  ruleSetId: string;
  version: string;
  nameZh: string;
  eligible: boolean;
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
  /** Gap to pass; empty when eligible. */
  gaps: TierGap[];
}
