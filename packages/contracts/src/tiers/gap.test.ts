import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateAllTiers, evaluateTier } from './evaluate';
import { metricGap } from './gap';
import { metricValue } from './metrics';
import type { TierGap } from './result-types';
import { TECH_SME_2017 } from './rule-sets';
import { TIER_IDS } from './rule-types';
import { firm } from './test-fixtures';
import { tierBandText, tierGapText } from './texts';

const zh = (g: TierGap) => tierGapText(g, 'zh-CN');
const rdToSales = { kind: 'metric', metric: 'rdToSales' } as const;

describe('gap to pass', () => {
  it('offers no shortfall for an age limit, which no effort can close', () => {
    const gap = metricGap('age', { id: 'ageYears' }, '<=', 10, firm({ foundedOn: '2000-06-01' }));
    expect(gap).toMatchObject({ code: 'ageLimit', shortfall: null, required: 10, op: '<=' });
    expect(zh(gap)).toContain('无法通过补足达到');
    expect(zh(gap)).not.toContain('需减少');
  });

  it('gives the R&D gap as a code and language-neutral values', () => {
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
      code: 'more',
      values: { subject: rdToSales, valueUnit: 'ratio' },
    });
    expect(gap.current).toBeCloseTo(0.024, 12);
    expect(zh(gap)).toBe('研发费用占销售收入 2.4% → 需 3.0%：还差 18.6 万元');
    expect(tierGapText(gap, 'en')).toBe('R&D spending to sales 2.4% → needs 3.0%: 18.6 万元 short');
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
    expect(gap).toMatchObject({ code: 'less', shortfall: 50, unit: '万元', current: 0.8 });
    expect(zh(gap)).toBe('资产负债率 80.0% → 需 ≤ 75.0%：需减少 50 万元');
    expect(tierGapText(gap, 'en')).toBe(
      'Debt-to-asset ratio 80.0% → needs ≤ 75.0%: reduce by 50 万元',
    );
  });

  it('says when data is missing', () => {
    const gap = metricGap('g', { id: 'revenueGrowth3y' }, '>=', 0.05, firm());
    expect(gap).toMatchObject({ code: 'missing', current: null, shortfall: null });
    expect(zh(gap)).toBe('销售收入增长率：缺少数据（需 5.0%）');
    expect(tierGapText(gap, 'en')).toBe('Sales growth: no data (needs 5.0%)');
  });

  it('states yes/no conditions without an amount', () => {
    const gap = metricGap('h', { id: 'highTechCertValid' }, '==', 1, firm());
    expect(gap).toMatchObject({ code: 'state', current: 0, required: 1, shortfall: null });
    expect(gap.values).toEqual({
      subject: { kind: 'metric', metric: 'highTechCertValid' },
      valueUnit: 'bool',
    });
    expect(zh(gap)).toBe('持有有效高新技术企业证书 否 → 需 是');
    expect(tierGapText(gap, 'en')).toBe('Holds a valid high-tech certificate no → needs yes');
  });

  it('counts years to wait (age 182/366 = 0.497 years)', () => {
    const gap = metricGap('a', { id: 'ageYears' }, '>=', 1, firm({ foundedOn: '2024-07-02' }));
    expect(gap).toMatchObject({ code: 'more', shortfall: 0.51, unit: '年' });
    expect(zh(gap)).toBe('成立年限 0.5 年 → 需 1 年：还差 0.51 年');
    expect(tierGapText(gap, 'en')).toBe(
      'Years since founding 0.5 years → needs 1 year: 0.51 years short',
    );
  });

  it('names the parameters that qualify a metric (window, qualified investors)', () => {
    const ref = { id: 'equityRaised', params: { withinYears: 3, qualifiedOnly: true } };
    const gap = metricGap(
      'e',
      ref,
      '>=',
      500,
      firm({ equity: [{ year: 2023, amount: 200, qualifiedInvestor: true }] }),
    );
    expect(gap).toMatchObject({ code: 'more', shortfall: 300 });
    expect(gap.values.subject).toEqual({
      kind: 'metric',
      metric: 'equityRaised',
      withinYears: 3,
      qualifiedOnly: true,
    });
    expect(zh(gap)).toBe('近3年合格投资者新增股权融资 200 万元 → 需 500 万元：还差 300 万元');
    expect(tierGapText(gap, 'en')).toBe(
      'New equity raised from qualified investors (last 3 years) 200 万元 → needs 500 万元: 300 万元 short',
    );
  });

  it('proposes the next band of an indicator with its own gap', () => {
    const r = evaluateTier(TECH_SME_2017, firm({ ip: { utilityModel: 3 } }));
    const ip = r.indicators.find((i) => i.id === 'ip');
    expect(ip).toMatchObject({ band: { min: 3, unit: '项' }, points: 18 });
    expect(ip?.next).toMatchObject({ band: { min: 4, unit: '项' }, points: 24 });
    expect(ip?.next?.gap).toMatchObject({ shortfall: 1, unit: '项', code: 'more' });
    expect(zh(ip!.next!.gap)).toBe('Ⅱ类知识产权 3 项 → 需 4 项：还差 1 项');
    expect(tierBandText(ip!.band!, 'en')).toBe('≥ 3 items');
    const top = evaluateTier(TECH_SME_2017, firm({ ip: { utilityModel: 4 } })).indicators.find(
      (i) => i.id === 'ip',
    );
    expect(top?.next?.band).toEqual({
      min: 1,
      unit: '项',
      subject: { kind: 'metric', metric: 'ipClassI' },
    });
    expect(tierBandText(top!.next!.band, 'zh-CN')).toBe('Ⅰ类知识产权 ≥ 1 项');
    expect(tierBandText(top!.next!.band, 'en')).toBe('Class-I IP ≥ 1 item');
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
