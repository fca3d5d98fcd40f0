import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodObject, ZodType } from 'zod';
import { as, createTestApp, type TestApp } from './helpers';
import { type Json, PATCH_FIXTURES } from './patch/fixtures';

/**
 * Optimistic locking everywhere a record is updated (issue 19 item 2), over the route inventory:
 * every PATCH and PUT, and every POST step on a record (`/…/:id/…`), must require the version the
 * writer read; a second writer holding the same version gets 409 and changes nothing.
 */

/** Writes on a record that take no version, and why none is needed. */
const EXEMPT: Record<string, string> = {
  'POST /api/v1/negotiations/:id/entries':
    'appends a message or offer to the thread; the steps that settle it (accept, abandon, contract) carry the version',
  'POST /api/v1/rankings/editions/:id/corrections':
    'creates a correction (a record of its own) under the edition; the publisher decides it by its version',
  'POST /api/v1/deals/:id/scans':
    'attaches a scan (a file record of its own) to the contract; nothing of the contract is edited',
  'POST /api/v1/jobs/:name/run':
    'asks for a run of a job now: each run is a record of its own (job_runs), nothing is edited',
  'POST /api/v1/notifications/:id/read':
    'marks one’s own notification read: repeating it changes nothing, there is nothing to conflict with',
  'POST /api/v1/orgs/:id/certificates':
    'records a certificate (a record of its own) for the organisation',
  'POST /api/v1/parks/:id/phases':
    'adds a phase (a record of its own) to the agreement; overlaps with the others are refused, each phase is edited by its version',
  'POST /api/v1/parks/:id/figures':
    'adds a yearly figure (a record of its own; a second one for the same year and item is 409); it is edited by its version',
  'POST /api/v1/parks/:id/figures/import':
    'imports figures as rows of their own; an existing figure is updated and its version moves, so a stale editor gets 409',
  'POST /api/v1/parks/:id/payments':
    'records a payment (a record of its own, never edited) under the park',
  'DELETE /api/v1/orgs/:id/certificates/:certId':
    'certificates are never edited, only recorded and deleted; a second delete is 404',
};

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function isRecordWrite(method: string, url: string) {
  if (method === 'PATCH' || method === 'PUT' || method === 'DELETE') return true;
  return method === 'POST' && /\/:[a-zA-Z]+\//.test(url);
}

function requiredLock(body: ZodType | undefined): string | null {
  const shape = (body as ZodObject | undefined)?.shape ?? {};
  for (const key of ['version', 'revision']) {
    const field = shape[key] as ZodType | undefined;
    if (field && !field.safeParse(undefined).success) return key;
  }
  return null;
}

describe('every update carries the version read', () => {
  it('every write on a record requires `version` (or a method draft’s `revision`)', () => {
    const writes = t.app.routeInventory.filter((r) => isRecordWrite(r.method, r.url));
    expect(writes.length).toBeGreaterThanOrEqual(25);
    const missing = writes
      .map((r) => `${r.method} ${r.url}`)
      .filter((name, i) => !EXEMPT[name] && !requiredLock(writes[i]!.schema.body as ZodType));
    expect(missing, 'routes whose body does not require the version read').toEqual([]);
    // An exemption for a route that no longer exists is stale.
    const names = new Set(writes.map((r) => `${r.method} ${r.url}`));
    expect(Object.keys(EXEMPT).filter((n) => !names.has(n))).toEqual([]);
  });

  for (const [url, fixture] of Object.entries(PATCH_FIXTURES)) {
    it(`PATCH ${url}: a second writer with the same version gets 409 and changes nothing`, async () => {
      const target = await fixture.setup(t);
      const lock = fixture.lock ?? 'version';
      const before = await target.read();
      const [field, values] = Object.entries(fixture.values)[0]!;
      const [first, second] = [values[0], values[1] ?? values[0]];
      const send = (value: unknown) =>
        as(t, target.actor, {
          method: 'PATCH',
          url: target.url,
          payload: { ...fixture.always, [field]: value, [lock]: before[lock] } as Json,
        });
      const ok = await send(first);
      expect(ok.statusCode, ok.body).toBe(200);
      const afterFirst = await target.read();
      const stale = await send(second);
      expect(stale.statusCode, stale.body).toBe(409);
      expect(stale.json().code).toMatch(/version_conflict$/);
      expect(await target.read()).toEqual(afterFirst);
    });
  }
});
