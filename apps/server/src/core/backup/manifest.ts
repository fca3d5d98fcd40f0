import { createHash } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/** What a backup folder holds beside the database file, checked before anything is restored. */
export interface BackupManifest {
  format: 'corridor-backup-v1';
  engine: 'sqlite' | 'postgres';
  createdAt: string;
  /** The newest migration applied: a restore into an older version of the code is refused. */
  migration: string;
  database: { file: string; bytes: number; sm3: string };
  /** Row counts per table, taken from the same snapshot as the file. */
  tables: Record<string, number>;
  auditHead: { lastId: number; lastHash: string };
  /** Uploaded files under files/: their count, bytes and an SM3 over (path, SM3) of each. */
  files: { count: number; bytes: number; sm3: string };
}

export const MANIFEST = 'manifest.json';

export class BackupError extends Error {}

export async function sm3OfFile(path: string): Promise<string> {
  const hash = createHash('sm3');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Every file under `root` (recursively), as sorted relative paths. */
function walk(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((p) => statSync(join(root, p)).isFile())
    .map((p) => relative(root, join(root, p)))
    .sort();
}

export async function filesDigest(root: string): Promise<BackupManifest['files']> {
  const list = createHash('sm3');
  let bytes = 0;
  const paths = walk(root);
  for (const p of paths) {
    bytes += statSync(join(root, p)).size;
    list.update(`${p}\t${await sm3OfFile(join(root, p))}\n`);
  }
  return { count: paths.length, bytes, sm3: list.digest('hex') };
}
