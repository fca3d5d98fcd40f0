import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectEveryRouteReached, type Fuzz, probe, setupFuzz } from './fuzz/harness';
import { requestArb } from './fuzz/requests';

/**
 * Property-based robustness of every GET route of the inventory (INP-01/02/03), each request
 * sent as a user the route's declared access admits, with path ids of records that user may
 * reach and query strings generated from the route's own schema (valid, then mutated). Never a
 * 5xx, every 4xx a proper error body; and every route must be reached past its access check.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 70);
/** The chain check and the exports read whole tables: fewer runs keep the file fast. */
const runsFor = (url: string) => (/\/(verify|export)$/.test(url) ? Math.ceil(RUNS / 6) : RUNS);

let f: Fuzz;
beforeAll(async () => {
  f = await setupFuzz();
});
afterAll(() => f.t.close());

const reads = () => f.routes.filter((r) => r.method === 'GET');

describe('fuzzing every GET route from its schemas', () => {
  it('walks every read route as a user it admits; each is reached past its access check', async () => {
    expect(reads().length).toBeGreaterThan(40);
    for (const route of reads()) {
      await fc.assert(
        fc.asyncProperty(requestArb(f, route), async (request) => {
          await probe(f, route, request);
        }),
        { numRuns: runsFor(route.url) },
      );
    }
    expectEveryRouteReached(f, reads(), 'GET routes');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 240_000);
});
