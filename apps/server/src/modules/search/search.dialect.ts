import SqliteDatabase from 'better-sqlite3';
import { CamelCasePlugin, Kysely, SqliteDialect, sql, type Transaction } from 'kysely';
import type { Db, Dialect } from '../../core/db/dialect';
import type { Database } from '../../core/db/schema';
import type { IndexDoc } from './search.doc';
import {
  type BitFilters,
  ftsExpression,
  isLatinLexeme,
  type MatchSpec,
  pgQueries,
  safe,
} from './search.expr';

/**
 * Every SQL difference of the market's full-text search (noted in docs/ARCHITECTURE.md):
 * SQLite FTS5 MATCH expressions over a contentless table whose rowid is the search key, and
 * PostgreSQL tsqueries over (search_key, tsv, tsv_py) with GIN indexes (search.expr.ts says
 * why two vectors). Both engines get the same tokens and the same boolean expression, so they
 * return the same set of keys.
 */
export type IndexKind = 'achievement' | 'demand';
type Exec = Db | Transaction<Database> | Kysely<Database>;

const FTS_TABLE: Record<IndexKind, string> = {
  achievement: 'market_achievement_fts',
  demand: 'market_demand_fts',
};
const PG_TABLE: Record<IndexKind, string> = {
  achievement: 'market_achievement_search',
  demand: 'market_demand_search',
};

function matching(dialect: Dialect, kind: IndexKind, spec: MatchSpec) {
  if (dialect.name === 'sqlite') {
    const t = sql.raw(FTS_TABLE[kind]);
    return { table: t, key: sql.raw('rowid'), where: sql`${t} match ${ftsExpression(spec)}` };
  }
  const { tsv, py } = pgQueries(spec);
  const where = [
    ...(tsv ? [sql`tsv @@ ${tsv}::tsquery`] : []),
    ...(py ? [sql`tsv_py @@ ${py}::tsquery`] : []),
  ];
  return {
    table: sql.raw(PG_TABLE[kind]),
    key: sql.raw('search_key'),
    where: sql.join(where, sql` and `),
    rank: sql.join(
      [
        ...(tsv ? [sql`ts_rank(tsv, ${tsv}::tsquery)`] : []),
        ...(py ? [sql`ts_rank(tsv_py, ${py}::tsquery)`] : []),
      ],
      sql` + `,
    ),
  };
}

function bitPredicates(key: ReturnType<typeof sql.raw>, bits: BitFilters | undefined) {
  const out = [];
  // Integers computed here (never user text), inlined so both engines see integer operands.
  if (bits?.trl) {
    const [lo, hi] = bits.trl.map((n) => sql.raw(String(Math.trunc(n))));
    out.push(sql` and ((${key} >> 4) & 15) between ${lo} and ${hi}`);
  }
  if (bits?.modeMask) out.push(sql` and (${key} & ${sql.raw(String(bits.modeMask & 15))}) <> 0`);
  return out;
}

/**
 * Keys of matching records, newest first: the index is walked in key order and stops after
 * `limit` rows, so the work is bounded by the limit, not by how common the terms are.
 * `minKey` bounds the walk to a window (where a newest-first walk ends: cheap; a bound where it
 * would start is not, as FTS5 steps through the doclist to reach it); `fewMatches` says the
 * caller knows there are few (a plan hint only: the same keys either way).
 */
export async function matchingKeys(
  db: Exec,
  dialect: Dialect,
  kind: IndexKind,
  spec: MatchSpec,
  limit: number,
  bounds: { minKey?: number; fewMatches?: boolean } = {},
): Promise<number[]> {
  const m = matching(dialect, kind, spec);
  const min = bounds.minKey !== undefined ? sql` and ${m.key} >= ${bounds.minKey}` : sql``;
  const predicates = bitPredicates(m.key, spec.bits);
  const bits = predicates.length ? sql.join(predicates, sql``) : sql``;
  // PostgreSQL: when the matches are known to be few, "+ 0" keeps the planner off a backward
  // walk of the primary key (it would test every row when its estimate of a rare term is high)
  // and on the GIN index. FTS5 walks its own index either way.
  const order = dialect.name === 'postgres' && bounds.fewMatches ? sql`${m.key} + 0` : m.key;
  const { rows } = await sql<{ k: number }>`select ${m.key} as k from ${m.table}
    where ${m.where}${min}${bits} order by ${order} desc limit ${limit}`.execute(db);
  return rows.map((r) => Number(r.k));
}

/**
 * Which of `tokens` the index holds at all (one statement, each a lookup that stops at its first
 * posting): how a pinyin run typed without spaces is split into indexed words.
 */
export async function indexedTokens(
  db: Exec,
  dialect: Dialect,
  kind: IndexKind,
  tokens: readonly string[],
): Promise<Set<string>> {
  if (tokens.length === 0) return new Set();
  const probes = tokens.map((t) => {
    const m = matching(dialect, kind, { terms: [t], scope: 'all', filters: [] });
    return sql`select ${t} as t where exists (select 1 from ${m.table} where ${m.where})`;
  });
  const { rows } = await sql<{ t: string }>`${sql.join(probes, sql` union all `)}`.execute(db);
  return new Set(rows.map((r) => r.t));
}

/** The reference the bench prints beside ours: plain engine ranking over every match. */
export async function rankedReference(
  db: Exec,
  dialect: Dialect,
  kind: IndexKind,
  spec: MatchSpec,
  limit: number,
): Promise<number[]> {
  const m = matching(dialect, kind, spec);
  const rank = m.rank ? sql`${m.rank} desc` : sql`bm25(${m.table})`;
  const { rows } = await sql<{ k: number }>`select ${m.key} as k from ${m.table}
    where ${m.where} order by ${rank} limit ${limit}`.execute(db);
  return rows.map((r) => Number(r.k));
}

/**
 * The tsvector literals of a record (the Chinese vector and the Latin one, search.expr.ts):
 * lexemes only, without positions or weights. Nothing needs them (tiers have their own _h/_k
 * lexemes, and there are no phrase queries), and without them the Chinese vector stays under
 * PostgreSQL's 2 kB TOAST threshold: no fetch or decompression on each checked row.
 */
export function tsvectorLiterals(doc: IndexDoc): { tsv: string; py: string } {
  const main = new Set<string>();
  const latin = new Set<string>();
  for (const column of [doc.head, doc.kw, doc.body, doc.tags]) {
    for (const t of column.split(' ')) {
      if (t) (isLatinLexeme(t) ? latin : main).add(`'${safe(t)}'`);
    }
  }
  return { tsv: [...main].join(' '), py: [...latin].join(' ') };
}

/** Adds records to the index (in the caller's transaction), in batches. */
export async function insertIndexDocs(
  trx: Exec,
  dialect: Dialect,
  kind: IndexKind,
  docs: readonly IndexDoc[],
): Promise<void> {
  for (let i = 0; i < docs.length; i += 500) {
    const batch = docs.slice(i, i + 500);
    if (dialect.name === 'sqlite') {
      const values = batch.map((d) => sql`(${d.key}, ${d.head}, ${d.kw}, ${d.body}, ${d.tags})`);
      await sql`insert into ${sql.raw(FTS_TABLE[kind])} (rowid, head, kw, body, tags)
        values ${sql.join(values)}`.execute(trx);
    } else {
      const values = batch.map((d) => {
        const v = tsvectorLiterals(d);
        return sql`(${d.key}, ${v.tsv}::tsvector, ${v.py}::tsvector)`;
      });
      await sql`insert into ${sql.raw(PG_TABLE[kind])} (search_key, tsv, tsv_py)
        values ${sql.join(values)}`.execute(trx);
    }
  }
}

/** Empties an index (a rebuild, in the caller's transaction: readers see the old one until it commits). */
export async function clearIndex(trx: Exec, dialect: Dialect, kind: IndexKind): Promise<void> {
  if (dialect.name === 'sqlite') {
    const t = sql.raw(FTS_TABLE[kind]);
    await sql`insert into ${t} (${t}) values ('delete-all')`.execute(trx);
  } else {
    await sql`delete from ${sql.raw(PG_TABLE[kind])}`.execute(trx);
  }
}

export async function deleteIndexDoc(
  trx: Exec,
  dialect: Dialect,
  kind: IndexKind,
  key: number,
): Promise<void> {
  const m = matching(dialect, kind, { terms: [], scope: 'all', filters: [] });
  await sql`delete from ${m.table} where ${m.key} = ${key}`.execute(trx);
}

/**
 * Runs a search under a time budget. PostgreSQL cancels a statement past it (statement_timeout
 * in a read-only transaction); SQLite statements cannot be interrupted from Node, so there the
 * bound comes from the bounded walks above and the caller checks the deadline between steps.
 */
export async function withBudget<T>(
  db: Db,
  dialect: Dialect,
  ms: number,
  fn: (exec: Exec) => Promise<T>,
): Promise<T> {
  if (dialect.name === 'sqlite') return fn(db);
  return db.transaction().execute(async (trx) => {
    await sql.raw(`set local statement_timeout = ${Math.max(1, Math.floor(ms))}`).execute(trx);
    await sql.raw('set transaction read only').execute(trx);
    return fn(trx);
  });
}

/** PostgreSQL cancelled a statement (statement_timeout): the search ran out of time. */
export function isTimeout(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === '57014';
}

/** Exact number of matches (the bench uses it to class terms by document frequency). */
export async function countMatches(db: Exec, dialect: Dialect, kind: IndexKind, spec: MatchSpec) {
  const m = matching(dialect, kind, spec);
  const { rows } = await sql<{ n: number }>`select count(*) as n from ${m.table}
    where ${m.where}`.execute(db);
  return Number(rows[0]?.n ?? 0);
}

/**
 * Bulk-load settings of the index. SQLite: a 64 MiB in-memory term buffer and lazier merging
 * (fewer, larger segments while loading; `optimizeIndex` merges them into one afterwards).
 */
export async function tuneIndexForBulkLoad(
  db: Exec,
  dialect: Dialect,
  kind: IndexKind,
  on: boolean,
) {
  if (dialect.name !== 'sqlite') return;
  const t = sql.raw(FTS_TABLE[kind]);
  // Integer literals: FTS5 refuses these settings as bound (floating-point) parameters.
  const hashsize = sql.raw(String(on ? 64 * 1024 * 1024 : 1024 * 1024));
  await sql`insert into ${t} (${t}, rank) values ('hashsize', ${hashsize})`.execute(db);
  await sql`insert into ${t} (${t}, rank) values ('automerge', ${sql.raw(on ? '8' : '4')})`.execute(
    db,
  );
}

/** After a bulk load: one merged FTS5 segment, or fresh PostgreSQL statistics. */
export async function optimizeIndex(db: Exec, dialect: Dialect, kind: IndexKind) {
  if (dialect.name === 'sqlite') {
    const t = sql.raw(FTS_TABLE[kind]);
    await sql`insert into ${t} (${t}) values ('optimize')`.execute(db);
  } else {
    await sql.raw(`vacuum analyze ${PG_TABLE[kind]}`).execute(db);
    await sql.raw(`analyze market_${kind}s`).execute(db);
  }
}

/**
 * Where searches read. SQLite: a read-only connection of their own to the same file (WAL lets
 * it read while the main connection writes). Every query of the main connection waits in one
 * queue; with searches on their own connection, a burst of searches cannot hold up sign-ins
 * and writes, and requests reach the search limiter at once (so it, not that queue, decides
 * who waits and who gets 503). PostgreSQL: the pool as it is.
 */
export async function openSearchReader(
  db: Db,
  dialect: Dialect,
): Promise<{ db: Db; close: () => Promise<void> }> {
  const shared = { db, close: async () => {} };
  if (dialect.name !== 'sqlite') return shared;
  const { rows } = await sql<{ file: string }>`select file from pragma_database_list
    where name = 'main'`.execute(db);
  const file = rows[0]?.file;
  if (!file) return shared; // an in-memory database has no second connection
  const database = new SqliteDatabase(file, { readonly: true, fileMustExist: true });
  database.pragma('busy_timeout = 5000');
  // The index's hot pages stay in memory (64 MiB; the default is 2 MiB).
  database.pragma('cache_size = -65536');
  const reader = new Kysely<Database>({
    dialect: new SqliteDialect({ database }),
    plugins: [new CamelCasePlugin()],
  });
  return { db: reader, close: () => reader.destroy() };
}
