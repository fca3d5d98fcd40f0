import { ORG_SHEET_COLUMNS } from '@corridor/contracts';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestApp,
  login,
  makeOrg,
  makeUser,
  orgInput,
  type Session,
  TEST_PASSWORD,
  type TestApp,
} from './helpers';

/**
 * Property-based robustness (INP-01/02/03): random and hostile input at every route, as a user
 * the route admits. Whatever arrives, the server answers 2xx/4xx (never 5xx), every 4xx is a
 * proper error body, a refused request writes nothing, and Object.prototype stays clean.
 * (Each property walks every route: on a loaded 2-core machine and PostgreSQL the walk over
 * query strings took over 60 s, so the time limits are generous; the runs are bounded by RUNS.)
 */

const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const MiB = 1024 * 1024;

type Route = { method: string; url: string };
const key = (r: Route) => `${r.method} ${r.url}`;

let t: TestApp;
let province: Session;
let security: Session;
let auditor: Session;
let talent: Session;
let passwordChanger: Session;
let leaver: Session;
let ownOrgId: number;
let ownAccountId: number;
let routes: Route[];
let rankingPublisher: Session;
let rankingEnterprise: Session;
let dealsCityAdmin: Session;
let matchingBroker: Session;

beforeAll(async () => {
  t = await createTestApp();
  province = await makeUser(t, ['province_admin'], { regionCode: '420000' });
  security = await makeUser(t, ['security_admin'], { regionCode: '420000' });
  auditor = await makeUser(t, ['auditor'], { regionCode: '420000' });
  talent = await makeUser(t, ['talent']);
  passwordChanger = await makeUser(t, ['talent']);
  leaver = await makeUser(t, ['talent']);
  ownOrgId = (await makeOrg(t, { regionCode: '420100' })).id;
  ownAccountId = (await makeUser(t, ['talent'])).me.id;
  routes = t.app.routeInventory.map(({ method, url }) => ({ method, url }));
  rankingPublisher = await makeUser(t, ['ranking_publisher']);
  rankingEnterprise = await makeUser(t, ['enterprise'], { orgId: ownOrgId });
  dealsCityAdmin = await makeUser(t, ['city_admin'], { regionCode: '420100' });
  matchingBroker = await makeUser(t, ['broker']);
});
afterAll(() => t.close());

/** The user each route is fuzzed as: one the route admits, so input, not access, is tested. */
function sessionFor(route: Route): Session {
  if (route.url === '/api/v1/auth/logout') return leaver;
  if (route.url === '/api/v1/auth/password') return passwordChanger;
  if (route.url.startsWith('/api/v1/accounts')) return security;
  if (route.url.startsWith('/api/v1/audit')) return auditor;
  if (route.url.startsWith('/api/v1/orgs')) return province;
  if (route.method === 'POST' && route.url.endsWith('/editions/:id/corrections'))
    return rankingEnterprise;
  if (route.url.startsWith('/api/v1/rankings')) return rankingPublisher;
  if (route.url.startsWith('/api/v1/cockpit')) return province;
  if (route.url.startsWith('/api/v1/jobs')) return province;
  if (route.url.startsWith('/api/v1/indicators') || route.url.startsWith('/api/v1/tiers'))
    return province;
  // Market: officials review and feature; the rest of the writes are an organisation user's.
  if (route.url.startsWith('/api/v1/market') && route.method !== 'GET')
    return /\/(review|showcase)$/.test(route.url) ? province : rankingEnterprise;
  // Deals: a party enters and signs, the seller city registers, officials read.
  if (route.url.startsWith('/api/v1/deals')) {
    if (route.url.endsWith('/register')) return dealsCityAdmin;
    return route.method === 'GET' ? province : rankingEnterprise;
  }
  // Matching: brokers introduce, owners answer and list; the rest is read by an official.
  if (route.url.startsWith('/api/v1/matching')) {
    if (route.url === '/api/v1/matching/introductions')
      return route.method === 'POST' ? matchingBroker : rankingEnterprise;
    if (route.url.endsWith('/answer')) return rankingEnterprise;
    return province;
  }
  // Negotiations: a party's own user opens and writes.
  if (route.url.startsWith('/api/v1/negotiations')) return rankingEnterprise;
  return talent;
}

// ---------- arbitraries ----------

const HOSTILE = [
  "' OR 1=1 --",
  "'; DROP TABLE orgs; --",
  '" OR ""="',
  '1; SELECT pg_sleep(5) --',
  "%' AND 1=1 AND '%'='",
  '\\',
  '%',
  '_',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '"><svg/onload=alert(1)>',
  '=HYPERLINK("http://evil.example")',
  '😀👍🏽👨‍👩‍👧',
  '𠮷野家',
  '\u0000',
  '\u0007\u001b[31m',
  '\u202e',
  '\ud800',
  '\ufeff',
  '../../etc/passwd',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection probe, sent literally
  '${7*7}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'null',
  'NaN',
  '-1',
  '1e309',
  '99999999999999999999999',
  '０１２',
  '',
  ' ',
];

const hugeString = fc
  .tuple(
    fc.constantFrom('a', '长', '😀', "'", '<', ' ', '\u0000'),
    fc.integer({ min: 1_000, max: 50_000 }),
  )
  .map(([c, n]) => c.repeat(n).slice(0, 100_000));

const nastyString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...HOSTILE),
  hugeString,
);

const nastyValue: fc.Arbitrary<unknown> = fc.oneof(
  nastyString,
  fc.integer(),
  fc.double(),
  fc.constantFrom(
    0,
    -0,
    1,
    -1,
    2 ** 31,
    2 ** 53,
    Number.MAX_SAFE_INTEGER,
    1e308,
    true,
    false,
    null,
  ),
  fc.array(fc.oneof(nastyString, fc.integer()), { maxLength: 5 }),
  fc.anything({ maxDepth: 2 }),
);

/** Field names the routes know, so random bodies often get past the first check. */
const KNOWN_KEYS: Record<string, string[]> = {
  orgs: [...ORG_SHEET_COLUMNS.map((c) => c.key), 'version', 'id', 'isVerified'],
  accounts: [
    'username',
    'displayName',
    'password',
    'roles',
    'regionCode',
    'orgId',
    'disabled',
    'unlock',
  ],
  auth: ['username', 'password', 'currentPassword', 'newPassword'],
  audit: ['action', 'outcome', 'actorId', 'objectType', 'from', 'to'],
  rankings: [
    'code',
    'name',
    'normalisation',
    'indicators',
    'methodId',
    'title',
    'year',
    'city',
    'closesOn',
    'orgId',
    'field',
    'claimedValue',
    'reason',
    'decision',
    'edition',
    'signature',
    'publicKey',
  ],
  other: ['a'],
};
const QUERY_KEYS = [
  'page',
  'pageSize',
  'city',
  'type',
  'industry',
  'q',
  'role',
  'action',
  'outcome',
  'actorId',
  'objectType',
  'from',
  'to',
];
/** Percent-encodes any string; lone surrogates (which cannot be UTF-8) become U+FFFD first. */
const enc = (s: string) => encodeURIComponent(Buffer.from(s, 'utf8').toString('utf8'));
const moduleOf = (route: Route) => route.url.split('/')[3] ?? 'other';

/** A body that looks like the real thing: known fields, some valid, some hostile. */
function shapedBody(route: Route) {
  const keys = KNOWN_KEYS[moduleOf(route)] ?? KNOWN_KEYS.other!;
  const validOrg = orgInput() as unknown as Record<string, unknown>;
  return fc
    .tuple(fc.dictionary(fc.constantFrom(...keys), nastyValue, { maxKeys: 6 }), fc.boolean())
    .map(([fields, startValid]) =>
      startValid && moduleOf(route) === 'orgs' ? { ...validOrg, version: 1, ...fields } : fields,
    );
}

function deepNesting(depth: number, kind: 'array' | 'object') {
  return kind === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** Well-formed JSON bodies of every kind. */
function jsonBody(route: Route): fc.Arbitrary<string> {
  return fc.oneof(
    fc.anything().map((v) => JSON.stringify(v) ?? 'null'),
    fc.object().map((v) => JSON.stringify(v)),
    fc.jsonValue().map((v) => JSON.stringify(v)),
    shapedBody(route).map((v) => JSON.stringify(v)),
    fc.array(nastyValue, { maxLength: 10 }).map((v) => JSON.stringify(v)),
    fc
      .oneof(
        fc.integer(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constant(null),
        nastyString,
      )
      .map((v) => JSON.stringify(v)),
    fc
      .tuple(
        fc.integer({ min: 1, max: 20_000 }),
        fc.constantFrom('array' as const, 'object' as const),
      )
      .map(([d, k]) => deepNesting(d, k)),
  );
}

const CONTENT_TYPES = [
  'text/plain',
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/jsonx',
  'application/octet-stream',
  'multipart/form-data; boundary=b',
  `multipart/form-data; boundary=${'x'.repeat(300)}`,
  'image/png',
  ';;;',
  '*/*',
];

/** Bodies that are not what they claim: broken JSON, wrong or odd content types, raw bytes. */
function isJsonObject(body: string | Buffer, type: string): boolean {
  if (!/^application\/json\s*(;\s*charset\s*=\s*"?utf-?8"?\s*)?$/i.test(type)) return false;
  try {
    const v: unknown = JSON.parse(body.toString());
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

const malformedBody = fc.oneof(
  fc.string().map((s) => ({ body: s as string | Buffer, type: 'application/json' })),
  fc
    .constantFrom(
      '{',
      '{"a":',
      '[1,2',
      '{"a":1,}',
      "{'a':1}",
      'NaN',
      'undefined',
      '{"a":1}{"b":2}',
      '\u0000',
      '',
    )
    .map((s) => ({ body: s as string | Buffer, type: 'application/json' })),
  fc
    .uint8Array({ maxLength: 200 })
    .map((b) => ({ body: Buffer.from(b) as string | Buffer, type: 'application/json' })),
  fc
    .tuple(
      fc.constantFrom(...CONTENT_TYPES),
      fc.oneof(
        fc.string(),
        fc.jsonValue().map((v) => JSON.stringify(v)),
      ),
    )
    .map(([type, body]) => ({ body: body as string | Buffer, type })),
  fc
    .tuple(
      fc.string({ unit: 'binary-ascii', maxLength: 30 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
      fc.string(),
    )
    .map(([type, body]) => ({ body: body as string | Buffer, type: type || 'x' })),
  fc.string({ maxLength: 50 }).map((s) => ({
    body: `--b\r\nContent-Disposition: form-data; name="file"; filename="${s.replace(/[\r\n"]/g, '')}"\r\n\r\n${s}\r\n--b--\r\n` as
      | string
      | Buffer,
    type: 'multipart/form-data; boundary=b',
  })),
);

const queryValue = fc.oneof(
  nastyString,
  fc.integer().map(String),
  fc.double().map(String),
  fc.constantFrom(
    '99999999999',
    '2147483648',
    '420100',
    '420000',
    'enterprise',
    'optoelectronics',
    'success',
    '2024-02-30',
    '1',
    '0',
    '100',
    '101',
  ),
);
const queryString = fc.oneof(
  fc
    .array(
      fc.tuple(fc.oneof(fc.constantFrom(...QUERY_KEYS), fc.string({ maxLength: 10 })), queryValue),
      { maxLength: 6 },
    )
    .map((pairs) => pairs.map(([k, v]) => `${enc(k)}=${enc(v.slice(0, 2000))}`).join('&')),
  fc.constantFrom(
    'q=%E0%A4%A',
    'q=%',
    '%=%',
    'page=1&page=2',
    'city[]=420100',
    'q[$ne]=1',
    '__proto__[polluted]=1',
    'constructor[prototype][polluted]=1',
    '&&&',
    '=',
    'q',
    'pageSize=1e2',
    'page=0x10',
    'q=%00',
  ),
);

/**
 * Path ids. The database is shared with other test files, so an id that could name someone
 * else's record is never sent: only this file's own org/account ('OWN') or ids that cannot exist.
 */
const couldExist = (s: string) => {
  const n = Number(s);
  return Number.isInteger(n) && n >= 1 && n < 2 ** 31 - 1;
};
const idSegment = fc.oneof(
  fc.integer({ min: -(2 ** 31), max: 0 }).map(String),
  fc.integer({ min: 2 ** 31, max: Number.MAX_SAFE_INTEGER }).map(String),
  fc.constantFrom(
    '0',
    '-1',
    '1.5',
    '1e10',
    '0x7fffffff',
    '2147483647',
    '99999999999999999999',
    'NaN',
    '%20',
    'null',
    '1;DROP TABLE orgs',
    '..',
    '%2e%2e',
  ),
  fc
    .string({ minLength: 1, maxLength: 20 })
    .filter((s) => !couldExist(s))
    .map(enc),
  fc.constant('OWN'),
);

// ---------- assertions ----------

/** What a user has written: successful audit events and the organisations they created or edited. */
async function footprint(actorId: number) {
  const audit = await t.deps.db
    .selectFrom('auditEvents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('actorId', '=', actorId)
    .where('outcome', '=', 'success')
    .executeTakeFirstOrThrow();
  const orgs = await t.deps.db
    .selectFrom('orgs')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('version').as('v')])
    .where((eb) => eb.or([eb('createdBy', '=', actorId), eb('updatedBy', '=', actorId)]))
    .executeTakeFirstOrThrow();
  return `${Number(audit.n)}/${Number(orgs.n)}/${Number(orgs.v ?? 0)}`;
}

function assertWellFormed(res: LightMyRequestResponse, label: string) {
  expect(res.statusCode, `${label} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(
    500,
  );
  if (res.statusCode >= 400) {
    const body = res.json() as { code?: unknown; message?: unknown };
    expect(typeof body.code, label).toBe('string');
    expect(typeof body.message, label).toBe('string');
    expect((body.message as string).length, label).toBeGreaterThan(0);
    expect(res.body, label).not.toMatch(/\n\s+at |node_modules|SQLITE_|syntax error at/);
  }
}

/** Sends one request as the route's user; checks the answer and that a refusal wrote nothing. */
async function probe(
  route: Route,
  options: { path?: string; query?: string; body?: string | Buffer; type?: string },
) {
  let session = sessionFor(route);
  const before = await footprint(session.me.id);
  const url =
    (options.path ?? pathFor(route, 'OWN')) +
    (options.query !== undefined ? `?${options.query}` : '');
  const headers: Record<string, string> = {};
  if (options.type !== undefined) headers['content-type'] = options.type;
  const res = await as(t, session, {
    method: route.method as 'GET',
    url,
    headers,
    ...(options.body !== undefined ? { payload: options.body } : {}),
    // Its own address per request: the per-client rate limits (login, import) stay out of the way.
    remoteAddress: nextAddress(),
  });
  const label = `${key(route)} ${url.slice(0, 120)}`;
  assertWellFormed(res, label);
  if (res.statusCode >= 400)
    expect(await footprint(session.me.id), `${label}: a refused request wrote`).toBe(before);
  if (session === leaver && res.statusCode === 200) {
    session = await login(t, leaver.username, TEST_PASSWORD);
    leaver = session; // logout succeeded: sign in again for the next run
  }
  return res;
}

function pathFor(route: Route, id: string) {
  const own = route.url.startsWith('/api/v1/accounts') ? ownAccountId : ownOrgId;
  return route.url.replace(':id', id === 'OWN' ? String(own) : id);
}

let requests = 0;
function nextAddress() {
  requests += 1;
  return `10.${(requests >> 16) & 255}.${(requests >> 8) & 255}.${requests & 255}`;
}

// ---------- properties ----------

describe('fuzzing every route', () => {
  it('covers every route in the inventory', () => {
    expect(routes.length).toBeGreaterThan(10);
  });

  it('random JSON bodies at every POST/PATCH route: never 5xx, refusals write nothing', async () => {
    for (const route of routes.filter((r) => r.method !== 'GET')) {
      await fc.assert(
        fc.asyncProperty(jsonBody(route), idSegment, async (body, id) => {
          await probe(route, { path: pathFor(route, id), body, type: 'application/json' });
        }),
        { numRuns: RUNS },
      );
    }
  }, 240_000);

  it('malformed bodies and wrong content types at every POST/PATCH route', async () => {
    for (const route of routes.filter((r) => r.method !== 'GET')) {
      await fc.assert(
        fc.asyncProperty(malformedBody, async ({ body, type }) => {
          const res = await probe(route, { body, type });
          // A well-formed JSON object sent as UTF-8 JSON is not malformed (e.g. "{}" for a
          // route whose fields are all optional): only the rest must be refused.
          if (route.url !== '/api/v1/auth/logout' && !isJsonObject(body, type))
            expect(res.statusCode, key(route)).toBeGreaterThanOrEqual(400);
        }),
        { numRuns: RUNS },
      );
    }
  }, 240_000);

  it('random query strings and path ids at every route', async () => {
    for (const route of routes) {
      // The chain check and the export read whole tables: fewer runs keep the file fast.
      const numRuns = route.url.endsWith('/verify') || route.url.endsWith('/export') ? 10 : RUNS;
      await fc.assert(
        fc.asyncProperty(queryString, idSegment, async (query, id) => {
          await probe(route, {
            path: pathFor(route, id),
            query,
            ...(route.method === 'GET' ? {} : { body: '{}', type: 'application/json' }),
          });
        }),
        { numRuns },
      );
    }
  }, 240_000);
});

describe('hostile payloads', () => {
  const writeRoutes = () => routes.filter((r) => r.method !== 'GET');

  it('prototype pollution through JSON is refused with 400 and leaves Object.prototype clean', async () => {
    const payloads = [
      '{"__proto__": {"polluted": true}}',
      '{"name": "x", "__proto__": {"polluted": true}}',
      '{"constructor": {"prototype": {"polluted": true}}}',
      '{"description": {"__proto__": {"polluted": true}}}',
      '[{"__proto__": {"polluted": true}}]',
    ];
    for (const route of writeRoutes()) {
      for (const body of payloads) {
        const res = await probe(route, { body, type: 'application/json' });
        expect(res.statusCode, `${key(route)} ${body}`).toBe(400);
      }
    }
    for (const route of routes.filter((r) => r.method === 'GET')) {
      for (const query of [
        '__proto__[polluted]=true',
        'constructor[prototype][polluted]=true',
        '__proto__.polluted=true',
      ]) {
        await probe(route, { query });
      }
    }
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.constantFrom(...writeRoutes()), async (value, route) => {
        const res = await probe(route, {
          body: `{"__proto__": ${JSON.stringify(value)}}`,
          type: 'application/json',
        });
        expect(res.statusCode).toBe(400);
      }),
      { numRuns: RUNS },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  });

  it('a JSON body over 1 MiB is refused with 413 at every write route', async () => {
    const big = JSON.stringify({ description: 'a'.repeat(MiB + 10) });
    for (const route of writeRoutes()) {
      const res = await probe(route, { body: big, type: 'application/json' });
      expect(res.statusCode, key(route)).toBe(413);
      expect(res.json().code).toBe('request.too_large');
    }
  });

  it('SQL-looking search terms are data, never errors', async () => {
    for (const url of ['/api/v1/orgs', '/api/v1/accounts', '/api/v1/audit/events']) {
      const route = routes.find((r) => r.method === 'GET' && r.url === url)!;
      for (const term of HOSTILE) {
        const res = await probe(route, { query: `q=${enc(term)}` });
        if (url !== '/api/v1/audit/events')
          expect([200, 400], `${url} ${term}`).toContain(res.statusCode);
      }
    }
  });

  it('values the database cannot hold (NUL characters, out-of-range ids) are 4xx, not 500', async () => {
    const get = (url: string) => routes.find((r) => r.method === 'GET' && r.url === url)!;
    const cases: [Route, string][] = [
      [get('/api/v1/orgs'), 'q=%00'],
      [get('/api/v1/orgs'), 'q=%E5%85%89%00'],
      [get('/api/v1/orgs/export'), 'q=%00'],
      [get('/api/v1/accounts'), 'q=a%00b'],
      [get('/api/v1/audit/events'), 'action=%00'],
      [get('/api/v1/audit/events'), 'objectType=%00'],
      [get('/api/v1/audit/events'), 'actorId=99999999999'],
      [get('/api/v1/audit/events'), 'actorId=2147483648'],
    ];
    for (const [route, query] of cases) {
      const res = await probe(route, { query });
      // PostgreSQL refuses these values (400); SQLite simply finds nothing (200). Never a 500.
      expect([200, 400], `${route.url}?${query}`).toContain(res.statusCode);
    }
    const loginRoute = routes.find((r) => r.url === '/api/v1/auth/login')!;
    for (const body of [
      { username: '\u0000', password: 'x' },
      { username: `a\u0000${'b'.repeat(10)}`, password: TEST_PASSWORD },
    ]) {
      const res = await probe(loginRoute, { body: JSON.stringify(body), type: 'application/json' });
      expect([400, 401]).toContain(res.statusCode);
    }
  });

  it('the server still serves afterwards', async () => {
    const health = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json().status).toBe('ok');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});
