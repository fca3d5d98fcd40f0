/**
 * Tier bench: evaluate every tier for BENCH_SCALE enterprises (their latest year, with the
 * earlier years and certificates the rules read) and print the time beside the time to merely
 * read the same indicator rows from the database, in the same run.
 *
 * Part of `npm run bench`; alone: npm run bench:tiers (fresh SQLite, or DATABASE_URL).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateAllTiers } from '@corridor/contracts';
import type { Insertable } from 'kysely';
import { openDeps } from '../src/core/bootstrap';
import { loadConfig } from '../src/core/config';
import { type Deps, systemCtx } from '../src/core/context';
import type { TierResultsTable } from '../src/core/db/schema';
import { DEFAULT_SEED, generateOrgs } from '../src/core/demo/orgs';
import { summarise, toEnterpriseYear } from '../src/modules/indicators/indicators.evaluate';
import {
  bulkLoadIndicators,
  type LoadItem,
} from '../src/modules/indicators/indicators.load.service';
import * as repo from '../src/modules/indicators/indicators.repo';
import { generateIndicators } from '../src/modules/indicators/indicators.seed';
import {
  refreshTierResults,
  storedYears,
} from '../src/modules/indicators/indicators.tiers.service';
import { bulkInsertOrgs, findOrgFactsByCreditCodes } from '../src/modules/orgs/orgs.service';

const SCALE = Number(process.env.BENCH_SCALE ?? 100_000);
const BATCH = 5_000;
const secs = (ms: number) => (ms / 1000).toFixed(2);

/** BENCH_SCALE enterprises: the registry's own, topped up with generated ones if too few. */
async function enterprises(deps: Deps, n: number) {
  const ctx = systemCtx(deps);
  const rows = await deps.db
    .selectFrom('orgs')
    .select(['id', 'creditCode', 'regionCode', 'industry', 'foundedOn', 'type'])
    .where('type', '=', 'enterprise')
    .orderBy('id')
    .limit(n)
    .execute();
  const have = new Set(rows.map((r) => r.creditCode));
  if (rows.length < n) {
    // a different seed: other credit codes than the demo registry's
    const extra = [];
    for (const org of generateOrgs({
      scale: Math.ceil((n - rows.length) * 1.05),
      seed: DEFAULT_SEED + 7,
    })) {
      if (!have.has(org.creditCode)) extra.push({ ...org, type: 'enterprise' as const });
      if (rows.length + extra.length >= n) break;
    }
    const taken = new Set(
      (
        await findOrgFactsByCreditCodes(
          ctx,
          extra.map((o) => o.creditCode),
        )
      ).map((f) => f.creditCode),
    );
    const fresh = extra.filter((o) => !taken.has(o.creditCode));
    for (let i = 0; i < fresh.length; i += 5_000)
      await bulkInsertOrgs(ctx, fresh.slice(i, i + 5_000));
    const added = await findOrgFactsByCreditCodes(
      ctx,
      extra.map((o) => o.creditCode),
    );
    const industry = new Map(extra.map((o) => [o.creditCode, o.industry]));
    rows.push(...added.map((a) => ({ ...a, industry: industry.get(a.creditCode) ?? null })));
  }
  return rows.slice(0, n);
}

/** Loads the bench's indicators (in batches, so the plans never all sit in memory). */
async function load(deps: Deps, orgs: Awaited<ReturnType<typeof enterprises>>) {
  const ctx = systemCtx(deps);
  const total = { years: 0, certificates: 0 };
  for (let i = 0; i < orgs.length; i += BATCH) {
    const items: LoadItem[] = orgs.slice(i, i + BATCH).map((o) => ({
      org: { id: o.id, regionCode: o.regionCode, industry: o.industry, foundedOn: o.foundedOn },
      plan: generateIndicators(o),
    }));
    const loaded = await bulkLoadIndicators(ctx, items, { evaluate: false });
    total.years += loaded.years;
    total.certificates += loaded.certificates;
  }
  return total;
}

function groupBy<T extends { orgId: number }>(items: T[]): Map<number, T[]> {
  const map = new Map<number, T[]>();
  for (const item of items) {
    const list = map.get(item.orgId);
    if (list) list.push(item);
    else map.set(item.orgId, [item]);
  }
  return map;
}

export async function benchTiers(deps: Deps): Promise<void> {
  let t0 = performance.now();
  const orgs = await enterprises(deps, SCALE);
  const loaded = await load(deps, orgs);
  const loadMs = performance.now() - t0;

  // Batch by batch, as a rebuild job would: read the rows (the reference), evaluate the latest
  // year of each enterprise (measured), write the nine results per enterprise.
  let readMs = 0;
  let evalMs = 0;
  let storeMs = 0;
  // CPU time beside wall time: on a shared machine the wall clock also counts other processes.
  const cpu = { read: 0, eval: 0, store: 0 };
  const cpuNow = () => {
    const u = process.cpuUsage();
    return (u.user + u.system) / 1000;
  };
  let c0 = 0;
  let rowsRead = 0;
  let evaluated = 0;
  let eligible = 0;
  let written = 0;
  const now = new Date().toISOString();
  for (let i = 0; i < orgs.length; i += BATCH) {
    const batch = orgs.slice(i, i + BATCH);
    const ids = batch.map((o) => o.id);
    t0 = performance.now();
    c0 = cpuNow();
    const rows = await repo.yearRowsOfOrgs(deps.db, ids);
    const certs = await repo.certificatesOfOrgs(deps.db, ids);
    readMs += performance.now() - t0;
    cpu.read += cpuNow() - c0;
    rowsRead += rows.length + certs.length;

    t0 = performance.now();
    c0 = cpuNow();
    const byOrg = groupBy(rows);
    const certsOf = groupBy(certs);
    const tierRows: Insertable<TierResultsTable>[] = [];
    for (const o of batch) {
      const years = storedYears(byOrg.get(o.id) ?? []);
      const latest = Math.max(...years.map((y) => y.year));
      const input = toEnterpriseYear(years, latest, certsOf.get(o.id) ?? [], o);
      if (!input) continue;
      const results = evaluateAllTiers(input);
      evaluated += 1;
      if (results.techSme.eligible) eligible += 1;
      for (const t of summarise(results)) {
        tierRows.push({
          orgId: o.id,
          year: latest,
          tier: t.tier,
          regionCode: o.regionCode,
          eligible: t.eligible ? 1 : 0,
          via: t.via,
          withinReach: t.withinReach ? 1 : 0,
          total: t.total,
          gapCount: t.gapCount,
          ruleSetId: t.ruleSetId,
          evaluatedAt: now,
        });
      }
    }
    evalMs += performance.now() - t0;
    cpu.eval += cpuNow() - c0;

    t0 = performance.now();
    c0 = cpuNow();
    await deps.db.transaction().execute((trx) => repo.replaceTierResults(trx, ids, tierRows));
    storeMs += performance.now() - t0;
    cpu.store += cpuNow() - c0;
    written += tierRows.length;
  }

  // One enterprise's refresh, as a save does it in its transaction (200 of them).
  const single: number[] = [];
  for (const o of orgs.slice(0, 200)) {
    const s0 = performance.now();
    await deps.db.transaction().execute((trx) => refreshTierResults(trx, [o]));
    single.push(performance.now() - s0);
  }
  single.sort((a, b) => a - b);

  console.log(`\n## Tier evaluation of ${evaluated} enterprises vs reading their indicator rows`);
  console.log(
    `(loaded ${loaded.years} indicator years and ${loaded.certificates} certificates in ${secs(loadMs)} s; ${eligible} eligible for 科技型中小企业)`,
  );
  console.log('| step | rows | wall s | CPU s | µs / enterprise (wall) |\n|---|---|---|---|---|');
  const line = (label: string, n: number, ms: number, cpuMs: number) =>
    console.log(
      `| ${label} | ${n} | ${secs(ms)} | ${secs(cpuMs)} | ${((ms * 1000) / Math.max(evaluated, 1)).toFixed(0)} |`,
    );
  line('read indicator rows + certificates (reference)', rowsRead, readMs, cpu.read);
  line('evaluate 9 tiers, latest year', evaluated, evalMs, cpu.eval);
  line('write tier_results', written, storeMs, cpu.store);
  console.log(
    `ratio evaluate / read: ${(evalMs / readMs).toFixed(2)} (wall), ${(cpu.eval / cpu.read).toFixed(2)} (CPU)`,
  );
  console.log(
    `one enterprise's refresh in its transaction: p50 ${single[100]?.toFixed(1)} ms, p95 ${single[190]?.toFixed(1)} ms`,
  );
}

// Run alone: a fresh SQLite database (or DATABASE_URL), enterprises generated for the bench.
if (import.meta.url === `file://${process.argv[1]}`) {
  const dataDir = mkdtempSync(join(tmpdir(), 'corridor-bench-tiers-'));
  const config = loadConfig({ ...process.env, LOG_LEVEL: 'silent', DATA_DIR: dataDir });
  const { deps, handle } = await openDeps(config);
  console.log(
    `# Tier bench — ${new Date().toISOString()} — ${deps.dialect.name}, node ${process.version}`,
  );
  await benchTiers(deps);
  await handle.close();
}
