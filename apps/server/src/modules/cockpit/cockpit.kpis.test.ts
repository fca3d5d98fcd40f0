import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countAudit,
  createTestApp,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/helpers';

/** Figures entered by province officials: who may, what is refused, and that it is audited. */
let t: TestApp;
let province: Session;
let cityAdmin: Session;

beforeAll(async () => {
  t = await createTestApp();
  province = await makeUser(t, ['province_admin'], { regionCode: '420000' });
  cityAdmin = await makeUser(t, ['city_admin'], { regionCode: '420700' });
});
afterAll(() => t.close());

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const valid = () => ({
  code: 'rd_gdp_ratio',
  value: 3.97,
  asOf: today(),
  source: '湖北省统计局《统计公报》（测试）',
  note: null,
});
const post = (session: Session, payload: object) =>
  as(t, session, { method: 'POST', url: '/api/v1/cockpit/kpis/official', payload });

describe('official KPI entries', () => {
  it('a province admin enters a figure; it is audited in the same step and shown publicly', async () => {
    const before = await countAudit(t, { action: 'cockpit.kpi.enter', actor: province });
    const value = Math.round(Math.random() * 4000) / 1000;
    const res = await post(province, { ...valid(), value });
    expect(res.statusCode, res.body).toBe(201);
    const entry = res.json();
    expect(entry).toMatchObject({ code: 'rd_gdp_ratio', value, asOf: today(), version: 1 });
    expect(await countAudit(t, { action: 'cockpit.kpi.enter', actor: province })).toBe(before + 1);
    const event = await t.deps.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'cockpit.kpi.enter')
      .where('objectId', '=', String(entry.id))
      .executeTakeFirstOrThrow();
    expect(event.actorId).toBe(province.me.id);
    expect(JSON.parse(event.detail)).toMatchObject({ code: 'rd_gdp_ratio', value });

    const view = (await t.app.inject({ method: 'GET', url: '/api/v1/cockpit/public' })).json();
    const kpi = view.kpis.find((k: { code: string }) => k.code === 'rd_gdp_ratio');
    expect(kpi.official).toMatchObject({ value, asOf: today(), source: valid().source });
    expect(kpi.platform).toBeNull(); // the platform does not compute R&D/GDP: entered only

    const list = await as(t, cityAdmin, { method: 'GET', url: '/api/v1/cockpit/kpis/official' });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.some((i: { id: number }) => i.id === entry.id)).toBe(true);
  });

  it('a city admin may read but not enter (403, audited, nothing written)', async () => {
    const entered = await countAudit(t, { action: 'cockpit.kpi.enter', actor: cityAdmin });
    const denied = await countAudit(t, { action: 'permission.denied', actor: cityAdmin });
    const res = await post(cityAdmin, valid());
    expect(res.statusCode).toBe(403);
    expect(await countAudit(t, { action: 'cockpit.kpi.enter', actor: cityAdmin })).toBe(entered);
    expect(await countAudit(t, { action: 'permission.denied', actor: cityAdmin })).toBe(denied + 1);
  });

  it('refuses bad input with 400 naming the field, and writes nothing', async () => {
    const cases: [object, string, string][] = [
      [{ value: 120 }, 'value', 'kpi.out_of_range'],
      [{ value: -0.5 }, 'value', 'kpi.out_of_range'],
      [{ code: 'high_tech_enterprises', value: 15000.5 }, 'value', 'kpi.not_integer'],
      [{ code: 'provincial_platforms', value: 2_000_000 }, 'value', 'kpi.out_of_range'],
      [{ asOf: '2025-13-01' }, 'asOf', 'date.invalid'],
      [{ asOf: '2025/12/31' }, 'asOf', 'date.invalid'],
      [{ asOf: '2999-01-01' }, 'asOf', 'date.future'],
      [{ source: '' }, 'source', 'required'],
      [{ source: '<b>x</b>' }, 'source', 'text.markup'],
      [{ code: 'cross_city_contract_share' }, 'code', 'invalid_value'],
      [{ code: 'gdp' }, 'code', 'invalid_value'],
      [{ value: '4.2' }, 'value', 'invalid_type'],
      [{ extra: 1 }, 'extra', 'unknown_field'],
    ];
    const before = await countAudit(t, { action: 'cockpit.kpi.enter', actor: cityAdmin });
    for (const [patch, field, code] of cases) {
      const res = await post(province, { ...valid(), ...patch });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().details, JSON.stringify(patch)).toContainEqual(
        expect.objectContaining({ field, code }),
      );
    }
    const { source: _s, ...noSource } = valid();
    const missing = await post(province, noSource);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().details).toContainEqual(
      expect.objectContaining({ field: 'source', code: 'required' }),
    );
    expect(await countAudit(t, { action: 'cockpit.kpi.enter', actor: cityAdmin })).toBe(before);
  });

  it('a correction needs the version read; it is audited; stale or bad corrections are refused', async () => {
    const created = (
      await post(province, { ...valid(), code: 'provincial_platforms', value: 1200 })
    ).json();
    const url = `/api/v1/cockpit/kpis/official/${created.id}`;
    const before = await countAudit(t, {
      action: 'cockpit.kpi.update',
      objectId: String(created.id),
    });
    const ok = await as(t, province, {
      method: 'PATCH',
      url,
      payload: { value: 1234, version: 1 },
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toMatchObject({ value: 1234, version: 2, code: 'provincial_platforms' });
    expect(
      await countAudit(t, { action: 'cockpit.kpi.update', objectId: String(created.id) }),
    ).toBe(before + 1);
    const stale = await as(t, province, {
      method: 'PATCH',
      url,
      payload: { value: 1, version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('cockpit.kpi_version_conflict');
    const fraction = await as(t, province, {
      method: 'PATCH',
      url,
      payload: { value: 1.5, version: 2 },
    });
    expect(fraction.statusCode).toBe(400);
    expect(fraction.json().details[0]).toMatchObject({ field: 'value', code: 'kpi.not_integer' });
    const missing = await as(t, province, {
      method: 'PATCH',
      url: '/api/v1/cockpit/kpis/official/2147483647',
      payload: { value: 1, version: 1 },
    });
    expect(missing.statusCode).toBe(404);
    const byCity = await as(t, cityAdmin, {
      method: 'PATCH',
      url,
      payload: { value: 2, version: 2 },
    });
    expect(byCity.statusCode).toBe(403);
    const row = await t.deps.db
      .selectFrom('cockpitOfficialKpis')
      .select(['value', 'version'])
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ value: 1234, version: 2 });
  });
});
