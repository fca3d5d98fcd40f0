/**
 * Whole requests generated from a route's own schemas: path params that name records the user
 * may reach (or ids mutated out of shape), a query string and a body from the route's zod
 * schemas, valid first and then mutated, sent as one of the users its access admits.
 */
import { creditBodyFromNumber, makeCreditCode } from '@corridor/contracts';
import fc from 'fast-check';
import { admitted, type Fuzz, jsonSchemaOf, type Probe, type Route } from './harness';
import { type Hint, type JsonSchema, mutated, valid } from './json-schema-arbitrary';
import { idsFor } from './world';

/** Percent-encodes any string; lone surrogates (which cannot be UTF-8) become U+FFFD first. */
export const enc = (s: string) => encodeURIComponent(Buffer.from(s, 'utf8').toString('utf8'));

/** A canonical id no record has (ids of other test files' records are never sent: shared DB). */
const NO_SUCH_ID = 2 ** 31 - 1;

/** Path segments that are not ids, or ids that cannot exist. */
export const BAD_ID_SEGMENTS = [
  '0',
  '-1',
  '1.5',
  '1e10',
  '0x7fffffff',
  '2147483648',
  '99999999999999999999',
  'NaN',
  '%20',
  'null',
  '1;DROP TABLE orgs',
  '..',
  '%2e%2e',
  '%E0%A4%A',
  enc('😀'),
  enc('__proto__'),
];

/** Query strings no schema describes: broken escapes, repeats, brackets, pollution keys. */
export const RAW_QUERIES = [
  'q=%E0%A4%A',
  'q=%',
  '%=%',
  'page=1&page=2',
  'city[]=420100',
  'q[$ne]=1',
  '__proto__[polluted]=1',
  'constructor[prototype][polluted]=1',
  '__proto__.polluted=true',
  '&&&',
  '=',
  'q',
  'pageSize=1e2',
  'page=0x10',
  'q=%00',
];

const ID_FIELDS: Record<string, string> = {
  achievementId: '/market/achievements/:id',
  demandId: '/market/demands/:id',
  methodId: '/rankings/methods/:id',
  editionId: '/rankings/editions/:id',
  orgId: '/orgs/:id',
  org: '/orgs/:id',
  dealId: '/deals/:id',
  negotiationId: '/negotiations/:id',
};

/** Id-like fields of bodies and queries name this file's records (or none), never others'. */
function hintFor(f: Fuzz): Hint {
  return (field, schema) => {
    const text = JSON.stringify(schema);
    if (field === 'version' && text.includes('integer')) return fc.integer({ min: 1, max: 4 });
    // A credit code passes its check characters: a fresh one (a new organisation) or one of
    // this file's organisations (the parties of a deal).
    if (field === 'creditCode')
      return fc
        .integer({ min: 0, max: 2 ** 40 })
        .map((n) => makeCreditCode('91', '420100', creditBodyFromNumber(n)));
    if (/CreditCode$/.test(field)) return fc.constantFrom(...f.world.creditCodes);
    if (!/(^id$|Id$|^org$)/.test(field) || !/integer|number/.test(text)) return undefined;
    const pool = f.world.ids[ID_FIELDS[field] ?? ''] ?? [];
    const options: fc.Arbitrary<unknown>[] = [fc.constant(NO_SUCH_ID)];
    if (pool.length) options.push(fc.constantFrom(...pool));
    if (text.includes('"null"')) options.push(fc.constant(null));
    return fc.oneof(...options);
  };
}

function segmentArb(f: Fuzz, route: Route, param: string, schema: JsonSchema | undefined) {
  const bad = fc.constantFrom(...BAD_ID_SEGMENTS);
  if (/id$/i.test(param)) {
    const pool = idsFor(f.world, route.url, param).map(String);
    return fc.oneof(
      ...(pool.length ? [{ arbitrary: fc.constantFrom(...pool), weight: 6 }] : []),
      { arbitrary: fc.constant(String(NO_SUCH_ID)), weight: 1 },
      { arbitrary: bad, weight: 2 },
    );
  }
  const good = schema ? valid(schema).map((v) => enc(String(v))) : fc.constant('2024');
  const fixed = param === 'year' ? ['2024', '2025'] : [];
  return fc.oneof(
    { arbitrary: good, weight: 3 },
    ...(fixed.length ? [{ arbitrary: fc.constantFrom(...fixed), weight: 3 }] : []),
    {
      arbitrary: fc.oneof(bad, fc.string({ minLength: 1, maxLength: 12 }).map(enc)),
      weight: 1,
    },
  );
}

function pathArb(f: Fuzz, route: Route): fc.Arbitrary<string> {
  const names = [...route.url.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);
  if (names.length === 0) return fc.constant(route.url);
  const params = jsonSchemaOf(route, 'params');
  return fc
    .tuple(...names.map((n) => segmentArb(f, route, n, params?.properties?.[n])))
    .map((segments) => names.reduce((url, n, i) => url.replace(`:${n}`, segments[i]!), route.url));
}

/** A query object as a client would write it (arrays repeat the key). */
export function serialiseQuery(value: unknown): string {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return `q=${enc(typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))}`;
  const parts: string[] = [];
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    for (const item of Array.isArray(v) ? v : [v]) {
      const text = typeof item === 'object' && item !== null ? JSON.stringify(item) : String(item);
      parts.push(`${enc(k)}=${enc(text.slice(0, 4000))}`);
    }
  }
  return parts.join('&');
}

function queryArb(f: Fuzz, route: Route): fc.Arbitrary<string | undefined> {
  const raw = fc.constantFrom(...RAW_QUERIES);
  const schema = jsonSchemaOf(route, 'querystring');
  if (!schema)
    return fc.oneof(
      { arbitrary: fc.constant(undefined), weight: 3 },
      { arbitrary: raw, weight: 1 },
    );
  const hint = hintFor(f);
  return fc.oneof(
    { arbitrary: valid(schema, schema, 0, hint).map(serialiseQuery), weight: 4 },
    { arbitrary: mutated(schema, schema, hint).map(serialiseQuery), weight: 3 },
    { arbitrary: raw, weight: 1 },
  );
}

function bodyArb(f: Fuzz, route: Route): fc.Arbitrary<Pick<Probe, 'body' | 'type'>> {
  const json = (v: unknown) => ({ body: JSON.stringify(v) ?? 'null', type: 'application/json' });
  if (route.method === 'GET') return fc.constant({});
  const schema = jsonSchemaOf(route, 'body');
  if (!schema) return fc.oneof(fc.constant({}), fc.constant(json({})), mutated({}).map(json));
  const hint = hintFor(f);
  return fc.oneof(
    { arbitrary: valid(schema, schema, 0, hint).map(json), weight: 4 },
    { arbitrary: mutated(schema, schema, hint).map(json), weight: 3 },
  );
}

/** One whole request to a route, as one of the users its access admits. */
export function requestArb(f: Fuzz, route: Route): fc.Arbitrary<Probe> {
  const users = admitted(f, route);
  return fc
    .record({
      user: fc.nat({ max: users.length - 1 }),
      path: pathArb(f, route),
      query: queryArb(f, route),
      body: bodyArb(f, route),
    })
    .map(({ user, path, query, body }) => ({
      // the leaver signs in again after a logout: read the session when the request is sent
      get session() {
        return admitted(f, route)[user] ?? null;
      },
      path,
      ...(query !== undefined ? { query } : {}),
      ...body,
    }));
}

/** The route's path with each parameter naming a record of this file (a year for `:year`). */
export function realPath(f: Fuzz, route: Route): string {
  return route.url.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    if (name === 'year') return '2024';
    if (name === 'city') return '420100';
    return String(idsFor(f.world, route.url, name)[0] ?? NO_SUCH_ID);
  });
}
