/**
 * The fuzzer's shared machinery: who sends each request (a user the route's declared `access`
 * admits, never a hand-kept list), how a request is checked (never 5xx, every 4xx a proper error
 * body, a 400 names its field, a refused request wrote nothing), and the count of requests per
 * route that got past the access check (anything but 401/403), so a route no user reaches fails.
 */
import type { FastifySchema, LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import { z } from 'zod';
import { as, createTestApp, login, type Session, TEST_PASSWORD, type TestApp } from '../helpers';
import type { JsonSchema } from './json-schema-arbitrary';
import { makeWorld, type World } from './world';

export interface Route {
  method: string;
  url: string;
  access: TestApp['app']['routeInventory'][number]['access'];
  schema: FastifySchema;
}

export interface Fuzz {
  t: TestApp;
  world: World;
  routes: Route[];
  sent: number;
  /** Per route: requests answered 2xx (valid input that the handler carried out). */
  succeeded: Map<string, number>;
  /** Per route (`METHOD url`): requests answered with something other than 401/403. */
  reached: Map<string, number>;
}

export const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

export async function setupFuzz(): Promise<Fuzz> {
  const t = await createTestApp();
  const world = await makeWorld(t);
  return {
    t,
    world,
    routes: t.app.routeInventory,
    sent: 0,
    succeeded: new Map(),
    reached: new Map(),
  };
}

/** The users a route's declared access admits (null: anonymous, for public routes). */
export function admitted(f: Fuzz, route: Route): (Session | null)[] {
  const { access } = route;
  if (access.kind === 'public') return [null];
  // These end or change the caller's own session: accounts of their own, re-signed-in below.
  if (route.url === '/api/v1/auth/logout') return [f.world.leaver];
  if (route.url === '/api/v1/auth/password') return [f.world.passwordChanger];
  if (access.kind === 'signedIn') return f.world.users;
  return f.world.users.filter((u) => u.me.roles.some((r) => access.roles.includes(r)));
}

const converted = new WeakMap<object, JsonSchema>();
/** The JSON Schema (input side) of one part of a route's zod schemas. */
export function jsonSchemaOf(route: Route, part: 'params' | 'querystring' | 'body') {
  const schema = (route.schema as Record<string, unknown>)[part] as z.ZodType | undefined;
  if (!schema) return undefined;
  let json = converted.get(schema);
  if (!json) {
    json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
    converted.set(schema, json);
  }
  return json;
}

/** What a validation problem's field may start with: a request part, or a key sent or declared. */
function fieldNames(route: Route, body: string | Buffer | undefined): Set<string> {
  // Multipart routes (imports, uploads) read their one part, named `file`, in the handler.
  const names = new Set(['params', 'querystring', 'headers', '(body)', 'file']);
  // Service-level checks (trlMin above trlMax, a year in the future) name a key without its part.
  for (const part of ['body', 'querystring', 'params'] as const)
    for (const k of Object.keys(jsonSchemaOf(route, part)?.properties ?? {})) names.add(k);
  try {
    const sent: unknown = body === undefined ? null : JSON.parse(body.toString());
    if (sent && typeof sent === 'object') for (const k of Object.keys(sent)) names.add(k);
  } catch {
    // not JSON: only the parts and the declared keys can be named
  }
  return names;
}

/** What a user has written: successful audit events and the organisations they created or edited. */
async function footprint(f: Fuzz, actorId: number) {
  const db = f.t.deps.db;
  const audit = await db
    .selectFrom('auditEvents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('actorId', '=', actorId)
    .where('outcome', '=', 'success')
    .executeTakeFirstOrThrow();
  const orgs = await db
    .selectFrom('orgs')
    .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('version').as('v')])
    .where((eb) => eb.or([eb('createdBy', '=', actorId), eb('updatedBy', '=', actorId)]))
    .executeTakeFirstOrThrow();
  return `${Number(audit.n)}/${Number(orgs.n)}/${Number(orgs.v ?? 0)}`;
}

export function assertWellFormed(res: LightMyRequestResponse, label: string, names?: Set<string>) {
  expect(res.statusCode, `${label} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(
    500,
  );
  if (res.statusCode < 400) return;
  const body = res.json() as { code?: unknown; message?: unknown; details?: unknown };
  expect(typeof body.code, label).toBe('string');
  expect(body.code as string, label).toMatch(/^[a-z_]+(\.[a-z_]+)+$/);
  expect(typeof body.message, label).toBe('string');
  expect((body.message as string).length, label).toBeGreaterThan(0);
  expect(res.body, label).not.toMatch(/\n\s+at |node_modules|SQLITE_|syntax error at/);
  if (body.code === 'validation.failed') {
    // A 400 for the input names what was wrong: one or more fields, each with a reason.
    const details = body.details as { field?: unknown; reason?: unknown }[] | undefined;
    expect(Array.isArray(details) && details.length > 0, `${label}: no details`).toBe(true);
    for (const d of details!) {
      expect(typeof d.field, `${label}: ${JSON.stringify(d)}`).toBe('string');
      expect((d.field as string).length, `${label}: ${JSON.stringify(d)}`).toBeGreaterThan(0);
      if (names) {
        const field = d.field as string;
        const named = names.has(field) || names.has(field.split('.')[0]!); // a key may hold a dot
        expect(named, `${label}: ${JSON.stringify(d)} names nothing sent`).toBe(true);
      }
      expect(typeof d.reason, label).toBe('string');
    }
  }
}

export interface Probe {
  session: Session | null;
  path: string;
  query?: string;
  body?: string | Buffer;
  type?: string;
}

/** Sends one request; checks the answer, that a refusal wrote nothing, and counts a reach. */
export async function probe(f: Fuzz, route: Route, p: Probe) {
  const session = p.session;
  const before = session ? await footprint(f, session.me.id) : '';
  const url = p.path + (p.query !== undefined ? `?${p.query}` : '');
  const headers: Record<string, string> = {};
  if (p.type !== undefined) headers['content-type'] = p.type;
  f.sent += 1;
  const n = f.sent;
  const res = await as(f.t, session, {
    method: route.method as 'GET',
    url,
    headers,
    ...(p.body !== undefined ? { payload: p.body } : {}),
    // Its own address per request (an injected request, no traffic): per-client rate limits
    // (login, import, publish) stay out of the way.
    remoteAddress: `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
  });
  const label = `${key(route)} ${url.slice(0, 160)}`;
  assertWellFormed(res, label, fieldNames(route, p.body));
  if (session && res.statusCode >= 400)
    expect(await footprint(f, session.me.id), `${label}: a refused request wrote`).toBe(before);
  if (res.statusCode < 300) f.succeeded.set(key(route), (f.succeeded.get(key(route)) ?? 0) + 1);
  if (res.statusCode !== 401 && res.statusCode !== 403)
    f.reached.set(key(route), (f.reached.get(key(route)) ?? 0) + 1);
  if (session === f.world.leaver && res.statusCode === 200)
    f.world.leaver = await login(f.t, session.username, TEST_PASSWORD); // signed out: back in
  return res;
}

/** Fails naming every route of `routes` that no request got past the access check of. */
export function expectEveryRouteReached(f: Fuzz, routes: Route[], label: string) {
  const unreached = routes.map(key).filter((k) => !f.reached.get(k));
  const answered = routes.map(key).filter((k) => f.succeeded.get(k));
  const ok = [...f.succeeded.values()].reduce((a, b) => a + b, 0);
  console.info(
    `[fuzz] ${label}: ${f.sent} requests sent (${ok} answered 2xx), ` +
      `${routes.length - unreached.length}/${routes.length} routes reached past their access check, ` +
      `${answered.length}/${routes.length} carried out at least once`,
  );
  if (process.env.FUZZ_VERBOSE)
    console.info(
      `[fuzz] never 2xx: ${routes
        .map(key)
        .filter((k) => !answered.includes(k))
        .join(', ')}`,
    );
  expect(unreached, 'routes whose every request was refused 401/403').toEqual([]);
}
