import { cpSync, existsSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { AppConfig } from '../config';
import { openDatabase } from '../db';
import { migrationNames } from '../db/migrate';
import { checkedManifest } from './backup';
import { postgresRestore, postgresTableCount, readPostgres, readSqliteFile } from './engines';
import { BackupError, type BackupManifest, sm3OfFile } from './manifest';

/**
 * `corridor restore DIR` into the configured DATA_DIR or database, which must be empty. The
 * copy is checked before (SM3 of every part, engine, known migrations) and after (the row count
 * of every table); a failed restore leaves the target as empty as it was.
 */
export async function restoreFrom(config: AppConfig, dir: string): Promise<BackupManifest> {
  const manifest = await checkedManifest(dir);
  const engine = config.databaseUrl ? 'postgres' : 'sqlite';
  if (manifest.engine !== engine)
    throw new BackupError(
      `the backup is of ${manifest.engine}; the configured database is ${engine}`,
    );
  if (!migrationNames().includes(manifest.migration))
    throw new BackupError(
      `the backup was made by a newer version (migration ${manifest.migration})`,
    );
  const files = join(config.dataDir, 'files');
  if (existsSync(files) && readdirSync(files).length > 0)
    throw new BackupError(`${files} is not empty: restore into an empty DATA_DIR`);
  const source = join(resolve(dir), manifest.database.file);
  if (engine === 'sqlite') await restoreSqlite(config, source, manifest);
  else await restorePostgres(config.databaseUrl!, source, manifest);
  const copied = join(resolve(dir), 'files');
  if (existsSync(copied)) cpSync(copied, files, { recursive: true });
  return manifest;
}

function sameCounts(manifest: BackupManifest, tables: Record<string, number>): boolean {
  return JSON.stringify(sorted(manifest.tables)) === JSON.stringify(sorted(tables));
}
const sorted = (o: Record<string, number>) =>
  Object.entries(o).sort(([a], [b]) => a.localeCompare(b));

async function restoreSqlite(config: AppConfig, source: string, manifest: BackupManifest) {
  const target = resolve(config.dataDir, 'corridor.db');
  if (existsSync(target)) throw new BackupError(`${target} exists: restore into an empty DATA_DIR`);
  const temp = `${target}.restoring`;
  cpSync(source, temp);
  try {
    if ((await sm3OfFile(temp)) !== manifest.database.sm3)
      throw new BackupError('the copy in DATA_DIR differs from the backup (disk fault?)');
    if (!sameCounts(manifest, readSqliteFile(temp).tables))
      throw new BackupError('row counts of the restored copy differ from the manifest');
    renameSync(temp, target);
  } finally {
    rmSync(temp, { force: true });
  }
}

async function restorePostgres(url: string, source: string, manifest: BackupManifest) {
  const handle = await openDatabase({ databaseUrl: url, migrate: false });
  try {
    if ((await postgresTableCount(handle.db)) > 0)
      throw new BackupError('the configured database has tables: restore into an empty database');
    await postgresRestore(url, source);
    if (!sameCounts(manifest, (await readPostgres(handle.db)).tables))
      throw new BackupError('row counts of the restored database differ from the manifest');
  } finally {
    await handle.close();
  }
}
