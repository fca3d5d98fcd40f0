import type { PublicCockpit } from '@corridor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countAudit,
  createTestApp,
  makeOrg,
  makeUser,
  orgInput,
  type Session,
  type TestApp,
} from '../../../test/helpers';
import { applyFlowChanges, type FlowFact } from '../../core/aggregates/flows';
import { beijingMonth } from '../../core/aggregates/keys';
import { systemCtx } from '../../core/context';
import { orgCountsSource } from '../orgs/orgs.aggregates';
import { bulkInsertOrgs } from '../orgs/orgs.service';
import { rebuildCockpitAggregates } from './cockpit.aggregates';

/** Contracts as the deals module reports them to the store (seller city → buyer city). */
const contract = (c: {
  signedOn: string;
  sellerCity: string;
  buyerCity: string;
  field: string | null;
  amountWan: number;
}): FlowFact => ({
  on: c.signedOn,
  fromCity: c.sellerCity,
  toCity: c.buyerCity,
  field: c.field,
  amountWan: c.amountWan,
});

let t: TestApp;
let province: Session;

beforeAll(async () => {
  t = await createTestApp();
  province = await makeUser(t, ['province_admin'], { regionCode: '420000' });
});
afterAll(() => t.close());

/** Stored counts and a full scan, read in one snapshot so parallel writers cannot split them. */
async function storedAndScanned() {
  return t.deps.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const stored = await trx
        .selectFrom('cockpitOrgCounts')
        .selectAll()
        .where('n', '<>', 0)
        .execute();
      const scanned = await orgCountsSource.compute(trx);
      const key = (r: {
        regionCode: string;
        type: string;
        industry: string;
        createdMonth: string;
      }) => `${r.regionCode}|${r.type}|${r.industry}|${r.createdMonth}`;
      const sort = (
        rows: {
          regionCode: string;
          type: string;
          industry: string;
          createdMonth: string;
          n: number;
        }[],
      ) => rows.map((r) => `${key(r)}=${Number(r.n)}`).sort();
      return { stored: sort(stored), scanned: sort(scanned) };
    });
}

describe('aggregates kept current', () => {
  it('beijingMonth counts months in Beijing time', () => {
    expect(beijingMonth('2026-01-31T15:59:59.000Z')).toBe('2026-01');
    expect(beijingMonth('2026-01-31T16:00:00.000Z')).toBe('2026-02');
  });

  it('incremental updates equal a rebuild from the registry', async () => {
    // Start from a rebuilt table, then change the registry every way the application can.
    await makeOrg(t, { regionCode: '420200', type: 'incubator' });
    const rebuilt = (await rebuildCockpitAggregates(t.deps, ['orgs']))[0]!;
    expect(rebuilt.source).toBe('orgs');
    expect(rebuilt.counted).toBeGreaterThanOrEqual(1);
    expect(rebuilt.rows).toBeGreaterThanOrEqual(1);
    await bulkInsertOrgs(systemCtx(t.deps), [
      orgInput({ regionCode: '421100', type: 'incubator', industry: 'health' }),
      orgInput({ regionCode: '421100', type: 'incubator', industry: null }),
      orgInput({ regionCode: '420200', type: 'institute', industry: 'materials' }),
    ]);
    const created = await as(t, province, {
      method: 'POST',
      url: '/api/v1/orgs',
      payload: orgInput({ regionCode: '420700', type: 'service_platform' }),
    });
    expect(created.statusCode).toBe(201);
    const moved = await makeOrg(t, { regionCode: '421100', type: 'university' });
    const patch = await as(t, province, {
      method: 'PATCH',
      url: `/api/v1/orgs/${moved.id}`,
      payload: { regionCode: '420200', type: 'institute', industry: 'energy', version: 1 },
    });
    expect(patch.statusCode, patch.body).toBe(200);

    const incremental = await storedAndScanned();
    expect(incremental.stored).toEqual(incremental.scanned);

    const audits = await countAudit(t, { action: 'cockpit.rebuild' });
    await rebuildCockpitAggregates(t.deps, ['orgs']);
    expect(await countAudit(t, { action: 'cockpit.rebuild' })).toBe(audits + 1);
    const again = await storedAndScanned();
    expect(again.stored).toEqual(again.scanned);
  });
});

describe('technology contracts and other flows (recorded by their modules)', () => {
  // A year of its own per run: contracts exist nowhere else yet, and deltas keep runs apart.
  const year = 2050 + Math.floor(Math.random() * 49);
  const view = async (): Promise<PublicCockpit> =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/cockpit/public?year=${year}` })).json();
  const cell = (v: PublicCockpit, from: string, to: string) =>
    v.contracts.matrix.find((m) => m.from === from && m.to === to)!;
  const month = (v: PublicCockpit, m: string) => v.contracts.byMonth.find((x) => x.month === m)!;
  const field = (v: PublicCockpit, f: string) =>
    v.contracts.topFields.find((x) => x.field === f) ?? { count: 0, amountWan: 0 };

  it('every contract figure moves by exactly what was recorded, corrected or withdrawn', async () => {
    const before = await view();
    const facts = [
      {
        signedOn: `${year}-03-10`,
        sellerCity: '420100',
        buyerCity: '420700',
        field: 'cockpit-t',
        amountWan: 120.5,
      },
      {
        signedOn: `${year}-03-28`,
        sellerCity: '420100',
        buyerCity: '420100',
        field: 'cockpit-t',
        amountWan: 30,
      },
      {
        signedOn: `${year}-11-02`,
        sellerCity: '421100',
        buyerCity: '420100',
        field: null,
        amountWan: 9.1234,
      },
      {
        signedOn: `${year}-11-30`,
        sellerCity: '420100',
        buyerCity: '110000',
        field: 'cockpit-t',
        amountWan: 50,
      },
    ];
    await t.deps.db.transaction().execute(async (trx) => {
      await applyFlowChanges(
        trx,
        'contract',
        facts.map((f) => ({ before: null, after: contract(f) })),
      );
    });
    const after = await view();
    expect(after.contracts.available).toBe(true);
    expect(after.contracts.total.count - before.contracts.total.count).toBe(4);
    expect(after.contracts.total.amountWan - before.contracts.total.amountWan).toBeCloseTo(
      209.6234,
      4,
    );
    // cross-city = between two different corridor cities: 420100→420700 and 421100→420100
    expect(after.contracts.crossCity.count - before.contracts.crossCity.count).toBe(2);
    expect(after.contracts.crossCity.amountWan - before.contracts.crossCity.amountWan).toBeCloseTo(
      129.6234,
      4,
    );
    expect(after.contracts.crossCityShare).toBeCloseTo(
      (after.contracts.crossCity.amountWan / after.contracts.total.amountWan) * 100,
      6,
    );
    expect(cell(after, '420100', '420700').count - cell(before, '420100', '420700').count).toBe(1);
    expect(
      cell(after, '420100', '420100').amountWan - cell(before, '420100', '420100').amountWan,
    ).toBeCloseTo(30, 4);
    expect(after.contracts.matrix).toHaveLength(25);
    expect(month(after, `${year}-03`).count - month(before, `${year}-03`).count).toBe(2);
    expect(
      month(after, `${year}-11`).amountWan - month(before, `${year}-11`).amountWan,
    ).toBeCloseTo(59.1234, 4);
    expect(field(after, 'cockpit-t').count - field(before, 'cockpit-t').count).toBe(3);
    const wuhan = (v: PublicCockpit) => v.cities.find((c) => c.code === '420100')!;
    expect(wuhan(after).contractsOut.count - wuhan(before).contractsOut.count).toBe(3);
    expect(wuhan(after).contractsIn.count - wuhan(before).contractsIn.count).toBe(2);
    const turnover = after.kpis.find((k) => k.code === 'tech_contract_turnover')!;
    expect(turnover.platform?.value).toBeCloseTo(after.contracts.total.amountWan, 6);
    const line = after.flows.find(
      (f) => f.kind === 'contract' && f.from === '421100' && f.to === '420100',
    );
    expect(line?.count).toBeGreaterThanOrEqual(1);

    // Corrected (amount and buyer) and withdrawn: back to exactly where we started.
    await t.deps.db.transaction().execute(async (trx) => {
      const corrected = { ...facts[0]!, buyerCity: '421200', amountWan: 100 };
      await applyFlowChanges(trx, 'contract', [
        { before: contract(facts[0]!), after: contract(corrected) },
      ]);
      await applyFlowChanges(trx, 'contract', [{ before: contract(corrected), after: null }]);
      for (const f of facts.slice(1))
        await applyFlowChanges(trx, 'contract', [{ before: contract(f), after: null }]);
    });
    const back = await view();
    expect(back.contracts.total).toEqual(before.contracts.total);
    expect(back.contracts.matrix).toEqual(before.contracts.matrix);
    expect(back.contracts.byMonth).toEqual(before.contracts.byMonth);
  });

  it('dual appointments and service orders appear as map lines of their kind', async () => {
    const before = await view();
    await t.deps.db.transaction().execute(async (trx) => {
      await applyFlowChanges(trx, 'dual_appointment', [
        { before: null, after: { on: `${year}-05-01`, fromCity: '420100', toCity: '421200' } },
        { before: null, after: { on: `${year}-06-01`, fromCity: '420100', toCity: '421200' } },
      ]);
    });
    const after = await view();
    const n = (v: PublicCockpit) =>
      v.flows.find((f) => f.kind === 'dual_appointment' && f.from === '420100' && f.to === '421200')
        ?.count ?? 0;
    expect(n(after) - n(before)).toBe(2);
    // Not contracts: the contract figures do not move.
    expect(after.contracts.total).toEqual(before.contracts.total);
  });
});
