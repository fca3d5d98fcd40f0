/**
 * The shape of an enterprise-size standard (大中小微型企业划型): per industry class, the lower
 * bounds of each size. Plain JSON data, versioned like the tier rule-sets, so a revision of the
 * standard is a new record, not a code change.
 */
import type { IndustryCode } from '../orgs';

/** The figures a size class reads: 从业人员, 营业收入 (万元), 资产总额 (万元). */
export const SIZE_MEASURES = ['staff', 'revenue', 'totalAssets'] as const;
export type SizeMeasure = (typeof SIZE_MEASURES)[number];

export const ENTERPRISE_SIZES = ['large', 'medium', 'small', 'micro'] as const;
export type EnterpriseSize = (typeof ENTERPRISE_SIZES)[number];

/** The industry classes of 工信部联企业〔2011〕300号 第四条 (一)–(十六). */
export const SIZE_CLASS_IDS = [
  'agriculture',
  'industrial',
  'construction',
  'wholesale',
  'retail',
  'transport',
  'warehousing',
  'postal',
  'accommodation',
  'catering',
  'infoTransmission',
  'software',
  'realEstate',
  'propertyManagement',
  'leasingBusiness',
  'other',
] as const;
export type SizeClassId = (typeof SIZE_CLASS_IDS)[number];

/**
 * Lower bounds, all inclusive and all required together ("须同时满足所列指标的下限，否则下划一档"):
 * e.g. 工业 large = { staff: 1000, revenue: 40000 } means staff ≥ 1000 AND revenue ≥ 40000.
 */
export type SizeBounds = Partial<Record<SizeMeasure, number>>;

export interface SizeClassDef {
  labelZh: string;
  labelEn: string;
  large: SizeBounds;
  medium: SizeBounds;
  small: SizeBounds;
  /** Clause of the standard, e.g. '第四条（二）'. */
  ref: string;
}

export interface SizeStandard {
  /** Unique, stable id of this version, e.g. 'smeSize@2011'. */
  id: string;
  version: string;
  nameZh: string;
  nameEn: string;
  /** Issuing bodies and document. */
  basis: string;
  /** Source label of the figures: official, secondary, or unverified. */
  confidence: 'official' | 'secondary' | 'unverified';
  classes: Record<SizeClassId, SizeClassDef>;
  /**
   * The class an organisation's corridor industry (orgs.ts INDUSTRIES) falls into when its
   * 国民经济行业 is not recorded. Our reading, not part of the standard; see `notes`.
   */
  industryClasses: Record<IndustryCode, SizeClassId>;
  notes: string[];
}

/** The size check of an SME-only tier, as the engine reports it. */
export interface TierSizeCheck {
  standardId: string;
  /** The class used, or null when the enterprise's industry is not recorded. */
  sizeClass: SizeClassId | null;
  /** Null when the class or a figure it needs is unknown. */
  size: EnterpriseSize | null;
  /** 中小微型企业 under the standard: false = large; null = cannot be told. */
  sme: boolean | null;
  /** The figures the class reads, as entered (absent when not entered). */
  values: SizeBounds;
  /** The class's lower bounds of 'large' (what made it large, or what it stays under). */
  largeFrom: SizeBounds;
}
