/**
 * Loads the search bench's corpus: the demo organisations, then `docs` listed achievements
 * generated and segmented in worker threads while the main thread inserts them through the
 * application's bulk path (rows, index documents, audit events). A completed load is marked
 * in `settings`, so the next run reuses the database instead of loading again.
 */
import { cpus } from 'node:os';
import { Worker } from 'node:worker_threads';
import { sql } from 'kysely';
import { type Deps, systemCtx } from '../src/core/context';
import {
  bulkInsertAchievements,
  demoOwners,
  reserveListings,
} from '../src/modules/market/market.bulk';
import type { DemoAchievement } from '../src/modules/market/market.seed';
import type { IndexDoc } from '../src/modules/search';
import { optimizeIndex, tuneIndexForBulkLoad } from '../src/modules/search';
import { seedDemoData } from '../src/modules/seed/seed.service';

const MARKER = 'bench.search.docs';
const SLICE = 5_000;
/** Two generators (this machine has two cores; the main thread inserts meanwhile). */
const WORKERS = Math.max(1, Math.min(2, cpus().length));
const AHEAD = 6;

export interface LoadReport {
  reused: boolean;
  seconds: number;
  seedSeconds: number;
  optimizeSeconds: number;
  docsPerSecond: number;
}

type Item = { a: DemoAchievement; doc: IndexDoc };

export async function loadedDocs(deps: Deps): Promise<number | null> {
  const row = await deps.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', MARKER)
    .executeTakeFirst();
  return row ? Number(row.value) : null;
}

export async function loadCorpus(
  deps: Deps,
  options: { docs: number; orgs: number; log: (line: string) => void },
): Promise<LoadReport> {
  const { docs, orgs, log } = options;
  if ((await loadedDocs(deps)) === docs) {
    return { reused: true, seconds: 0, seedSeconds: 0, optimizeSeconds: 0, docsPerSecond: 0 };
  }
  const existing = await deps.db.selectFrom('orgs').select('id').limit(1).execute();
  if (existing.length > 0) {
    throw new Error(
      'the bench loads into an empty database (or one it loaded itself, same BENCH_DOCS)',
    );
  }
  const ctx = systemCtx(deps);
  const t0 = performance.now();
  await seedDemoData(deps, orgs);
  const seedSeconds = (performance.now() - t0) / 1000;
  const owners = await demoOwners(ctx, orgs);
  const firstSeq = await reserveListings(ctx, 'achievement', docs);
  if (deps.dialect.name === 'sqlite') await sql.raw('pragma cache_size = -262144').execute(deps.db);
  await tuneIndexForBulkLoad(deps.db, deps.dialect, 'achievement', true);

  const t1 = performance.now();
  const pending = new Map<number, Item[]>();
  const idle: Worker[] = [];
  let next = 0;
  let expect = 0;
  let inFlight = 0;
  let inserted = 0;
  let inserting = false;
  await new Promise<void>((resolve, reject) => {
    // Hands slices to idle workers, keeping at most AHEAD slices generated but not inserted.
    const pump = () => {
      while (idle.length > 0 && next < docs && pending.size + inFlight < AHEAD) {
        idle.pop()!.postMessage({ start: next, length: Math.min(SLICE, docs - next) });
        next += SLICE;
        inFlight += 1;
      }
    };
    const drain = async () => {
      if (inserting) return;
      inserting = true;
      while (pending.has(expect)) {
        const items = pending.get(expect)!;
        pending.delete(expect);
        expect += SLICE;
        pump();
        await bulkInsertAchievements(ctx, items);
        inserted += items.length;
        if (inserted % 100_000 < SLICE) {
          log(
            `  loaded ${inserted.toLocaleString('en')} in ${((performance.now() - t1) / 1000).toFixed(0)} s`,
          );
        }
      }
      inserting = false;
      if (inserted >= docs) resolve();
    };
    for (let w = 0; w < WORKERS; w++) {
      const worker = new Worker(new URL('./worker-shim.mjs', import.meta.url), {
        workerData: {
          entry: new URL('./search.worker.ts', import.meta.url).href,
          owners,
          count: docs,
          firstSeq,
        },
      });
      worker.on('error', reject);
      worker.on('message', (m: { start: number; items: Item[] }) => {
        inFlight -= 1;
        pending.set(m.start, m.items);
        idle.push(worker);
        pump();
        drain().catch(reject);
      });
      idle.push(worker);
    }
    pump();
  }).finally(() => {
    for (const w of idle) void w.terminate();
  });
  const loadSeconds = (performance.now() - t1) / 1000;
  await tuneIndexForBulkLoad(deps.db, deps.dialect, 'achievement', false);
  const t2 = performance.now();
  await optimizeIndex(deps.db, deps.dialect, 'achievement');
  const optimizeSeconds = (performance.now() - t2) / 1000;
  await deps.db
    .insertInto('settings')
    .values({ key: MARKER, value: String(docs) })
    .execute();
  return {
    reused: false,
    seconds: loadSeconds,
    seedSeconds,
    optimizeSeconds,
    docsPerSecond: docs / loadSeconds,
  };
}
