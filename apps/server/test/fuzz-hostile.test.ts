import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  admitted,
  expectEveryRouteReached,
  type Fuzz,
  key,
  type Probe,
  probe,
  type Route,
  setupFuzz,
} from './fuzz/harness';
import { enc, realPath } from './fuzz/requests';
import { TEST_PASSWORD } from './helpers';

/**
 * Hostile input no schema describes (INP-01/02/03), at every route of the inventory, each sent
 * as a user the route's declared access admits and at a path naming a record that user may
 * reach: bodies that are not what they claim, prototype pollution, oversized bodies, SQL- and
 * NUL-bearing search terms. Never a 5xx, every 4xx a proper error body, nothing written.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 40);
const MiB = 1024 * 1024;

let f: Fuzz;
beforeAll(async () => {
  f = await setupFuzz();
});
afterAll(() => f.t.close());

const writeRoutes = () => f.routes.filter((r) => r.method !== 'GET');
const getRoute = (url: string) => f.routes.find((r) => r.method === 'GET' && r.url === url)!;
/** A request at the route's real path, as the first user its access admits. */
const at = (route: Route, p: Omit<Probe, 'session' | 'path'>) =>
  probe(f, route, { session: admitted(f, route)[0] ?? null, path: realPath(f, route), ...p });

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
  '=HYPERLINK("http://evil.example")',
  '😀👍🏽👨‍👩‍👧',
  '𠮷野家',
  '\u0000',
  '\u202e',
  '\ud800',
  '../../etc/passwd',
  '{{7*7}}',
  '__proto__',
  '99999999999999999999999',
  '０１２',
  '',
  ' ',
];

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

/** A well-formed JSON object sent as UTF-8 JSON is not malformed ("{}" may be a valid body). */
function isJsonObject(body: string | Buffer, type: string): boolean {
  if (!/^application\/json\s*(;\s*charset\s*=\s*"?utf-?8"?\s*)?$/i.test(type)) return false;
  try {
    const v: unknown = JSON.parse(body.toString());
    return typeof v === 'object' && v !== null && !Array.isArray(v);
  } catch {
    return false;
  }
}

const deepNesting = (depth: number, kind: 'array' | 'object') =>
  kind === 'array'
    ? `${'['.repeat(depth)}${']'.repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

type Sent = { body: string | Buffer; type: string };
const malformedBody: fc.Arbitrary<Sent> = fc.oneof(
  fc.string().map((s) => ({ body: s, type: 'application/json' })),
  fc
    .constantFrom(
      '{',
      '{"a":',
      '[1,2',
      '{"a":1,}',
      "{'a':1}",
      'NaN',
      '{"a":1}{"b":2}',
      '\u0000',
      '',
    )
    .map((s) => ({ body: s, type: 'application/json' })),
  fc
    .uint8Array({ maxLength: 200 })
    .map((b) => ({ body: Buffer.from(b), type: 'application/json' })),
  fc
    .tuple(
      fc.integer({ min: 1, max: 20_000 }),
      fc.constantFrom('array' as const, 'object' as const),
    )
    .map(([d, k]) => ({ body: deepNesting(d, k), type: 'application/json' })),
  fc
    .tuple(
      fc.constantFrom(...CONTENT_TYPES),
      fc.oneof(
        fc.string(),
        fc.jsonValue().map((v) => JSON.stringify(v)),
      ),
    )
    .map(([type, body]) => ({ body, type })),
  fc
    .tuple(
      fc.string({ unit: 'binary-ascii', maxLength: 30 }).map((s) => s.replace(/[^\x20-\x7e]/g, '')),
      fc.string(),
    )
    .map(([type, body]) => ({ body, type: type || 'x' })),
  fc.string({ maxLength: 50 }).map((s) => ({
    body: `--b\r\nContent-Disposition: form-data; name="file"; filename="${s.replace(/[\r\n"]/g, '')}"\r\n\r\n${s}\r\n--b--\r\n`,
    type: 'multipart/form-data; boundary=b',
  })),
);

describe('hostile payloads at every route', () => {
  it('malformed bodies and wrong content types at every write route are refused', async () => {
    for (const route of writeRoutes()) {
      // A route without a body (a DELETE, a sign step) ignores what is sent: answered, not 5xx.
      const takesBody = route.schema.body !== undefined;
      await fc.assert(
        fc.asyncProperty(malformedBody, async ({ body, type }) => {
          const res = await at(route, { body, type });
          if (takesBody && !isJsonObject(body, type))
            expect(res.statusCode, key(route)).toBeGreaterThanOrEqual(400);
        }),
        { numRuns: RUNS },
      );
    }
  }, 240_000);

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
        const res = await at(route, { body, type: 'application/json' });
        expect(res.statusCode, `${key(route)} ${body}`).toBe(400);
      }
    }
    for (const route of f.routes.filter((r) => r.method === 'GET')) {
      for (const query of [
        '__proto__[polluted]=true',
        'constructor[prototype][polluted]=true',
        '__proto__.polluted=true',
      ])
        await at(route, { query });
    }
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.constantFrom(...writeRoutes()), async (value, route) => {
        const body = `{"__proto__": ${JSON.stringify(value)}}`;
        const res = await at(route, { body, type: 'application/json' });
        expect(res.statusCode).toBe(400);
      }),
      { numRuns: RUNS * 4 },
    );
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.hasOwn(Object.prototype, 'polluted')).toBe(false);
  }, 120_000);

  it('a JSON body over 1 MiB is refused with 413 at every write route', async () => {
    const big = JSON.stringify({ description: 'a'.repeat(MiB + 10) });
    for (const route of writeRoutes()) {
      const res = await at(route, { body: big, type: 'application/json' });
      expect(res.statusCode, key(route)).toBe(413);
      expect(res.json().code).toBe('request.too_large');
    }
  });

  it('SQL-looking search terms are data, never errors', async () => {
    for (const url of ['/api/v1/orgs', '/api/v1/accounts', '/api/v1/audit/events']) {
      for (const term of HOSTILE) {
        const res = await at(getRoute(url), { query: `q=${enc(term)}` });
        if (url !== '/api/v1/audit/events')
          expect([200, 400], `${url} ${term}`).toContain(res.statusCode);
      }
    }
  });

  it('values the database cannot hold (NUL characters, out-of-range ids) are 4xx, not 500', async () => {
    const cases: [string, string][] = [
      ['/api/v1/orgs', 'q=%00'],
      ['/api/v1/orgs', 'q=%E5%85%89%00'],
      ['/api/v1/orgs/export', 'q=%00'],
      ['/api/v1/accounts', 'q=a%00b'],
      ['/api/v1/audit/events', 'action=%00'],
      ['/api/v1/audit/events', 'objectType=%00'],
      ['/api/v1/audit/events', 'actorId=99999999999'],
      ['/api/v1/audit/events', 'actorId=2147483648'],
    ];
    for (const [url, query] of cases) {
      const res = await at(getRoute(url), { query });
      // PostgreSQL refuses these values (400); SQLite simply finds nothing (200). Never a 500.
      expect([200, 400], `${url}?${query}`).toContain(res.statusCode);
    }
    const loginRoute = f.routes.find((r) => r.url === '/api/v1/auth/login')!;
    for (const body of [
      { username: '\u0000', password: 'x' },
      { username: `a\u0000${'b'.repeat(10)}`, password: TEST_PASSWORD },
    ]) {
      const res = await at(loginRoute, { body: JSON.stringify(body), type: 'application/json' });
      expect([400, 401]).toContain(res.statusCode);
    }
  });

  it('the server still serves afterwards; every route was reached', async () => {
    const health = await f.t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(health.statusCode).toBe(200);
    expect(health.json().status).toBe('ok');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expectEveryRouteReached(f, f.routes, 'hostile payloads');
  });
});
