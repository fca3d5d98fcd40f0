/**
 * The shape of a tier rule-set. Rule-sets are plain JSON-compatible data (no functions, no
 * Infinity), so analysts can store, diff and version them; the engine only interprets them.
 */
import type {
  AwardKind,
  AwardLevel,
  InstitutionLevel,
  ProfileFlag,
  RecognisedStatus,
  StandardLevel,
  ViolationKind,
} from './types';

export const TIER_IDS = [
  'techSme',
  'highTech',
  'gazelle',
  'potentialUnicorn',
  'unicorn',
  'innovativeSme',
  'specialisedSme',
  'littleGiant',
  'singleChampion',
] as const;
export type TierId = (typeof TIER_IDS)[number];

/** Parameters a metric may take; each metric reads only the ones it documents. */
export interface MetricParams {
  /** Window ending at the data year y, inclusive: years y−n+1 … y. */
  withinYears?: number;
  awardKinds?: AwardKind[];
  awardLevels?: AwardLevel[];
  institutionLevels?: InstitutionLevel[];
  standardLevels?: StandardLevel[];
  /** Only standards the enterprise led (主持/牵头). */
  leadOnly?: boolean;
  /** Only award placings ≤ this rank. */
  maxRank?: number;
  violationKinds?: ViolationKind[];
  qualifiedOnly?: boolean;
  validityYears?: number;
  status?: RecognisedStatus;
  flag?: ProfileFlag;
  /** CNY per USD for USD-denominated thresholds. */
  usdCny?: number;
  /** Number of years a growth metric spans. */
  years?: number;
}

export interface MetricRef {
  id: string;
  params?: MetricParams;
}

/** A range: min inclusive unless minExclusive, max inclusive unless maxExclusive; none = all. */
export interface Bounds {
  min?: number;
  minExclusive?: boolean;
  max?: number;
  maxExclusive?: boolean;
}

/** One band of a scoring table. */
export interface TierBand extends Bounds {
  /** Points of the band, or the lower end when the band is a range (e.g. 7–8). */
  points: number;
  pointsMax?: number;
  /** Test another metric than the table's own (e.g. Class-I vs Class-II IP in one table). */
  metric?: MetricRef;
}

/** A scoring table: the first band that matches gives the points. */
export interface BandTable {
  metric: MetricRef;
  bands: TierBand[];
}

export interface TierIndicator {
  id: string;
  labelZh: string;
  /** English name, where a gap sentence may name the indicator (a points rule without table). */
  labelEn?: string;
  maxPoints: number;
  section?: string;
  /** One table, or several of which the best scores ("score one of (a) or (b)"). */
  tables?: BandTable[];
  /** Points given by experts in `input.assessments['<tier>.<id>']`, clamped to 0…maxPoints. */
  assessed?: boolean;
  ref?: string;
}

export interface TierSection {
  id: string;
  labelZh: string;
  /** The gap sentences name sections in the reader's language. */
  labelEn: string;
  /** Points above the cap are dropped (e.g. a bonus inside a 30-point section). */
  cap?: number;
}

export const COMPARE_OPS = ['>=', '>', '<=', '<', '=='] as const;
export type CompareOp = (typeof COMPARE_OPS)[number];

export type TierRule =
  | {
      kind: 'compare';
      id: string;
      labelZh: string;
      metric: MetricRef;
      op: CompareOp;
      value: number;
      ref?: string;
    }
  /** Total score, or one section's score when `section` is set. */
  | {
      kind: 'score';
      id: string;
      labelZh: string;
      section?: string;
      op: CompareOp;
      value: number;
      ref?: string;
    }
  /** The points one indicator earned (e.g. 科技人员 score ≠ 0). */
  | {
      kind: 'points';
      id: string;
      labelZh: string;
      indicator: string;
      op: CompareOp;
      value: number;
      ref?: string;
    }
  | { kind: 'all'; id: string; labelZh: string; rules: TierRule[]; ref?: string }
  | { kind: 'any'; id: string; labelZh: string; rules: TierRule[]; ref?: string }
  /** The rule of the band `by` falls into applies (e.g. R&D ratio by sales band). */
  | { kind: 'case'; id: string; labelZh: string; by: MetricRef; cases: TierCase[]; ref?: string };

export interface TierCase extends Bounds {
  rule: TierRule;
}

export interface DirectRoute {
  id: string;
  labelZh: string;
  rule: TierRule;
  /** Ids of the top-level rules this route stands in for. */
  replaces: string[];
  ref?: string;
}

/**
 * The size condition of a tier for 中小企业. A firm the standard calls large has outgrown the tier:
 * its result is "not applicable (size)", never a gap to close.
 */
export interface SmeOnly {
  /** Id of the size standard (SIZE_STANDARDS), e.g. 'smeSize@2011'. */
  sizeStandard: string;
  /**
   * Rules of the tier's own size caps (科技型中小企业: ≤ 500 staff, ≤ 2亿 sales and assets). When
   * set, a large firm is out of scope only if it also breaks one of them: the tier's own text,
   * not the standard, defines its size.
   */
  ownLimits?: string[];
  /** Where the SME condition comes from. */
  ref: string;
}

export interface TierRuleSet {
  /** Unique, stable id of this version, e.g. 'techSme@2017'. */
  id: string;
  tier: TierId;
  version: string;
  nameZh: string;
  nameEn: string;
  /** Issuing body and document. */
  basis: string;
  /** City the variant belongs to, or null for national / provincial rules. */
  regionCode: string | null;
  /** Section of /work/shared/reference/tiers-and-rankings.md the rules come from. */
  ref: string;
  /** Source label of the reference: official, secondary, or unverified. */
  confidence: 'official' | 'secondary' | 'unverified';
  sections: TierSection[];
  indicators: TierIndicator[];
  /** All must hold, unless a direct route that applies replaces them. */
  rules: TierRule[];
  directRoutes: DirectRoute[];
  /** Only 中小企业 may hold the tier: a firm the size standard calls large is not applicable. */
  smeOnly?: SmeOnly;
  /** Support attached to the status (e.g. 瞪羚: loan interest subsidy), for display. */
  benefits?: string[];
  notes?: string[];
}
