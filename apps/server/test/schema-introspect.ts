import { type Kysely, sql } from 'kysely';
import type { DialectName } from '../src/core/db/dialect';

/**
 * The shape of a migrated database as its engine reports it, for the schema drift test.
 * Each table lists its columns in the engine's order as `name type[ not null]`, its indexes as
 * `name[ unique] (col, …)[ using method][ where predicate]` and its triggers, so a snapshot
 * diff reads like DDL.
 *
 * The catalogue queries differ per engine by nature; they live here rather than in
 * core/db/dialect.ts because the application never reads its own catalogue, only this test does.
 */
export interface TableShape {
  columns: string[];
  indexes: string[];
  triggers: string[];
}
export type SchemaShape = Record<string, TableShape>;

/** Kysely's own bookkeeping, made by the migrator rather than by any migration. */
const MIGRATOR_TABLES = /^kysely_migration/;

// biome-ignore lint/suspicious/noExplicitAny: reads the catalogue, not the typed schema
type AnyDb = Kysely<any>;

function column(name: string, type: string, nullable: boolean): string {
  return `${name} ${type}${nullable ? '' : ' not null'}`;
}
function index(ix: {
  name: string;
  unique: boolean;
  columns: string[];
  method?: string | null;
  where?: string | null;
}): string {
  const using = ix.method && ix.method !== 'btree' ? ` using ${ix.method}` : '';
  const where = ix.where ? ` where ${ix.where.replace(/\s+/g, ' ').trim()}` : '';
  return `${ix.name}${ix.unique ? ' unique' : ''} (${ix.columns.join(', ')})${using}${where}`;
}

export async function describeSchema(
  db: AnyDb,
  engine: DialectName,
  pgSchema = 'public',
): Promise<SchemaShape> {
  const shape =
    engine === 'sqlite' ? await describeSqlite(db) : await describePostgres(db, pgSchema);
  // Sorted by table name so the snapshot does not depend on creation order.
  return Object.fromEntries(Object.entries(shape).sort(([a], [b]) => a.localeCompare(b)));
}

async function describeSqlite(db: AnyDb): Promise<SchemaShape> {
  // FTS5 keeps its data in shadow tables the engine makes and shapes itself: not listed.
  const tables = await sql<{ name: string }>`
    select name from pragma_table_list
    where schema = 'main' and type in ('table', 'virtual') and name not like 'sqlite_%'
  `.execute(db);
  const shape: SchemaShape = {};
  for (const { name } of tables.rows) {
    if (MIGRATOR_TABLES.test(name)) continue;
    const cols = await sql<{ name: string; type: string; notnull: number }>`
      select name, type, "notnull" from pragma_table_info(${name}) order by cid
    `.execute(db);
    // A partial index's predicate is only in its DDL text, as the migration wrote it.
    const list = await sql<{ name: string; uniq: number; partial: number; ddl: string | null }>`
      select l.name, l."unique" as uniq, l.partial, m.sql as ddl
      from pragma_index_list(${name}) as l
      left join sqlite_master as m on m.type = 'index' and m.name = l.name
    `.execute(db);
    const indexes: string[] = [];
    for (const ix of list.rows) {
      const keys = await sql<{ name: string | null }>`
        select name from pragma_index_info(${ix.name}) order by seqno
      `.execute(db);
      const names = keys.rows.map((k) => k.name ?? '<expression>');
      const where = ix.partial === 1 ? (ix.ddl?.match(/\bwhere\b([\s\S]*)$/i)?.[1] ?? '?') : null;
      indexes.push(index({ name: ix.name, unique: ix.uniq === 1, columns: names, where }));
    }
    const triggers = await sql<{ name: string }>`
      select name from sqlite_master where type = 'trigger' and tbl_name = ${name}
    `.execute(db);
    shape[name] = {
      columns: cols.rows.map((c) => column(c.name, c.type, c.notnull === 0)),
      indexes: indexes.sort(),
      triggers: triggers.rows.map((t) => t.name).sort(),
    };
  }
  return shape;
}

async function describePostgres(db: AnyDb, schema: string): Promise<SchemaShape> {
  const tables = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = ${schema} and table_type = 'BASE TABLE'
  `.execute(db);
  const cols = await sql<{
    tbl: string;
    name: string;
    type: string;
    len: number | null;
    nullable: string;
  }>`
    select table_name as tbl, column_name as name, data_type as type,
           character_maximum_length as len, is_nullable as nullable
    from information_schema.columns where table_schema = ${schema}
    order by table_name, ordinal_position
  `.execute(db);
  // pg_indexes has only the index's DDL text; the catalogue gives its columns in key order
  // (attribute 0 is an expression).
  const indexes = await sql<{
    tbl: string;
    name: string;
    uniq: boolean;
    method: string;
    predicate: string | null;
    keys: string[];
  }>`
    select t.relname as tbl, i.relname as name, x.indisunique as uniq, am.amname as method,
           pg_get_expr(x.indpred, x.indrelid) as predicate,
           array(select coalesce(a.attname::text, '<expression>')
                 from unnest(x.indkey::int2[]) with ordinality as k(attnum, ord)
                 left join pg_attribute a on a.attrelid = t.oid and a.attnum = k.attnum
                 order by k.ord) as keys
    from pg_index x
    join pg_class i on i.oid = x.indexrelid
    join pg_class t on t.oid = x.indrelid
    join pg_am am on am.oid = i.relam
    join pg_namespace n on n.oid = t.relnamespace
    where n.nspname = ${schema}
  `.execute(db);
  const triggers = await sql<{ tbl: string; name: string }>`
    select distinct event_object_table as tbl, trigger_name as name
    from information_schema.triggers where trigger_schema = ${schema}
  `.execute(db);

  const shape: SchemaShape = {};
  for (const { name } of tables.rows) {
    if (MIGRATOR_TABLES.test(name)) continue;
    shape[name] = {
      columns: cols.rows
        .filter((c) => c.tbl === name)
        .map((c) => column(c.name, c.len ? `${c.type}(${c.len})` : c.type, c.nullable === 'YES')),
      indexes: indexes.rows
        .filter((ix) => ix.tbl === name)
        .map((ix) =>
          index({
            name: ix.name,
            unique: ix.uniq,
            columns: ix.keys,
            method: ix.method,
            where: ix.predicate,
          }),
        )
        .sort(),
      triggers: triggers.rows
        .filter((t) => t.tbl === name)
        .map((t) => t.name)
        .sort(),
    };
  }
  return shape;
}
