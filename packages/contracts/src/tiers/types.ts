/**
 * Input of the tier engine: one enterprise, one fiscal year, plus earlier years where growth
 * formulas need them.
 *
 * Units: every amount is in 万元 (10⁴ yuan, CNY) unless its name says otherwise; staff and
 * IP items are counts; shares computed by the engine are ratios in 0..1 (0.03 = 3 %).
 * Absent booleans mean "no such record" (false), except `profile.resident` (default true).
 */
import type { IndustryCode } from '../orgs';
import type { SizeClassId } from './size-types';

/** IP kinds as the 科技型中小企业 / 高企 rules classify them (reference §2 "IP classes"). */
export const IP_KINDS = [
  'inventionPatent',
  'defencePatent',
  'plantVariety',
  'nationalCropVariety',
  'nationalNewDrug',
  'tcmProtectedVarietyGradeI',
  'icLayoutDesign',
  'utilityModel',
  'design',
  'softwareCopyright',
  'trademark',
] as const;
export type IpKind = (typeof IP_KINDS)[number];

/** The 8 fields of 《国家重点支持的高新技术领域》 (reference §3 condition 3). */
export const HIGH_TECH_FIELDS = [
  'electronicInformation',
  'biomedicine',
  'aerospace',
  'newMaterials',
  'highTechServices',
  'newEnergy',
  'resourcesEnvironment',
  'advancedManufacturing',
] as const;
export type HighTechField = (typeof HIGH_TECH_FIELDS)[number];

export const LISTING_STATUSES = ['unlisted', 'neeq', 'listed'] as const;
/** 'neeq' = 新三板, which the unicorn rules still count as unlisted. */
export type ListingStatus = (typeof LISTING_STATUSES)[number];

export const AWARD_KINDS = ['stAward', 'chuangkeChina'] as const;
export type AwardKind = (typeof AWARD_KINDS)[number];
export const AWARD_LEVELS = ['national', 'provincial', 'municipal'] as const;
export type AwardLevel = (typeof AWARD_LEVELS)[number];
export interface Award {
  kind: AwardKind;
  level: AwardLevel;
  year: number;
  /** stAward: the enterprise's place among the winning units; chuangkeChina: national placing. */
  rank?: number;
}

export const INSTITUTION_LEVELS = ['national', 'provincial', 'municipal', 'enterprise'] as const;
export type InstitutionLevel = (typeof INSTITUTION_LEVELS)[number];
export interface RdInstitution {
  level: InstitutionLevel;
  name?: string;
}

export const STANDARD_LEVELS = ['international', 'national', 'industry', 'local', 'group'] as const;
export type StandardLevel = (typeof STANDARD_LEVELS)[number];
export interface Standard {
  level: StandardLevel;
  year: number;
  /** 'lead' = 主持/牵头起草; 'participant' = 参与起草. */
  role: StandardRole;
}

export interface EquityRound {
  year: number;
  /** New equity, 万元. */
  amount: number;
  /** From qualified (e.g. AMAC-registered) institutional investors. */
  qualifiedInvestor?: boolean;
}

export const VIOLATION_KINDS = [
  'majorSafetyAccident',
  'majorQualityAccident',
  'seriousEnvironmental',
  'researchMisconduct',
  'abnormalOperation',
  'seriousDishonesty',
] as const;
export type ViolationKind = (typeof VIOLATION_KINDS)[number];
export interface Violation {
  kind: ViolationKind;
  year: number;
}

/** Recognitions other than the 高企 certificate (which has its own year). */
export const RECOGNISED_STATUSES = [
  'nationalTechInnovationDemo',
  'ipAdvantage',
  'ipDemonstration',
  'innovativeSme',
  'specialisedSme',
  'littleGiant',
] as const;
export type RecognisedStatus = (typeof RECOGNISED_STATUSES)[number];

/** The part an enterprise took in drafting a standard. */
export const STANDARD_ROLES = ['lead', 'participant'] as const;
export type StandardRole = (typeof STANDARD_ROLES)[number];

export const PROFILE_FLAGS = [
  'resident',
  'restrictedCategory',
  'largeSoe',
  'realEstate',
  'resourceMonopoly',
  'newEconomy',
  'leadProductStrategicEmerging',
  'newProduct',
] as const;
export type ProfileFlag = (typeof PROFILE_FLAGS)[number];

/** Figures of one fiscal year. All optional so that earlier years may be partial. */
export interface YearFigures {
  year: number;
  /** 营业收入 (= 销售收入 in the MOST rules). */
  revenue?: number;
  /** 主营业务收入. */
  mainRevenue?: number;
  /** 收入总额, the denominator of 高企 condition 6; defaults to revenue. */
  totalIncome?: number;
  /** 高新技术产品（服务）收入. */
  highTechIncome?: number;
  /** 研发费用 total. */
  rdSpend?: number;
  /** 研发费用 spent in mainland China. */
  rdSpendDomestic?: number;
  /** 成本费用总额. */
  totalCosts?: number;
  totalAssets?: number;
  liabilities?: number;
  /** 净资产; defaults to totalAssets − liabilities. */
  netAssets?: number;
  /** 职工总数 (part-time and temporary staff only if they worked ≥ 6 months / 183 days). */
  staff?: number;
  /** 科技人员. */
  scienceStaff?: number;
  /** 研发人员. */
  rdStaff?: number;
  /** Number of 科技成果转化 in the year. */
  conversions?: number;
}

export interface EnterpriseYear extends YearFigures {
  revenue: number;
  rdSpend: number;
  staff: number;
  scienceStaff: number;
  totalAssets: number;
  /** GB/T 2260 city code; picks the city's 瞪羚 rule-set. */
  regionCode?: string;
  /** The organisation's corridor industry (orgs.ts); gives the size class when none is recorded. */
  industry?: IndustryCode;
  /** Industry class of the size standard (中小企业划型), when known more precisely than `industry`. */
  sizeClass?: SizeClassId;
  /** YYYY-MM-DD. */
  foundedOn: string;
  /** Earlier fiscal years, any order. */
  previous?: YearFigures[];
  /** Valid IP related to the main products, by kind. */
  ip?: Partial<Record<IpKind, number>>;
  /** Of the Class-I items: self-developed, high-value, and in industrial use. */
  ipClassIOwnDeveloped?: number;
  ipClassIHighValue?: number;
  ipClassIInUse?: number;
  /** How the core IP was obtained (高企 获得方式). */
  ipObtainedBy?: 'own' | 'acquired';
  /** Latest valuation, 万元 (CNY). */
  valuation?: number;
  listing?: ListingStatus;
  equity?: EquityRound[];
  awards?: Award[];
  rdInstitutions?: RdInstitution[];
  standards?: Standard[];
  violations?: Violation[];
  /** Year the current 高企 certificate was issued. */
  highTechCertYear?: number;
  statuses?: RecognisedStatus[];
  highTechField?: HighTechField;
  profile?: Partial<Record<ProfileFlag, boolean>>;
  /** Years in the current market niche (专精特新, 小巨人). */
  yearsInNiche?: number;
  /** Years in the product's field (单项冠军). */
  yearsInField?: number;
  /** Global market-share rank of the lead product (1 = largest). */
  globalMarketRank?: number;
  /** Expert scores for judged indicators, keyed `${tier}.${indicatorId}`. */
  assessments?: Record<string, number>;
}
