import { describe, expect, it } from 'vitest';
import { rolesWith } from './abilities';
import { matchingReasons } from './i18n/matching';
import {
  answerProblem,
  GENERIC_WORDS,
  INTRODUCTION_NOTE_MIN,
  IntroductionAnswerSchema,
  IntroductionInputSchema,
  type MatchInput,
  matchOf,
  mayReadFeedback,
  rankMatches,
  scoreMatch,
  sharedTerms,
  trlPoints,
} from './matching';
import type { Role } from './roles';

const base: MatchInput = {
  demand: {
    tokens: ['锂电池', '极片', '缺陷', '检测', '在线'],
    field: 'advancedManufacturing',
    industry: 'equipment',
    regionCode: '420700',
    budgetWan: 150,
  },
  achievement: {
    tokens: ['机器', '视觉', '锂电池', '极片', '缺陷', '检测', '在线'],
    field: 'advancedManufacturing',
    industry: 'equipment',
    regionCode: '420100',
    trl: 7,
    priceWan: 120,
  },
};

describe('scoreMatch', () => {
  it('generic words (技术, 问题, 成熟度 …) are not shared terms: they explain nothing', () => {
    const { reasons } = scoreMatch({
      ...base,
      demand: { ...base.demand, tokens: ['技术', '问题', '成熟度', '提升', '锂电池'] },
      achievement: { ...base.achievement, tokens: ['技术', '问题', '成熟度', '提升', '锂电池'] },
    });
    expect(reasons[0]).toEqual({ code: 'shared_terms', params: { terms: ['锂电池'] } });
  });

  it('the words of any request or abstract (低于, 严重, 成本 …) are never a shared term', () => {
    // Tokens as the server's segmenter gives them for two unrelated records' boilerplate:
    // 要求技术成熟度不低于6级 / 污染严重 / 成本高 / 可广泛应用于 / 具有良好的产业化前景 …
    const boilerplate = [
      '低于',
      '严重',
      '成本',
      '降低',
      '应用',
      '广泛应用',
      '企业',
      '生产',
      '针对',
      '过程',
      '采用',
      '达到',
      '不足',
      '依赖',
      '进口',
      '稳定性',
      '良品率',
      '能耗',
      '产业化',
      '前景',
      '良好',
      '显著',
    ];
    expect(boilerplate.filter((w) => !GENERIC_WORDS.has(w))).toEqual([]);
    const d = [...boilerplate, '钒钛', '尾渣'];
    const a = [...boilerplate, '光通信', '激光器'];
    expect(sharedTerms(d, a)).toEqual([]);
    expect(sharedTerms(d, [...a, '尾渣'])).toEqual(['尾渣']);
  });

  it('a full match scores 100 with every reason', () => {
    const { score, reasons } = scoreMatch(base);
    expect(score).toBe(100);
    expect(reasons).toEqual([
      { code: 'shared_terms', params: { terms: ['锂电池', '极片', '缺陷', '检测', '在线'] } },
      { code: 'same_field', params: { field: 'advancedManufacturing' } },
      { code: 'chain_link', params: { industry: 'equipment' } },
      { code: 'trl_fit', params: { trl: 7 } },
      { code: 'price_within_budget', params: { price: 120, budget: 150 } },
      { code: 'cross_city', params: { from: '420100', to: '420700' } },
    ]);
  });

  it('nothing in common scores 0 with no reasons', () => {
    const r = scoreMatch({
      demand: { ...base.demand, tokens: ['生物', '医药'], field: 'biomedicine', industry: null },
      achievement: { ...base.achievement, regionCode: '420700', trl: 2, priceWan: 500 },
    });
    expect(r).toEqual({ score: 0, reasons: [] });
  });

  it('a negotiable price or budget is unknown: no price reason', () => {
    const a = scoreMatch({ ...base, achievement: { ...base.achievement, priceWan: null } });
    const d = scoreMatch({ ...base, demand: { ...base.demand, budgetWan: null } });
    for (const r of [a, d]) {
      expect(r.score).toBe(90);
      expect(r.reasons.map((x) => x.code)).not.toContain('price_within_budget');
    }
  });

  it('shared terms ignore single characters and digits and scale up to five terms', () => {
    const r = scoreMatch({
      demand: { ...base.demand, tokens: ['检测', '光', '2024'], field: 'x', industry: null },
      achievement: { ...base.achievement, tokens: ['检测', '光', '2024'], regionCode: '420700' },
    });
    expect(r.reasons[0]).toEqual({ code: 'shared_terms', params: { terms: ['检测'] } });
    expect(r.score).toBe(9 + 15 + 10); // terms, TRL, price
  });

  it('a higher TRL fits an enterprise better', () => {
    expect([1, 3, 5, 7, 9].map(trlPoints)).toEqual([0, 5, 10, 15, 15]);
  });
});

describe('matchOf', () => {
  it('a pair with no shared term is no match, whatever its TRL, price, field and cities', () => {
    const noText = {
      demand: { ...base.demand, tokens: ['低于', '成本', '严重', '钒钛'] },
      achievement: { ...base.achievement, tokens: ['低于', '成本', '严重', '激光器'] },
    };
    // Scored alone it would reach 55 (field, chain, TRL, price, cross-city): not listed.
    expect(scoreMatch(noText).score).toBe(55);
    expect(matchOf(noText)).toBeNull();
    expect(matchOf(base)).toEqual(scoreMatch(base));
  });
});

describe('rankMatches', () => {
  it('orders by score, then id, and keeps the limit', () => {
    const items = [
      { id: 3, score: 50 },
      { id: 1, score: 80 },
      { id: 2, score: 50 },
    ];
    expect(rankMatches(items, 2).map((i) => i.id)).toEqual([1, 2]);
  });
});

describe('answerProblem', () => {
  it('declines need a reason, and "other" needs text', () => {
    expect(answerProblem({ decision: 'accept' })).toBeNull();
    expect(answerProblem({ decision: 'decline' })?.field).toBe('reason');
    expect(answerProblem({ decision: 'decline', reason: 'other' })?.field).toBe('text');
    expect(answerProblem({ decision: 'decline', reason: 'other', text: '需要样机' })).toBeNull();
    expect(answerProblem({ decision: 'decline', reason: 'price' })).toBeNull();
  });
});

describe('introduction schemas', () => {
  it('a note is required: at least INTRODUCTION_NOTE_MIN characters once trimmed', () => {
    const base = { achievementId: 1, demandId: 2 };
    const issue = (note?: string) =>
      IntroductionInputSchema.safeParse(note === undefined ? base : { ...base, note }).error
        ?.issues[0];
    expect(issue()?.path).toEqual(['note']);
    expect(issue('')?.message).toBe('matching.note_too_short');
    expect(issue(`   ${'短'.repeat(INTRODUCTION_NOTE_MIN - 1)}   `)?.message).toBe(
      'matching.note_too_short',
    );
    const note = '尾渣提钒工艺与贵方需求一致';
    expect(IntroductionInputSchema.parse({ ...base, note: ` ${note} ` }).note).toBe(note);
    // The message names the same minimum the schema holds.
    expect(matchingReasons.messages['matching.note_too_short'].zh).toContain(
      String(INTRODUCTION_NOTE_MIN),
    );
  });

  it('refuse control characters and markup in free text', () => {
    const base = { achievementId: 1, demandId: 2 };
    const text = '双方可就实施条件面谈';
    expect(IntroductionInputSchema.safeParse({ ...base, note: `${text}a\u0000b` }).success).toBe(
      false,
    );
    expect(IntroductionInputSchema.safeParse({ ...base, note: `${text}<b>x</b>` }).success).toBe(
      false,
    );
    const answer = { decision: 'decline', reason: 'other', text: 'x\u0000' };
    expect(IntroductionAnswerSchema.safeParse(answer).success).toBe(false);
  });
});

describe('who sees what of matching', () => {
  it('matching.read: the six roles that take part, not talents or publishers', () => {
    expect(rolesWith('matching.read').sort()).toEqual(
      ['broker', 'city_admin', 'enterprise', 'investor', 'province_admin', 'university'].sort(),
    );
  });

  it('feedback: the achievement’s own enterprise/university users and its officials', () => {
    const a = { org: { id: 7 }, regionCode: '420100' };
    const v = (roles: Role[], orgId: number | null, regionCode = '420100') => ({
      roles,
      orgId,
      regionCode,
    });
    expect(mayReadFeedback(v(['university'], 7), a)).toBe(true);
    expect(mayReadFeedback(v(['enterprise'], 8), a)).toBe(false);
    expect(mayReadFeedback(v(['broker'], 7), a)).toBe(false);
    expect(mayReadFeedback(v(['city_admin'], null), a)).toBe(true);
    expect(mayReadFeedback(v(['city_admin'], null, '420700'), a)).toBe(false);
    expect(mayReadFeedback(v(['province_admin'], null, '420000'), a)).toBe(true);
  });
});
