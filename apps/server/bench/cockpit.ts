/**
 * npm run bench:cockpit (run by npm run bench) — the cockpit's latency from its aggregates,
 * beside the same figures computed by a full scan of the registry in the same run.
 *   BENCH_SCALE       organisations to load (default 100000)
 *   BENCH_RUNS        timed requests per measure (default 200)
 *   BENCH_CONTRACTS   registered technology contracts to load (default 1000000)
 *   DATABASE_URL      bench on PostgreSQL instead of a fresh SQLite file
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CITIES, CITY_CODES, ORG_TYPES, PROVINCE_CODE } from '@corridor/contracts';
import { buildApp } from '../src/app';
import { openDeps } from '../src/core/bootstrap';
import { loadConfig } from '../src/core/config';
import { type Actor, type Ctx, systemCtx } from '../src/core/context';
import { rebuildCockpitAggregates } from '../src/modules/cockpit/cockpit.aggregates';
import { cityContractFigures, contractFigures } from '../src/modules/cockpit/cockpit.figures';
import { getCityDetail, getPublicCockpit } from '../src/modules/cockpit/cockpit.service';
import { orgCountsSource } from '../src/modules/orgs/orgs.aggregates';
import { seedDemoData } from '../src/modules/seed/seed.service';
import { BENCH_YEARS, loadContracts, scanContractRows } from './cockpit-contracts';

const SCALE = Number(process.env.BENCH_SCALE ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 200);
const CONTRACTS = Number(process.env.BENCH_CONTRACTS ?? 1_000_000);

function stats(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
  return { p50: at(50), p95: at(95), max: s.at(-1) ?? NaN };
}

async function time(runs: number, fn: () => Promise<unknown>) {
  for (let i = 0; i < Math.min(10, runs); i++) await fn(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  return stats(samples);
}

/** Org counts per city × type, as the public view shows them. */
type CityTypeCounts = Record<string, Record<string, number>>;
function perCityType(rows: { regionCode: string; type: string; n: number }[]): CityTypeCounts {
  const out: CityTypeCounts = Object.fromEntries(
    CITIES.map((c) => [c.code, Object.fromEntries(ORG_TYPES.map((t) => [t, 0]))]),
  );
  for (const r of rows) {
    const city = out[r.regionCode];
    if (city) city[r.type] = (city[r.type] ?? 0) + r.n;
  }
  return out;
}

async function main() {
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'corridor-bench-cockpit-')),
  });
  const { deps, handle } = await openDeps(config);
  console.log(
    `# Cockpit bench — ${new Date().toISOString()} — ${deps.dialect.name}, node ${process.version}`,
  );

  let t0 = performance.now();
  const seeded = await seedDemoData(deps, SCALE);
  console.log(
    `seed: ${seeded.orgs} organisations in ${((performance.now() - t0) / 1000).toFixed(1)} s (aggregates kept current in the same transactions)`,
  );
  t0 = performance.now();
  const rebuilt = await rebuildCockpitAggregates(deps);
  console.log(
    `rebuild: ${rebuilt.map((r) => `${r.source} ${r.counted} → ${r.rows} rows`).join(', ')} in ${(performance.now() - t0).toFixed(0)} ms`,
  );

  // The same figures both ways, checked equal before anything is timed.
  const ctx = systemCtx(deps);
  const fromAggregates = await getPublicCockpit(ctx, {});
  const fromScan = perCityType(await orgCountsSource.compute(deps.db));
  const same = CITIES.every((c) =>
    ORG_TYPES.every(
      (t) =>
        fromAggregates.cities.find((x) => x.code === c.code)?.byType[t] === fromScan[c.code]?.[t],
    ),
  );
  if (!same) throw new Error('aggregates and full scan disagree');

  const app = await buildApp(deps, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const url = `http://127.0.0.1:${(app.server.address() as { port: number }).port}/api/v1/cockpit/public`;

  const http = await time(RUNS, async () => (await fetch(url)).arrayBuffer());
  const service = await time(RUNS, () => getPublicCockpit(ctx, {}));
  const scan = await time(Math.max(10, Math.floor(RUNS / 10)), async () =>
    perCityType(await orgCountsSource.compute(deps.db)),
  );

  console.log(
    `\n## Cockpit figures with ${SCALE.toLocaleString('en')} organisations (figures checked equal)`,
  );
  console.log('| measure | p50 ms | p95 ms | max ms |\n|---|---|---|---|');
  const row = (name: string, s: ReturnType<typeof stats>) =>
    console.log(`| ${name} | ${s.p50.toFixed(2)} | ${s.p95.toFixed(2)} | ${s.max.toFixed(2)} |`);
  row('GET /api/v1/cockpit/public (HTTP, from aggregates, whole view)', http);
  row('getPublicCockpit (service, from aggregates, whole view)', service);
  row('full scan of orgs (org figures only, grouped in SQL)', scan);
  console.log(
    `ratio full scan / aggregates (service p50): ${(scan.p50 / service.p50).toFixed(1)}×`,
  );

  // Technology contracts: loaded into the deals module's own table, the cockpit's contract
  // aggregates kept current in the same transactions, then timed beside a scan of that table.
  const loadMs = await loadContracts(deps, CONTRACTS);
  const contracts = await deps.db
    .selectFrom('deals')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  console.log(
    `\ncontracts: ${CONTRACTS.toLocaleString('en')} registered contracts loaded (${Number(contracts.n).toLocaleString('en')} in deals, years ${BENCH_YEARS[0]}–${BENCH_YEARS.at(-1)}) with their aggregates in ${(loadMs / 1000).toFixed(1)} s`,
  );
  const year = 2025;
  const leader: Actor = {
    id: 0,
    username: 'bench',
    displayName: 'bench',
    roles: ['province_admin'],
    regionCode: PROVINCE_CODE,
    orgId: null,
    sessionHash: '',
    csrfToken: '',
  };
  const leaderCtx: Ctx = { ...ctx, actor: leader };
  const city = CITY_CODES[0];
  const scanPublic = async () => contractFigures(await scanContractRows(deps, year), year, true);
  const scanCity = async () => cityContractFigures(await scanContractRows(deps, year), city, year);
  const apiPublic = await getPublicCockpit(ctx, { year });
  const apiCity = await getCityDetail(leaderCtx, city, { year });
  const ref = await scanPublic();
  const differ: string[] = [];
  if (JSON.stringify(apiPublic.contracts) !== JSON.stringify(ref.view)) differ.push('public view');
  for (const c of apiPublic.cities)
    if (
      JSON.stringify([c.contractsOut, c.contractsIn]) !==
      JSON.stringify([ref.out(c.code), ref.in(c.code)])
    )
      differ.push(`city ${c.code} out/in`);
  if (JSON.stringify(apiCity.contracts) !== JSON.stringify(await scanCity()))
    differ.push(`city view ${city}`);
  console.log(
    differ.length === 0
      ? `contract figures of ${year}: aggregates and full scan EQUAL (turnover ${apiPublic.contracts.total.amountWan.toFixed(2)} 万元 in ${apiPublic.contracts.total.count.toLocaleString('en')} contracts, cross-city share ${apiPublic.contracts.crossCityShare?.toFixed(2)} %)`
      : `CONTRACT FIGURES DIFFER between aggregates and full scan: ${differ.join(', ')}`,
  );

  // The load outlasts the server's keep-alive timeout: drop the stale pooled socket first.
  await fetch(url).then(
    (r) => r.arrayBuffer(),
    () => undefined,
  );
  const cHttp = await time(RUNS, async () => (await fetch(`${url}?year=${year}`)).arrayBuffer());
  const cService = await time(RUNS, () => getPublicCockpit(ctx, { year }));
  const cCity = await time(RUNS, () => getCityDetail(leaderCtx, city, { year }));
  const scanRuns = Math.max(5, Math.floor(RUNS / 20));
  const cScan = await time(scanRuns, scanPublic);
  const cScanCity = await time(scanRuns, scanCity);
  console.log(
    `\n## Cockpit contract figures of ${year} with ${Number(contracts.n).toLocaleString('en')} contracts and ${SCALE.toLocaleString('en')} organisations (${differ.length === 0 ? 'figures checked equal' : 'FIGURES DIFFER'})`,
  );
  console.log('| measure | p50 ms | p95 ms | max ms |\n|---|---|---|---|');
  row(`GET /api/v1/cockpit/public?year=${year} (HTTP, from aggregates, whole view)`, cHttp);
  row(`getPublicCockpit (service, from aggregates, whole view)`, cService);
  row(`getCityDetail ${city} (service, leaders' city view, from aggregates)`, cCity);
  row(`full scan of deals (contract figures of the public view, grouped in SQL)`, cScan);
  row(`full scan of deals (contract figures of the ${city} city view)`, cScanCity);
  console.log(
    `ratio full scan / aggregates (service p50): public ${(cScan.p50 / cService.p50).toFixed(1)}×, city view ${(cScanCity.p50 / cCity.p50).toFixed(1)}×`,
  );

  await app.close();
  await handle.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
