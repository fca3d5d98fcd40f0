import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import type { Db } from '../db/dialect';
import type { BackupManifest } from './manifest';

/**
 * The two engines' ways to take a consistent copy and to read it back. SQLite: `VACUUM INTO`
 * (one transaction's view, written as a compact file), counted from the copy itself.
 * PostgreSQL: `pg_dump` on a snapshot exported from the transaction the counts are read in.
 */
const run = promisify(execFile);

type Snapshot = Pick<BackupManifest, 'tables' | 'auditHead' | 'migration'>;

const HEAD = 'select last_id as "lastId", last_hash as "lastHash" from audit_head where id = 1';
const LAST_MIGRATION = 'select name from kysely_migration order by name desc limit 1';
const SQLITE_TABLES =
  "select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name";
const PG_TABLES = `select table_name as name from information_schema.tables
  where table_schema = current_schema() and table_type = 'BASE TABLE' order by table_name`;

/** A SQLite file read with better-sqlite3 (read-only: opening never changes its bytes). */
export function readSqliteFile(file: string): Snapshot {
  const copy = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  try {
    const tables: Record<string, number> = {};
    for (const { name } of copy.prepare(SQLITE_TABLES).all() as { name: string }[]) {
      const row = copy.prepare(`select count(*) as n from "${name}"`).get() as { n: number };
      tables[name] = row.n;
    }
    const auditHead = copy.prepare(HEAD).get() as Snapshot['auditHead'];
    const { name: migration } = copy.prepare(LAST_MIGRATION).get() as { name: string };
    return { tables, auditHead, migration };
  } finally {
    copy.close();
  }
}

export async function sqliteBackup(db: Db, file: string): Promise<Snapshot> {
  await sql`vacuum into ${file}`.execute(db);
  return readSqliteFile(file);
}

/** Counts, head and last migration as the given connection sees them. */
export async function readPostgres(db: Db): Promise<Snapshot> {
  const tables: Record<string, number> = {};
  for (const { name } of (await sql<{ name: string }>`${sql.raw(PG_TABLES)}`.execute(db)).rows) {
    const r = await sql<{ n: string }>`select count(*) as n from ${sql.table(name)}`.execute(db);
    tables[name] = Number(r.rows[0]!.n);
  }
  const head = (await sql<Snapshot['auditHead']>`${sql.raw(HEAD)}`.execute(db)).rows[0]!;
  const last = (await sql<{ name: string }>`${sql.raw(LAST_MIGRATION)}`.execute(db)).rows[0]!;
  return { tables, auditHead: head, migration: last.name };
}

export async function postgresBackup(db: Db, url: string, file: string): Promise<Snapshot> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const { rows } = await sql<{ s: string }>`select pg_export_snapshot() as s`.execute(trx);
      const snapshot = await readPostgres(trx);
      await run('pg_dump', [
        '--format=custom',
        '--no-owner',
        '--no-privileges',
        `--snapshot=${rows[0]!.s}`,
        '--file',
        file,
        '--dbname',
        url,
      ]);
      return snapshot;
    });
}

/** Into an empty database, all or nothing (one transaction; the first error stops it). */
export async function postgresRestore(url: string, file: string): Promise<void> {
  await run('pg_restore', [
    '--single-transaction',
    '--exit-on-error',
    '--no-owner',
    '--no-privileges',
    '--clean',
    '--if-exists',
    '--dbname',
    url,
    file,
  ]);
}

export async function postgresTableCount(db: Db): Promise<number> {
  return (await sql<{ name: string }>`${sql.raw(PG_TABLES)}`.execute(db)).rows.length;
}
