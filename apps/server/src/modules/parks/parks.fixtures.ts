/** Requests the tests (and the generic route tests) make parks and their phases with. */
import type { ParkInput, PhaseInput } from '@corridor/contracts';

let n = 0;
/** 光谷 (Wuhan) and 黄冈 (host) — the shape of 光谷黄冈科技产业园. */
export function parkInput(overrides: Partial<ParkInput> = {}): ParkInput {
  n += 1;
  return {
    name: `光谷黄冈科技产业园测试${process.pid % 1000}${n}`,
    parties: [
      { cityCode: '420100', role: 'outflow' },
      { cityCode: '421100', role: 'inflow' },
    ],
    areaKm2: 12.5,
    establishedOn: '2019-03-01',
    termEndsOn: '2039-02-28',
    agreementTitle: '共建光谷黄冈科技产业园合作协议',
    description: null,
    ...overrides,
  };
}

export function phaseInput(overrides: Partial<PhaseInput> = {}): PhaseInput {
  return {
    startsOn: '2019-03-01',
    endsOn: '2022-12-31',
    governance: 'joint',
    equity: [
      { cityCode: '420100', percent: 51 },
      { cityCode: '421100', percent: 49 },
    ],
    rules: [
      {
        item: 'vat_local',
        method: 'split',
        base: 'after_incentives',
        ratios: [
          { cityCode: '420100', percent: 40 },
          { cityCode: '421100', percent: 60 },
        ],
        toCity: null,
        coalitions: [],
      },
      {
        item: 'fixed_investment',
        method: 'double_count',
        base: 'gross',
        ratios: [],
        toCity: null,
        coalitions: [],
      },
    ],
    note: null,
    ...overrides,
  };
}
