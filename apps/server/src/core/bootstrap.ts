import { resolve } from 'node:path';
import type { AppConfig } from './config';
import type { Deps } from './context';
import { type DatabaseHandle, openDatabase } from './db';
import { missingTriggers } from './db/required-triggers';
import { loadInstallationKey } from './keys/installation-key';
import { fileKeyStore } from './keys/key-store';

/** Opens (and migrates) the configured database and gathers what services need. */
export async function openDeps(
  config: AppConfig,
  options: { sqlitePath?: string } = {},
): Promise<{ deps: Deps; handle: DatabaseHandle }> {
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    sqlitePath: options.sqlitePath ?? resolve(config.dataDir, 'corridor.db'),
  });
  const keys = fileKeyStore(config.keysDir);
  let piKey: string;
  try {
    piKey = await loadInstallationKey(handle.db, keys);
  } catch (error) {
    await handle.close();
    throw error;
  }
  const deps: Deps = {
    db: handle.db,
    dialect: handle.dialect,
    config,
    piKey,
    keys,
    integrity: { problems: [] },
  };
  await checkIntegrity(deps);
  return { deps, handle };
}

/**
 * The start-up integrity check (and on demand): every trigger that keeps history append-only
 * must be there and enabled. A missing one is reported loudly and the server refuses writes.
 */
export async function checkIntegrity(deps: Deps): Promise<string[]> {
  const missing = await missingTriggers(deps.db, deps.dialect);
  deps.integrity.problems = missing.map((name) => `trigger ${name} is missing or disabled`);
  if (missing.length > 0) {
    process.stderr.write(
      `\n!!! INTEGRITY CHECK FAILED: ${deps.integrity.problems.join('; ')}.\n` +
        '!!! Writes are refused until the triggers are restored (see docs/OPERATIONS.md).\n\n',
    );
  }
  return deps.integrity.problems;
}
