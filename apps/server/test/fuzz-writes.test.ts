import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEveryRouteReached, type Fuzz, probe, setupFuzz } from './fuzz/harness';
import { requestArb } from './fuzz/requests';

/**
 * Property-based robustness of every write route (POST, PUT, PATCH, DELETE) of the inventory (INP-01/02/03), each request
 * sent as a user the route's declared access admits, with path ids of records that user may
 * reach and bodies and query strings generated from the route's own schemas (valid, then mutated); a refused write leaves the user's audit and row counts unchanged. Never a
 * 5xx, every 4xx a proper error body; and every route must be reached past its access check.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 80);
/** The chain check and the exports read whole tables: fewer runs keep the file fast. */
const runsFor = (url: string) => (/\/(verify|export)$/.test(url) ? Math.ceil(RUNS / 6) : RUNS);

let f: Fuzz;
beforeAll(async () => {
  f = await setupFuzz();
});
afterAll(() => f.t.close());

const writes = () => f.routes.filter((r) => r.method !== 'GET');

describe('fuzzing every write route from its schemas', () => {
  it('walks every write route as a user it admits; each is reached past its access check', async () => {
    expect(writes().length).toBeGreaterThan(40);
    for (const route of writes()) {
      await fc.assert(
        fc.asyncProperty(requestArb(f, route), async (request) => {
          await probe(f, route, request);
        }),
        { numRuns: runsFor(route.url) },
      );
    }
    expectEveryRouteReached(f, writes(), 'write routes');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 240_000);
});
