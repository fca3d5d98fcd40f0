import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZodObject } from 'zod';
import { as, createTestApp, type TestApp } from './helpers';
import { type Json, PATCH_FIXTURES } from './patch/fixtures';

/**
 * A PATCH changes only what it names (issue 19 item 1): for every PATCH route of the inventory,
 * each body field is sent alone and every other field of the record must read back unchanged;
 * an explicit null clears a nullable field and nothing else.
 */

/** Keys every edit moves: the record's version and time stamp, and what the reader may do. */
const BOOKKEEPING = new Set(['version', 'revision', 'updatedAt', 'abilities']);

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const patchRoutes = () => t.app.routeInventory.filter((r) => r.method === 'PATCH');

function bodyFields(url: string): string[] {
  const route = patchRoutes().find((r) => r.url === url)!;
  const body = route.schema.body as ZodObject | undefined;
  return Object.keys(body?.shape ?? {}).filter((k) => k !== 'version' && k !== 'revision');
}

describe('PATCH changes only what it names', () => {
  it('every PATCH route has a fixture covering every field of its body', () => {
    const urls = patchRoutes().map((r) => r.url);
    expect(urls.length).toBeGreaterThanOrEqual(8);
    for (const url of urls) {
      const fixture = PATCH_FIXTURES[url];
      expect(fixture, `no fixture for PATCH ${url} in test/patch/fixtures.ts`).toBeDefined();
      const covered = new Set([
        ...Object.keys(fixture!.values),
        ...Object.keys(fixture!.always ?? {}),
      ]);
      expect(
        bodyFields(url).filter((f) => !covered.has(f)),
        `PATCH ${url}`,
      ).toEqual([]);
    }
  });

  for (const [url, fixture] of Object.entries(PATCH_FIXTURES)) {
    it(`PATCH ${url}: each field alone, everything else unchanged`, async () => {
      const target = await fixture.setup(t);
      for (const [field, values] of Object.entries(fixture.values)) {
        for (const value of values) {
          const before = await target.read();
          const payload: Json = { ...fixture.always, [field]: value };
          const lock = fixture.lock ?? 'version';
          payload[lock] = before[lock];
          const res = await as(t, target.actor, { method: 'PATCH', url: target.url, payload });
          const label = `PATCH ${url} ${JSON.stringify(payload).slice(0, 120)}`;
          expect(res.statusCode, `${label} → ${res.body.slice(0, 300)}`).toBe(200);
          const after = await target.read();
          const changed = fixture.changedKeys?.(field, value) ?? [
            field,
            ...(fixture.follows?.[field] ?? []),
          ];
          const moved = Object.keys({ ...before, ...after }).filter(
            (k) => !BOOKKEEPING.has(k) && !isDeepStrictEqual(before[k], after[k]),
          );
          expect(
            moved.filter((k) => !changed.includes(k)),
            `${label}: other fields moved`,
          ).toEqual([]);
          if (fixture.commands?.includes(field)) continue;
          if (fixture.changedKeys) {
            for (const [k, v] of Object.entries(value as Json)) expect(after[k], label).toEqual(v);
          } else {
            expect(after[field], label).toEqual(value);
          }
        }
      }
    });
  }
});
