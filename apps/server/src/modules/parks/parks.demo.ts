/**
 * Demo co-built parks between the corridor's cities, shaped on the real ones (光谷 with its
 * partner parks in 黄冈, 鄂州, 咸宁, 黄石), with phases since 2019 (a governance change by date in
 * each), rules of every method, figures for every year up to 2025 and payments with shortfalls
 * (a partial year, an unpaid year) so the statement shows what was promised against what was paid.
 * The figures are illustrative, not official statistics.
 */
import type { CityCode, ParkInput, PhaseInput, RevenueType, SharedItem } from '@corridor/contracts';
import type { DemoSeeder, SeededAccount } from '../../core/demo/seeder';
import { addFigure } from './parks.figures.service';
import { getStatement, recordPayment } from './parks.payments.service';
import * as repo from './parks.repo';
import { addPhase, createPark } from './parks.service';

const WH = '420100' as CityCode;
const EZ = '420700' as CityCode;
const HS = '420200' as CityCode;
const HG = '421100' as CityCode;
const XN = '421200' as CityCode;

type Rule = PhaseInput['rules'][number];
const split = (
  item: SharedItem,
  ratios: [CityCode, number][],
  base: Rule['base'] = 'gross',
): Rule => ({
  item,
  method: 'split',
  base,
  ratios: ratios.map(([cityCode, percent]) => ({ cityCode, percent })),
  toCity: null,
  coalitions: [],
});
const rule = (item: SharedItem, method: Rule['method'], extra: Partial<Rule> = {}): Rule => ({
  item,
  method,
  base: 'gross',
  ratios: [],
  toCity: null,
  coalitions: [],
  ...extra,
});
const phase = (
  p: Partial<PhaseInput> & Pick<PhaseInput, 'startsOn' | 'governance' | 'rules'>,
): PhaseInput => ({
  endsOn: null,
  equity: [],
  note: null,
  ...p,
});

interface DemoPark {
  park: ParkInput;
  phases: PhaseInput[];
  /** 2019-level yearly values per item (万元), grown each year. */
  base: Partial<Record<SharedItem, number>>;
  /** Share of each year's promise the host paid (missing years: unpaid). */
  paid: Record<number, number>;
}

const SHAPLEY_PARTIES = [WH, EZ, HG, HS];
/** v(S): the estimated yearly return (万元) of each coalition investing together. */
function coalitionValues() {
  const alone: Record<string, number> = { [WH]: 300, [EZ]: 80, [HG]: 60, [HS]: 120 };
  const out: { members: CityCode[]; value: number }[] = [];
  for (let mask = 1; mask < 16; mask++) {
    const members = SHAPLEY_PARTIES.filter((_, i) => mask & (1 << i));
    const sum = members.reduce((a, c) => a + alone[c]!, 0);
    // working together adds 15 % per extra partner: the point of a multi-party 飞地
    out.push({ members, value: Math.round(sum * (1 + 0.15 * (members.length - 1))) });
  }
  return out;
}

const PARKS: DemoPark[] = [
  {
    park: {
      name: '光谷黄冈科技产业园',
      parties: [
        { cityCode: WH, role: 'outflow' },
        { cityCode: HG, role: 'inflow' },
      ],
      areaKm2: 11.4,
      establishedOn: '2019-04-18',
      termEndsOn: '2039-04-17',
      agreementTitle: '共建光谷黄冈科技产业园合作框架协议',
      description: '东湖高新区与黄冈市共建，黄冈高新区内选址，光谷招商、黄冈服务。',
    },
    phases: [
      phase({
        startsOn: '2019-04-18',
        endsOn: '2022-12-31',
        governance: 'joint',
        rules: [
          split(
            'vat_local',
            [
              [WH, 40],
              [HG, 60],
            ],
            'after_incentives',
          ),
          split(
            'cit_local',
            [
              [WH, 40],
              [HG, 60],
            ],
            'after_incentives',
          ),
          split('gdp', [
            [WH, 30],
            [HG, 70],
          ]),
          rule('fixed_investment', 'double_count'),
          rule('industrial_output', 'double_count'),
          rule('outside_funds', 'to_party', { toCity: WH }),
        ],
      }),
      phase({
        startsOn: '2023-01-01',
        governance: 'outflow_led',
        note: '2023 年起由光谷主导园区开发运营',
        rules: [
          split(
            'vat_local',
            [
              [WH, 50],
              [HG, 50],
            ],
            'after_incentives',
          ),
          split(
            'cit_local',
            [
              [WH, 50],
              [HG, 50],
            ],
            'after_incentives',
          ),
          split('gdp', [
            [WH, 40],
            [HG, 60],
          ]),
          rule('fixed_investment', 'double_count'),
          rule('industrial_output', 'double_count'),
        ],
      }),
    ],
    base: {
      vat_local: 1850,
      cit_local: 920,
      gdp: 186_000,
      fixed_investment: 240_000,
      industrial_output: 520_000,
      outside_funds: 36_000,
    },
    paid: { 2019: 1, 2020: 1, 2021: 0.9, 2022: 0.75, 2023: 0.6, 2024: 0.4 },
  },
  {
    park: {
      name: '光谷葛店共建科技园',
      parties: [
        { cityCode: WH, role: 'outflow' },
        { cityCode: EZ, role: 'inflow' },
      ],
      areaKm2: 8.2,
      establishedOn: '2019-07-01',
      termEndsOn: null,
      agreementTitle: '武鄂同城化 光谷—葛店共建园区协议',
      description: '武鄂同城化合作，葛店经开区内共建，共同出资成立开发公司。',
    },
    phases: [
      phase({
        startsOn: '2019-07-01',
        endsOn: '2021-06-30',
        governance: 'joint',
        equity: [
          { cityCode: WH, percent: 60 },
          { cityCode: EZ, percent: 40 },
        ],
        rules: [
          rule('land_revenue', 'by_equity'),
          split('vat_local', [
            [WH, 50],
            [EZ, 50],
          ]),
          rule('retail_sales', 'double_count'),
        ],
      }),
      phase({
        startsOn: '2021-07-01',
        governance: 'entrusted_operator',
        note: '委托园区开发公司统一运营',
        equity: [
          { cityCode: WH, percent: 55 },
          { cityCode: EZ, percent: 45 },
        ],
        rules: [
          rule('land_revenue', 'by_equity'),
          split(
            'vat_local',
            [
              [WH, 45],
              [EZ, 55],
            ],
            'after_incentives',
          ),
          split(
            'cit_local',
            [
              [WH, 45],
              [EZ, 55],
            ],
            'after_incentives',
          ),
          rule('retail_sales', 'double_count'),
          rule('fixed_investment', 'double_count'),
        ],
      }),
    ],
    base: {
      land_revenue: 6800,
      vat_local: 1260,
      cit_local: 640,
      retail_sales: 98_000,
      fixed_investment: 165_000,
    },
    paid: { 2019: 1, 2020: 1, 2021: 1, 2022: 0.85, 2023: 0.7 },
  },
  {
    park: {
      name: '光谷咸宁产业园',
      parties: [
        { cityCode: WH, role: 'outflow' },
        { cityCode: XN, role: 'inflow' },
      ],
      areaKm2: 6.5,
      establishedOn: '2020-03-01',
      termEndsOn: '2040-02-29',
      agreementTitle: '共建光谷咸宁产业园协议',
      description: '咸宁高新区内共建，咸宁主导建设，光谷导入光电子信息项目。',
    },
    phases: [
      phase({
        startsOn: '2020-03-01',
        endsOn: '2023-12-31',
        governance: 'inflow_led',
        rules: [
          split('vat_local', [
            [WH, 30],
            [XN, 70],
          ]),
          split('service_revenue', [
            [WH, 30],
            [XN, 70],
          ]),
          rule('fixed_investment', 'double_count'),
        ],
      }),
      phase({
        startsOn: '2024-01-01',
        governance: 'joint',
        note: '2024 年起改为双方共管',
        rules: [
          split(
            'vat_local',
            [
              [WH, 35],
              [XN, 65],
            ],
            'after_incentives',
          ),
          split('service_revenue', [
            [WH, 35],
            [XN, 65],
          ]),
          rule('fixed_investment', 'double_count'),
        ],
      }),
    ],
    base: { vat_local: 720, service_revenue: 42_000, fixed_investment: 88_000 },
    paid: { 2020: 1, 2021: 0.8, 2022: 0.8, 2024: 0.5 },
  },
  {
    park: {
      name: '大冶湖四方共建科创飞地',
      parties: [
        { cityCode: WH, role: 'outflow' },
        { cityCode: EZ, role: 'outflow' },
        { cityCode: HG, role: 'outflow' },
        { cityCode: HS, role: 'inflow' },
      ],
      areaKm2: 3.1,
      establishedOn: '2022-01-01',
      termEndsOn: '2036-12-31',
      agreementTitle: '黄石大冶湖科创飞地四方共建协议',
      description:
        '武汉、鄂州、黄冈三地在黄石大冶湖高新区共同投资，按各方边际贡献（Shapley）分成。',
    },
    phases: [
      phase({
        startsOn: '2022-01-01',
        governance: 'entrusted_operator',
        rules: [
          rule('vat_local', 'shapley', { coalitions: coalitionValues() }),
          rule('industrial_output', 'double_count'),
          rule('outside_funds', 'to_party', { toCity: WH }),
        ],
      }),
    ],
    base: { vat_local: 980, industrial_output: 126_000, outside_funds: 12_000 },
    paid: { 2022: 1, 2023: 0.65 },
  },
];

const LAST_YEAR = 2025;

export const parksDemoSeeder: DemoSeeder = {
  name: 'parks',
  async seed(demo) {
    if (demo.scale === 0) return;
    const province = demo.account('province.admin');
    if (!province) return;
    const admins = new Map(
      demo
        .accounts()
        .filter((a) => a.roles[0] === 'city_admin')
        .map((a) => [a.regionCode as string, a]),
    );
    const existing = new Set((await repo.listParks(demo.deps.db, null)).map((p) => p.name));
    for (const d of PARKS) {
      if (existing.has(d.park.name)) continue;
      await seedPark(demo.as(province), d, (city) => admins.get(city), demo.as.bind(demo));
    }
  },
};

async function seedPark(
  ctx: ReturnType<Parameters<DemoSeeder['seed']>[0]['as']>,
  d: DemoPark,
  adminOf: (city: string) => SeededAccount | undefined,
  as: (a: SeededAccount) => typeof ctx,
) {
  const park = await createPark(ctx, d.park);
  for (const p of d.phases) await addPhase(ctx, park.id, p);
  const host = d.park.parties.find((p) => p.role === 'inflow')!.cityCode;
  const hostAdmin = adminOf(host);
  const hostCtx = hostAdmin ? as(hostAdmin) : ctx;
  const first = Number(d.park.establishedOn.slice(0, 4));
  for (let year = first; year <= LAST_YEAR; year++) {
    const growth = 1.12 ** (year - 2019);
    for (const [item, base] of Object.entries(d.base) as [SharedItem, number][]) {
      const value = Math.round(base * growth * 100) / 100;
      const incentives =
        item === 'vat_local' || item === 'cit_local' ? Math.round(value * 12) / 100 : 0;
      await addFigure(hostCtx, park.id, {
        year,
        item,
        valueWan: value,
        incentivesWan: incentives,
        reportedBy: null,
        note: null,
      });
    }
  }
  // the host pays part of each year's promise the next spring; some years are still unpaid
  const statement = await getStatement(ctx, park.id);
  for (const line of statement.lines) {
    const share = d.paid[line.year];
    if (!share || line.promisedWan <= 0) continue;
    await recordPayment(hostCtx, park.id, {
      year: line.year,
      item: line.item as RevenueType,
      payerCity: line.fromCity as never,
      payeeCity: line.toCity as never,
      amountWan: Math.round(line.promisedWan * share * 100) / 100,
      paidOn: `${line.year + 1}-04-30`,
      note: share < 1 ? '部分划转，余款待结算' : null,
    });
  }
}
