import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, makeOrg, makeUser, type Session, type TestApp } from './helpers';

/**
 * Path ids are canonical positive decimal integers only (issue 19 item 4): `0x10` acted on
 * record 16, `%201` on 1 and `1e3` on 1000. Every route of the inventory with an id in its path
 * answers 400 naming the parameter for each of these spellings, before any policy or lookup.
 */
const NOT_CANONICAL = ['0x10', '%201', '1e3', '01', '1.0', '+1', '-1', '0', '1%20', '２', '1_000'];

let t: TestApp;
let users: Session[];
let orgId: number;
beforeAll(async () => {
  t = await createTestApp();
  orgId = (await makeOrg(t)).id;
  // One user per duty, so every route's access check lets the request reach validation.
  users = [
    await makeUser(t, ['province_admin'], { regionCode: '420000' }),
    await makeUser(t, ['security_admin'], { regionCode: '420000' }),
    await makeUser(t, ['auditor'], { regionCode: '420000' }),
    await makeUser(t, ['enterprise'], { orgId }),
    await makeUser(t, ['ranking_publisher']),
    await makeUser(t, ['broker']),
    await makeUser(t, ['city_admin'], { regionCode: '420100' }),
  ];
});
afterAll(() => t.close());

function userFor(access: { kind: string; roles?: readonly string[] }) {
  if (access.kind !== 'roles') return users[0]!;
  return users.find((u) => u.me.roles.some((r) => access.roles!.includes(r))) ?? users[0]!;
}

describe('strict path ids', () => {
  it('every route with an id in its path refuses non-canonical spellings with a 400', async () => {
    const routes = t.app.routeInventory.filter((r) => /:(id|[a-z]+Id)\b/.test(r.url));
    expect(routes.length).toBeGreaterThan(30);
    let sent = 0;
    for (const route of routes) {
      const user = userFor(route.access);
      for (const bad of NOT_CANONICAL) {
        const url = route.url.replace(/:(id|[a-z]+Id)\b/g, bad).replace(':year', '2024');
        sent += 1;
        const res = await as(t, user, {
          method: route.method as 'GET',
          url,
          // its own address per request: per-client rate limits (publish, import) stay out of it
          remoteAddress: `10.77.${(sent >> 8) & 255}.${sent & 255}`,
          ...(route.method === 'GET' ? {} : { payload: {} }),
        });
        const label = `${route.method} ${url} → ${res.statusCode} ${res.body.slice(0, 200)}`;
        expect(res.statusCode, label).toBe(400);
        expect(res.json().code, label).toBe('validation.failed');
        const fields = (res.json().details as { field: string }[]).map((d) => d.field);
        expect(
          fields.some((f) => /^params\.(id|[a-z]+Id)$/.test(f)),
          label,
        ).toBe(true);
      }
    }
  });

  it('a canonical id still reaches the record, and a year must be four digits', async () => {
    const res = await as(t, users[0]!, { method: 'GET', url: `/api/v1/orgs/${orgId}` });
    expect(res.statusCode, res.body).toBe(200);
    for (const year of ['2024.0', '0x7e8', '24', '02024']) {
      const bad = await as(t, users[0]!, {
        method: 'GET',
        url: `/api/v1/orgs/${orgId}/indicators/${year}`,
      });
      expect(bad.statusCode, `${year} → ${bad.body}`).toBe(400);
    }
  });
});
