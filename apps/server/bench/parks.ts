/**
 * Co-built parks: the parks list a city admin opens (GET /parks, its city's parks with phases and
 * rules) beside a bare Fastify route answering the same payload from memory, and the split +
 * promised-vs-paid computation of every park beside reading the rows it works on, in the same run.
 * `npm run bench:parks` (BENCH_PARKS parks × 7 years × 6 items; DATABASE_URL for PostgreSQL).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisedVsPaid } from '@corridor/contracts';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../src/app';
import { openDeps } from '../src/core/bootstrap';
import { loadConfig } from '../src/core/config';
import { systemCtx } from '../src/core/context';
import { createAccountAsSystem } from '../src/modules/accounts/accounts.service';
import { computeSplits } from '../src/modules/parks/parks.figures.service';
import { phaseOf } from '../src/modules/parks/parks.present';
import * as repo from '../src/modules/parks/parks.repo';
import { groupBy } from '../src/modules/parks/parks.service';

const PARKS = Number(process.env.BENCH_PARKS ?? 500);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PASSWORD = 'Bench#Parks#2026kv';
const ITEMS = [
  'vat_local',
  'cit_local',
  'land_revenue',
  'gdp',
  'fixed_investment',
  'outside_funds',
];
const CITIES = ['420100', '420700', '420200', '421200'];

async function load(url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections: 10, duration: SECONDS, headers });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'corridor-bench-parks-')),
    LOGIN_RATE_PER_MINUTE: '100000',
  });
  const { deps, handle } = await openDeps(config);
  const { db } = deps;
  console.log(`# Co-built parks bench — ${new Date().toISOString()} — ${deps.dialect.name}`);
  const now = new Date().toISOString();
  let t0 = performance.now();
  // Every park is Huanggang's (host) with one other city; two phases, 2019–2025 figures, payments.
  for (let p = 0; p < PARKS; p++) {
    const other = CITIES[p % CITIES.length]!;
    await db.transaction().execute(async (trx) => {
      const id = await repo.insertPark(trx, {
        name: `基准共建园区${p}`,
        hostCity: '421100',
        areaKm2: 5,
        establishedOn: '2019-01-01',
        termEndsOn: null,
        agreementTitle: '基准协议',
        description: null,
        version: 1,
        createdAt: now,
        createdBy: null,
        updatedAt: now,
        updatedBy: null,
      });
      await repo.replaceParties(trx, id, [
        { cityCode: other, role: 'outflow' },
        { cityCode: '421100', role: 'inflow' },
      ]);
      const ratios = (a: number) => [
        { cityCode: other, percent: a },
        { cityCode: '421100', percent: 100 - a },
      ];
      const rules = (a: number) => [
        {
          item: 'vat_local',
          method: 'split',
          base: 'after_incentives',
          ratios: ratios(a),
          toCity: null,
          coalitions: [],
        },
        {
          item: 'cit_local',
          method: 'split',
          base: 'gross',
          ratios: ratios(a),
          toCity: null,
          coalitions: [],
        },
        {
          item: 'land_revenue',
          method: 'by_equity',
          base: 'gross',
          ratios: [],
          toCity: null,
          coalitions: [],
        },
        {
          item: 'gdp',
          method: 'split',
          base: 'gross',
          ratios: ratios(30),
          toCity: null,
          coalitions: [],
        },
        {
          item: 'fixed_investment',
          method: 'double_count',
          base: 'gross',
          ratios: [],
          toCity: null,
          coalitions: [],
        },
        {
          item: 'outside_funds',
          method: 'to_party',
          base: 'gross',
          ratios: [],
          toCity: other,
          coalitions: [],
        },
      ];
      for (const [startsOn, endsOn, a] of [
        ['2019-01-01', '2022-12-31', 40],
        ['2023-01-01', null, 50],
      ] as const)
        await repo.insertPhase(trx, {
          parkId: id,
          startsOn,
          endsOn,
          governance: 'joint',
          equity: JSON.stringify(ratios(55)),
          rules: JSON.stringify(rules(a)),
          note: null,
          version: 1,
          createdAt: now,
          updatedAt: now,
        });
      for (let year = 2019; year <= 2025; year++) {
        for (const item of ITEMS)
          await repo.insertFigure(trx, {
            parkId: id,
            year,
            item,
            valueWan: 1000 + p + year,
            incentivesWan: 50,
            reportedBy: '421100',
            note: null,
            version: 1,
            createdAt: now,
            createdBy: null,
            updatedAt: now,
            updatedBy: null,
          });
        await repo.insertPayment(trx, {
          parkId: id,
          year,
          item: 'vat_local',
          payerCity: '421100',
          payeeCity: other,
          amountWan: 300,
          paidOn: `${year + 1}-04-30`,
          note: null,
          createdAt: now,
          createdBy: null,
        });
      }
    });
  }
  console.log(
    `setup: ${PARKS} parks, ${PARKS * 42} figures in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  // The heaviest computation: every park's split and statement, beside reading its rows.
  const reads: number[] = [];
  const computes: number[] = [];
  for (let run = 0; run < 5; run++) {
    t0 = performance.now();
    const parks = await repo.listParks(db, null);
    const ids = parks.map((p) => p.id);
    const [parties, phases, figures, payments] = await Promise.all([
      repo.partiesOf(db, ids),
      repo.phasesOf(db, ids),
      repo.figuresOf(db, ids),
      repo.paymentsOf(db, ids),
    ]);
    reads.push(performance.now() - t0);
    t0 = performance.now();
    for (const id of ids) {
      const cities = parties.filter((x) => x.parkId === id).map((x) => x.cityCode);
      const own = phases.filter((x) => x.parkId === id).map(phaseOf);
      const { splits } = computeSplits(
        cities,
        own,
        figures.filter((f) => f.parkId === id),
      );
      promisedVsPaid(splits, payments.filter((x) => x.parkId === id) as never);
    }
    computes.push(performance.now() - t0);
  }
  console.log('\n## Split + promised vs paid of every park vs reading its rows (median of 5)');
  console.log('| step | ms |\n|---|---|');
  console.log(
    `| read parks, parties, phases, figures, payments (reference) | ${median(reads).toFixed(1)} |`,
  );
  console.log(`| compute every split and statement | ${median(computes).toFixed(1)} |`);
  console.log(`ratio compute / read: ${(median(computes) / median(reads)).toFixed(2)}`);

  await createAccountAsSystem(systemCtx(deps), {
    username: 'bench.parks',
    displayName: '基准测试',
    password: PASSWORD,
    roles: ['city_admin'],
    regionCode: '421100',
    orgId: null,
  });
  const app = await buildApp(deps, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const login = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'bench.parks', password: PASSWORD }),
  });
  if (login.status !== 200) throw new Error(`bench login failed: ${login.status}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const payload = await (await fetch(`${base}/api/v1/parks`, { headers: { cookie } })).text();
  const bare = Fastify({ logger: false });
  bare.get('/parks', async (_r, reply) => reply.type('application/json').send(payload));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const ours = await load(`${base}/api/v1/parks`, { cookie });
  const ref = await load(
    `http://127.0.0.1:${(bare.server.address() as { port: number }).port}/parks`,
  );
  console.log(
    `\n## GET /api/v1/parks (${PARKS} parks with phases, city admin) vs bare Fastify, same payload`,
  );
  console.log('| route | req/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|');
  console.log(
    `| /api/v1/parks | ${ours.rps.toFixed(0)} | ${ours.p50} | ${ours.p99} | ${ours.non2xx} |`,
  );
  console.log(
    `| bare Fastify, same payload from memory | ${ref.rps.toFixed(0)} | ${ref.p50} | ${ref.p99} | ${ref.non2xx} |`,
  );
  console.log(`ratio ours / bare: ${(ours.rps / ref.rps).toFixed(2)}`);
  await app.close();
  await bare.close();
  await handle.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
