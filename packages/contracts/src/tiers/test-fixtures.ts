/** Test helper: a plain enterprise-year for 2024 with every figure overridable. */
import type { EnterpriseYear } from './types';

export function firm(over: Partial<EnterpriseYear> = {}): EnterpriseYear {
  return {
    year: 2024,
    foundedOn: '2018-03-01',
    revenue: 3000,
    rdSpend: 0,
    staff: 100,
    scienceStaff: 0,
    totalAssets: 5000,
    ...over,
  };
}
