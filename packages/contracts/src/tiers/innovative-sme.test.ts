import { describe, expect, it } from 'vitest';
import { evaluateTier } from './evaluate';
import { INNOVATIVE_SME_2022 } from './rule-sets';
import { firm } from './test-fixtures';
import { tierBandText, tierGapText } from './texts';
import type { EnterpriseYear } from './types';

const run = (over: Partial<EnterpriseYear>) => evaluateTier(INNOVATIVE_SME_2022, firm(over));
const points = (over: Partial<EnterpriseYear>, id: string) =>
  run(over).indicators.find((i) => i.id === id)?.points;

describe('创新型中小企业 scoring table (§4.1), band by band', () => {
  it.each([
    [{ ip: { inventionPatent: 1 }, ipClassIHighValue: 1 }, 20],
    [{ ip: { inventionPatent: 1 }, ipClassIOwnDeveloped: 1 }, 15],
    [{ ip: { nationalNewDrug: 1 } }, 10],
    [{ ip: { utilityModel: 1 } }, 5],
    [{ ip: { trademark: 2 } }, 0],
  ] as [Partial<EnterpriseYear>, number][])('知识产权 %o → %i', (over, expected) => {
    expect(points(over, 'ip')).toBe(expected);
  });

  it.each([
    [500, 20],
    [499, 15],
    [300, 15],
    [299, 10],
    [200, 10],
    [199, 5],
    [100, 5],
    [99, 0],
  ])('R&D %i on revenue 10000 → %i', (rdSpend, expected) => {
    expect(points({ revenue: 10000, rdSpend }, 'rd')).toBe(expected);
  });

  it.each([
    [1150, 20],
    [1149, 15],
    [1100, 15],
    [1099, 10],
    [1050, 10],
    [1049, 5],
    [1000, 5],
    [999, 0],
  ])('主营业务收入 %i after 1000 → %i', (mainRevenue, expected) => {
    const over = { revenue: 2000, mainRevenue, previous: [{ year: 2023, mainRevenue: 1000 }] };
    expect(points(over, 'mainRevenueGrowth')).toBe(expected);
  });

  it.each([
    [550, 10],
    [551, 5],
    [750, 5],
    [751, 0],
  ])(
    'liabilities %i on assets 1000 → %i (upper bounds inclusive: ≤ 55 %, 55–75 %)',
    (liabilities, expected) => {
      expect(points({ totalAssets: 1000, liabilities }, 'debtRatio')).toBe(expected);
    },
  );

  it('主导产品 in 《战略性新兴产业分类》 → 10, other → 5', () => {
    expect(points({ profile: { leadProductStrategicEmerging: true } }, 'strategicEmerging')).toBe(
      10,
    );
    expect(points({}, 'strategicEmerging')).toBe(5);
  });

  it.each([
    [700, 20],
    [699, 15],
    [600, 15],
    [599, 10],
    [550, 10],
    [549, 5],
    [500, 5],
    [499, 0],
  ])('主营业务收入 %i of 营业收入 1000 → %i', (mainRevenue, expected) => {
    expect(points({ revenue: 1000, mainRevenue }, 'mainRevenueShare')).toBe(expected);
  });
});

/** innovation 15 + 15 = 30, growth 15 + 10 = 25, specialisation 10 + 20 = 30 → 85. */
const STRONG: Partial<EnterpriseYear> = {
  revenue: 1000,
  mainRevenue: 800,
  rdSpend: 30,
  totalAssets: 1000,
  liabilities: 500,
  ip: { inventionPatent: 1 },
  ipClassIOwnDeveloped: 1,
  profile: { leadProductStrategicEmerging: true },
  previous: [{ year: 2023, mainRevenue: 700 }],
};

describe('创新型中小企业 pass rule (§4.1): ≥ 60 with section minima', () => {
  it('passes with every section above its minimum', () => {
    const r = run(STRONG);
    expect(r.sections.map((s) => [s.id, s.points])).toEqual([
      ['innovation', 30],
      ['growth', 25],
      ['specialisation', 30],
    ]);
    expect(r).toMatchObject({ total: 85, eligible: true, via: 'rules' });
  });

  it('fails a section minimum even with 60 points in total', () => {
    // innovation: no IP (0) + R&D 1 % (5) = 5 < 20
    const r = run({ ...STRONG, ip: {}, ipClassIOwnDeveloped: 0, rdSpend: 10 });
    expect(r.total).toBe(60);
    expect(r.failedRules.map((f) => f.id)).toEqual(['innovationScore']);
    expect(tierGapText(r.gaps[0]!, 'zh-CN')).toBe('创新能力得分 5 分 → 需 20 分：还差 15 分');
  });

  it('fails below 60 points with every section at its minimum', () => {
    // innovation 20 (IP 10 + R&D 10), growth 15 (5 + 10), specialisation 15 (5 + 10) = 50
    const r = run({
      ...STRONG,
      ip: { icLayoutDesign: 1 },
      ipClassIOwnDeveloped: 0,
      rdSpend: 20,
      mainRevenue: 550,
      previous: [{ year: 2023, mainRevenue: 550 }],
      profile: {},
    });
    expect(r.sections.map((s) => s.points)).toEqual([20, 15, 15]);
    expect(r.failedRules.map((f) => f.id)).toEqual(['score']);
    expect(r.gaps[0]).toMatchObject({ current: 50, required: 60, shortfall: 10, unit: '分' });
  });

  it('points at the next band of each indicator', () => {
    const r = run({ revenue: 10000, rdSpend: 250 });
    const rd = r.indicators.find((i) => i.id === 'rd');
    expect(rd?.band).toEqual({ min: 0.02, unit: 'ratio' });
    expect(tierBandText(rd!.band!, 'zh-CN')).toBe('≥ 2.0%');
    expect(rd?.next).toMatchObject({ band: { min: 0.03, unit: 'ratio' }, points: 15 });
    expect(tierGapText(rd!.next!.gap, 'zh-CN')).toBe(
      '研发费用占营业收入 2.5% → 需 3.0%：还差 50 万元',
    );
  });
});

describe('创新型中小企业 direct qualification (§4.1)', () => {
  const WEAK: Partial<EnterpriseYear> = { revenue: 1000 };

  it.each([
    ['award', { awards: [{ kind: 'stAward', level: 'provincial', year: 2022 }] }],
    ['recognition', { highTechCertYear: 2023 }],
    ['recognition', { statuses: ['ipDemonstration'] }],
    ['rdInstitution', { rdInstitutions: [{ level: 'national' }] }],
    [
      'equity',
      {
        equity: [
          { year: 2022, amount: 300, qualifiedInvestor: true },
          { year: 2024, amount: 200, qualifiedInvestor: true },
        ],
      },
    ],
  ] as [string, Partial<EnterpriseYear>][])('route %s qualifies directly', (route, over) => {
    const r = run({ ...WEAK, ...over });
    expect(r).toMatchObject({ eligible: true, via: 'direct', appliedRoutes: [route] });
  });

  it.each([
    ['an award 4 years old', { awards: [{ kind: 'stAward', level: 'national', year: 2020 }] }],
    ['a municipal award', { awards: [{ kind: 'stAward', level: 'municipal', year: 2024 }] }],
    [
      '499 万 of qualified equity',
      { equity: [{ year: 2024, amount: 499, qualifiedInvestor: true }] },
    ],
    ['500 万 from unqualified investors', { equity: [{ year: 2024, amount: 500 }] }],
    [
      '500 万 raised 4 years ago',
      { equity: [{ year: 2021, amount: 500, qualifiedInvestor: true }] },
    ],
  ] as [string, Partial<EnterpriseYear>][])('no route for %s', (_, over) => {
    expect(run({ ...WEAK, ...over })).toMatchObject({ eligible: false, appliedRoutes: [] });
  });
});
