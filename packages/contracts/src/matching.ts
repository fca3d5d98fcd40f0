import { z } from 'zod';
import { plainText, RowVersionSchema } from './common';
import { INDUSTRY_CODES } from './orgs';
import { CITY_CODES, PROVINCE_CODE } from './regions';
import type { Role } from './roles';
import { FIELD_CODES } from './tech-fields';

/**
 * Matching of demands and achievements (issue 4 item 4): a pure score with its reasons, so a
 * user sees why two records were put side by side, and brokers' introductions with the owner's
 * structured answer (reference §8.2: a decline says why, so owners learn what buyers miss).
 */

export const MATCH_REASON_CODES = [
  'shared_terms',
  'same_field',
  'chain_link',
  'trl_fit',
  'price_within_budget',
  'cross_city',
] as const;
export type MatchReasonCode = (typeof MATCH_REASON_CODES)[number];

export const MatchReasonSchema = z.object({
  code: z.enum(MATCH_REASON_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
});
export type MatchReason = z.infer<typeof MatchReasonSchema>;

export interface MatchSide {
  /** Tokens of the record's text (the market module's segmentation, computed on the server). */
  tokens: readonly string[];
  field: string;
  industry: string | null;
  regionCode: string;
}

export interface MatchInput {
  demand: MatchSide & { budgetWan: number | null };
  achievement: MatchSide & { trl: number; priceWan: number | null };
}

/** Points of each reason; they add up to 100. */
export const MATCH_WEIGHTS = {
  sharedTerms: 45,
  sameField: 15,
  chainLink: 5,
  trl: 15,
  price: 10,
  crossCity: 10,
} as const;

/** Shared terms that earn the full text points: more than this says nothing more. */
export const FULL_TEXT_TERMS = 5;
/** Shared terms listed in a reason. */
export const MAX_REASON_TERMS = 8;

/**
 * Demands carry no TRL: an enterprise usually needs something it can put to use, so a higher
 * TRL fits better (reference §8: early-stage results are the common reason for a decline).
 */
export function trlPoints(trl: number): number {
  if (trl >= 7) return MATCH_WEIGHTS.trl;
  if (trl >= 5) return 10;
  if (trl >= 3) return 5;
  return 0;
}

/**
 * Words that say what kind of text it is, not which technology: every demand asks for a
 * 解决方案 through 联合攻关 at some 成熟度, every abstract 提升s 效率 on some 问题. Shared, they
 * explain nothing; as search probes they find everything or nothing. Grouped by what they are;
 * the segmenter splits 不低于 into 低于, 广泛应用于 into 广泛应用, so those pieces are here too.
 */
const GENERIC_GROUPS = [
  // what a request or an offer is
  '成果 技术 需求 技术需求 解决方案 技术合作 成果转让 联合攻关 委托开发 合作开发 联合开发 技术许可 技术咨询 转让 许可 委托 中试 服务',
  // the frame of a demand: who asks, why, on what terms
  '我单位 单位 企业 公司 业务 希望 要求 需要 寻求 遇到 计划 开展 推进 围绕 拓展 转型 升级 面向社会 面向 征集 亟待解决 现有 其中 生产 场景 领域 用于 应用 应用于 广泛应用',
  // the frame of an abstract: what was done, how far it got
  '针对 过程 中等 通过 采用 基于 综合 运用 创新 集成 融合 研制 构建 建立 突破 形成 完成 验证 实现 提升 提高 降低 达到 解决 开发 研发 方案 合作 相关 进行 具有 能够 目前 方面 提供 项目 团队 积累 深厚 申请 发明专利 授权 一种 方法 系统 平台 装置 工艺 关键技术 关键',
  // comparisons and amounts, not subjects
  '技术成熟度 成熟度 不低于 低于 高于 不超过 超过 以上 以下 显著 明显 大幅 广泛 良好',
  // problems and benefits any technology claims: a shared 成本 says nothing about fit
  '问题 严重 不足 复杂 依赖 进口 进口产品 替代 同类 人工 成本 低成本 效率 效果 效益 能耗 稳定性 一致性 可靠 可靠性 良品率 故障率 废品率 寿命 寿命短 使用寿命 长寿命 响应速度 安全隐患 隐患 性能 综合性 质量',
  // market talk
  '前景 市场前景 广阔 产业化 竞争力 核心 批量 小批量 生产能力 第三方 认证',
];
export const GENERIC_WORDS: ReadonlySet<string> = new Set(GENERIC_GROUPS.join(' ').split(' '));

/** Single characters, digits and generic words are too common to show as a reason or to count. */
export function informative(token: string): boolean {
  return token.length >= 2 && !/^\d+$/.test(token) && !GENERIC_WORDS.has(token);
}

export function sharedTerms(a: readonly string[], b: readonly string[]): string[] {
  const other = new Set(b);
  return [...new Set(a)].filter((t) => informative(t) && other.has(t));
}

/**
 * The score of a pair, or null when the two share no informative term. Field, TRL, price and
 * city alone fit half the market (a tail of such pairs scored 30–44): without one shared word of
 * substance a pair is not shown at all, rather than shown with a low score.
 */
export function matchOf(input: MatchInput): { score: number; reasons: MatchReason[] } | null {
  const result = scoreMatch(input);
  return result.reasons.some((r) => r.code === 'shared_terms') ? result : null;
}

export function scoreMatch(input: MatchInput): { score: number; reasons: MatchReason[] } {
  const { demand: d, achievement: a } = input;
  const reasons: MatchReason[] = [];
  let score = 0;
  const shared = sharedTerms(d.tokens, a.tokens);
  if (shared.length > 0) {
    score += Math.round(
      (MATCH_WEIGHTS.sharedTerms * Math.min(shared.length, FULL_TEXT_TERMS)) / FULL_TEXT_TERMS,
    );
    reasons.push({ code: 'shared_terms', params: { terms: shared.slice(0, MAX_REASON_TERMS) } });
  }
  if (d.field === a.field) {
    score += MATCH_WEIGHTS.sameField;
    reasons.push({ code: 'same_field', params: { field: a.field } });
  }
  if (d.industry !== null && d.industry === a.industry) {
    score += MATCH_WEIGHTS.chainLink;
    reasons.push({ code: 'chain_link', params: { industry: a.industry } });
  }
  const trl = trlPoints(a.trl);
  if (trl > 0) {
    score += trl;
    reasons.push({ code: 'trl_fit', params: { trl: a.trl } });
  }
  // Negotiable (null) on either side is unknown: no points, no reason.
  if (a.priceWan !== null && d.budgetWan !== null && a.priceWan <= d.budgetWan) {
    score += MATCH_WEIGHTS.price;
    reasons.push({
      code: 'price_within_budget',
      params: { price: a.priceWan, budget: d.budgetWan },
    });
  }
  if (a.regionCode !== d.regionCode) {
    score += MATCH_WEIGHTS.crossCity;
    reasons.push({ code: 'cross_city', params: { from: a.regionCode, to: d.regionCode } });
  }
  return { score: Math.min(100, score), reasons };
}

/** Best first; ties by id for a stable order. */
export function rankMatches<T extends { id: number; score: number }>(
  items: T[],
  limit: number,
): T[] {
  return [...items].sort((x, y) => y.score - x.score || x.id - y.id).slice(0, limit);
}

export const MATCH_LIMIT = 20;

export const MatchSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  org: z.object({ id: z.number().int(), name: z.string() }),
  regionCode: z.enum(CITY_CODES),
  field: z.enum(FIELD_CODES),
  score: z.number().int(),
  reasons: z.array(MatchReasonSchema),
});
export type Match = z.infer<typeof MatchSchema>;
export const MatchListSchema = z.object({ items: z.array(MatchSchema) });
export type MatchList = z.infer<typeof MatchListSchema>;

/** An enterprise that could use an achievement: the best of its matching demands. */
export const EnterpriseMatchSchema = z.object({
  org: z.object({ id: z.number().int(), name: z.string() }),
  regionCode: z.enum(CITY_CODES),
  industry: z.enum(INDUSTRY_CODES).nullable(),
  demandId: z.number().int(),
  demandTitle: z.string(),
  score: z.number().int(),
  reasons: z.array(MatchReasonSchema),
});
export const EnterpriseMatchListSchema = z.object({ items: z.array(EnterpriseMatchSchema) });
export type EnterpriseMatchList = z.infer<typeof EnterpriseMatchListSchema>;

export const DECLINE_REASONS = [
  'too_early_stage',
  'benefit_unclear',
  'price',
  'commercial_route_unclear',
  'description_unclear',
  'other',
] as const;
export type DeclineReason = (typeof DECLINE_REASONS)[number];
/**
 * pending until the owner answers (one open introduction per achievement and demand);
 * superseded: a later duplicate of an open one, closed when that rule came in (made before it).
 */
export const INTRODUCTION_STATUSES = ['pending', 'accepted', 'declined', 'superseded'] as const;

/** The shortest note a broker may send (a sentence saying why, not 请联系). */
export const INTRODUCTION_NOTE_MIN = 10;

export const IntroductionInputSchema = z.strictObject({
  achievementId: z
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
  demandId: z
    .number()
    .int()
    .min(1)
    .max(2 ** 31 - 1),
  // Why these two should talk: the owner reads it before answering, so it is required.
  // Free text: no control characters (NUL breaks PostgreSQL) and no markup.
  note: plainText(500).min(INTRODUCTION_NOTE_MIN, { message: 'matching.note_too_short' }),
});
export type IntroductionInput = z.infer<typeof IntroductionInputSchema>;

/** The owner's answer: accept, or decline with a reason code (free text required for 'other'). */
export const IntroductionAnswerSchema = z.strictObject({
  decision: z.enum(['accept', 'decline']),
  reason: z.enum(DECLINE_REASONS).optional(),
  text: plainText(500).optional(),
  version: RowVersionSchema,
});
export type IntroductionAnswer = z.infer<typeof IntroductionAnswerSchema>;

/** Who an account is, as far as matching's rules care (the server's actor, the web's Me). */
export interface MatchingViewer {
  readonly roles: readonly Role[];
  readonly orgId: number | null;
  readonly regionCode: string;
}

/** The roles of an organisation's users who answer introductions to its achievements. */
export const INTRODUCTION_ANSWER_ROLES: readonly Role[] = ['enterprise', 'university'];

/** The achievement's organisation answers introductions (its enterprise/university users). */
export function ownsAchievement(v: MatchingViewer, achievementOrgId: number): boolean {
  return v.orgId === achievementOrgId && v.roles.some((r) => INTRODUCTION_ANSWER_ROLES.includes(r));
}

/** Officials of the record's city, or of the province. */
export function isOfficialOf(v: MatchingViewer, regionCode: string): boolean {
  return (
    (v.roles.includes('province_admin') && v.regionCode === PROVINCE_CODE) ||
    (v.roles.includes('city_admin') && v.regionCode === regionCode)
  );
}

/** An achievement's decline counts: its owners and its officials (others are refused). */
export function mayReadFeedback(
  v: MatchingViewer,
  achievement: { org: { id: number }; regionCode: string },
): boolean {
  return ownsAchievement(v, achievement.org.id) || isOfficialOf(v, achievement.regionCode);
}

/** The answer's consistency rule, as a field problem (null when fine). */
export function answerProblem(
  a: Omit<IntroductionAnswer, 'version'>,
): { field: string; reason: 'matching.reason_required' | 'matching.text_required' } | null {
  if (a.decision === 'accept') return null;
  if (!a.reason) return { field: 'reason', reason: 'matching.reason_required' };
  if (a.reason === 'other' && !a.text) return { field: 'text', reason: 'matching.text_required' };
  return null;
}

export const IntroductionSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  achievementId: z.number().int(),
  achievementTitle: z.string(),
  demandId: z.number().int(),
  demandTitle: z.string(),
  brokerId: z.number().int(),
  note: z.string(),
  status: z.enum(INTRODUCTION_STATUSES),
  reason: z.enum(DECLINE_REASONS).nullable(),
  reasonText: z.string().nullable(),
  createdAt: z.string(),
  answeredAt: z.string().nullable(),
  /** The negotiation an accepted introduction opened (visible to the broker and the owner). */
  negotiationId: z.number().int().nullable(),
});
export type Introduction = z.infer<typeof IntroductionSchema>;
export const IntroductionListSchema = z.object({ items: z.array(IntroductionSchema) });

export const FeedbackSchema = z.object({
  pending: z.number().int(),
  accepted: z.number().int(),
  declined: z.array(z.object({ reason: z.enum(DECLINE_REASONS), count: z.number().int() })),
  /** Negotiations on the achievement that a party ended, per reason (same codes). */
  abandoned: z.array(z.object({ reason: z.enum(DECLINE_REASONS), count: z.number().int() })),
});
export type Feedback = z.infer<typeof FeedbackSchema>;
