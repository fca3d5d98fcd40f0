import { describe, expect, it } from 'vitest';
import { enterpriseYearSchema } from './schema';
import { firm } from './test-fixtures';
import { validateEnterpriseYear } from './validate';

const NOW = new Date('2025-06-01T00:00:00Z');
const check = (over: Parameters<typeof firm>[0]) => validateEnterpriseYear(firm(over), NOW);

describe('indicator input validation', () => {
  it('accepts plausible input, including negative net assets', () => {
    expect(
      check({ netAssets: -50, liabilities: 6000, previous: [{ year: 2023, revenue: 10 }] }),
    ).toEqual([]);
  });

  it('refuses negative revenue, in the data year and earlier years', () => {
    expect(check({ revenue: -1, previous: [{ year: 2023, rdSpend: -2 }] })).toEqual([
      { field: 'revenue', code: 'indicator.negative' },
      { field: 'previous.0.rdSpend', code: 'indicator.negative' },
    ]);
  });

  it('refuses more science staff than staff', () => {
    expect(check({ staff: 10, scienceStaff: 11 })).toEqual([
      { field: 'scienceStaff', code: 'indicator.science_staff_exceeds_staff' },
    ]);
    expect(check({ staff: 10, scienceStaff: 10 })).toEqual([]);
  });

  it('refuses years in the future', () => {
    expect(check({ year: 2026 })).toEqual([{ field: 'year', code: 'indicator.year_in_future' }]);
    expect(check({ year: 2025 })).toEqual([]);
    expect(check({ foundedOn: '2025-07-01' })).toEqual([
      { field: 'foundedOn', code: 'indicator.year_in_future' },
    ]);
    expect(check({ awards: [{ kind: 'stAward', level: 'national', year: 2026 }] })).toEqual([
      { field: 'awards.0.year', code: 'indicator.year_in_future' },
    ]);
  });

  it('refuses shares over 100 %', () => {
    expect(
      check({
        revenue: 100,
        mainRevenue: 101,
        highTechIncome: 100.5,
        rdSpend: 10,
        rdSpendDomestic: 11,
      }),
    ).toEqual([
      { field: 'mainRevenue', code: 'indicator.percent_over_100' },
      { field: 'highTechIncome', code: 'indicator.percent_over_100' },
      { field: 'rdSpendDomestic', code: 'indicator.percent_over_100' },
    ]);
    expect(check({ ip: { inventionPatent: 1 }, ipClassIInUse: 2 })).toEqual([
      { field: 'ipClassIInUse', code: 'indicator.percent_over_100' },
    ]);
  });

  it('refuses earlier years that are not earlier, and a founding after the data year', () => {
    expect(check({ previous: [{ year: 2023 }, { year: 2023 }, { year: 2024 }] })).toEqual([
      { field: 'previous.1.year', code: 'indicator.year_not_earlier' },
      { field: 'previous.2.year', code: 'indicator.year_not_earlier' },
    ]);
    expect(check({ foundedOn: '2025-01-01' })).toEqual([
      { field: 'foundedOn', code: 'indicator.founded_after_year' },
    ]);
  });
});

describe('EnterpriseYear zod schema', () => {
  const schema = enterpriseYearSchema(NOW);

  it('parses valid input unchanged', () => {
    const input = firm({
      ip: { inventionPatent: 2 },
      awards: [{ kind: 'stAward', level: 'national', year: 2023, rank: 1 }],
    });
    expect(schema.parse(input)).toEqual(input);
  });

  it('reports plausibility problems with their codes and paths', () => {
    const r = schema.safeParse(
      firm({ revenue: -5, previous: [{ year: 2023, staff: 3, scienceStaff: 4 }] }),
    );
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['revenue', 'indicator.negative'],
      ['previous.0.scienceStaff', 'indicator.science_staff_exceeds_staff'],
    ]);
  });

  it('refuses unknown fields, bad dates and unknown IP kinds', () => {
    expect(schema.safeParse({ ...firm(), extra: 1 }).success).toBe(false);
    expect(schema.safeParse(firm({ foundedOn: '2018-02-30' })).success).toBe(false);
    expect(schema.safeParse({ ...firm(), ip: { patent: 1 } }).success).toBe(false);
  });
});
