/**
 * npm run bench:search — market search at scale, each figure beside a plain engine-ranked query
 * (FTS5 ORDER BY bm25 / ts_rank) on the same data in the same run.
 *   BENCH_DOCS     achievements to load (default 1,000,000 on SQLite, 100,000 on PostgreSQL)
 *   BENCH_ORGS     demo organisations owning them (default 1,000)
 *   BENCH_REPS     timed repetitions per query (default 20)
 *   BENCH_SECONDS  seconds per load run (default 10)
 *   DATABASE_URL   bench PostgreSQL instead (use an empty, dedicated database)
 * The SQLite file lives under os.tmpdir() and is reused by the next run with the same BENCH_DOCS.
 */
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { type App, buildApp } from '../src/app';
import { openDeps } from '../src/core/bootstrap';
import { loadConfig } from '../src/core/config';
import { DEMO_PASSWORD } from '../src/modules/accounts/accounts.demo';
import { describeReindex, ensureSearchIndex } from '../src/modules/market/market.reindex';
import { FIELD_WORDS, METHODS, QUALIFIERS } from '../src/modules/market/market.seed.words';
import {
  countMatches,
  type MatchSpec,
  pinyinOf,
  queryTokens,
  rankedReference,
} from '../src/modules/search';
import { loadCorpus } from './search.corpus';
import { benchMatching } from './search.matching';

const PG = !!process.env.DATABASE_URL;
const DOCS = Number(process.env.BENCH_DOCS ?? (PG ? 100_000 : 1_000_000));
const ORGS = Number(process.env.BENCH_ORGS ?? 1_000);
const REPS = Number(process.env.BENCH_REPS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CITY = '420200';
const CITY_TAG = '_c2'; // 420200's index in CITY_CODES

const log = (line = '') => process.stdout.write(`${line}\n`);
const pct = (xs: number[], p: number) =>
  xs.length ? xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : Number.NaN;
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');

async function main() {
  const dataDir = join(tmpdir(), `corridor-bench-search-${DOCS}`);
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    // The corpus is kept between runs (it takes minutes to build): its keys must stay with it.
    KEYS_DIR: `${dataDir}-keys`,
    AUDIT_CHECKPOINT_DIR: `${dataDir}-checkpoints`,
    LOGIN_RATE_PER_MINUTE: '100000',
    // The load generator is one signed-in account standing for many users: no per-user share.
    MARKET_SEARCH_PER_CLIENT: '10000',
  });
  const { deps, handle } = await openDeps(config);
  const { db, dialect } = deps;
  log(
    `# Market search bench — ${new Date().toISOString()} — ${dialect.name}, node ${process.version}`,
  );
  log(`corpus: ${DOCS.toLocaleString('en')} listed achievements${PG ? '' : ` (${dataDir})`}`);
  // The machine may be shared: its load says how far the figures can be trusted.
  const load = () =>
    loadavg()
      .map((n) => n.toFixed(2))
      .join(' / ');
  log(`load average (1 / 5 / 15 min) at start: ${load()}`);

  // A corpus kept from a run of an older version is re-indexed as a server start would.
  const reindex = await ensureSearchIndex(deps);
  if (reindex.achievements + reindex.demands > 0) log(describeReindex(reindex));
  const corpus = await loadCorpus(deps, { docs: DOCS, orgs: ORGS, log });
  if (corpus.reused) log('corpus: reused from an earlier run');
  else {
    log(`seed (${ORGS} organisations, accounts, demo data): ${corpus.seedSeconds.toFixed(1)} s`);
    log(
      `generate + segment + insert + index ${DOCS.toLocaleString('en')}: ${corpus.seconds.toFixed(1)} s (${corpus.docsPerSecond.toFixed(0)} docs/s), optimize ${corpus.optimizeSeconds.toFixed(1)} s`,
    );
  }

  // ---------- query classes by measured document frequency ----------
  const words = new Set<string>([
    '基于',
    '系统',
    '智能',
    '方法',
    '检测',
    '技术',
    '装置',
    '工艺',
    '平台',
    '高效',
    '新型',
  ]);
  for (const w of Object.values(FIELD_WORDS))
    for (const x of [...w.objects, ...w.processes, ...w.applications])
      for (const t of queryTokens(x)) words.add(t);
  for (const x of [...QUALIFIERS, ...METHODS]) for (const t of queryTokens(x)) words.add(t);
  const expr = (terms: string[], city = false): MatchSpec => ({
    terms,
    scope: 'all',
    filters: city ? [[CITY_TAG]] : [],
  });
  const listed = await countMatches(db, dialect, 'achievement', expr([]));
  const df = new Map<string, number>();
  for (const w of words) df.set(w, await countMatches(db, dialect, 'achievement', expr([w])));
  const share = (w: string) => (df.get(w) ?? 0) / listed;
  const inRange = (lo: number, hi: number) =>
    [...df.keys()]
      .filter((w) => share(w) > lo && share(w) <= hi)
      .sort((a, b) => df.get(a)! - df.get(b)!);
  const spread = <T>(xs: T[]) =>
    xs.length <= 3 ? xs : [xs[0]!, xs[Math.floor(xs.length / 2)]!, xs.at(-1)!];
  const rare = spread(inRange(0, 0.002));
  const common = spread(inRange(0.01, 0.05));
  const vhigh = spread(inRange(0.3, 0.6));
  const pairs = async (pool: string[]) => {
    const out: string[][] = [];
    for (let i = 0; i < pool.length && out.length < 3; i++)
      for (let j = i + 1; j < pool.length && out.length < 3; j++)
        if ((await countMatches(db, dialect, 'achievement', expr([pool[i]!, pool[j]!]))) > 0)
          out.push([pool[i]!, pool[j]!]);
    return out;
  };
  const classes: { name: string; queries: string[][] }[] = [
    { name: 'rare (≤0.2%)', queries: rare.map((w) => [w]) },
    { name: 'common (1–5%)', queries: common.map((w) => [w]) },
    { name: 'very common (30–60%)', queries: vhigh.map((w) => [w]) },
    { name: 'two terms, common', queries: await pairs(inRange(0.01, 0.1)) },
    { name: 'two terms, very common', queries: await pairs(inRange(0.2, 0.6)) },
    {
      name: 'pinyin (common word)',
      queries: spread(inRange(0.01, 0.05).filter((w) => pinyinOf(w).length > 0)).map((w) => [
        pinyinOf(w)[0]!,
      ]),
    },
  ];

  // ---------- server ----------
  const app: App = await buildApp(deps, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const signIn = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'broker', password: DEMO_PASSWORD }),
  });
  if (signIn.status !== 200) throw new Error(`bench login failed: ${signIn.status}`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const path = (terms: string[], extra = '') =>
    `/api/v1/market/achievements/search?q=${encodeURIComponent(terms.join(' '))}&pageSize=20${extra}`;
  const timeGet = async (p: string) => {
    const t = performance.now();
    const res = await fetch(base + p, { headers: { cookie } });
    const body = (await res.json()) as { total?: number; capped?: boolean; tookMs?: number };
    if (res.status !== 200) throw new Error(`${p} → ${res.status}`);
    return { ms: performance.now() - t, body };
  };
  const timeRef = async (terms: string[], city: boolean) => {
    const t = performance.now();
    await rankedReference(db, dialect, 'achievement', expr(terms, city), 20);
    return performance.now() - t;
  };

  log(
    `\nlisted achievements: ${listed.toLocaleString('en')} · window ${config.marketSearch.window.toLocaleString('en')} · limiter ${config.marketSearch.concurrency} running + ${config.marketSearch.queue} waiting, budget ${config.marketSearch.budgetMs} ms`,
  );
  log(
    '\n## Latency per query class (HTTP, sequential, top 20 by relevance) vs plain engine ranking',
  );
  log(
    `| class | queries (matches) | city | ours p50 / p95 ms | server p50 ms | plain ${dialect.name === 'sqlite' ? 'FTS5 ORDER BY bm25' : 'ts_rank'} p50 / p95 ms | p95 ratio |`,
  );
  log('|---|---|---|---|---|---|---|');
  for (const c of classes) {
    for (const city of [false, true]) {
      const ours: number[] = [];
      const server: number[] = [];
      const ref: number[] = [];
      const shown: string[] = [];
      for (const q of c.queries) {
        const extra = city ? `&city=${CITY}` : '';
        const first = await timeGet(path(q, extra));
        shown.push(
          `${q.join('+')} (${(await countMatches(db, dialect, 'achievement', expr(q, city))).toLocaleString('en')})`,
        );
        void first;
        for (let i = 0; i < REPS; i++) {
          const r = await timeGet(path(q, extra));
          ours.push(r.ms);
          server.push(r.body.tookMs ?? Number.NaN);
        }
        await timeRef(q, city);
        for (let i = 0; i < Math.max(3, Math.floor(REPS / 4)); i++)
          ref.push(await timeRef(q, city));
      }
      for (const xs of [ours, server, ref]) xs.sort((a, b) => a - b);
      log(
        `| ${c.name} | ${shown.join(', ')} | ${city ? CITY : '–'} | ${f1(pct(ours, 50))} / ${f1(pct(ours, 95))} | ${f1(pct(server, 50))} | ${f1(pct(ref, 50))} / ${f1(pct(ref, 95))} | ${(pct(ref, 95) / pct(ours, 95)).toFixed(1)}× |`,
      );
    }
  }

  const vq = classes[2]!.queries;
  log('\n## Sorts and paging, very common terms (HTTP, sequential)');
  log('| request | p50 / p95 ms |\n|---|---|');
  for (const [label, extra] of [
    ['sort=newest', '&sort=newest'],
    ['sort=price_asc', '&sort=price_asc'],
    ['sort=price_desc + city', `&sort=price_desc&city=${CITY}`],
    ['relevance, page 25', '&page=25'],
    ['filters: city + TRL 7–9 + licence', `&city=${CITY}&trlMin=7&trlMax=9&mode=license`],
  ] as const) {
    const xs: number[] = [];
    for (const q of vq) for (let i = 0; i < REPS; i++) xs.push((await timeGet(path(q, extra))).ms);
    xs.sort((a, b) => a - b);
    log(`| ${label} | ${f1(pct(xs, 50))} / ${f1(pct(xs, 95))} |`);
  }

  await benchMatching({ base, cookie, db, dialect, reps: REPS, log });

  const mix = [
    ...classes.flatMap((c) => c.queries.map((q) => path(q))),
    ...common.map((w) => path([w], `&city=${CITY}`)),
    ...vhigh.map((w) => path([w], '&sort=newest')),
    ...rare.map((w) => path([w], '&sort=price_asc')),
    '/api/v1/market/achievements/search?pageSize=20',
  ];
  const report = async (
    label: string,
    paths: string[],
    connections: number,
    honourRetryAfter = false,
  ) => {
    const result = await new Promise<{
      byStatus: Record<string, number[]>;
      retryAfter: number;
      failures: number;
    }>((resolve, reject) => {
      const w = new Worker(new URL('./worker-shim.mjs', import.meta.url), {
        workerData: {
          entry: new URL('./search.client.ts', import.meta.url).href,
          base,
          cookie,
          paths,
          connections,
          seconds: SECONDS,
          honourRetryAfter,
        },
      });
      w.once('message', resolve);
      w.once('error', reject);
    });
    const ok = result.byStatus['200'] ?? [];
    const busy = result.byStatus['503'] ?? [];
    const other =
      Object.entries(result.byStatus)
        .filter(([s]) => s !== '200' && s !== '503')
        .reduce((n, [, l]) => n + l.length, 0) + result.failures;
    log(
      `| ${label} | ${connections} | ${(ok.length / SECONDS).toFixed(0)} | ${f1(pct(ok, 50))} / ${f1(pct(ok, 95))} / ${f1(pct(ok, 99))} | ${busy.length} (${result.retryAfter} with Retry-After) | ${f1(pct(busy, 99))} | ${other} |`,
    );
  };
  log(
    `\n## Under load (${SECONDS} s each; the load generator runs in a worker thread on the same 2 cores)`,
  );
  log(
    '| run | clients | served req/s | served p50 / p95 / p99 ms | 503 | 503 p99 ms | other errors |',
  );
  log('|---|---|---|---|---|---|---|');
  await report('realistic mix', mix, 10);
  const hot = vq.map((q) => path(q));
  await report('very common terms, clients retry at once', hot, 50);
  await report('very common terms, clients honour Retry-After', hot, 50, true);

  log(`\nload average (1 / 5 / 15 min) at end: ${load()}`);
  await app.close();
  await handle.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
