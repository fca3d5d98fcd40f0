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
  uniqueName,
} from '../../../test/helpers';
import { pinyinKeys } from './orgs.pinyin';

let t: TestApp;
let province: Session;
let wuhanAdmin: Session;
let ezhouAdmin: Session;
let broker: Session;

beforeAll(async () => {
  t = await createTestApp();
  province = await makeUser(t, ['province_admin'], { regionCode: '420000' });
  wuhanAdmin = await makeUser(t, ['city_admin'], { regionCode: '420100' });
  ezhouAdmin = await makeUser(t, ['city_admin'], { regionCode: '420700' });
  broker = await makeUser(t, ['broker'], { regionCode: '420100' });
});
afterAll(() => t.close());

/** Organisations registered by one user (the PostgreSQL database is shared between files). */
async function orgCount(by: Session) {
  const row = await t.deps.db
    .selectFrom('orgs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('createdBy', '=', by.me.id)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('organisations', () => {
  it('a city admin registers an organisation of their city, audited in the same step', async () => {
    const input = orgInput({ regionCode: '420100' });
    const before = await countAudit(t, { action: 'org.create', actor: wuhanAdmin });
    const res = await as(t, wuhanAdmin, { method: 'POST', url: '/api/v1/orgs', payload: input });
    expect(res.statusCode).toBe(201);
    const org = res.json();
    expect(org).toMatchObject({
      name: input.name,
      creditCode: input.creditCode,
      regionCode: '420100',
      version: 1,
    });
    expect(org.pinyinInitials).toMatch(/^cs/); // 测试… → "cs…"
    expect(await countAudit(t, { action: 'org.create', actor: wuhanAdmin })).toBe(before + 1);
    const event = await t.deps.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'org.create')
      .where('objectId', '=', String(org.id))
      .executeTakeFirstOrThrow();
    expect(event.actorId).toBe(wuhanAdmin.me.id);
    // personal data is not copied into the audit log
    expect(event.detail).not.toContain(input.contactPhone!);
    expect(event.detail).not.toContain(input.contactName!);
  });

  it('a city admin may not register or edit another city’s organisation', async () => {
    const before = await orgCount(wuhanAdmin);
    const res = await as(t, wuhanAdmin, {
      method: 'POST',
      url: '/api/v1/orgs',
      payload: orgInput({ regionCode: '420700' }),
    });
    expect(res.statusCode).toBe(403);
    expect(await orgCount(wuhanAdmin)).toBe(before);
    const ezhouOrg = await makeOrg(t, { regionCode: '420700' });
    const denialsBefore = await countAudit(t, { action: 'permission.denied', actor: wuhanAdmin });
    const edit = await as(t, wuhanAdmin, {
      method: 'PATCH',
      url: `/api/v1/orgs/${ezhouOrg.id}`,
      payload: { name: uniqueName(), version: 1 },
    });
    expect(edit.statusCode).toBe(403);
    expect(await countAudit(t, { action: 'permission.denied', actor: wuhanAdmin })).toBe(
      denialsBefore + 1,
    );
    const ok = await as(t, ezhouAdmin, {
      method: 'PATCH',
      url: `/api/v1/orgs/${ezhouOrg.id}`,
      payload: { name: uniqueName('鄂州'), version: 1 },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().version).toBe(2);
  });

  it('a city admin may not move an organisation to another city', async () => {
    const org = await makeOrg(t, { regionCode: '420100' });
    const res = await as(t, wuhanAdmin, {
      method: 'PATCH',
      url: `/api/v1/orgs/${org.id}`,
      payload: { regionCode: '420700', version: 1 },
    });
    expect(res.statusCode).toBe(403);
  });

  it('a stale edit is refused instead of overwriting (optimistic version)', async () => {
    const org = await makeOrg(t, { regionCode: '420100' });
    const first = await as(t, wuhanAdmin, {
      method: 'PATCH',
      url: `/api/v1/orgs/${org.id}`,
      payload: { address: '湖北省武汉市洪山区1号', version: 1 },
    });
    expect(first.statusCode).toBe(200);
    const stale = await as(t, province, {
      method: 'PATCH',
      url: `/api/v1/orgs/${org.id}`,
      payload: { address: '湖北省武汉市江夏区2号', version: 1 },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('org.version_conflict');
  });

  it('an enterprise user edits their own profile but not its identity, and no other org', async () => {
    const own = await makeOrg(t, { regionCode: '421100' });
    const other = await makeOrg(t, { regionCode: '421100' });
    const user = await makeUser(t, ['enterprise'], { regionCode: '421100', orgId: own.id });
    const ok = await as(t, user, {
      method: 'PATCH',
      url: `/api/v1/orgs/${own.id}`,
      payload: { description: '新的简介', version: 1 },
    });
    expect(ok.statusCode).toBe(200);
    const identity = await as(t, user, {
      method: 'PATCH',
      url: `/api/v1/orgs/${own.id}`,
      payload: { type: 'institute', version: 2 },
    });
    expect(identity.statusCode).toBe(403);
    const foreign = await as(t, user, {
      method: 'PATCH',
      url: `/api/v1/orgs/${other.id}`,
      payload: { description: 'x', version: 1 },
    });
    expect(foreign.statusCode).toBe(403);
    const create = await as(t, user, {
      method: 'POST',
      url: '/api/v1/orgs',
      payload: orgInput({ regionCode: '421100' }),
    });
    expect(create.statusCode).toBe(403);
  });

  it('contact details are masked outside the org’s own city', async () => {
    const org = await makeOrg(t, {
      regionCode: '420100',
      contactName: '王小明',
      contactPhone: '13912345678',
    });
    const own = (await as(t, wuhanAdmin, { method: 'GET', url: `/api/v1/orgs/${org.id}` })).json();
    expect(own.contactPhone).toBe('13912345678');
    const other = (
      await as(t, ezhouAdmin, { method: 'GET', url: `/api/v1/orgs/${org.id}` })
    ).json();
    expect(other.contactPhone).toBe('139****5678');
    expect(other.contactName).toBe('王**');
    expect(other.abilities.update).toBe(false);
    const byBroker = (await as(t, broker, { method: 'GET', url: `/api/v1/orgs/${org.id}` })).json();
    expect(byBroker.contactPhone).toBe('139****5678');
  });

  it('lists with paging, city and type filters, Chinese and pinyin-initial search', async () => {
    const name = uniqueName('黄冈');
    const org = await makeOrg(t, { regionCode: '421100', type: 'incubator', name });
    const page = (
      await as(t, broker, {
        method: 'GET',
        url: '/api/v1/orgs?city=421100&type=incubator&pageSize=100',
      })
    ).json();
    expect(
      page.items.every(
        (o: { regionCode: string; type: string }) =>
          o.regionCode === '421100' && o.type === 'incubator',
      ),
    ).toBe(true);
    expect(page.items.map((o: { id: number }) => o.id)).toContain(org.id);
    expect(page.pageSize).toBe(100);
    const zh = (
      await as(t, broker, {
        method: 'GET',
        url: `/api/v1/orgs?q=${encodeURIComponent(name.slice(2, 6))}`,
      })
    ).json();
    expect(zh.items.map((o: { id: number }) => o.id)).toContain(org.id);
    const initials = (await as(t, broker, { method: 'GET', url: `/api/v1/orgs/${org.id}` })).json()
      .pinyinInitials as string;
    const py = (
      await as(t, broker, {
        method: 'GET',
        url: `/api/v1/orgs?q=${initials.slice(0, 8)}&pageSize=100`,
      })
    ).json();
    expect(py.items.map((o: { id: number }) => o.id)).toContain(org.id);
    // Several words, each in the name or its pinyin (full or initials), all required.
    const full = pinyinKeys(name).full;
    const ids = async (q: string) =>
      (
        await as(t, broker, {
          method: 'GET',
          url: `/api/v1/orgs?q=${encodeURIComponent(q)}&pageSize=100`,
        })
      )
        .json()
        .items.map((o: { id: number }) => o.id);
    expect(await ids(`huanggang ${full.slice(9, 21)}`)).toContain(org.id);
    expect(await ids(`黄冈 ${initials.slice(2, 8)}`)).toContain(org.id);
    expect(await ids(`huanggang ${initials.slice(2, 8)}zzz`)).not.toContain(org.id);
    const code = (
      await as(t, broker, { method: 'GET', url: `/api/v1/orgs?q=${org.creditCode}` })
    ).json();
    expect(code.items.map((o: { id: number }) => o.id)).toEqual([org.id]);
    const wildcard = (await as(t, broker, { method: 'GET', url: '/api/v1/orgs?q=%25%25' })).json();
    expect(wildcard.total).toBe(0); // "%" is a character to look for, not a wildcard
  });

  it('refuses bad input with the field and reason, writing nothing', async () => {
    const before = await orgCount(province);
    const cases: [Record<string, unknown>, string, string][] = [
      [{ creditCode: '91420684MA4927PJ7C' }, 'creditCode', 'credit_code.check'],
      [{ creditCode: '9142068' }, 'creditCode', 'credit_code.length'],
      [{ regionCode: '420500' }, 'regionCode', 'region.not_corridor'],
      [{ type: 'bank' }, 'type', 'org_type.invalid'],
      [{ name: '<script>alert(1)</script>' }, 'name', 'name.characters'],
      [{ name: "x'; DROP TABLE orgs; --" }, 'name', 'name.characters'],
      [{ name: '长'.repeat(81) }, 'name', 'too_long'],
      [{ description: '<img src=x onerror=alert(1)>' }, 'description', 'text.markup'],
      [{ foundedOn: '2024-02-30' }, 'foundedOn', 'date.invalid'],
      [{ contactPhone: '12345' }, 'contactPhone', 'phone.format'],
      [{ isVerified: true }, 'isVerified', 'unknown_field'],
      [{ name: 42 }, 'name', 'invalid_type'],
    ];
    for (const [patch, field, code] of cases) {
      const res = await as(t, province, {
        method: 'POST',
        url: '/api/v1/orgs',
        payload: { ...orgInput(), ...patch },
      });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      const body = res.json();
      expect(body.code).toBe('validation.failed');
      expect(body.details).toContainEqual(expect.objectContaining({ field, code }));
      expect(body.details.find((d: { field: string }) => d.field === field).reason).toBeTruthy();
    }
    expect(await orgCount(province)).toBe(before);
  });

  it('refuses a credit code already registered', async () => {
    const org = await makeOrg(t);
    const res = await as(t, province, {
      method: 'POST',
      url: '/api/v1/orgs',
      payload: orgInput({ creditCode: org.creditCode }),
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('org.credit_code_taken');
  });

  it('answers in English when asked', async () => {
    const res = await as(t, province, {
      method: 'GET',
      url: '/api/v1/orgs/999999999',
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(res.statusCode).toBe(404);
    expect(res.json()).toMatchObject({
      code: 'org.not_found',
      message: 'No such organisation, or you may not see it',
    });
  });

  it('keeps organisations away from the auditor and the security admin (separation of duties)', async () => {
    for (const role of ['auditor', 'security_admin'] as const) {
      const s = await makeUser(t, [role]);
      expect((await as(t, s, { method: 'GET', url: '/api/v1/orgs' })).statusCode).toBe(403);
    }
  });
});
