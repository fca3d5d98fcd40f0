import {
  CertificateInputSchema,
  CITY_CODES,
  evaluateAllTiers,
  IndicatorValuesSchema,
} from '@corridor/contracts';
import { describe, expect, it } from 'vitest';
import { generateOrgs } from '../../core/demo/orgs';
import { plausibilityProblems, toEnterpriseYear } from './indicators.evaluate';
import { generateIndicators, SEED_YEARS } from './indicators.seed';
import { storedFrom } from './indicators.write';

const enterprises = Array.from(generateOrgs({ scale: 800 })).filter((o) => o.type === 'enterprise');

describe('demo indicators', () => {
  it('are deterministic per organisation', () => {
    const org = enterprises[0]!;
    expect(generateIndicators(org)).toEqual(generateIndicators(org));
    expect(generateIndicators(org)).not.toEqual(generateIndicators(enterprises[1]!));
    expect(generateIndicators(org, 1)).not.toEqual(generateIndicators(org));
  });

  it('pass the same checks as a form: schema and plausibility, certificates too', () => {
    for (const org of enterprises) {
      const plan = generateIndicators(org);
      const founded = Number(org.foundedOn.slice(0, 4));
      expect(plan.years.map((y) => y.year)).toEqual(SEED_YEARS.filter((y) => y >= founded));
      for (const { year, ...values } of plan.years) {
        expect(IndicatorValuesSchema.safeParse(values).success, org.name).toBe(true);
        const stored = storedFrom(values);
        expect(plausibilityProblems({ ...stored, foundedOn: org.foundedOn }, year)).toEqual([]);
      }
      for (const c of plan.certificates) {
        expect(CertificateInputSchema.safeParse(c).success, `${org.name} ${c.kind}`).toBe(true);
        expect(c.issuedOn <= '2025-12-31').toBe(true);
      }
    }
  });

  it('spread over the ladder and the five cities', () => {
    const eligible: Record<string, Record<string, number>> = {};
    for (const org of enterprises) {
      const plan = generateIndicators(org);
      const years = plan.years.map(({ year, ...v }) => ({ year, values: storedFrom(v) }));
      const input = toEnterpriseYear(years, 2025, plan.certificates, org);
      if (!input) continue;
      const results = evaluateAllTiers(input);
      for (const [tier, r] of Object.entries(results)) {
        if (!r.eligible) continue;
        eligible[tier] ??= {};
        eligible[tier][org.regionCode] = (eligible[tier][org.regionCode] ?? 0) + 1;
      }
    }
    const total = (tier: string) => Object.values(eligible[tier] ?? {}).reduce((a, b) => a + b, 0);
    // the lower rungs are common, the upper ones rare, and every city has 科技型中小企业
    expect(total('techSme')).toBeGreaterThan(total('highTech'));
    expect(total('highTech')).toBeGreaterThan(0);
    expect(total('littleGiant')).toBeGreaterThan(0);
    expect(total('littleGiant')).toBeLessThan(total('specialisedSme'));
    for (const city of CITY_CODES) expect(eligible.techSme?.[city] ?? 0).toBeGreaterThan(0);
  });
});

describe('assembling the engine input from stored years', () => {
  it('adds earlier years, accumulates dated lists and reads certificates', () => {
    const y = (year: number, over: object = {}) => ({
      year,
      values: storedFrom({
        revenue: 1000 * (year - 2020),
        rdSpend: 50,
        totalAssets: 2000,
        staff: 50,
        scienceStaff: 10,
        ...over,
      }),
    });
    const years = [
      y(2021, { awards: [{ kind: 'stAward', level: 'national', year: 2021, rank: 1 }] }),
      y(2023),
      y(2024, { equity: [{ year: 2024, amount: 600 }] }),
      y(2025),
    ];
    const certs = [
      { kind: 'highTech', issuedOn: '2023-10-01', expiresOn: '2026-09-30' },
      { kind: 'littleGiant', issuedOn: '2022-07-01', expiresOn: '2023-06-30' },
      { kind: 'specialisedSme', issuedOn: '2024-07-01', expiresOn: null },
    ];
    const x = toEnterpriseYear(years, 2024, certs, {
      regionCode: '420100',
      industry: null,
      foundedOn: '2019-01-01',
    })!;
    expect(x.previous!.map((p) => p.year).sort()).toEqual([2021, 2023]);
    expect(x.awards).toHaveLength(1);
    expect(x.equity).toEqual([{ year: 2024, amount: 600 }]);
    expect(x.highTechCertYear).toBe(2023);
    expect(x.statuses).toEqual(['specialisedSme']); // the 小巨人 title had lapsed by 2024
    expect(x.foundedOn).toBe('2019-01-01');
    expect(
      toEnterpriseYear(years, 2022, certs, {
        regionCode: '420100',
        industry: null,
        foundedOn: null,
      }),
    ).toBeNull();
  });
});
