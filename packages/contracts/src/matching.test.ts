import { describe, expect, it } from 'vitest';
import {
  answerProblem,
  IntroductionAnswerSchema,
  IntroductionInputSchema,
  type MatchInput,
  rankMatches,
  scoreMatch,
  trlPoints,
} from './matching';

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
  it('refuse control characters and markup in free text', () => {
    const base = { achievementId: 1, demandId: 2 };
    expect(IntroductionInputSchema.parse(base).note).toBe('');
    expect(IntroductionInputSchema.safeParse({ ...base, note: 'a\u0000b' }).success).toBe(false);
    expect(IntroductionInputSchema.safeParse({ ...base, note: '<b>x</b>' }).success).toBe(false);
    const answer = { decision: 'decline', reason: 'other', text: 'x\u0000' };
    expect(IntroductionAnswerSchema.safeParse(answer).success).toBe(false);
  });
});
