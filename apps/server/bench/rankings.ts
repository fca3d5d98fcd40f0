/**
 * Ranking bench: build a published edition of BENCH_SCALE enterprises — freeze the inputs,
 * score, build the canonical JSON, SM2-sign it, store entries — and print the time beside the
 * time to merely read the same input rows in the same run.
 *
 * Part of `npm run bench`; alone: node --import tsx apps/server/bench/rankings.ts
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  canonicalJson,
  earliestClosesOn,
  type RankingInput,
  type Role,
  type ScopeCode,
  scoreEdition,
} from '@corridor/contracts';
import { openDeps } from '../src/core/bootstrap';
import { loadConfig } from '../src/core/config';
import type { Ctx, Deps } from '../src/core/context';
import { setRankingInputSource } from '../src/modules/rankings/rankings.inputs';
import { createMethod, publishMethod } from '../src/modules/rankings/rankings.methods.service';
import { publishEdition } from '../src/modules/rankings/rankings.publish';
import { closeWindow, createEdition, openWindow } from '../src/modules/rankings/rankings.service';
import { generateKeyPair, signCanonical } from '../src/modules/rankings/rankings.verify';
import { seedDemoData } from '../src/modules/seed/seed.service';

const BENCH_YEAR = 2099;

/** Deterministic figures per org id (no indicators module needed at this scale). */
function valuesOf(id: number): Record<string, number> {
  const r = (k: number) => ((id * 2_654_435_761 + k * 40_503) % 1_000_003) / 1_000_003;
  return {
    revenueGrowth: Math.round((r(1) - 0.2) * 1e4) / 1e4,
    rdToRevenue: Math.round(r(2) * 0.2 * 1e4) / 1e4,
    ipTotal: Math.floor(r(3) * 60),
    debtRatio: Math.round(r(4) * 0.9 * 1e4) / 1e4,
    equityRaised: Math.round(r(5) * 5000 * 100) / 100,
  };
}

/**
 * The bench's input rows, read from the database: every organisation of the seeded registry
 * stands in for an enterprise, so an edition has exactly BENCH_SCALE entries.
 */
async function readInputs(deps: Deps): Promise<RankingInput[]> {
  const rows = await deps.db
    .selectFrom('orgs')
    .select(['id', 'creditCode', 'name', 'regionCode', 'industry'])
    .execute();
  return rows.map((o) => ({
    orgId: o.id,
    creditCode: o.creditCode,
    name: o.name,
    regionCode: o.regionCode,
    industry: o.industry,
    values: valuesOf(o.id),
  }));
}

async function publisherCtx(deps: Deps): Promise<Ctx> {
  const account = await deps.db
    .selectFrom('accounts')
    .innerJoin('accountRoles', 'accountRoles.accountId', 'accounts.id')
    .select(['accounts.id', 'username', 'displayName', 'regionCode', 'orgId'])
    .where('accountRoles.role', '=', 'ranking_publisher')
    .executeTakeFirstOrThrow();
  return {
    deps,
    actor: {
      ...account,
      roles: ['ranking_publisher' as Role],
      regionCode: account.regionCode as ScopeCode,
      sessionHash: 'bench',
      csrfToken: 'bench',
    },
    ip: '127.0.0.1',
    locale: 'zh-CN',
    requestId: 'bench',
  };
}

const secs = (ms: number) => (ms / 1000).toFixed(2);

export async function benchRankings(deps: Deps): Promise<void> {
  const ctx = await publisherCtx(deps);
  setRankingInputSource({ read: () => readInputs(deps) });

  let t0 = performance.now();
  const inputs = await readInputs(deps);
  const readMs = performance.now() - t0;
  const n = inputs.length;

  const method = await createMethod(ctx, {
    code: `bench-${Date.now()}`,
    name: '基准测试方法',
    description: null,
    normalisation: 'percentile',
    indicators: [
      { key: 'revenueGrowth', direction: 'higher', weight: 0.35 },
      { key: 'rdToRevenue', direction: 'higher', weight: 0.25 },
      { key: 'ipTotal', direction: 'higher', weight: 0.15 },
      { key: 'debtRatio', direction: 'lower', weight: 0.1 },
      { key: 'equityRaised', direction: 'higher', weight: 0.15 },
    ],
  });
  await publishMethod(ctx, method.id, method.revision);

  t0 = performance.now();
  const draft = await createEdition(ctx, {
    methodId: method.id,
    title: `${BENCH_YEAR} 基准测试榜单`,
    year: BENCH_YEAR,
    city: null,
    industry: null,
  });
  const draftMs = performance.now() - t0;
  // Opened as long ago as the minimum correction window, so it may close now.
  const openedAt = new Date(Date.now() - deps.config.rankings.minCorrectionDays * 86_400_000);
  const open = await openWindow(
    ctx,
    draft.id,
    {
      closesOn: earliestClosesOn(openedAt.getTime(), deps.config.rankings.minCorrectionDays),
      version: draft.version,
    },
    openedAt,
  );
  const closed = await closeWindow(ctx, draft.id, open.version);
  t0 = performance.now();
  const published = await publishEdition(ctx, draft.id, closed.version);
  const publishMs = performance.now() - t0;

  // The pure parts alone, on the same rows, to show where the publication time goes.
  t0 = performance.now();
  const entries = scoreEdition(
    {
      normalisation: 'percentile',
      indicators: method.indicators,
    },
    inputs,
  );
  const scoreMs = performance.now() - t0;
  t0 = performance.now();
  const text = canonicalJson({ entries });
  const jsonMs = performance.now() - t0;
  const key = generateKeyPair();
  t0 = performance.now();
  signCanonical(text, key.privateKey, key.publicKey);
  const signMs = performance.now() - t0;

  console.log(`\n## Ranking edition of ${n} enterprises (${deps.dialect.name})`);
  console.log('| step | seconds |\n|---|---|');
  console.log(`| read the input rows only (reference) | ${secs(readMs)} |`);
  console.log(`| draft: read + freeze the snapshot (${n} rows, SM3) | ${secs(draftMs)} |`);
  console.log(`| publish: score + canonical JSON + SM2 sign + store | ${secs(publishMs)} |`);
  console.log(`| — of which scoring alone | ${secs(scoreMs)} |`);
  console.log(
    `| — of which canonical JSON alone (${(text.length / 1e6).toFixed(1)} MB) | ${secs(jsonMs)} |`,
  );
  console.log(`| — of which SM3 + SM2 signature alone | ${secs(signMs)} |`);
  console.log(
    `build (draft + publish) / read: ${((draftMs + publishMs) / readMs).toFixed(1)}× · published ${published.entryCount} entries`,
  );
  setRankingInputSource(null);
}

// Run alone: a fresh SQLite database seeded to BENCH_SCALE.
if (import.meta.url === `file://${process.argv[1]}`) {
  const scale = Number(process.env.BENCH_SCALE ?? 100_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'corridor-bench-rankings-'));
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', DATA_DIR: dataDir });
  const { deps, handle } = await openDeps(config);
  await seedDemoData(deps, scale);
  await benchRankings(deps);
  await handle.close();
}
