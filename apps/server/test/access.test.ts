import { ROLES, type Role } from '@corridor/contracts';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Access, registerAccessControl } from '../src/core/http/access';
import {
  as,
  createTestApp,
  login,
  makeOrg,
  makeUser,
  type Session,
  TEST_PASSWORD,
  type TestApp,
  uniqueName,
} from './helpers';

const READERS: Role[] = [
  'province_admin',
  'city_admin',
  'enterprise',
  'university',
  'talent',
  'investor',
  'broker',
  'ranking_publisher',
];
const OFFICIALS: Role[] = ['province_admin', 'city_admin'];
// Indicators are business data: the org itself, its officials, and the publisher (read-only).
const INDICATOR_READERS: Role[] = [
  'province_admin',
  'city_admin',
  'enterprise',
  'ranking_publisher',
];
const INDICATOR_EDITORS: Role[] = ['province_admin', 'city_admin', 'enterprise'];
/** Who may read a ranking snapshot's inputs and corrections (each limited by the service). */
const RANKING_WINDOW: Role[] = ['ranking_publisher', 'province_admin', 'city_admin', 'enterprise'];
/** Organisation users who own market records (an institute's users hold 'university'). */
const MARKET_OWNERS: Role[] = ['enterprise', 'university'];
/** Who sees matches (the matching module): owners, brokers, investors and officials. */
const MATCHING_READERS: Role[] = [
  'province_admin',
  'city_admin',
  'enterprise',
  'university',
  'investor',
  'broker',
];
/** Negotiation threads: the parties' own users and brokers (officials see the contracts). */
const NEGOTIATORS: Role[] = ['enterprise', 'university', 'investor', 'broker'];
const pub: Access = { kind: 'public' };
const signedIn: Access = { kind: 'signedIn' };
const roles = (...r: Role[]): Access => ({ kind: 'roles', roles: r });

/**
 * Every /api/v1 route and who may call it (ACL-01/02, SOD-02). A new route, or a changed
 * policy, fails this test until the table is updated: access changes are reviewed, not slipped in.
 */
const EXPECTED: Record<string, Access> = {
  'GET /api/v1/health': pub,
  'POST /api/v1/auth/login': pub,
  'POST /api/v1/auth/mfa/setup': signedIn,
  'POST /api/v1/auth/mfa/enable': signedIn,
  'POST /api/v1/auth/logout': signedIn,
  'GET /api/v1/auth/me': signedIn,
  'GET /api/v1/auth/session': pub,
  'POST /api/v1/auth/password': signedIn,
  'GET /api/v1/accounts': roles('security_admin'),
  'POST /api/v1/accounts': roles('security_admin'),
  'PATCH /api/v1/accounts/:id': roles('security_admin'),
  'POST /api/v1/accounts/:id/mfa/reset': roles('security_admin'),
  'POST /api/v1/accounts/:id/password': roles('security_admin'),
  // Self-service accounts (issue 10 item 13): anyone applies and recovers a password; the city
  // decides applications; an enterprise's account manager (a duty the service checks) its colleagues.
  'POST /api/v1/auth/password/forgot': pub,
  'POST /api/v1/auth/password/reset': pub,
  'POST /api/v1/registrations': pub,
  'GET /api/v1/registrations': roles('city_admin'),
  'POST /api/v1/registrations/:id/approve': roles('city_admin'),
  'POST /api/v1/registrations/:id/reject': roles('city_admin'),
  'GET /api/v1/colleagues': roles('enterprise'),
  'POST /api/v1/colleagues': roles('enterprise'),
  'PATCH /api/v1/colleagues/:id': roles('enterprise'),
  'GET /api/v1/public/config': pub,
  'GET /api/v1/orgs': roles(...READERS),
  'GET /api/v1/orgs/:id': roles(...READERS),
  'POST /api/v1/orgs': roles(...OFFICIALS),
  'PATCH /api/v1/orgs/:id': roles(...READERS),
  'GET /api/v1/orgs/import-template': roles(...OFFICIALS),
  'GET /api/v1/orgs/export': roles(...OFFICIALS),
  'POST /api/v1/orgs/import': roles(...OFFICIALS),
  'GET /api/v1/audit/events': roles('auditor'),
  'GET /api/v1/audit/verify': roles('auditor'),
  'GET /api/v1/jobs': roles('province_admin'),
  'GET /api/v1/jobs/:name/runs': roles('province_admin'),
  'POST /api/v1/jobs/:name/run': roles('province_admin'),
  'GET /api/v1/public/overview': pub,
  'GET /api/v1/orgs/:id/indicators': roles(...INDICATOR_READERS),
  'GET /api/v1/orgs/:id/indicators/:year': roles(...INDICATOR_READERS),
  'PUT /api/v1/orgs/:id/indicators/:year': roles(...INDICATOR_EDITORS),
  'PATCH /api/v1/orgs/:id/indicators/:year': roles(...INDICATOR_EDITORS),
  'GET /api/v1/orgs/:id/indicators/:year/history': roles(...INDICATOR_EDITORS),
  'GET /api/v1/orgs/:id/tiers': roles(...INDICATOR_READERS),
  'GET /api/v1/orgs/:id/certificates': roles(...INDICATOR_READERS),
  'POST /api/v1/orgs/:id/certificates': roles(...OFFICIALS),
  'DELETE /api/v1/orgs/:id/certificates/:certId': roles(...OFFICIALS),
  'GET /api/v1/tiers/stats': roles(...OFFICIALS),
  'GET /api/v1/indicators/import-template': roles(...OFFICIALS),
  'GET /api/v1/indicators/export': roles(...OFFICIALS),
  'POST /api/v1/indicators/import': roles(...OFFICIALS),
  'GET /api/v1/rankings/methods': pub,
  'GET /api/v1/rankings/methods/:id': pub,
  'POST /api/v1/rankings/methods': roles('ranking_publisher'),
  'PATCH /api/v1/rankings/methods/:id': roles('ranking_publisher'),
  'POST /api/v1/rankings/methods/:id/publish': roles('ranking_publisher'),
  'GET /api/v1/rankings/editions': pub,
  'GET /api/v1/rankings/editions/:id': pub,
  'GET /api/v1/rankings/editions/:id/entries': pub,
  'GET /api/v1/rankings/editions/:id/export': pub,
  'GET /api/v1/rankings/editions/:id/edition.json': pub,
  'GET /api/v1/rankings/editions/:id/signature.hex': pub,
  'GET /api/v1/rankings/editions/:id/publickey.hex': pub,
  'GET /api/v1/rankings/editions/:id/verify': pub,
  'POST /api/v1/rankings/verify': pub,
  'POST /api/v1/rankings/editions': roles('ranking_publisher'),
  'PATCH /api/v1/rankings/editions/:id': roles('ranking_publisher'),
  'POST /api/v1/rankings/editions/:id/open-window': roles('ranking_publisher'),
  'POST /api/v1/rankings/editions/:id/close-window': roles('ranking_publisher'),
  'POST /api/v1/rankings/editions/:id/publish': roles('ranking_publisher'),
  'GET /api/v1/rankings/editions/:id/inputs': roles(...RANKING_WINDOW),
  'GET /api/v1/rankings/editions/:id/corrections': roles(...RANKING_WINDOW),
  'POST /api/v1/rankings/editions/:id/corrections': roles('enterprise'),
  'POST /api/v1/rankings/corrections/:id/decide': roles('ranking_publisher'),
  'GET /api/v1/parks': roles(...OFFICIALS),
  'GET /api/v1/parks/totals': roles(...OFFICIALS),
  'POST /api/v1/parks': roles(...OFFICIALS),
  'GET /api/v1/parks/:id': roles(...OFFICIALS),
  'PATCH /api/v1/parks/:id': roles(...OFFICIALS),
  'POST /api/v1/parks/:id/phases': roles(...OFFICIALS),
  'PATCH /api/v1/parks/:id/phases/:phaseId': roles(...OFFICIALS),
  'GET /api/v1/parks/:id/figures': roles(...OFFICIALS),
  'POST /api/v1/parks/:id/figures': roles(...OFFICIALS),
  'PATCH /api/v1/parks/:id/figures/:figureId': roles(...OFFICIALS),
  'GET /api/v1/parks/:id/figures/export': roles(...OFFICIALS),
  'POST /api/v1/parks/:id/figures/import': roles(...OFFICIALS),
  'GET /api/v1/parks/:id/split': roles(...OFFICIALS),
  'GET /api/v1/parks/:id/payments': roles(...OFFICIALS),
  'POST /api/v1/parks/:id/payments': roles(...OFFICIALS),
  'GET /api/v1/parks/:id/statement': roles(...OFFICIALS),
  'GET /api/v1/cockpit/public': pub,
  'GET /api/v1/cockpit/leaders/cities/:city': roles(...OFFICIALS),
  'GET /api/v1/cockpit/kpis/official': roles(...OFFICIALS),
  'POST /api/v1/cockpit/kpis/official': roles('province_admin'),
  'PATCH /api/v1/cockpit/kpis/official/:id': roles('province_admin'),
  'GET /api/v1/market/achievements': roles(...READERS),
  'GET /api/v1/market/achievements/search': roles(...READERS),
  'GET /api/v1/market/achievements/:id': roles(...READERS),
  'POST /api/v1/market/achievements': roles(...MARKET_OWNERS),
  'PATCH /api/v1/market/achievements/:id': roles(...MARKET_OWNERS),
  'POST /api/v1/market/achievements/:id/submit': roles(...MARKET_OWNERS),
  'POST /api/v1/market/achievements/:id/review': roles(...OFFICIALS),
  'POST /api/v1/market/achievements/:id/publish': roles(...MARKET_OWNERS, ...OFFICIALS),
  'POST /api/v1/market/achievements/:id/withdraw': roles(...MARKET_OWNERS, ...OFFICIALS),
  'POST /api/v1/market/achievements/:id/showcase': roles(...OFFICIALS),
  'GET /api/v1/market/achievements/import-template': roles(...MARKET_OWNERS, ...OFFICIALS),
  'GET /api/v1/market/achievements/export': roles(...MARKET_OWNERS, ...OFFICIALS),
  'POST /api/v1/market/achievements/import': roles(...MARKET_OWNERS, ...OFFICIALS),
  'GET /api/v1/market/demands': roles(...READERS),
  'GET /api/v1/market/demands/search': roles(...READERS),
  'GET /api/v1/market/demands/:id': roles(...READERS),
  'POST /api/v1/market/demands': roles(...MARKET_OWNERS),
  'PATCH /api/v1/market/demands/:id': roles(...MARKET_OWNERS),
  'POST /api/v1/market/demands/:id/publish': roles(...MARKET_OWNERS),
  'POST /api/v1/market/demands/:id/close': roles(...MARKET_OWNERS, ...OFFICIALS),
  'POST /api/v1/market/demands/:id/withdraw': roles(...MARKET_OWNERS, ...OFFICIALS),
  'GET /api/v1/market/demands/import-template': roles(...MARKET_OWNERS, ...OFFICIALS),
  'GET /api/v1/market/demands/export': roles(...MARKET_OWNERS, ...OFFICIALS),
  'POST /api/v1/market/demands/import': roles(...MARKET_OWNERS, ...OFFICIALS),
  'GET /api/v1/market/showcase': pub,
  'GET /api/v1/market/showcase/:id': pub,
  'GET /api/v1/market/open-calls': pub,
  'GET /api/v1/deals': roles(
    'province_admin',
    'city_admin',
    'enterprise',
    'university',
    'investor',
    'broker',
  ),
  'GET /api/v1/deals/export': roles(
    'province_admin',
    'city_admin',
    'enterprise',
    'university',
    'investor',
    'broker',
  ),
  'GET /api/v1/deals/flows': roles(...OFFICIALS),
  'GET /api/v1/deals/cities/:city/summary': roles(...OFFICIALS),
  'GET /api/v1/deals/:id': roles(
    'province_admin',
    'city_admin',
    'enterprise',
    'university',
    'investor',
    'broker',
  ),
  'POST /api/v1/deals': roles('enterprise', 'university', 'investor', 'broker'),
  'POST /api/v1/deals/:id/sign': roles('enterprise', 'university', 'investor'),
  'POST /api/v1/deals/:id/refuse': roles('enterprise', 'university', 'investor'),
  'POST /api/v1/deals/:id/scans': roles('enterprise', 'university', 'investor', 'broker'),
  'POST /api/v1/deals/:id/register': roles('city_admin'),
  'GET /api/v1/matching/demands/:id/achievements': roles(...MATCHING_READERS),
  'GET /api/v1/matching/achievements/:id/demands': roles(...MATCHING_READERS),
  'GET /api/v1/matching/achievements/:id/enterprises': roles(...MATCHING_READERS),
  'GET /api/v1/matching/achievements/:id/feedback': roles(...MARKET_OWNERS, ...OFFICIALS),
  'GET /api/v1/matching/introductions': roles('broker', ...MARKET_OWNERS),
  'POST /api/v1/matching/introductions': roles('broker'),
  'POST /api/v1/matching/introductions/:id/answer': roles(...MARKET_OWNERS),
  'GET /api/v1/negotiations': roles(...NEGOTIATORS),
  'POST /api/v1/negotiations': roles(...NEGOTIATORS),
  'GET /api/v1/negotiations/:id': roles(...NEGOTIATORS),
  'POST /api/v1/negotiations/:id/entries': roles(...NEGOTIATORS),
  'POST /api/v1/negotiations/:id/accept': roles(...NEGOTIATORS),
  'POST /api/v1/negotiations/:id/abandon': roles(...NEGOTIATORS),
  'POST /api/v1/negotiations/:id/contract': roles(...NEGOTIATORS),
  // A city sub-market's brokers: everyone who uses the market (READERS are the market's).
  'GET /api/v1/matching/brokers': roles(...READERS),
  // Uploads by those who attach files; a download is then checked by the owning record's policy.
  'POST /api/v1/files': roles(...NEGOTIATORS),
  'GET /api/v1/files/:id': signedIn,
  // Everyone's own inbox (the service keeps it to the caller's notifications).
  'GET /api/v1/notifications': signedIn,
  'GET /api/v1/notifications/unread-count': signedIn,
  'POST /api/v1/notifications/read-all': signedIn,
  'POST /api/v1/notifications/:id/read': signedIn,
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const concrete = (url: string) => url.replace(':id', '1');
const normalise = (a: Access) =>
  a.kind === 'roles' ? { kind: a.kind, roles: [...a.roles].sort() } : a;

function request(
  session: Session | null,
  route: { method: string; url: string },
  extra: { query?: string; body?: unknown } = {},
) {
  const url = concrete(route.url) + (extra.query ? `?${extra.query}` : '');
  const method = route.method as 'GET' | 'POST' | 'PATCH';
  return as(
    t,
    session,
    method === 'GET' ? { method, url } : { method, url, payload: (extra.body ?? {}) as object },
  );
}

async function deniedCount(actorId: number) {
  const row = await t.deps.db
    .selectFrom('auditEvents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('actorId', '=', actorId)
    .where('action', '=', 'permission.denied')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('deny by default: the route inventory', () => {
  it('every /api/v1 route declares a known kind of access', () => {
    const inventory = t.app.routeInventory;
    expect(inventory.length).toBeGreaterThan(0);
    for (const route of inventory) {
      expect(route.url.startsWith('/api/v1'), key(route)).toBe(true);
      expect(['public', 'signedIn', 'roles'], key(route)).toContain(route.access.kind);
      if (route.access.kind === 'roles') {
        expect(route.access.roles.length, key(route)).toBeGreaterThan(0);
        for (const role of route.access.roles) expect(ROLES).toContain(role);
      }
    }
    const keys = inventory.map(key);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it('matches the reviewed access table exactly', () => {
    const actual = Object.fromEntries(
      t.app.routeInventory.map((r) => [key(r), normalise(r.access)]),
    );
    const expected = Object.fromEntries(
      Object.entries(EXPECTED).map(([k, a]) => [k, normalise(a)]),
    );
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    expect(actual).toEqual(expected);
  });

  it('an /api/v1 route without an access policy stops the server from starting', async () => {
    const direct = Fastify({ logger: false });
    registerAccessControl(direct, t.deps);
    direct.get('/outside-the-api', async () => 'ok'); // not under /api/v1: no policy needed
    expect(() => direct.get('/api/v1/forgotten', async () => 'oops')).toThrow(
      /declares no access policy/,
    );
    await direct.close();

    const plugin = Fastify({ logger: false });
    registerAccessControl(plugin, t.deps);
    plugin.register(
      async (api) => {
        api.get('/guarded', { config: { access: { kind: 'signedIn' } } }, async () => 'ok');
        api.post('/forgotten', async () => 'oops');
      },
      { prefix: '/api/v1' },
    );
    await expect(plugin.ready()).rejects.toThrow(
      /POST \/api\/v1\/forgotten declares no access policy/,
    );
    await plugin.close().catch(() => undefined);
  });
});

describe('anonymous callers', () => {
  it('get 401 on every route that is not public', async () => {
    const guarded = t.app.routeInventory.filter((r) => r.access.kind !== 'public');
    expect(guarded.length).toBeGreaterThan(0);
    for (const route of guarded) {
      const res = await request(null, route);
      expect(res.statusCode, key(route)).toBe(401);
      expect(res.json().code, key(route)).toBe('auth.required');
    }
  });

  it('get 401 with an unknown or forged session cookie', async () => {
    for (const route of t.app.routeInventory.filter((r) => r.access.kind !== 'public')) {
      const res = await t.app.inject({
        method: route.method as 'GET',
        url: concrete(route.url),
        headers: { cookie: 'corridor_sid=forged-token-value', 'x-csrf-token': 'x' },
      });
      expect(res.statusCode, key(route)).toBe(401);
      expect(res.json().code, key(route)).toBe('auth.session_expired');
    }
  });

  it('are answered by the public routes', async () => {
    const publicRoutes = t.app.routeInventory
      .filter((r) => r.access.kind === 'public')
      .map(key)
      .sort();
    expect(publicRoutes).toEqual([
      'GET /api/v1/auth/session',
      'GET /api/v1/cockpit/public',
      'GET /api/v1/health',
      'GET /api/v1/market/open-calls',
      'GET /api/v1/market/showcase',
      'GET /api/v1/market/showcase/:id',
      'GET /api/v1/public/config',
      'GET /api/v1/public/overview',
      'GET /api/v1/rankings/editions',
      'GET /api/v1/rankings/editions/:id',
      'GET /api/v1/rankings/editions/:id/edition.json',
      'GET /api/v1/rankings/editions/:id/entries',
      'GET /api/v1/rankings/editions/:id/export',
      'GET /api/v1/rankings/editions/:id/publickey.hex',
      'GET /api/v1/rankings/editions/:id/signature.hex',
      'GET /api/v1/rankings/editions/:id/verify',
      'GET /api/v1/rankings/methods',
      'GET /api/v1/rankings/methods/:id',
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/password/forgot',
      'POST /api/v1/auth/password/reset',
      'POST /api/v1/rankings/verify',
      'POST /api/v1/registrations',
    ]);
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/health' })).statusCode).toBe(200);
    const overview = await t.app.inject({ method: 'GET', url: '/api/v1/public/overview' });
    expect(overview.statusCode).toBe(200);
    expect(overview.json().cities).toHaveLength(5);
    const user = await makeUser(t, ['talent']);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: user.username, password: TEST_PASSWORD },
    });
    expect(signIn.statusCode).toBe(200);
  });
});

describe('role × route matrix', () => {
  const sessions = new Map<Role, Session>();

  beforeAll(async () => {
    const orgTypeOf: Partial<Record<Role, 'enterprise' | 'university' | 'financial_institution'>> =
      {
        enterprise: 'enterprise',
        university: 'university',
        investor: 'financial_institution',
      };
    for (const role of ROLES) {
      const type = orgTypeOf[role];
      const orgId = type ? (await makeOrg(t, { type, regionCode: '420100' })).id : null;
      sessions.set(role, await makeUser(t, [role], { orgId }));
    }
  });

  for (const role of ROLES) {
    it(`${role}: 403 permission.denied on every route it is not granted, each one audited`, async () => {
      const session = sessions.get(role)!;
      const forbidden = t.app.routeInventory.filter(
        (r) => r.access.kind === 'roles' && !r.access.roles.includes(role),
      );
      const before = await deniedCount(session.me.id);
      for (const route of forbidden) {
        // An empty body on purpose: the role check runs before validation, so it is not a 400.
        const res = await request(session, route);
        expect(res.statusCode, key(route)).toBe(403);
        expect(res.json().code, key(route)).toBe('permission.denied');
      }
      expect(await deniedCount(session.me.id)).toBe(before + forbidden.length);
      const denials = await t.deps.db
        .selectFrom('auditEvents')
        .select(['outcome', 'detail'])
        .where('actorId', '=', session.me.id)
        .where('action', '=', 'permission.denied')
        .execute();
      const routesDenied = denials.map((d) => {
        const detail = JSON.parse(d.detail) as { method: string; route: string };
        return `${detail.method} ${detail.route}`;
      });
      expect(routesDenied.sort()).toEqual(forbidden.map(key).sort());
      expect(denials.every((d) => d.outcome === 'denied')).toBe(true);
    });

    it(`${role}: passes the route check where it is granted`, async () => {
      const session = sessions.get(role)!;
      const granted = t.app.routeInventory.filter(
        (r) =>
          r.access.kind === 'signedIn' ||
          (r.access.kind === 'roles' && r.access.roles.includes(role)),
      );
      for (const route of granted) {
        if (route.url === '/api/v1/auth/logout') continue; // would end the session the matrix uses
        // Unknown fields make every write a 400 (strict schemas), so nothing is changed here.
        const res = await request(session, route, { query: '__probe=1', body: { __probe: 1 } });
        expect(
          [401, 403],
          `${key(route)} → ${res.statusCode} ${res.body.slice(0, 200)}`,
        ).not.toContain(res.statusCode);
        expect(res.statusCode, key(route)).toBeLessThan(500);
      }
    });
  }
});

describe('city tenants', () => {
  it('a Xianning admin may not edit or export Huangshi; the province may', async () => {
    const xianning = await makeUser(t, ['city_admin'], { regionCode: '421200' });
    const province = await makeUser(t, ['province_admin'], { regionCode: '420000' });
    const name = uniqueName('黄石');
    const org = await makeOrg(t, { regionCode: '420200', name });

    const before = await deniedCount(xianning.me.id);
    const edit = await as(t, xianning, {
      method: 'PATCH',
      url: `/api/v1/orgs/${org.id}`,
      payload: { description: '越权修改', version: 1 },
    });
    expect(edit.statusCode).toBe(403);
    expect(edit.json().code).toBe('permission.denied');
    const exported = await as(t, xianning, {
      method: 'GET',
      url: '/api/v1/orgs/export?city=420200',
    });
    expect(exported.statusCode).toBe(403);
    expect(await deniedCount(xianning.me.id)).toBe(before + 2);
    const unchanged = await t.deps.db
      .selectFrom('orgs')
      .select(['version', 'description'])
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(unchanged).toEqual({ version: 1, description: org.description });

    const ok = await as(t, province, {
      method: 'PATCH',
      url: `/api/v1/orgs/${org.id}`,
      payload: { description: '省级修改', version: 1 },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ description: '省级修改', version: 2 });
    const provinceExport = await as(t, province, {
      method: 'GET',
      url: `/api/v1/orgs/export?city=420200&q=${encodeURIComponent(name)}`,
    });
    expect(provinceExport.statusCode).toBe(200);
    expect(provinceExport.headers['content-type']).toContain('spreadsheetml');
  });

  it('a session keeps its roles: a signed-in user cannot lift them by sending a role', async () => {
    const talent = await makeUser(t, ['talent']);
    const again = await login(t, talent.username, TEST_PASSWORD);
    const res = await as(t, again, {
      method: 'GET',
      url: '/api/v1/accounts?role=security_admin',
      headers: { 'x-role': 'security_admin' },
    });
    expect(res.statusCode).toBe(403);
  });
});
