import { termParts } from './search.parts';

/**
 * The boolean expression of a search, for both engines: an FTS5 MATCH expression, or the
 * PostgreSQL tsqueries of the record's two vectors. Both engines get the same tokens and the
 * same expression, so they return the same set of keys.
 *
 * PostgreSQL keeps a record's lexemes in two vectors: `tsv` the Chinese words, tags and tier
 * copies, `tsv_py` the lexemes of Latin letters only (pinyin and English words, with their
 * tier copies). A term is in one or the other by its letters, so each group of alternatives
 * goes to one vector. Why two: with pinyin a record's lexemes take about 3 kB; in one vector
 * that is past the 2 kB TOAST threshold, and every row a walk checks would be fetched from the
 * TOAST table. Split, the Chinese vector stays in the row (storage MAIN) and only pinyin
 * queries read the pinyin vector (migration 202612041300).
 */

/**
 * Where every term must occur: anywhere, in the title, in the title or the keywords, or (parts)
 * anywhere, with itself or one of its parts (search.parts.ts) in the title or keywords.
 */
export type Scope = 'head' | 'headKw' | 'parts' | 'all';

/** Filters checked on the search key's bits rather than by intersecting tag lists. */
export interface BitFilters {
  trl?: readonly [number, number];
  /** Any of these transfer-mode bits. */
  modeMask?: number;
}

export interface MatchSpec {
  /** All must match (AND). Empty: filters only (browse). */
  terms: readonly string[];
  scope: Scope;
  /** AND of OR-groups of tag tokens. */
  filters: readonly (readonly string[])[];
  bits?: BitFilters;
}

// Tokens come from search.text.ts (letters and digits only) or are tags ('_' + letters/digits).
// Checked again here: nothing a user typed reaches an expression unquoted or unchecked.
const SAFE_TOKEN = /^_?[\p{L}\p{N}]+$/u;
export function safe(token: string): string {
  if (!SAFE_TOKEN.test(token)) throw new Error('unsafe search token');
  return token;
}

/** Whether a lexeme goes to PostgreSQL's Latin vector: a–z only, after a tier prefix. */
export function isLatinLexeme(token: string): boolean {
  return /^(_[hkx])?[a-z]+$/.test(token);
}

/** A term in a scope, as alternatives: the tier postings (_h, _k, _x) or the plain token. */
function forms(term: string, scope: Scope): string[] {
  if (scope === 'head') return [`_h${term}`];
  if (scope === 'headKw') return [`_h${term}`, `_k${term}`];
  if (scope === 'parts') {
    const { words, chars } = termParts(term);
    return [
      ...[term, ...words].flatMap((t) => [`_h${t}`, `_k${t}`]),
      ...chars.map((c) => `_x${c}`),
    ];
  }
  return [term];
}

/** The spec as AND-ed groups of alternatives (OR). */
function groups(spec: MatchSpec): (readonly string[])[] {
  // A term's parts stand in for it in the title only: the term itself must still match.
  const terms = spec.terms.flatMap((t) =>
    spec.scope === 'parts' ? [[t], forms(t, 'parts')] : [forms(t, spec.scope)],
  );
  const all = [...terms, ...spec.filters];
  return all.length ? all : [['_all']];
}

function render(list: (readonly string[])[], quote: string, and: string, or: string): string {
  const q = (t: string) => `${quote}${safe(t)}${quote}`;
  const group = (alternatives: readonly string[]) =>
    alternatives.length === 1 ? q(alternatives[0]!) : `(${alternatives.map(q).join(` ${or} `)})`;
  return list.map(group).join(` ${and} `);
}

/** SQLite: the FTS5 MATCH expression of a spec (bits aside). */
export function ftsExpression(spec: MatchSpec): string {
  return render(groups(spec), '"', 'AND', 'OR');
}

/** PostgreSQL: the tsquery of each vector (null: that vector is not asked). */
export function pgQueries(spec: MatchSpec): { tsv: string | null; py: string | null } {
  const main: (readonly string[])[] = [];
  const latin: (readonly string[])[] = [];
  for (const g of groups(spec)) {
    const kinds = new Set(g.map(isLatinLexeme));
    if (kinds.size > 1) throw new Error('a search group spans both vectors');
    (kinds.has(true) ? latin : main).push(g);
  }
  return {
    tsv: main.length ? render(main, "'", '&', '|') : null,
    py: latin.length ? render(latin, "'", '&', '|') : null,
  };
}
