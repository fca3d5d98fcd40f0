import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { type Dialect, dialectFor } from './dialect';
import { migrateToLatest } from './migrate';
import type { Database } from './schema';

export interface DatabaseHandle {
  db: Kysely<Database>;
  dialect: Dialect;
  close(): Promise<void>;
}

// PostgreSQL returns COUNT(*) and BIGINT as strings; our counts fit in a JS number.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

/** Opens PostgreSQL when a URL is given, else the embedded SQLite file, and migrates it. */
export async function openDatabase(options: {
  databaseUrl?: string | undefined;
  sqlitePath?: string;
  migrate?: boolean;
}): Promise<DatabaseHandle> {
  const handle = options.databaseUrl
    ? openPostgres(options.databaseUrl)
    : openSqlite(options.sqlitePath ?? './data/corridor.db');
  if (options.migrate !== false) await migrateToLatest(handle.db, handle.dialect);
  return handle;
}

function openSqlite(path: string): DatabaseHandle {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const database = new SqliteDatabase(path);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({
    dialect: new SqliteDialect({ database }),
    plugins: [new CamelCasePlugin()],
  });
  return { db, dialect: dialectFor('sqlite'), close: () => db.destroy() };
}

function openPostgres(url: string): DatabaseHandle {
  // A connection that cannot be made in 5 s fails the request (503) instead of hanging it.
  const pool = new pg.Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5_000 });
  // An idle connection dropped by a database restart: without a listener the 'error' event would
  // end the process. The pool discards that client and opens a new one on the next query.
  pool.on('error', () => {});
  // The same loss while a client is checked out between queries is emitted on the client itself;
  // listened to here, the client is simply discarded when it is released.
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    plugins: [new CamelCasePlugin()],
  });
  return { db, dialect: dialectFor('postgres'), close: () => db.destroy() };
}
