import { resolve } from 'node:path';
import type { AppConfig } from './config';
import type { Deps } from './context';
import { type DatabaseHandle, openDatabase } from './db';

/** Opens (and migrates) the configured database and gathers what services need. */
export async function openDeps(
  config: AppConfig,
  options: { sqlitePath?: string } = {},
): Promise<{ deps: Deps; handle: DatabaseHandle }> {
  const handle = await openDatabase({
    databaseUrl: config.databaseUrl,
    sqlitePath: options.sqlitePath ?? resolve(config.dataDir, 'corridor.db'),
  });
  const key = await handle.db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'audit_pi_key')
    .executeTakeFirstOrThrow();
  return { deps: { db: handle.db, dialect: handle.dialect, config, piKey: key.value }, handle };
}
