import { runArchiveCommand } from './core/audit/archive-command';
import { latestCheckpoint, writeCheckpoint } from './core/audit/checkpoints';
import { verifyAuditChain } from './core/audit/verify';
import { runBackupCommand } from './core/backup/command';
import { openDeps } from './core/bootstrap';
import { loadConfig } from './core/config';
import {
  aggregateSourceNames,
  rebuildCockpitAggregates,
} from './modules/cockpit/cockpit.aggregates';
import { recomputeAllTierResults } from './modules/indicators/indicators.recompute';
import { describeReindex, ensureSearchIndex } from './modules/market/market.reindex';
import { runVerifyCommand } from './modules/rankings/rankings.verify';
import { seedDemoData } from './modules/seed/seed.service';

const USAGE = `Usage: npm run corridor -- <command>
  audit verify           check the whole SM3 audit chain of the configured database
  audit checkpoint       sign the chain's head now (also every 5 minutes and at start/stop)
  audit archive --before YYYY-MM-DD DIR
                         move events older than that date (at least 180 days) to a file in DIR
  audit verify-archive FILE
                         re-check an archive file's chain and print its SM3
  seed [--scale N]       load deterministic demo data (N organisations, default 600)
  migrate                apply database migrations
  backup DIR             copy the database and uploaded files into the new folder DIR, with a
                         manifest (row counts, audit head, SM3 of each part)
  restore DIR            restore a backup into the configured, empty DATA_DIR or database,
                         then verify the audit chain
  cockpit rebuild        recompute the cockpit's aggregates from the registry
  tiers recompute        re-evaluate all stored tier results (after a rule-set version change)
  search reindex         rebuild the market's full-text index (each start does when its format
                         is out of date)
  ranking verify <edition.json> <signature.hex> <publickey.hex>
                         check a published ranking edition's SM2 signature offline`;

async function run(args: string[]): Promise<number> {
  const [command, sub, ...rest] = args;
  const config = loadConfig();
  if (command === 'audit' && sub === 'verify') {
    const { deps, handle } = await openDeps(config);
    const checkpoint = latestCheckpoint(deps);
    const result = await verifyAuditChain(deps.db, checkpoint);
    await handle.close();
    const held = checkpoint
      ? `held against the signed checkpoint of ${checkpoint.at} (${checkpoint.count} events)`
      : `no signed checkpoint in ${config.audit.checkpointDir} to hold it against`;
    if (result.ok) {
      process.stdout.write(
        `audit chain OK: ${result.checked} events verified (${deps.dialect.name}), ${held}\n`,
      );
      return 0;
    }
    process.stdout.write(
      `audit chain BROKEN at event ${result.firstBadId}: ${result.reason} (${result.checked} events verified before it)\n`,
    );
    return 2;
  }
  if (command === 'audit' && sub === 'checkpoint') {
    const { deps, handle } = await openDeps(config);
    const c = await writeCheckpoint(deps);
    await handle.close();
    process.stdout.write(
      `audit checkpoint signed: ${c.count} events, head ${c.headHash.slice(0, 16)}…, in ${config.audit.checkpointDir}\n`,
    );
    return 0;
  }
  if (command === 'audit' && (sub === 'archive' || sub === 'verify-archive'))
    return runArchiveCommand(config, sub, rest);
  if (command === 'seed') {
    const all = [sub, ...rest].filter((a): a is string => a !== undefined);
    const i = all.indexOf('--scale');
    const scale = i >= 0 ? Number(all[i + 1]) : config.seedScale;
    if (!Number.isInteger(scale) || scale < 0 || scale > 1_000_000) {
      process.stderr.write('--scale must be a whole number from 0 to 1000000\n');
      return 1;
    }
    const { deps, handle } = await openDeps(config);
    const result = await seedDemoData(deps, scale);
    await handle.close();
    process.stdout.write(
      `seeded ${result.orgs} organisations and ${result.accounts.length} accounts\n`,
    );
    return 0;
  }
  if (command === 'cockpit' && sub === 'rebuild') {
    const { deps, handle } = await openDeps(config);
    // `cockpit rebuild` rebuilds every source; `cockpit rebuild contract` only that one.
    const only = rest.length > 0 ? rest : undefined;
    const unknown = (only ?? []).filter((n) => !aggregateSourceNames().includes(n));
    if (unknown.length > 0) {
      await handle.close();
      process.stderr.write(
        `unknown source ${unknown.join(', ')}; sources: ${aggregateSourceNames().join(', ')}\n`,
      );
      return 1;
    }
    const report = await rebuildCockpitAggregates(deps, only);
    await handle.close();
    for (const r of report)
      process.stdout.write(
        `cockpit aggregates rebuilt: ${r.source}: ${r.counted} counted in ${r.rows} rows\n`,
      );
    return 0;
  }
  if (command === 'tiers' && sub === 'recompute') {
    const { deps, handle } = await openDeps(config);
    const r = await recomputeAllTierResults(deps);
    await handle.close();
    process.stdout.write(
      `tier results recomputed: ${r.orgs} organisations, ${r.rows} results, ${r.changed} changed\n`,
    );
    return 0;
  }
  if (command === 'search' && sub === 'reindex') {
    const { deps, handle } = await openDeps(config);
    const r = await ensureSearchIndex(deps, { force: true });
    await handle.close();
    process.stdout.write(`${describeReindex(r)}\n`);
    return 0;
  }
  if (command === 'ranking' && sub === 'verify') {
    // Offline: reads the three files only, no database.
    return runVerifyCommand(
      rest,
      (line) => process.stdout.write(`${line}\n`),
      (line) => process.stderr.write(`${line}\n`),
    );
  }
  if (command === 'backup' || command === 'restore') return runBackupCommand(config, command, sub);
  if (command === 'migrate') {
    const { handle } = await openDeps(config);
    await handle.close();
    process.stdout.write('migrations applied\n');
    return 0;
  }
  process.stderr.write(`${USAGE}\n`);
  return 1;
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
