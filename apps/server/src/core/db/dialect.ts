import type {
  ColumnDefinitionBuilder,
  CreateTableBuilder,
  Kysely,
  RawBuilder,
  SqlBool,
  Transaction,
} from 'kysely';
import { sql } from 'kysely';
import type { Database } from './schema';

/**
 * Every difference between SQLite and PostgreSQL lives in this file; the rest of the code
 * is written once against Kysely.
 */
export type DialectName = 'sqlite' | 'postgres';

export interface Dialect {
  name: DialectName;
  /** Auto-increment integer primary key column. */
  addIdColumn<T extends string>(table: CreateTableBuilder<T, never>): CreateTableBuilder<T, 'id'>;
  /**
   * Serialises writers of the audit chain: PostgreSQL locks the head row; SQLite needs nothing
   * because a write transaction already holds the database's single writer lock.
   */
  lockAuditHead(trx: Transaction<Database>): Promise<void>;
  /** Case-insensitive LIKE operator. */
  likeOperator: 'like' | 'ilike';
}

const sqlite: Dialect = {
  name: 'sqlite',
  addIdColumn: (t) =>
    t.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement()),
  lockAuditHead: async () => {},
  likeOperator: 'like',
};

const postgres: Dialect = {
  name: 'postgres',
  addIdColumn: (t) =>
    t.addColumn('id', 'integer', (c: ColumnDefinitionBuilder) =>
      c.primaryKey().generatedByDefaultAsIdentity(),
    ),
  lockAuditHead: async (trx) => {
    await sql`select id from audit_head where id = 1 for update`.execute(trx);
  },
  likeOperator: 'ilike',
};

export function dialectFor(name: DialectName): Dialect {
  return name === 'sqlite' ? sqlite : postgres;
}

export type Db = Kysely<Database>;

/** LIKE wildcards in user text are literal characters, never patterns. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/**
 * Case-insensitive "column contains text" (or "starts with"), wildcards escaped. SQLite has no
 * default LIKE escape character, so the ESCAPE clause is spelt out for both engines.
 */
export function likeText(
  dialect: Dialect,
  column: string,
  text: string,
  mode: 'contains' | 'prefix' = 'contains',
): RawBuilder<SqlBool> {
  const pattern = `${mode === 'contains' ? '%' : ''}${escapeLike(text)}%`;
  const op = sql.raw(dialect.likeOperator);
  return sql<SqlBool>`${sql.ref(column)} ${op} ${pattern} escape '\\'`;
}

/** A unique constraint refused the write (two engines, two spellings). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: string } | null)?.code;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY'
  );
}

/**
 * Holds off other writers of a table until the transaction ends, for a rebuild that reads the
 * table whole and rewrites what is derived from it. SQLite needs nothing: a write transaction
 * already holds the database's single writer lock.
 */
export async function lockAgainstWriters(
  trx: Transaction<Database>,
  dialect: Dialect,
  table: string,
): Promise<void> {
  if (dialect.name === 'postgres') {
    await sql`lock table ${sql.table(table)} in share mode`.execute(trx);
  }
}
