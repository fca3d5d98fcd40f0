/**
 * npm run bench — each figure is printed beside a reference measured in the same run on the same
 * machine, so the ratio means something even when the machine's speed changes.
 *   BENCH_SCALE       organisations to load (default 100000)
 *   BENCH_SECONDS     seconds per load run (default 10)
 *   DATABASE_URL      bench on PostgreSQL instead of a fresh SQLite file
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { hash } from '@node-rs/argon2';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../src/app';
import { openDeps } from '../src/core/bootstrap';
import { loadConfig } from '../src/core/config';
import { seedDemoData } from '../src/modules/seed/seed.service';
import { benchRankings } from './rankings';
import { benchTiers } from './tiers';

const SCALE = Number(process.env.BENCH_SCALE ?? 100_000);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 10;

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

async function load(url: string, headers: Record<string, string> = {}) {
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx + result.errors,
  };
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), 'corridor-bench-'));
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    DATA_DIR: dataDir,
    LOGIN_RATE_PER_MINUTE: '100000',
  });
  const { deps, handle } = await openDeps(config);
  console.log(
    `# Corridor Cloud bench — ${new Date().toISOString()} — ${deps.dialect.name}, node ${process.version}`,
  );

  let t0 = performance.now();
  const seeded = await seedDemoData(deps, SCALE);
  console.log(
    `seed: ${seeded.orgs} organisations in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const app = await buildApp(deps, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;

  // Reference: a bare Fastify route answering 20 rows of the same shape from memory.
  const sample = await deps.db.selectFrom('orgs').selectAll().limit(20).execute();
  const bare = Fastify({ logger: false });
  bare.get('/orgs', async () => ({ items: sample, total: SCALE, page: 1, pageSize: 20 }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareUrl = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/orgs`;

  const loginRes = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'huangshi.admin', password: seeded.password.split(' ')[0] }),
  });
  const cookie = (loginRes.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  if (loginRes.status !== 200) throw new Error(`bench login failed: ${loginRes.status}`);

  const ours = await load(`${base}/api/v1/orgs?city=420200&pageSize=20`, { cookie });
  const ref = await load(bareUrl);
  console.log('\n## GET /api/v1/orgs?city=420200 (20 rows, signed in) vs bare Fastify route');
  console.log(`| route | req/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|`);
  console.log(
    `| /api/v1/orgs?city=… | ${ours.rps.toFixed(0)} | ${ours.p50} | ${ours.p99} | ${ours.non2xx} |`,
  );
  console.log(
    `| bare Fastify, same payload from memory | ${ref.rps.toFixed(0)} | ${ref.p50} | ${ref.p99} | ${ref.non2xx} |`,
  );
  console.log(`ratio ours / bare: ${(ours.rps / ref.rps).toFixed(2)}`);

  // Login latency beside the cost of the argon2id hash alone (the floor of any login).
  const logins: number[] = [];
  for (let i = 0; i < 40; i++) {
    t0 = performance.now();
    const r = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'province.admin', password: seeded.password.split(' ')[0] }),
    });
    await r.arrayBuffer();
    logins.push(performance.now() - t0);
  }
  const hashes: number[] = [];
  for (let i = 0; i < 40; i++) {
    t0 = performance.now();
    await hash('Reference#Password1', {
      algorithm: 2,
      memoryCost: 19_456,
      timeCost: 2,
      parallelism: 1,
    });
    hashes.push(performance.now() - t0);
  }
  logins.sort((a, b) => a - b);
  hashes.sort((a, b) => a - b);
  console.log('\n## Login latency (40 sequential) vs one argon2id hash (m=19 MiB, t=2, p=1)');
  console.log(`| measure | p50 ms | p95 ms |\n|---|---|---|`);
  console.log(
    `| POST /api/v1/auth/login | ${percentile(logins, 50).toFixed(1)} | ${percentile(logins, 95).toFixed(1)} |`,
  );
  console.log(
    `| argon2id hash alone | ${percentile(hashes, 50).toFixed(1)} | ${percentile(hashes, 95).toFixed(1)} |`,
  );

  // A ranking edition of BENCH_SCALE enterprises beside reading the same rows (issue 3).
  await benchRankings(deps);

  // Tier evaluation of BENCH_SCALE enterprises beside reading their indicator rows (issue 3).
  await benchTiers(deps);

  await app.close();
  await bare.close();
  await handle.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
