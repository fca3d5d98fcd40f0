/**
 * Schema drift: the database the migrations build must equal the committed snapshot of its
 * engine (tables; columns with the engine's type and nullability; indexes with their columns and
 * uniqueness; triggers). A migration that forgets a column, an index or a NOT NULL on one engine
 * fails here, on SQLite in `npm test` and on PostgreSQL in `npm run test:pg`.
 *
 * After an intended schema change, regenerate both snapshots with one command:
 *
 *   npm run schema:snapshot
 *
 * which runs this file twice with UPDATE_SCHEMA_SNAPSHOT=1, once on SQLite and once on the
 * PostgreSQL of DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test); one engine alone:
 *   UPDATE_SCHEMA_SNAPSHOT=1 npx vitest run apps/server/test/schema-drift.test.ts
 *   UPDATE_SCHEMA_SNAPSHOT=1 DATABASE_URL=postgres://… npx vitest run apps/server/test/schema-drift.test.ts
 * Review the snapshot diff like DDL before committing it.
 *
 * On PostgreSQL the migrations run into a database of this test's own, dropped at the end: the
 * shared test database holds whatever other test files and branches left there, while a fresh
 * database holds exactly what the migrations make.
 */
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DatabaseHandle, openDatabase } from '../src/core/db';
import type { Database } from '../src/core/db/schema';
import { describeSchema, type SchemaShape } from './schema-introspect';
import type postgresSnapshot from './schema-snapshot.postgres.json';
import type sqliteSnapshot from './schema-snapshot.sqlite.json';

const REGENERATE = 'npm run schema:snapshot';
const databaseUrl = process.env.DATABASE_URL || undefined;
const engine = databaseUrl ? 'postgres' : 'sqlite';
const snapshotFile = join(import.meta.dirname, `schema-snapshot.${engine}.json`);
const shownFile = relative(process.cwd(), snapshotFile);
// A database of its own, not a schema in the shared one: Kysely's migrator looks for its lock
// table in every schema of the database and would take the public schema's (other test files').
const pgDatabase = `schema_drift_${process.pid}_${Date.now()}`;
const pgSchema = 'public';

function otherDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

let admin: DatabaseHandle | undefined;
let handle: DatabaseHandle;

beforeAll(async () => {
  if (databaseUrl) {
    admin = await openDatabase({ databaseUrl, migrate: false });
    await sql`create database ${sql.id(pgDatabase)}`.execute(admin.db);
    handle = await openDatabase({ databaseUrl: otherDatabase(databaseUrl, pgDatabase) });
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-schema-'));
    handle = await openDatabase({ sqlitePath: join(dir, 'corridor.db') });
  }
});

afterAll(async () => {
  await handle?.close();
  if (admin) {
    await sql`drop database if exists ${sql.id(pgDatabase)} with (force)`.execute(admin.db);
    await admin.close();
  }
});

describe(`schema drift (${engine})`, () => {
  it('the migrated database equals the committed snapshot', async () => {
    const actual = await describeSchema(handle.db, engine, pgSchema);
    if (process.env.UPDATE_SCHEMA_SNAPSHOT === '1') {
      const file = { $comment: `Generated: ${REGENERATE}`, engine, tables: actual };
      writeFileSync(snapshotFile, `${JSON.stringify(file, null, 2)}\n`);
    }
    expect(existsSync(snapshotFile), `${shownFile} is missing; generate it: ${REGENERATE}`).toBe(
      true,
    );
    const expected = JSON.parse(readFileSync(snapshotFile, 'utf8')) as { tables: SchemaShape };
    expect(
      actual,
      `The migrated ${engine} schema differs from ${shownFile}. If the change is intended, ` +
        `regenerate the snapshots (${REGENERATE}) and review their diff.`,
    ).toEqual(expected.tables);
  });
});

/*
 * Kysely's `Database` interface (core/db/schema.ts) against the snapshots, checked by
 * `npm run typecheck`: a table declared but not migrated, or migrated but not declared, is a
 * type error naming it ("does not satisfy the constraint 'never'"). After adding a table, add it
 * to schema.ts and regenerate the snapshots.
 */
type SnakeCase<S extends string> = S extends `${infer C}${infer Rest}`
  ? `${C extends Lowercase<C> ? C : `_${Lowercase<C>}`}${SnakeCase<Rest>}`
  : S;
type Declared = SnakeCase<keyof Database & string>;
type Migrated<Snapshot> = Snapshot extends { tables: infer T } ? keyof T & string : never;
/** SQLite's search index is two FTS5 tables used through raw SQL (search/search.dialect.ts). */
type SqliteSearch = 'market_achievement_fts' | 'market_demand_fts';
/** PostgreSQL's search index is two tables of (search_key, tsvector), declared in schema.ts. */
type PostgresSearch = 'market_achievement_search' | 'market_demand_search';
type NoneOf<T extends never> = T;
export type DeclaredNotMigrated =
  | NoneOf<Exclude<Declared, Migrated<typeof postgresSnapshot>>>
  | NoneOf<Exclude<Declared, Migrated<typeof sqliteSnapshot> | PostgresSearch>>;
export type MigratedNotDeclared =
  | NoneOf<Exclude<Migrated<typeof postgresSnapshot>, Declared>>
  | NoneOf<Exclude<Migrated<typeof sqliteSnapshot>, Declared | SqliteSearch>>;
