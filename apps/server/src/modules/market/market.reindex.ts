import type { Transaction } from 'kysely';
import { writeAudit } from '../../core/audit/audit';
import { type Deps, systemCtx } from '../../core/context';
import { type Dialect, lockAgainstWriters } from '../../core/db/dialect';
import type { Database } from '../../core/db/schema';
import {
  clearIndex,
  type IndexDoc,
  type IndexKind,
  indexDocWithKey,
  insertIndexDocs,
  optimizeIndex,
  SEARCH_INDEX_FORMAT,
  tuneIndexForBulkLoad,
} from '../search';
import { achievementIndexSource, demandIndexSource } from './market.index';
import * as repo from './market.repo';

/**
 * Rebuilding the market's full-text index when the code indexes differently than the index was
 * built (SEARCH_INDEX_FORMAT, kept in `settings`): at every start (main.ts) and by
 * `corridor search reindex`. Every listed record is indexed again under the key it has, so no
 * record row changes. One transaction holds off the records' writers (PostgreSQL) and swaps
 * the index whole: searches meanwhile read the old index, never a half-built one. Its length
 * grows with the catalogue (about 3,000 records a second on SQLite, 1,000 on PostgreSQL).
 */
export const INDEX_FORMAT_SETTING = 'search.index_format';
const BATCH = 2_000;

type Trx = Transaction<Database>;

export interface ReindexReport {
  rebuilt: boolean;
  format: string;
  previous: string | null;
  achievements: number;
  demands: number;
  seconds: number;
}

async function storedFormat(trx: Trx): Promise<string | null> {
  const row = await trx
    .selectFrom('settings')
    .select('value')
    .where('key', '=', INDEX_FORMAT_SETTING)
    .executeTakeFirst();
  return row?.value ?? null;
}

async function rebuild(trx: Trx, dialect: Dialect, kind: IndexKind): Promise<number> {
  await clearIndex(trx, dialect, kind);
  let after = 0;
  let count = 0;
  for (;;) {
    let docs: IndexDoc[];
    if (kind === 'achievement') {
      const rows = await repo.listedAchievementsAfter(trx, after, BATCH);
      after = rows.at(-1)?.id ?? after;
      docs = rows.map((r) => indexDocWithKey(Number(r.searchKey), achievementIndexSource(r)));
    } else {
      const rows = await repo.listedDemandsAfter(trx, after, BATCH);
      after = rows.at(-1)?.id ?? after;
      docs = rows.map((r) => indexDocWithKey(Number(r.searchKey), demandIndexSource(r)));
    }
    await insertIndexDocs(trx, dialect, kind, docs);
    count += docs.length;
    if (docs.length < BATCH) return count;
  }
}

/** Rebuilds the index unless it is already in the current format (`force`: rebuild anyway). */
export async function ensureSearchIndex(
  deps: Deps,
  /** onRebuild: told before a rebuild that has records to index (it may take minutes). */
  options: { force?: boolean; onRebuild?: () => void } = {},
): Promise<ReindexReport> {
  const started = performance.now();
  const { db, dialect } = deps;
  const ctx = systemCtx(deps);
  const report = await db.transaction().execute(async (trx) => {
    await lockAgainstWriters(trx, dialect, 'market_achievements');
    await lockAgainstWriters(trx, dialect, 'market_demands');
    // Read under the locks: a second process starting at once finds the work done.
    const previous = await storedFormat(trx);
    const base = { format: SEARCH_INDEX_FORMAT, previous, achievements: 0, demands: 0 };
    if (previous === SEARCH_INDEX_FORMAT && !options.force) return { ...base, rebuilt: false };
    const listed =
      (await repo.listedAchievementsAfter(trx, 0, 1)).length +
      (await repo.listedDemandsAfter(trx, 0, 1)).length;
    if (listed > 0) options.onRebuild?.();
    for (const kind of ['achievement', 'demand'] as const) {
      await tuneIndexForBulkLoad(trx, dialect, kind, true);
    }
    const achievements = await rebuild(trx, dialect, 'achievement');
    const demands = await rebuild(trx, dialect, 'demand');
    for (const kind of ['achievement', 'demand'] as const) {
      await tuneIndexForBulkLoad(trx, dialect, kind, false);
    }
    if (previous === null) {
      await trx
        .insertInto('settings')
        .values({ key: INDEX_FORMAT_SETTING, value: SEARCH_INDEX_FORMAT })
        .execute();
    } else {
      await trx
        .updateTable('settings')
        .set({ value: SEARCH_INDEX_FORMAT })
        .where('key', '=', INDEX_FORMAT_SETTING)
        .execute();
    }
    await writeAudit(trx, ctx, {
      action: 'search.reindex',
      objectType: 'search_index',
      detail: { format: SEARCH_INDEX_FORMAT, previous, achievements, demands },
    });
    return { ...base, achievements, demands, rebuilt: true };
  });
  // Outside the transaction: PostgreSQL's VACUUM cannot run inside one.
  if (report.rebuilt && report.achievements + report.demands > 0) {
    await optimizeIndex(db, dialect, 'achievement');
    await optimizeIndex(db, dialect, 'demand');
  }
  return { ...report, seconds: (performance.now() - started) / 1000 };
}

/** One line for the console (start-up, the CLI, the bench). */
export function describeReindex(r: ReindexReport): string {
  const was = r.previous ?? 'unrecorded';
  return `search index rebuilt (format ${r.format}, was ${was}): ${r.achievements} achievements, ${r.demands} demands in ${r.seconds.toFixed(1)} s`;
}
