import { describe, expect, it } from 'vitest';
import { checkKpiValue, KPI_DEFS, OFFICIAL_KPI_CODES, OfficialKpiInputSchema } from './cockpit';

describe('cockpit KPI rules', () => {
  it('carries the 2025 targets of the provincial action plan (reference §1)', () => {
    expect(KPI_DEFS.rd_gdp_ratio.target).toEqual({ op: 'gt', value: 4.2 });
    expect(KPI_DEFS.high_tech_enterprises.target).toEqual({ op: 'gt', value: 15_000 });
    expect(KPI_DEFS.high_tech_value_added_ratio.target).toEqual({ op: 'eq', value: 36 });
    expect(KPI_DEFS.provincial_platforms.target).toEqual({ op: 'gt', value: 1_500 });
  });

  it('bounds entered values: percentages 0–100, counts whole and non-negative', () => {
    expect(checkKpiValue('rd_gdp_ratio', 4.25)).toBeNull();
    expect(checkKpiValue('rd_gdp_ratio', 100.01)).toBe('kpi.out_of_range');
    expect(checkKpiValue('rd_gdp_ratio', Number.NaN)).toBe('kpi.out_of_range');
    expect(checkKpiValue('high_tech_enterprises', 15_001)).toBeNull();
    expect(checkKpiValue('high_tech_enterprises', 1.5)).toBe('kpi.not_integer');
    expect(checkKpiValue('provincial_platforms', -1)).toBe('kpi.out_of_range');
  });

  it('lets officials enter only figures the platform cannot compute alone', () => {
    expect(OFFICIAL_KPI_CODES).not.toContain('cross_city_contract_share');
    const base = { value: 3, asOf: '2025-12-31', source: '湖北省统计局' };
    expect(OfficialKpiInputSchema.safeParse({ ...base, code: 'rd_gdp_ratio' }).success).toBe(true);
    expect(
      OfficialKpiInputSchema.safeParse({ ...base, code: 'cross_city_contract_share' }).success,
    ).toBe(false);
    expect(
      OfficialKpiInputSchema.safeParse({ ...base, code: 'rd_gdp_ratio', asOf: '2025-02-30' })
        .success,
    ).toBe(false);
  });
});
