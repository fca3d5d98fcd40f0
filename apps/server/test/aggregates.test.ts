import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canonicalRows } from '../src/core/aggregates/sources';
import { rebuildCockpitAggregates } from '../src/modules/cockpit/cockpit.aggregates';
import { AGGREGATE_SOURCES } from '../src/modules/cockpit/cockpit.sources';
import { SOURCE_ACTIVITY } from './aggregates/fixtures';
import { countAudit, createTestApp, type TestApp } from './helpers';

/**
 * The cockpit's aggregate store, for every source in `cockpit.sources.ts`: after activity through
 * the API, what the increments left equals what a rebuild from the records computes, and a
 * rebuild of that source changes nothing (and is audited). A database of its own on PostgreSQL
 * too: other test files write the store directly (cockpit figures), which a rebuild would undo.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { ownDatabase: true });
});
afterAll(() => t?.close());

/** Stored and recomputed rows read in one snapshot, so parallel writers cannot split them. */
function storedAndComputed(source: (typeof AGGREGATE_SOURCES)[number]) {
  return t.deps.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => ({
      stored: canonicalRows(await source.stored(trx)),
      computed: canonicalRows(await source.compute(trx)),
    }));
}

describe('aggregate store: incremental = rebuild, per source', () => {
  it('every source has activity to prove it with', () => {
    const missing = AGGREGATE_SOURCES.map((s) => s.name).filter((n) => !SOURCE_ACTIVITY[n]);
    expect(missing, 'add these sources to test/aggregates/fixtures.ts').toEqual([]);
  });

  for (const source of AGGREGATE_SOURCES) {
    it(`${source.name}: increments equal a rebuild`, async () => {
      await SOURCE_ACTIVITY[source.name]!(t);
      const now = await storedAndComputed(source);
      expect(now.computed.length, 'the activity left rows to compare').toBeGreaterThan(0);
      expect(now.stored).toEqual(now.computed);

      const audits = await countAudit(t, { action: 'cockpit.rebuild' });
      const [report] = await rebuildCockpitAggregates(t.deps, [source.name]);
      expect(report?.source).toBe(source.name);
      expect(await countAudit(t, { action: 'cockpit.rebuild' })).toBe(audits + 1);
      const after = await storedAndComputed(source);
      expect(after.stored).toEqual(after.computed);
    });
  }

  it('refuses a source it does not know', async () => {
    await expect(rebuildCockpitAggregates(t.deps, ['no_such_source'])).rejects.toThrow(
      /no_such_source/,
    );
  });
});
