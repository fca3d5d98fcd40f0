import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countAudit,
  createTestApp,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/helpers';
import { parkInput, phaseInput } from './parks.fixtures';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const api = (u: string) => `/api/v1${u}`;
const post = (s: Session, url: string, payload: object) =>
  as(t, s, { method: 'POST', url: api(url), payload });
const patch = (s: Session, url: string, payload: object) =>
  as(t, s, { method: 'PATCH', url: api(url), payload });
const get = (s: Session, url: string) => as(t, s, { method: 'GET', url: api(url) });

async function parkWithPhase() {
  const province = await makeUser(t, ['province_admin'], { regionCode: '420000' });
  const wuhan = await makeUser(t, ['city_admin'], { regionCode: '420100' });
  const huanggang = await makeUser(t, ['city_admin'], { regionCode: '421100' });
  const ezhou = await makeUser(t, ['city_admin'], { regionCode: '420700' });
  const created = await post(wuhan, '/parks', parkInput());
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as number;
  const phased = await post(wuhan, `/parks/${id}/phases`, phaseInput());
  expect(phased.statusCode, phased.body).toBe(201);
  return { province, wuhan, huanggang, ezhou, id, park: phased.json() };
}

describe('co-built parks', () => {
  it('a party city creates a park and its phase, audited; a non-party city sees nothing', async () => {
    const { wuhan, ezhou, id, park } = await parkWithPhase();
    expect(park.hostCity).toBe('421100');
    expect(park.phases).toHaveLength(1);
    expect(await countAudit(t, { action: 'park.create', objectId: String(id) })).toBe(1);
    expect((await get(ezhou, `/parks/${id}`)).statusCode).toBe(404);
    expect((await get(ezhou, '/parks')).json().items.some((p: { id: number }) => p.id === id)).toBe(
      false,
    );
    expect((await get(wuhan, '/parks')).json().items.some((p: { id: number }) => p.id === id)).toBe(
      true,
    );
    // a non-party city admin cannot edit it either
    expect((await patch(ezhou, `/parks/${id}`, { name: '改名园区', version: 1 })).statusCode).toBe(
      404,
    );
    // and a city admin cannot create a park without its own city
    const other = await post(ezhou, '/parks', parkInput());
    expect(other.statusCode).toBe(400);
    expect(other.json().details[0].field).toBe('parties');
  });

  it('ratios that do not sum to 100 % and overlapping phases are 400s naming the field', async () => {
    const { wuhan, id } = await parkWithPhase();
    const bad = phaseInput({ startsOn: '2023-01-01', endsOn: null });
    bad.rules[0]!.ratios[0]!.percent = 45;
    const r1 = await post(wuhan, `/parks/${id}/phases`, bad);
    expect(r1.statusCode).toBe(400);
    expect(r1.json().details[0]).toMatchObject({
      field: 'rules.0.ratios',
      code: 'parks.ratios_sum',
    });
    const r2 = await post(
      wuhan,
      `/parks/${id}/phases`,
      phaseInput({ startsOn: '2022-06-01', endsOn: null }),
    );
    expect(r2.statusCode).toBe(400);
    expect(r2.json().details[0]).toMatchObject({ field: 'startsOn', code: 'parks.phase_overlap' });
    const r3 = await post(wuhan, `/parks/${id}/phases`, {
      ...phaseInput({ startsOn: '2023-01-01', endsOn: null }),
      rules: [{ item: 'gdp', method: 'split', ratios: [{ cityCode: '420700', percent: 100 }] }],
    });
    expect(r3.statusCode).toBe(400);
    expect(r3.json().details.map((d: { field: string }) => d.field)).toContain(
      'rules.0.ratios.0.cityCode',
    );
  });

  it('the governance model changes by date: a second phase, then PATCH changes only what it names', async () => {
    const { wuhan, id, park } = await parkWithPhase();
    const second = await post(
      wuhan,
      `/parks/${id}/phases`,
      phaseInput({ startsOn: '2023-01-01', endsOn: null, governance: 'outflow_led' }),
    );
    expect(second.statusCode, second.body).toBe(201);
    const phase = park.phases[0];
    const changed = await patch(wuhan, `/parks/${id}/phases/${phase.id}`, {
      note: '2022年底移交光谷主导',
      version: phase.version,
    });
    expect(changed.statusCode, changed.body).toBe(200);
    const after = changed.json().phases.find((p: { id: number }) => p.id === phase.id);
    expect(after).toMatchObject({
      ...phase,
      note: '2022年底移交光谷主导',
      version: phase.version + 1,
    });
    const stale = await patch(wuhan, `/parks/${id}/phases/${phase.id}`, {
      note: '再改',
      version: phase.version,
    });
    expect(stale.statusCode).toBe(409);
  });

  it('figures by the reporting city give the split, the statement of promised vs paid and totals', async () => {
    const { wuhan, huanggang, province, id } = await parkWithPhase();
    // Wuhan is a party but not the reporting city: it may not enter Huanggang's figures
    const denied = await post(wuhan, `/parks/${id}/figures`, {
      year: 2021,
      item: 'vat_local',
      valueWan: 1000,
    });
    expect(denied.statusCode).toBe(403);
    const vat = await post(huanggang, `/parks/${id}/figures`, {
      year: 2021,
      item: 'vat_local',
      valueWan: 1000,
      incentivesWan: 200,
    });
    expect(vat.statusCode, vat.body).toBe(201);
    const inv = await post(huanggang, `/parks/${id}/figures`, {
      year: 2021,
      item: 'fixed_investment',
      valueWan: 50000,
    });
    expect(inv.statusCode).toBe(201);
    const outside = await post(huanggang, `/parks/${id}/figures`, {
      year: 2024,
      item: 'vat_local',
      valueWan: 5,
    });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().details[0]).toMatchObject({ field: 'year', code: 'parks.year_outside' });
    expect(
      (
        await post(huanggang, `/parks/${id}/figures`, {
          year: 2021,
          item: 'vat_local',
          valueWan: 9,
        })
      ).statusCode,
    ).toBe(409);

    const split = (await get(wuhan, `/parks/${id}/split`)).json();
    const vatSplit = split.splits.find((s: { item: string }) => s.item === 'vat_local');
    expect(vatSplit.baseWan).toBe(800);
    expect(vatSplit.shares).toEqual([
      { cityCode: '420100', shareWan: 320, percent: 40 },
      { cityCode: '421100', shareWan: 480, percent: 60 },
    ]);

    const paid = await post(huanggang, `/parks/${id}/payments`, {
      year: 2021,
      item: 'vat_local',
      payerCity: '421100',
      payeeCity: '420100',
      amountWan: 200,
      paidOn: '2022-04-30',
    });
    expect(paid.statusCode, paid.body).toBe(201);
    // the payee cannot record a payment as if the payer had made it
    const forged = await post(wuhan, `/parks/${id}/payments`, {
      year: 2021,
      item: 'vat_local',
      payerCity: '421100',
      payeeCity: '420100',
      amountWan: 120,
      paidOn: '2022-05-30',
    });
    expect(forged.statusCode).toBe(403);
    const statement = (await get(wuhan, `/parks/${id}/statement`)).json();
    expect(statement.totals).toEqual([
      { year: 2021, cityCode: '420100', promisedWan: 320, paidWan: 200, shortfallWan: 120 },
    ]);

    // the double-counted investment: in full for both cities, once in the corridor total
    const totals = (await get(province, '/parks/totals?year=2021')).json();
    const fi = totals.items.find((i: { item: string }) => i.item === 'fixed_investment');
    expect(
      fi.byCity.find((c: { cityCode: string }) => c.cityCode === '420100').valueWan,
    ).toBeGreaterThanOrEqual(50000);
    expect(fi.citiesSumWan - fi.corridorWan).toBeGreaterThanOrEqual(50000);
    expect(await countAudit(t, { action: 'park.payment.record', actor: huanggang })).toBe(1);
  });

  it('a figure PATCH needs the version and the reporting city', async () => {
    const { wuhan, huanggang, id } = await parkWithPhase();
    const f = (
      await post(huanggang, `/parks/${id}/figures`, {
        year: 2020,
        item: 'vat_local',
        valueWan: 300,
      })
    ).json();
    expect(
      (await patch(wuhan, `/parks/${id}/figures/${f.id}`, { valueWan: 1, version: f.version }))
        .statusCode,
    ).toBe(403);
    const ok = await patch(huanggang, `/parks/${id}/figures/${f.id}`, {
      valueWan: 320,
      version: f.version,
    });
    expect(ok.json()).toMatchObject({ valueWan: 320, incentivesWan: 0, version: 2 });
    const bad = await patch(huanggang, `/parks/${id}/figures/${f.id}`, {
      incentivesWan: 400,
      version: 2,
    });
    expect(bad.json().details[0]).toMatchObject({
      field: 'incentivesWan',
      code: 'parks.incentives_exceed',
    });
  });

  it('others than officials are refused at the route', async () => {
    const enterprise = await makeUser(t, ['talent']);
    expect((await get(enterprise, '/parks')).statusCode).toBe(403);
  });
});
