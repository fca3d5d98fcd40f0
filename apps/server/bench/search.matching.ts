/**
 * Matching part of the search bench: `GET /matching/demands/:id/achievements` for a few
 * realistic demands, created and published through the API by the demo enterprise account,
 * beside two references for the same probe terms, one after another: the search route per term
 * (how matching found its candidates before) and the bare engine-ranked query (FTS5 bm25 /
 * ts_rank, top 20 per term: what an engine-ranked matcher would run at least).
 */
import type { Demand } from '@corridor/contracts';
import type { Db, Dialect } from '../src/core/db/dialect';
import { DEMO_PASSWORD } from '../src/modules/accounts/accounts.demo';
import { demandTokens, probeTerms } from '../src/modules/matching/matching.service';
import { countMatches, type MatchSpec, rankedReference } from '../src/modules/search';

/** Demands written like the demo ones (market.seed.ts): one of common words, one of rare ones. */
export const BENCH_DEMANDS = [
  {
    label: 'common terms',
    title: '智能检测系统技术需求',
    description:
      '我单位在生产中遇到检测效率低、人工依赖强的问题，希望通过技术合作开发智能检测系统，' +
      '提升检测效率，要求技术成熟度不低于6级，应用于工业加工场景。',
    field: 'advancedManufacturing',
  },
  {
    label: 'rare terms',
    title: '寻求光纤陀螺在线标定解决方案',
    description:
      '公司计划开展光纤陀螺在线标定方面的检测精度低问题，希望通过联合攻关实现可靠性提升，' +
      '要求技术成熟度不低于7级，应用于航空电子场景。',
    field: 'electronicInformation',
  },
] as const;

interface Env {
  base: string;
  /** The broker's session cookie (the bench's reader). */
  cookie: string;
  db: Db;
  dialect: Dialect;
  reps: number;
  log: (line?: string) => void;
}

const pct = (xs: number[], p: number) =>
  xs.length ? xs[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]! : Number.NaN;
const f1 = (n: number) => (Number.isFinite(n) ? n.toFixed(1) : '–');

async function signIn(base: string, username: string) {
  const res = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: DEMO_PASSWORD }),
  });
  if (res.status !== 200) throw new Error(`bench login ${username} failed: ${res.status}`);
  const me = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '', csrf: me.csrfToken };
}

/** Creates and publishes a demand as the demo enterprise, like its owner would in the web app. */
async function publishDemand(
  base: string,
  owner: { cookie: string; csrf: string },
  d: (typeof BENCH_DEMANDS)[number],
) {
  const post = async (path: string, body: object) => {
    const res = await fetch(base + path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        cookie: owner.cookie,
        'x-csrf-token': owner.csrf,
      },
      body: JSON.stringify(body),
    });
    const json = (await res.json()) as Demand;
    if (res.status >= 300) throw new Error(`${path} → ${res.status} ${JSON.stringify(json)}`);
    return json;
  };
  const created = await post('/api/v1/market/demands', {
    title: d.title,
    description: d.description,
    field: d.field,
    industry: null,
    budgetWan: 200,
    deadline: '2099-12-31',
  });
  return post(`/api/v1/market/demands/${created.id}/publish`, { version: created.version });
}

export async function benchMatching(env: Env): Promise<void> {
  const { base, cookie, db, dialect, reps, log } = env;
  const owner = await signIn(base, 'enterprise');
  const expr = (terms: string[]): MatchSpec => ({ terms, scope: 'all', filters: [] });
  const timed = async (fn: () => Promise<unknown>) => {
    const t = performance.now();
    await fn();
    return performance.now() - t;
  };
  log('\n## Matching: achievements for one demand (HTTP, sequential) vs engine-ranked probes');
  log(
    `| demand | probe terms (matches) | ours p50 / p95 ms | matches found | search route per term, in sequence, p50 / p95 ms | plain ${dialect.name === 'sqlite' ? 'bm25' : 'ts_rank'} top 20 per term, in sequence, p50 / p95 ms |`,
  );
  log('|---|---|---|---|---|---|');
  for (const d of BENCH_DEMANDS) {
    const demand = await publishDemand(base, owner, d);
    const terms = probeTerms(demandTokens(demand));
    const shown: string[] = [];
    for (const t of terms) {
      shown.push(
        `${t} (${(await countMatches(db, dialect, 'achievement', expr([t]))).toLocaleString('en')})`,
      );
    }
    const url = `${base}/api/v1/matching/demands/${demand.id}/achievements`;
    let found = 0;
    const get = async () => {
      const res = await fetch(url, { headers: { cookie } });
      const body = (await res.json()) as { items: unknown[] };
      if (res.status !== 200) throw new Error(`${url} → ${res.status} ${JSON.stringify(body)}`);
      found = body.items.length;
    };
    await get();
    const ours: number[] = [];
    for (let i = 0; i < reps; i++) ours.push(await timed(get));
    // What matching ran before it had its own candidate walk: a full search per probe term.
    const searches = async () => {
      for (const t of terms) {
        const q = `q=${encodeURIComponent(t)}&pageSize=20`;
        const res = await fetch(`${base}/api/v1/market/achievements/search?${q}`, {
          headers: { cookie },
        });
        await res.arrayBuffer();
      }
    };
    await searches();
    const viaSearch: number[] = [];
    for (let i = 0; i < reps; i++) viaSearch.push(await timed(searches));
    const reference = async () => {
      for (const t of terms) await rankedReference(db, dialect, 'achievement', expr([t]), 20);
    };
    await reference();
    const ref: number[] = [];
    for (let i = 0; i < Math.max(3, Math.floor(reps / 4)); i++) ref.push(await timed(reference));
    for (const xs of [ours, viaSearch, ref]) xs.sort((a, b) => a - b);
    log(
      `| ${d.label}: ${d.title} | ${shown.join(', ')} | ${f1(pct(ours, 50))} / ${f1(pct(ours, 95))} | ${found} | ${f1(pct(viaSearch, 50))} / ${f1(pct(viaSearch, 95))} | ${f1(pct(ref, 50))} / ${f1(pct(ref, 95))} |`,
    );
  }
}
