import { describe, expect, it } from 'vitest';
import { evaluateTier } from './evaluate';
import { LITTLE_GIANT_2022, SINGLE_CHAMPION_2022, SPECIALISED_SME_2022 } from './rule-sets';
import { firm } from './test-fixtures';
import { tierGapText } from './texts';
import type { EnterpriseYear } from './types';

const rule = (r: ReturnType<typeof evaluateTier>, id: string) => r.rules.find((x) => x.id === id);

describe('专精特新中小企业 (§4.2)', () => {
  const run = (over: Partial<EnterpriseYear>) => evaluateTier(SPECIALISED_SME_2022, firm(over));
  const OK: Partial<EnterpriseYear> = {
    yearsInNiche: 2,
    revenue: 3000,
    rdSpend: 100,
    assessments: { 'specialisedSme.evaluation': 60 },
  };

  it('passes at every lower bound', () => {
    expect(run(OK)).toMatchObject({ eligible: true, via: 'rules' });
  });

  it.each([
    ['niche', { yearsInNiche: 1.9 }],
    ['rdAmount', { rdSpend: 99.9 }],
    ['rdRatio', { revenue: 3400 }],
    ['revenue', { revenue: 999, rdSpend: 100 }],
    ['score', { assessments: { 'specialisedSme.evaluation': 59 } }],
  ] as [string, Partial<EnterpriseYear>][])('fails %s just below its bound', (id, over) => {
    const r = run({ ...OK, ...over });
    expect(r.eligible).toBe(false);
    expect(r.failedRules.map((f) => f.id)).toEqual([id]);
  });

  it('accepts revenue under 1000 万 with ≥ 2000 万 of qualified equity in 2 years', () => {
    const equity = [{ year: 2023, amount: 2000, qualifiedInvestor: true }];
    expect(run({ ...OK, revenue: 900, rdSpend: 100, equity }).eligible).toBe(true);
    const old = [{ year: 2022, amount: 2000, qualifiedInvestor: true }];
    const r = run({ ...OK, revenue: 900, rdSpend: 100, equity: old });
    expect(r.eligible).toBe(false);
    // the closer alternative is named: 100 万 more revenue
    expect(r.gaps.map((g) => tierGapText(g, 'zh-CN'))).toEqual([
      '营业收入 900 万元 → 需 1000 万元：还差 100 万元',
    ]);
  });

  it('without the 13-indicator score it fails for missing data', () => {
    const r = run({ ...OK, assessments: {} });
    expect(r.indicators[0]).toMatchObject({ missing: true, points: 0 });
    expect(rule(r, 'score')?.passed).toBe(false);
  });
});

describe('专精特新"小巨人" (§4.3)', () => {
  const run = (over: Partial<EnterpriseYear>) => evaluateTier(LITTLE_GIANT_2022, firm(over));
  const SPECIALISED: Partial<EnterpriseYear> = {
    yearsInNiche: 3,
    rdInstitutions: [{ level: 'enterprise' }],
    ip: { inventionPatent: 2 },
    ipClassIInUse: 2,
  };
  /** Revenue and main revenue for year 2024 with 5 % average main-business growth. */
  const sized = (revenue: number, rd: number, prevRd: number): Partial<EnterpriseYear> => ({
    ...SPECIALISED,
    revenue,
    rdSpend: rd,
    mainRevenue: revenue * 0.7,
    previous: [
      { year: 2022, mainRevenue: (revenue * 0.7) / 1.1 },
      { year: 2023, revenue, rdSpend: prevRd, mainRevenue: revenue * 0.7 },
    ],
  });

  it('revenue ≥ 1亿 needs ≥ 3 % R&D in each of the last 2 years', () => {
    expect(run(sized(10000, 300, 300))).toMatchObject({ eligible: true });
    const past = run(sized(10000, 300, 299));
    expect(past.eligible).toBe(false);
    // the past year cannot be made up: no shortfall amount
    expect(past.gaps[0]).toMatchObject({ indicator: 'rdToSalesMin2y', shortfall: null });
    const now = run(sized(10000, 290, 300));
    expect(now.gaps[0]).toMatchObject({ shortfall: 10, unit: '万元' });
  });

  it('revenue 5000万–1亿 needs ≥ 6 % R&D (the band starts at 5000 inclusive)', () => {
    expect(run(sized(9999, 600, 0)).eligible).toBe(true);
    expect(run(sized(5000, 300, 0)).eligible).toBe(true);
    expect(run(sized(5000, 299, 0)).eligible).toBe(false);
  });

  it('revenue < 5000万 needs 8000万 equity in 2 years, 3000万 R&D and 50 % R&D staff', () => {
    const base = { ...sized(4999, 3000, 0), rdStaff: 50, staff: 100 };
    const equity = [{ year: 2023, amount: 8000 }];
    expect(run({ ...base, equity }).eligible).toBe(true);
    const r = run({ ...base, equity, rdStaff: 49 });
    expect(r.failedRules.map((f) => f.id)).toEqual(['innovationRd']);
    expect(tierGapText(r.gaps[0]!, 'zh-CN')).toBe(
      '研发人员占职工总数比例 49.0% → 需 50.0%：还差 2 人',
    );
    expect(run({ ...base, equity: [{ year: 2022, amount: 8000 }] }).eligible).toBe(false);
  });

  it.each([
    ['rdInstitution', { rdInstitutions: [] }],
    ['ipInUse', { ipClassIInUse: 1 }],
    ['niche', { yearsInNiche: 2 }],
  ] as [string, Partial<EnterpriseYear>][])('fails %s', (id, over) => {
    const r = run({ ...sized(10000, 300, 300), ...over });
    expect(r.failedRules.map((f) => f.id)).toEqual([id]);
  });

  it('main business must be ≥ 70 % of revenue with ≥ 5 % average growth over 2 years', () => {
    const low = sized(10000, 300, 300);
    expect(rule(run({ ...low, mainRevenue: 6999 }), 'mainShare')?.passed).toBe(false);
    // 2-year average growth by the §3 formula: ½ × (7000/6400 + 7000/7000) − 1 = 4.7 %
    const flat = {
      ...low,
      previous: [
        { year: 2022, mainRevenue: 6400 },
        { year: 2023, revenue: 10000, rdSpend: 300, mainRevenue: 7000 },
      ],
    };
    const r = run(flat);
    expect(rule(r, 'mainGrowth')?.passed).toBe(false);
    expect(rule(r, 'mainGrowth')?.value).toBeCloseTo(0.046875, 12);
  });

  it.each([
    ['award', { awards: [{ kind: 'stAward', level: 'national', year: 2022, rank: 2 }] }],
    [
      'chuangkeChina',
      { awards: [{ kind: 'chuangkeChina', level: 'national', year: 2024, rank: 50 }] },
    ],
  ] as [string, Partial<EnterpriseYear>][])(
    'innovation direct route %s replaces the innovation thresholds only',
    (route, over) => {
      const weak = { ...sized(10000, 0, 0), rdInstitutions: [], ipClassIInUse: 0, ...over };
      const r = run(weak);
      expect(r).toMatchObject({ eligible: true, via: 'direct', appliedRoutes: [route] });
      expect(run({ ...weak, yearsInNiche: 1 }).eligible).toBe(false);
    },
  );

  it('创客中国 placing 51 is not a route', () => {
    const awards = [{ kind: 'chuangkeChina', level: 'national', year: 2024, rank: 51 }] as const;
    expect(run({ ...sized(10000, 0, 0), awards: [...awards] }).appliedRoutes).toEqual([]);
  });
});

describe('制造业单项冠军 (§4.4)', () => {
  const run = (over: Partial<EnterpriseYear>) => evaluateTier(SINGLE_CHAMPION_2022, firm(over));
  const OK: Partial<EnterpriseYear> = { yearsInField: 10, globalMarketRank: 3, revenue: 40000 };

  it('passes at every bound', () => {
    expect(run(OK)).toMatchObject({ eligible: true });
  });

  it('needs 10 years in the field, or 3 for a new product', () => {
    expect(rule(run({ ...OK, yearsInField: 9 }), 'yearsInField')?.passed).toBe(false);
    expect(run({ ...OK, yearsInField: 3, profile: { newProduct: true } }).eligible).toBe(true);
    expect(run({ ...OK, yearsInField: 2, profile: { newProduct: true } }).eligible).toBe(false);
  });

  it('needs a global top-3 market share', () => {
    const r = run({ ...OK, globalMarketRank: 5 });
    expect(tierGapText(r.gaps[0]!, 'zh-CN')).toBe(
      '主导产品全球市场占有率排名 第 5 名 → 需 ≤ 第 3 名：需提升 2 名',
    );
  });

  it('accepts lower revenue for a 小巨人', () => {
    expect(run({ ...OK, revenue: 39999 }).eligible).toBe(false);
    expect(run({ ...OK, revenue: 20000, statuses: ['littleGiant'] }).eligible).toBe(true);
  });

  it('refuses violations in the last 3 years', () => {
    expect(
      run({ ...OK, violations: [{ kind: 'seriousEnvironmental', year: 2022 }] }).eligible,
    ).toBe(false);
    expect(
      run({ ...OK, violations: [{ kind: 'seriousEnvironmental', year: 2021 }] }).eligible,
    ).toBe(true);
  });
});
