import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CREATE_FIXTURES } from './creates/fixtures';
import { as, createTestApp, type TestApp } from './helpers';

/**
 * Creates honour Idempotency-Key (issue 19 item 3), at every create route of the inventory: the
 * same key and body twice (one after the other, and at once) create one record and answer the
 * first response again; the same key with another body is 422 and writes nothing.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const key = (label: string) => `${label}-${process.pid}-${Date.now()}-${Math.random()}`;
/** Routes that make a new record or entry: a POST answering 201, or one named in the fixtures. */
/** Multipart uploads are left out: their body is read in the handler (core/http/idempotency.ts). */
const isMultipart = (r: { schema: { consumes?: readonly string[] } }) =>
  (r.schema.consumes ?? []).includes('multipart/form-data');
const createRoutes = () =>
  t.app.routeInventory
    .filter((r) => r.method === 'POST' && !isMultipart(r))
    .filter((r) => {
      const response = (r.schema.response ?? {}) as Record<string, unknown>;
      return '201' in response || `POST ${r.url}` in CREATE_FIXTURES;
    })
    .map((r) => `POST ${r.url}`);

describe('Idempotency-Key on every create', () => {
  it('every create route of the inventory has a fixture', () => {
    const routes = createRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(13);
    expect(routes.filter((r) => !(r in CREATE_FIXTURES))).toEqual([]);
  });

  for (const [route, fixture] of Object.entries(CREATE_FIXTURES)) {
    it(`${route}: a repeat is answered from the first, another body with the key is 422`, async () => {
      const req = await fixture(t);
      const send = (body: object, k: string) =>
        as(t, req.actor, {
          method: 'POST',
          url: req.url,
          payload: body,
          headers: { 'idempotency-key': k },
        });
      const body = req.body();
      const k1 = key('seq');
      const first = await send(body, k1);
      expect(first.statusCode, first.body).toBeLessThan(300);
      const again = await send(body, k1);
      expect([again.statusCode, again.headers['idempotent-replayed']]).toEqual([
        first.statusCode,
        'true',
      ]);
      expect(again.json()).toEqual(first.json());

      const other = await send(req.body(), k1);
      expect([other.statusCode, other.json().code]).toEqual([422, 'idempotency.key_reused']);

      // Two at once with one key: one runs, the other waits and gets its answer. (A fresh
      // record to act on: some creates can happen once per record, e.g. a thread's contract.)
      const fresh = await fixture(t);
      const k2 = key('par');
      const twin = fresh.body();
      const sendFresh = () =>
        as(t, fresh.actor, {
          method: 'POST',
          url: fresh.url,
          payload: twin,
          headers: { 'idempotency-key': k2 },
        });
      const [a, b] = await Promise.all([sendFresh(), sendFresh()]);
      expect(a.statusCode, a.body).toBeLessThan(300);
      expect(b.statusCode).toBe(a.statusCode);
      expect(b.json()).toEqual(a.json());
      expect([a.headers['idempotent-replayed'], b.headers['idempotent-replayed']]).toContain(
        'true',
      );
    });
  }

  it('a malformed key is a 400; without a key nothing is remembered', async () => {
    const req = await CREATE_FIXTURES['POST /api/v1/market/demands']!(t);
    for (const bad of ['', 'a'.repeat(201), 'two words', 'tab\there']) {
      const res = await as(t, req.actor, {
        method: 'POST',
        url: req.url,
        payload: req.body(),
        headers: { 'idempotency-key': bad },
      });
      expect([res.statusCode, res.json().code], JSON.stringify(bad)).toEqual([
        400,
        'idempotency.key_invalid',
      ]);
      expect(res.json().details[0]).toMatchObject({ field: 'headers.idempotency-key' });
    }
    const body = req.body();
    const one = await as(t, req.actor, { method: 'POST', url: req.url, payload: body });
    const two = await as(t, req.actor, { method: 'POST', url: req.url, payload: body });
    expect(one.json().id).not.toBe(two.json().id);
  });
});
