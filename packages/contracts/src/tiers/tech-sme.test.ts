import { describe, expect, it } from 'vitest';
import { evaluateTier } from './evaluate';
import { TECH_SME_2017 } from './rule-sets';
import { firm } from './test-fixtures';
import { tierGapText } from './texts';
import type { EnterpriseYear } from './types';

const run = (over: Partial<EnterpriseYear>) => evaluateTier(TECH_SME_2017, firm(over));
const points = (over: Partial<EnterpriseYear>, id: string) =>
  run(over).indicators.find((i) => i.id === id)?.points;

/** 30 % 科技人员 (20) + R&D 5 % of sales (40) + no IP (0) = exactly 60. */
const PASSING: Partial<EnterpriseYear> = {
  staff: 100,
  scienceStaff: 30,
  revenue: 1000,
  rdSpend: 50,
};

describe('科技型中小企业 scoring table (§2), band by band, lower bounds inclusive', () => {
  it.each([
    [300, 20],
    [299, 16],
    [250, 16],
    [249, 12],
    [200, 12],
    [199, 8],
    [150, 8],
    [149, 4],
    [100, 4],
    [99, 0],
    [0, 0],
  ])('科技人员 %i of 1000 staff → %i points', (scienceStaff, expected) => {
    expect(points({ staff: 1000, scienceStaff }, 'scienceStaff')).toBe(expected);
  });

  it.each([
    [600, 50],
    [599, 40],
    [500, 40],
    [499, 30],
    [400, 30],
    [399, 20],
    [300, 20],
    [299, 10],
    [200, 10],
    [199, 0],
  ])('(a) R&D %i on sales 10000 → %i points', (rdSpend, expected) => {
    expect(points({ revenue: 10000, rdSpend }, 'rd')).toBe(expected);
  });

  it.each([
    [300, 50],
    [299, 40],
    [250, 40],
    [249, 30],
    [200, 30],
    [199, 20],
    [150, 20],
    [149, 10],
    [100, 10],
    [99, 0],
  ])('(b) R&D %i of total costs 1000 → %i points', (rdSpend, expected) => {
    expect(points({ revenue: 1_000_000, rdSpend, totalCosts: 1000 }, 'rd')).toBe(expected);
  });

  it('scores the better of (a) and (b), never both', () => {
    // (a) 2 % → 10; (b) 20 % → 30
    const r = run({ revenue: 10000, rdSpend: 200, totalCosts: 1000 });
    const rd = r.indicators.find((i) => i.id === 'rd');
    expect(rd).toMatchObject({ points: 30, metric: 'rdToCosts', value: 0.2 });
    expect(rd?.values).toEqual({ rdToSales: 0.02, rdToCosts: 0.2 });
  });

  it.each([
    [{ inventionPatent: 1 }, 30],
    [{ plantVariety: 1 }, 30],
    [{ icLayoutDesign: 1, utilityModel: 9 }, 30],
    [{ utilityModel: 4 }, 24],
    [{ utilityModel: 1, design: 1, softwareCopyright: 2 }, 24],
    [{ softwareCopyright: 3 }, 18],
    [{ design: 2 }, 12],
    [{ utilityModel: 1 }, 6],
    [{}, 0],
    [{ trademark: 10 }, 0],
  ])('科技成果 %o → %i points (trademarks excluded)', (ip, expected) => {
    expect(points({ ip }, 'ip')).toBe(expected);
  });
});

describe('科技型中小企业 pass rules (§2 conditions 1–5)', () => {
  it('passes at exactly 60 points', () => {
    const r = run(PASSING);
    expect(r.total).toBe(60);
    expect(r).toMatchObject({ eligible: true, via: 'rules', failedRules: [], gaps: [] });
  });

  it('fails at 58 points and says how many points are missing', () => {
    // 16 + 30 + 12
    const r = run({ staff: 100, scienceStaff: 25, revenue: 1000, rdSpend: 40, ip: { design: 2 } });
    expect(r.total).toBe(58);
    expect(r.eligible).toBe(false);
    expect(r.failedRules.map((f) => f.id)).toEqual(['score']);
    expect(r.gaps).toEqual([
      expect.objectContaining({
        indicator: 'score.total',
        current: 58,
        required: 60,
        shortfall: 2,
      }),
    ]);
  });

  it('science-staff score must not be 0, even with 80 points (§2 (5))', () => {
    const r = run({
      staff: 100,
      scienceStaff: 9,
      revenue: 1000,
      rdSpend: 60,
      ip: { inventionPatent: 1 },
    });
    expect(r.total).toBe(80);
    expect(r.eligible).toBe(false);
    expect(r.failedRules.map((f) => f.id)).toEqual(['scienceStaffScore']);
    // hiring x: (9 + x) / (100 + x) ≥ 10 % → x = 2
    expect(r.gaps[0]).toMatchObject({
      indicator: 'scienceStaffShare',
      required: 0.1,
      shortfall: 2,
      unit: '人',
    });
    expect(tierGapText(r.gaps[0]!, 'zh-CN')).toBe(
      '科技人员占职工总数比例 9.0% → 需 10.0%：还差 2 人',
    );
  });

  it.each([
    ['staff', { staff: 500, scienceStaff: 160 }, true],
    ['staff', { staff: 501, scienceStaff: 160 }, false],
    ['sales', { revenue: 20000, rdSpend: 1000 }, true],
    ['sales', { revenue: 20000.1, rdSpend: 1000 }, false],
    ['assets', { totalAssets: 20000 }, true],
    ['assets', { totalAssets: 20001 }, false],
  ])('size limit %s at %o → passes: %s', (id, over, passes) => {
    const r = run({ ...PASSING, ...over });
    expect(r.rules.find((x) => x.id === id)?.passed).toBe(passes);
    expect(r.eligible).toBe(passes);
  });

  it('refuses banned categories, non-residents and recent records', () => {
    expect(run({ ...PASSING, profile: { restrictedCategory: true } }).eligible).toBe(false);
    expect(run({ ...PASSING, profile: { resident: false } }).eligible).toBe(false);
    const lastYear = run({ ...PASSING, violations: [{ kind: 'seriousDishonesty', year: 2023 }] });
    expect(lastYear.failedRules.map((f) => f.id)).toEqual(['record']);
    const older = run({ ...PASSING, violations: [{ kind: 'seriousDishonesty', year: 2022 }] });
    expect(older.eligible).toBe(true);
  });
});

describe('科技型中小企业 direct qualification (§2)', () => {
  const LOW: Partial<EnterpriseYear> = { staff: 100, scienceStaff: 5, revenue: 1000, rdSpend: 10 };

  it('is not eligible on its score alone', () => {
    const r = run(LOW);
    expect(r.total).toBe(0);
    expect(r.eligible).toBe(false);
    expect(r.appliedRoutes).toEqual([]);
  });

  it.each([
    ['highTechCert', { highTechCertYear: 2022 }],
    ['nationalAward', { awards: [{ kind: 'stAward', level: 'national', year: 2020, rank: 3 }] }],
    ['rdInstitution', { rdInstitutions: [{ level: 'provincial' }] }],
    ['standard', { standards: [{ level: 'industry', year: 2020, role: 'lead' }] }],
  ] as [string, Partial<EnterpriseYear>][])(
    'route %s qualifies below 60 and with a 0 science-staff score',
    (route, over) => {
      const r = run({ ...LOW, ...over });
      expect(r).toMatchObject({ eligible: true, via: 'direct', appliedRoutes: [route], gaps: [] });
      expect(r.failedRules.every((f) => f.bypassed)).toBe(true);
    },
  );

  it.each([
    ['an expired 高企 certificate', { highTechCertYear: 2021 }],
    ['a future 高企 certificate', { highTechCertYear: 2025 }],
    [
      'an award ranked 4th',
      { awards: [{ kind: 'stAward', level: 'national', year: 2022, rank: 4 }] },
    ],
    [
      'a provincial award',
      { awards: [{ kind: 'stAward', level: 'provincial', year: 2022, rank: 1 }] },
    ],
    [
      'an award 6 years old',
      { awards: [{ kind: 'stAward', level: 'national', year: 2019, rank: 1 }] },
    ],
    ['a municipal institution', { rdInstitutions: [{ level: 'municipal' }] }],
    [
      'a standard only co-drafted',
      { standards: [{ level: 'national', year: 2022, role: 'participant' }] },
    ],
    ['a group standard', { standards: [{ level: 'group', year: 2022, role: 'lead' }] }],
  ] as [string, Partial<EnterpriseYear>][])('does not apply for %s', (_, over) => {
    const r = run({ ...LOW, ...over });
    expect(r.eligible).toBe(false);
    expect(r.appliedRoutes).toEqual([]);
  });

  it('does not stand in for conditions 1–4', () => {
    const r = run({ ...LOW, highTechCertYear: 2023, staff: 600, scienceStaff: 30 });
    expect(r.eligible).toBe(false);
    expect(r.failedRules.filter((f) => !f.bypassed).map((f) => f.id)).toEqual(['staff']);
    expect(r.gaps.map((g) => tierGapText(g, 'zh-CN'))).toEqual([
      '职工总数 600 人 → 需 ≤ 500 人：需减少 100 人',
    ]);
  });
});
