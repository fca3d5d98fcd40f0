import { describe, expect, it } from 'vitest';
import { evaluateTier } from './evaluate';
import { cagr, growthRate3y, requiredY3, yoyGrowth } from './growth';
import { HIGH_TECH_2016 } from './rule-sets';
import { firm } from './test-fixtures';
import { tierGapText } from './texts';
import type { EnterpriseYear } from './types';

const run = (over: Partial<EnterpriseYear>, policy: 'low' | 'high' = 'low') =>
  evaluateTier(HIGH_TECH_2016, firm(over), { rangePolicy: policy });
const indicator = (over: Partial<EnterpriseYear>, id: string, policy: 'low' | 'high' = 'low') =>
  run(over, policy).indicators.find((i) => i.id === id);

/** Revenue series 100, 100, 100 + 200r gives a growth rate of exactly r. */
const salesGrowth = (r: number): Partial<EnterpriseYear> => ({
  revenue: 100 + 200 * r,
  previous: [
    { year: 2022, revenue: 100 },
    { year: 2023, revenue: 100 },
  ],
});

describe('growth-rate formula (§3): rate = ½ × (Y2/Y1 + Y3/Y2) − 1', () => {
  it('computes the reference formula', () => {
    expect(growthRate3y(100, 120, 150)).toBeCloseTo(0.225, 12);
    expect(growthRate3y(200, 100, 50)).toBeCloseTo(-0.5, 12);
  });
  it('is undefined when a base year is 0 or negative', () => {
    expect(growthRate3y(0, 100, 120)).toBeNull();
    expect(growthRate3y(100, -5, 120)).toBeNull();
  });
  it('solves Y3 for a target rate', () => {
    const y3 = requiredY3(100, 120, 0.35);
    expect(growthRate3y(100, 120, y3)).toBeCloseTo(0.35, 12);
  });
  it('also offers year-on-year growth and CAGR', () => {
    expect(yoyGrowth(100, 115)).toBeCloseTo(0.15, 12);
    expect(yoyGrowth(0, 115)).toBeNull();
    expect(cagr(1000, 1728, 3)).toBeCloseTo(0.2, 12);
  });
});

describe('高企 innovation-capability evaluation (§3), band by band', () => {
  it.each([
    [0.35, 9, 10],
    [0.3499, 7, 8],
    [0.25, 7, 8],
    [0.2499, 5, 6],
    [0.15, 5, 6],
    [0.1499, 3, 4],
    [0.05, 3, 4],
    [0.0499, 1, 2],
    [0.0001, 1, 2],
    [0, 0, 0],
    [-0.2, 0, 0],
  ])('sales growth %f → %i–%i points', (r, low, high) => {
    expect(indicator(salesGrowth(r), 'salesGrowth')).toMatchObject({
      points: low,
      pointsRange: [low, high],
    });
    expect(indicator(salesGrowth(r), 'salesGrowth', 'high')?.points).toBe(high);
  });

  it('computes net-asset growth from assets minus liabilities when net assets are not given', () => {
    const r = indicator(
      {
        totalAssets: 300,
        liabilities: 130,
        previous: [
          { year: 2022, netAssets: 100 },
          { year: 2023, totalAssets: 200, liabilities: 100 },
        ],
      },
      'netAssetsGrowth',
    );
    expect(r?.value).toBeCloseTo(0.35, 12);
    expect(r?.points).toBe(9);
  });

  it('gives 0 points and flags missing data without three years', () => {
    expect(indicator({ revenue: 500 }, 'salesGrowth')).toMatchObject({ points: 0, missing: true });
  });

  it('an expert score is kept inside the band range', () => {
    const base = salesGrowth(0.4);
    expect(
      indicator({ ...base, assessments: { 'highTech.salesGrowth': 10 } }, 'salesGrowth')?.points,
    ).toBe(10);
    expect(
      indicator({ ...base, assessments: { 'highTech.salesGrowth': 3 } }, 'salesGrowth')?.points,
    ).toBe(9);
  });

  it.each([
    [{ inventionPatent: 1 }, 7],
    [{ utilityModel: 5 }, 5],
    [{ utilityModel: 4 }, 3],
    [{ softwareCopyright: 3 }, 3],
    [{ design: 2 }, 1],
    [{ design: 1 }, 1],
    [{}, 0],
  ])('知识产权数量 %o → %i points (low end)', (ip, expected) => {
    expect(indicator({ ip }, 'ipQuantity')?.points).toBe(expected);
  });

  it.each([
    [[5, 5, 5], 25],
    [[4, 5, 5], 19],
    [[4, 4, 4], 19],
    [[3, 3, 4], 13],
    [[2, 2, 2], 7],
    [[1, 1, 1], 1],
    [[0, 0, 2], 0],
  ])('科技成果转化 %o a year → %i points (3-year average)', ([a, b, c], expected) => {
    const over: Partial<EnterpriseYear> = {
      conversions: c,
      previous: [
        { year: 2022, conversions: a },
        { year: 2023, conversions: b },
      ],
    };
    expect(indicator(over, 'conversion')?.points).toBe(expected);
  });

  it('caps the 知识产权 section at 30 with the standards bonus', () => {
    const r = run({
      ip: { inventionPatent: 3 },
      ipObtainedBy: 'own',
      standards: [{ level: 'national', year: 2023, role: 'participant' }],
      assessments: {
        'highTech.ipAdvancement': 8,
        'highTech.ipCoreSupport': 8,
        'highTech.ipQuantity': 8,
        'highTech.ipAcquisition': 6,
        'highTech.standardsBonus': 2,
      },
    });
    expect(r.indicators.filter((i) => i.section === 'ip').reduce((n, i) => n + i.points, 0)).toBe(
      32,
    );
    expect(r.sections.find((s) => s.id === 'ip')).toMatchObject({ points: 30, cap: 30 });
  });

  it('clamps judged items to their maximum', () => {
    const r = indicator({ assessments: { 'highTech.rdSystem': 9 } }, 'rdSystem');
    expect(r).toMatchObject({ points: 6, assessed: true, missing: false });
    expect(indicator({}, 'rdSystem')).toMatchObject({ points: 0, missing: true });
  });
});

/** Meets conditions 1–6 and 8; computed points 7 + 1 + 25 + 9 + 9 = 51, plus 16 judged = 67. */
const CANDIDATE: Partial<EnterpriseYear> = {
  foundedOn: '2015-05-01',
  staff: 100,
  scienceStaff: 20,
  revenue: 170,
  rdSpend: 20,
  highTechIncome: 120,
  rdSpendDomestic: 20,
  netAssets: 170,
  conversions: 5,
  ip: { inventionPatent: 2 },
  ipObtainedBy: 'own',
  highTechField: 'electronicInformation',
  previous: [
    { year: 2022, revenue: 100, netAssets: 100, rdSpend: 10, rdSpendDomestic: 10, conversions: 5 },
    { year: 2023, revenue: 100, netAssets: 100, rdSpend: 10, rdSpendDomestic: 10, conversions: 5 },
  ],
  assessments: { 'highTech.ipAdvancement': 8, 'highTech.ipCoreSupport': 8 },
};
const withJudged = (rdSystem: number) =>
  run({ ...CANDIDATE, assessments: { ...CANDIDATE.assessments, 'highTech.rdSystem': rdSystem } });

describe('高企 conditions (§3)', () => {
  it('needs strictly more than 70 points ("70分以上（不含70分）")', () => {
    const at70 = withJudged(3);
    expect(at70.total).toBe(70);
    expect(at70.eligible).toBe(false);
    expect(at70.gaps.map((g) => tierGapText(g, 'zh-CN'))).toEqual([
      '总分 70 分 → 需 > 70 分：还差 1 分',
    ]);
    const at71 = withJudged(4);
    expect(at71.total).toBe(71);
    expect(at71).toMatchObject({ eligible: true, via: 'rules' });
  });

  it.each([
    [5000, 0.05],
    [5000.1, 0.04],
    [20000, 0.04],
    [20000.1, 0.03],
  ])('last-year sales %f → 3-year R&D ratio must reach %f', (revenue, required) => {
    const r = run({ ...CANDIDATE, revenue, rdSpend: 0, previous: [] });
    const rule = r.rules.find((x) => x.id === 'rdRatio');
    expect(rule?.children?.[0]?.required).toBe(required);
  });

  it('sums R&D and sales over the last three years', () => {
    // (10 + 10 + 20) / (100 + 100 + 170) = 10.8 %; with 2023 R&D at 0 and current at 5: 15/370 = 4.05 %
    const low = {
      ...CANDIDATE,
      rdSpend: 5,
      rdSpendDomestic: 5,
      previous: [
        { year: 2022, revenue: 100, netAssets: 100, rdSpend: 10, rdSpendDomestic: 10 },
        { year: 2023, revenue: 100, netAssets: 100, rdSpend: 0, rdSpendDomestic: 0 },
      ],
    };
    const r = run(low);
    expect(r.rules.find((x) => x.id === 'rdRatio')?.passed).toBe(false);
    // 5 % of 370 = 18.5, spent 15 → 3.5 万元 more this year
    expect(r.gaps.find((g) => g.ruleId === 'rdRatio5')).toMatchObject({
      shortfall: 3.5,
      unit: '万元',
    });
  });

  it.each([
    ['scienceStaff', { scienceStaff: 10 }, true],
    ['scienceStaff', { scienceStaff: 9 }, false],
    ['highTechIncome', { highTechIncome: 102 }, true],
    ['highTechIncome', { highTechIncome: 101.9 }, false],
    ['registered', { foundedOn: '2023-12-31' }, true],
    ['registered', { foundedOn: '2024-01-02' }, false],
    ['field', { highTechField: undefined }, false],
    ['ip', { ip: { trademark: 3 } }, false],
  ] as [string, Partial<EnterpriseYear>, boolean][])(
    'condition %s with %o → passes: %s',
    (id, over, passes) => {
      expect(run({ ...CANDIDATE, ...over }).rules.find((x) => x.id === id)?.passed).toBe(passes);
    },
  );

  it('requires ≥ 60 % of R&D inside China', () => {
    const ok = run({ ...CANDIDATE, rdSpendDomestic: 4 }); // (10 + 10 + 4) / 40 = 60 %
    expect(ok.rules.find((x) => x.id === 'rdDomestic')?.passed).toBe(true);
    const short = run({ ...CANDIDATE, rdSpendDomestic: 3.9 });
    expect(short.rules.find((x) => x.id === 'rdDomestic')?.passed).toBe(false);
  });

  it('refuses a major accident in the data year but not one two years back', () => {
    const bad = run({ ...CANDIDATE, violations: [{ kind: 'majorQualityAccident', year: 2024 }] });
    expect(bad.rules.find((x) => x.id === 'record')?.passed).toBe(false);
    const old = run({ ...CANDIDATE, violations: [{ kind: 'majorQualityAccident', year: 2023 }] });
    expect(old.rules.find((x) => x.id === 'record')?.passed).toBe(true);
  });
});
