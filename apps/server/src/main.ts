import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { writeCheckpoint } from './core/audit/checkpoints';
import { openDeps } from './core/bootstrap';
import { ConfigError, loadConfig } from './core/config';
import { startScheduler } from './core/jobs/runner';
import { JOBS } from './modules/jobs/jobs.registry';
import { describeReindex, ensureSearchIndex } from './modules/market/market.reindex';
import { sealPlainPrivateKeys } from './modules/rankings/rankings.keys';
import { ensureDemoData } from './modules/seed/seed.service';

const here = dirname(fileURLToPath(import.meta.url));

async function main() {
  const config = loadConfig();
  const { deps, handle } = await openDeps(config);
  // Keys stored in the clear by an older version are sealed before anything is served.
  await sealPlainPrivateKeys(deps);
  // An index built by an older version (another SEARCH_INDEX_FORMAT) is rebuilt before serving.
  const reindex = await ensureSearchIndex(deps, {
    onRebuild: () => process.stdout.write('Rebuilding the search index (its format changed)…\n'),
  });
  const seeded = await ensureDemoData(deps, config.seedScale);
  // A signed checkpoint of the audit chain at every start (then every 5 minutes, and at stop).
  await writeCheckpoint(deps);
  const app = await buildApp(deps, { webDist: resolve(here, '../../web/dist') });
  await app.listen({ port: config.port, host: config.host });
  // Every process schedules; job_runs' unique slot key makes each slot run once among them.
  const scheduler = startScheduler(deps, JOBS, {
    onError: (error) => app.log.error({ err: error }, 'job scheduler tick failed'),
  });

  const url = `http://localhost:${config.port}`;
  const lines = [
    '',
    `光谷科创大走廊协同创新云平台 Corridor Cloud — ${url}`,
    `Database: ${deps.dialect.name}${deps.dialect.name === 'sqlite' ? ` (${resolve(config.dataDir, 'corridor.db')})` : ''}`,
    `API docs: ${url}/api/docs`,
  ];
  if (reindex.achievements + reindex.demands > 0) lines.push(describeReindex(reindex));
  if (seeded.accounts.length > 0) {
    lines.push('', `Demo accounts (password for all: ${seeded.password}):`);
    for (const a of seeded.accounts) lines.push(`  ${a.username.padEnd(18)} ${a.label}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);

  // Graceful shutdown: stop accepting, let in-flight requests finish, then close the pool.
  const shutdown = async (signal: string) => {
    app.log.info({ signal }, 'shutting down');
    const timer = setTimeout(() => process.exit(1), 30_000);
    await scheduler.stop();
    await app.close();
    await writeCheckpoint(deps).catch((error) =>
      app.log.error({ err: error }, 'audit checkpoint at shutdown failed'),
    );
    await handle.close();
    clearTimeout(timer);
    process.exit(0);
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));
}

main().catch((error) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
  } else {
    process.stderr.write(
      `Failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});
