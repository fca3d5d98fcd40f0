import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAllTiers, evaluateTier } from './evaluate';
import { metricGap } from './gap';
import { metricValue } from './metrics';
import { TECH_SME_2017 } from './rule-sets';
import { TIER_IDS } from './rule-types';
import { firm } from './test-fixtures';

describe('gap to pass', () => {
  it('offers no shortfall for an age limit, which no effort can close', () => {
    const gap = metricGap('age', { id: 'ageYears' }, '<=', 10, firm({ foundedOn: '2000-06-01' }));
    expect(gap.shortfall).toBeNull();
    expect(gap.text).toContain('无法通过补足达到');
    expect(gap.text).not.toContain('需减少');
  });

  it('gives the R&D gap as structured data and a sentence', () => {
    const gap = metricGap(
      'rd',
      { id: 'rdToSales' },
      '>=',
      0.03,
      firm({ revenue: 3100, rdSpend: 74.4 }),
    );
    expect(gap).toMatchObject({
      ruleId: 'rd',
      indicator: 'rdToSales',
      required: 0.03,
      shortfall: 18.6,
      unit: '万元',
      text: '研发费用占销售收入 2.4% → 需 3.0%：还差 18.6 万元',
    });
    expect(gap.current).toBeCloseTo(0.024, 12);
  });

  it('grows the denominator too when the numerator is part of it (R&D inside total costs)', () => {
    // (100 + x) / (1000 + x) ≥ 15 % → x = 58.82… → 58.9
    const gap = metricGap(
      'c',
      { id: 'rdToCosts' },
      '>=',
      0.15,
      firm({ rdSpend: 100, totalCosts: 1000 }),
    );
    expect(gap.shortfall).toBe(58.9);
    expect((100 + 58.9) / (1000 + 58.9)).toBeGreaterThanOrEqual(0.15);
    expect((100 + 58.8) / (1000 + 58.8)).toBeLessThan(0.15);
  });

  it('says how much to reduce for an upper bound', () => {
    const gap = metricGap(
      'd',
      { id: 'debtRatio' },
      '<=',
      0.75,
      firm({ totalAssets: 1000, liabilities: 800 }),
    );
    expect(gap.text).toBe('资产负债率 80.0% → 需 ≤ 75.0%：需减少 50 万元');
  });

  it('says when data is missing', () => {
    const gap = metricGap('g', { id: 'revenueGrowth3y' }, '>=', 0.05, firm());
    expect(gap).toMatchObject({ current: null, shortfall: null });
    expect(gap.text).toBe('销售收入增长率：缺少数据（需 5.0%）');
  });

  it('states yes/no conditions without an amount', () => {
    const gap = metricGap('h', { id: 'highTechCertValid' }, '==', 1, firm());
    expect(gap).toMatchObject({
      current: 0,
      shortfall: null,
      text: '持有有效高新技术企业证书 否 → 需 是',
    });
  });

  it('counts years to wait (age 182/366 = 0.497 years)', () => {
    const gap = metricGap('a', { id: 'ageYears' }, '>=', 1, firm({ foundedOn: '2024-07-02' }));
    expect(gap.text).toBe('成立年限 0.5 年 → 需 1 年：还差 0.51 年');
  });

  it('proposes the next band of an indicator with its own gap', () => {
    const r = evaluateTier(TECH_SME_2017, firm({ ip: { utilityModel: 3 } }));
    const ip = r.indicators.find((i) => i.id === 'ip');
    expect(ip).toMatchObject({ band: '≥ 3 项', points: 18 });
    expect(ip?.next).toMatchObject({ band: '≥ 4 项', points: 24 });
    expect(ip?.next?.gap).toMatchObject({
      shortfall: 1,
      unit: '项',
      text: 'Ⅱ类知识产权 3 项 → 需 4 项：还差 1 项',
    });
    const top = evaluateTier(TECH_SME_2017, firm({ ip: { utilityModel: 4 } })).indicators.find(
      (i) => i.id === 'ip',
    );
    expect(top?.next?.band).toBe('Ⅰ类知识产权 ≥ 1 项');
  });

  it('the R&D shortfall is always exactly enough (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 100, max: 1_000_000 }),
        fc.double({ min: 0, max: 0.0299, noNaN: true }),
        (revenue, share) => {
          const x = firm({ revenue, rdSpend: revenue * share });
          const gap = metricGap('p', { id: 'rdToSales' }, '>=', 0.03, x);
          const more = firm({ revenue, rdSpend: x.rdSpend + (gap.shortfall ?? 0) });
          expect(metricValue({ id: 'rdToSales' }, more)).toBeGreaterThanOrEqual(0.03 - 1e-12);
          const less = firm({ revenue, rdSpend: x.rdSpend + (gap.shortfall ?? 0) - 0.1 });
          expect(metricValue({ id: 'rdToSales' }, less)).toBeLessThan(0.03);
        },
      ),
    );
  });

  it('the science-staff shortfall is the fewest people to hire (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (staff, f) => {
          const scienceStaff = Math.floor(staff * 0.1 * f);
          if (scienceStaff / staff >= 0.1) return;
          const gap = metricGap(
            's',
            { id: 'scienceStaffShare' },
            '>=',
            0.1,
            firm({ staff, scienceStaff }),
          );
          const n = gap.shortfall ?? 0;
          expect((scienceStaff + n) / (staff + n)).toBeGreaterThanOrEqual(0.1 - 1e-12);
          expect((scienceStaff + n - 1) / (staff + n - 1)).toBeLessThan(0.1);
        },
      ),
    );
  });
});

describe('evaluateAllTiers', () => {
  it('evaluates every tier in ladder order; gaps exactly when not eligible', () => {
    const all = evaluateAllTiers(
      firm({ revenue: 2000, rdSpend: 120, staff: 50, scienceStaff: 20 }),
    );
    expect(Object.keys(all)).toEqual([...TIER_IDS]);
    for (const r of Object.values(all)) {
      expect(r.eligible).toBe(r.gaps.length === 0);
      expect(r.eligible).toBe(r.failedRules.every((f) => f.bypassed));
    }
    expect(all.techSme).toMatchObject({ eligible: true, total: 70 });
    expect(all.unicorn.eligible).toBe(false);
  });
});
