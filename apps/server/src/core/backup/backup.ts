import {
  cpSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import type { Deps } from '../context';
import { postgresBackup, sqliteBackup } from './engines';
import { BackupError, type BackupManifest, filesDigest, MANIFEST, sm3OfFile } from './manifest';

/**
 * `corridor backup DIR`: a consistent copy of the database (SQLite online copy, or pg_dump on
 * one snapshot), the uploaded files, and a manifest with the row count of every table, the
 * audit head and the SM3 of each part, so a restore can refuse a corrupt or mismatched copy.
 * Keys are not in it: KEYS_DIR is backed up apart (docs/OPERATIONS.md).
 */
export async function backupTo(deps: Deps, dir: string): Promise<BackupManifest> {
  const target = resolve(dir);
  if (existsSync(target) && readdirSync(target).length > 0)
    throw new BackupError(`${target} is not empty: a backup goes into a new folder`);
  mkdirSync(target, { recursive: true, mode: 0o700 });
  const engine = deps.dialect.name;
  const file = engine === 'sqlite' ? 'corridor.db' : 'corridor.pgdump';
  const path = join(target, file);
  const snapshot =
    engine === 'sqlite'
      ? await sqliteBackup(deps.db, path)
      : await postgresBackup(deps.db, deps.config.databaseUrl!, path);
  // Files after the database: every file a copied row names was stored before its row.
  const files = join(deps.config.dataDir, 'files');
  if (existsSync(files)) cpSync(files, join(target, 'files'), { recursive: true });
  const manifest: BackupManifest = {
    format: 'corridor-backup-v1',
    engine,
    createdAt: new Date().toISOString(),
    ...snapshot,
    database: { file, bytes: statSync(path).size, sm3: await sm3OfFile(path) },
    files: await filesDigest(join(target, 'files')),
  };
  writeFileSync(join(target, MANIFEST), `${JSON.stringify(manifest, null, 2)}\n`, { mode: 0o600 });
  return manifest;
}

/** The manifest of a backup folder, with both parts checked against it (else BackupError). */
export async function checkedManifest(dir: string): Promise<BackupManifest> {
  const path = join(resolve(dir), MANIFEST);
  if (!existsSync(path)) throw new BackupError(`${path} is missing: not a backup folder`);
  let manifest: BackupManifest;
  try {
    manifest = JSON.parse(readFileSync(path, 'utf8')) as BackupManifest;
  } catch {
    throw new BackupError(`${path} is not valid JSON`);
  }
  if (manifest.format !== 'corridor-backup-v1')
    throw new BackupError(`unknown backup format ${String(manifest.format)}`);
  const db = join(resolve(dir), manifest.database.file);
  if (!existsSync(db) || (await sm3OfFile(db)) !== manifest.database.sm3)
    throw new BackupError(
      `${manifest.database.file} does not match its SM3 in the manifest (corrupt)`,
    );
  const files = await filesDigest(join(resolve(dir), 'files'));
  if (files.sm3 !== manifest.files.sm3 || files.count !== manifest.files.count)
    throw new BackupError('the uploaded files do not match the manifest (corrupt or incomplete)');
  return manifest;
}
