import {
  CITY_CODES,
  type Facets,
  FIELD_CODES,
  PRICE_BAND_CODES,
  type SearchQuery,
  TRANSFER_MODE_CODES,
} from '@corridor/contracts';
import type { BitFilters } from './search.expr';
import { decodeKey, NEGOTIABLE_BUCKET } from './search.key';
import { pinyinWordCandidates, splitPinyin } from './search.pinyin';
import { queryTokens } from './search.text';

/** Pure parts of a search: what the user asked for, as tokens, tag filters and orderings. */

/** More terms only narrow an AND query further; the cap bounds the expression's work. */
export const MAX_TERMS = 8;

export type ParsedQuery =
  | { kind: 'browse' }
  | { kind: 'nothing'; terms: [] }
  | { kind: 'terms'; terms: string[] };

/**
 * No q: browse (newest first). A q that leaves no searchable token (only punctuation, FTS
 * operators, emoji or stop words) matches nothing; it is not an error. Everything else: the
 * jieba terms, each later quoted as one token, so `"*^():-` and SQL text are plain text.
 */
export function parseQuery(q: string | undefined): ParsedQuery {
  if (q === undefined) return { kind: 'browse' };
  const terms = queryTokens(q).slice(0, MAX_TERMS);
  return terms.length ? { kind: 'terms', terms } : { kind: 'nothing', terms: [] };
}

/** Words worth looking up in the index to split the query's pinyin runs (see resolveTerms). */
export function splitCandidates(terms: readonly string[]): string[] {
  return [...new Set(terms.flatMap(pinyinWordCandidates))];
}

/**
 * The terms with each pinyin run typed without spaces replaced by the indexed words that spell
 * it (jiguangxinpian → jiguang, xinpian: two terms, both required, as when typed apart).
 * `indexed`: which of splitCandidates(terms) the index holds.
 */
export function resolveTerms(terms: readonly string[], indexed: ReadonlySet<string>): string[] {
  const out = terms.flatMap((t) =>
    pinyinWordCandidates(t).length > 0 ? (splitPinyin(t, indexed) ?? [t]) : [t],
  );
  return [...new Set(out)].slice(0, MAX_TERMS);
}

const idx = (list: readonly string[], v: string) => list.indexOf(v);
type Filters = Omit<SearchQuery, 'page' | 'pageSize' | 'sort' | 'q'>;

/**
 * The filters as an index query: selective ones (city, field, price band, organisation) as
 * AND-ed tag lists; broad ones (a TRL range of three or more levels, a transfer mode) as checks
 * on the key's bits when something else already narrows the walk: intersecting two or three
 * lists that each hold a third of the catalogue costs more than testing bits on the way.
 * Alone, they stay tag lists (a walk of the whole index testing bits would be the slow case).
 */
export function filterSpec(
  q: Filters,
  hasTerms: boolean,
): { filters: string[][]; bits: BitFilters } {
  const filters: string[][] = [];
  const bits: BitFilters = {};
  if (q.city) filters.push([`_c${idx(CITY_CODES, q.city)}`]);
  if (q.field) filters.push([`_f${idx(FIELD_CODES, q.field)}`]);
  if (q.band) filters.push([`_b${idx(PRICE_BAND_CODES, q.band)}`]);
  if (q.org) filters.push([`_o${q.org}`]);
  const narrowed = hasTerms || filters.length > 0;
  const lo = q.trlMin ?? 1;
  const hi = q.trlMax ?? 9;
  if (lo > 1 || hi < 9) {
    if (narrowed && hi - lo >= 2) bits.trl = [lo, hi];
    else {
      const group: string[] = [];
      for (let t = lo; t <= hi; t++) group.push(`_t${t}`);
      filters.push(group);
    }
  }
  if (q.mode) {
    const m = idx(TRANSFER_MODE_CODES, q.mode);
    if (narrowed || filters.length > 0) bits.modeMask = 1 << m;
    else filters.push([`_m${m}`]);
  }
  return { filters, bits };
}

/** Facet counts of a set of keys, read from the keys' low bits (no row is read). */
export function facetCounts(keys: readonly number[], withTrlAndModes: boolean): Facets {
  const city = new Array<number>(CITY_CODES.length).fill(0);
  const field = new Array<number>(FIELD_CODES.length).fill(0);
  const trl = new Array<number>(10).fill(0);
  const mode = new Array<number>(TRANSFER_MODE_CODES.length).fill(0);
  const band = new Array<number>(PRICE_BAND_CODES.length).fill(0);
  for (const key of keys) {
    const k = decodeKey(key);
    city[k.city] = (city[k.city] ?? 0) + 1;
    field[k.field] = (field[k.field] ?? 0) + 1;
    trl[k.trl] = (trl[k.trl] ?? 0) + 1;
    band[k.band] = (band[k.band] ?? 0) + 1;
    for (let m = 0; m < mode.length; m++) if (k.modes & (1 << m)) mode[m] = (mode[m] ?? 0) + 1;
  }
  const list = (codes: readonly string[], counts: number[]) =>
    codes.map((value, i) => ({ value, count: counts[i] ?? 0 })).filter((f) => f.count > 0);
  return {
    city: list(CITY_CODES, city),
    field: list(FIELD_CODES, field),
    trl: withTrlAndModes ? list(['1', '2', '3', '4', '5', '6', '7', '8', '9'], trl.slice(1)) : [],
    mode: withTrlAndModes ? list(TRANSFER_MODE_CODES, mode) : [],
    band: list(PRICE_BAND_CODES, band),
  };
}

/**
 * Orders keys by price without reading every price: the keys carry a price bucket that is
 * monotone in price, so the order is bucket-major; exact prices are needed only inside the
 * buckets the requested page touches (`exactPrices` is asked for those keys alone).
 * Negotiable (no price) comes last either way; ties go to the newer listing.
 */
export async function orderByPrice(
  keys: readonly number[],
  direction: 'asc' | 'desc',
  offset: number,
  limit: number,
  exactPrices: (keys: number[]) => Promise<Map<number, number | null>>,
): Promise<number[]> {
  const sign = direction === 'asc' ? 1 : -1;
  const entries = keys.map((k) => {
    const bucket = decodeKey(k).bucket;
    return { k, b: bucket === NEGOTIABLE_BUCKET ? Number.POSITIVE_INFINITY : sign * bucket, p: 0 };
  });
  entries.sort((x, y) => x.b - y.b || y.k - x.k);
  const page = entries.slice(offset, offset + limit);
  const first = page[0];
  const last = page.at(-1);
  if (!first || !last) return [];
  // The page's buckets form one contiguous run of the sorted list: order that run exactly.
  let lo = offset;
  while (lo > 0 && entries[lo - 1]!.b === first.b) lo--;
  let hi = offset + page.length;
  while (hi < entries.length && entries[hi]!.b === last.b) hi++;
  const run = entries.slice(lo, hi).filter((e) => Number.isFinite(e.b));
  if (run.length > 0) {
    const prices = await exactPrices(run.map((e) => e.k));
    for (const e of run) e.p = prices.get(e.k) ?? 0;
    const exact = entries.slice(lo, hi);
    exact.sort((x, y) => x.b - y.b || sign * (x.p - y.p) || y.k - x.k);
    entries.splice(lo, hi - lo, ...exact);
  }
  return entries.slice(offset, offset + limit).map((e) => e.k);
}
