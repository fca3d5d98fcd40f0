/**
 * The canonical JSON of a published edition: the exact bytes the publisher signs.
 *
 * Definition (the RFC 8785 "JSON Canonicalization Scheme" for the values used here), so anyone
 * can rebuild and check the bytes with any JCS library:
 * - objects: members sorted by key, comparing UTF-16 code units (JavaScript's default sort);
 * - arrays keep their order (entries by rank, then credit code; indicators in method order);
 * - no whitespace anywhere; separators are "," and ":" only;
 * - numbers as ECMAScript Number.prototype.toString gives them (shortest round-trip form, e.g.
 *   12.5, 0.000123, 1e+21), −0 written 0; NaN and Infinity are not allowed;
 * - strings as JSON.stringify escapes them (", \, control characters; everything else literal);
 * - the document is UTF-8 without BOM and without a trailing newline.
 * The signature is SM2 (GB/T 32918, SM3 digest, default user id "1234567812345678") over these
 * UTF-8 bytes.
 */
import type { Normalisation, Provenance, RankingIndicator } from './method';

export const EDITION_FORMAT = 'corridor-ranking-edition/1';
export const SIGNATURE_ALGORITHM = 'SM2-SM3';
export const SM2_DEFAULT_USER_ID = '1234567812345678';

/** Keys JavaScript orders before all others whatever their insertion order (array indices). */
const INDEX_KEY = /^(?:0|[1-9]\d{0,9})$/;
class NeedsSlowPath extends Error {}

function checkedNumber(value: number): number {
  if (!Number.isFinite(value)) throw new TypeError('canonical JSON: non-finite number');
  return value === 0 ? 0 : value;
}

function plainObject(value: object): Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  if (proto !== Object.prototype && proto !== null)
    throw new TypeError('canonical JSON: only plain objects and arrays');
  return value as Record<string, unknown>;
}

/** A copy with keys inserted in sorted order, so one JSON.stringify writes the canonical form. */
function sortedCopy(value: unknown): unknown {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return checkedNumber(value);
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (typeof value !== 'object')
    throw new TypeError(`canonical JSON: cannot hold a ${typeof value}`);
  const record = plainObject(value);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(record).sort()) {
    if (INDEX_KEY.test(key)) throw new NeedsSlowPath();
    const v = record[key];
    if (v === undefined) throw new TypeError(`canonical JSON: '${key}' is undefined`);
    // A key "__proto__" (JSON.parse makes such own keys) must stay data, not set the prototype.
    if (key === '__proto__')
      Object.defineProperty(out, key, { value: sortedCopy(v), enumerable: true, writable: true });
    else out[key] = sortedCopy(v);
  }
  return out;
}

/** Member by member; used only when a key looks like an array index. */
function serialise(value: unknown): string {
  if (value === null || typeof value === 'string' || typeof value === 'boolean')
    return JSON.stringify(value);
  if (typeof value === 'number') return JSON.stringify(checkedNumber(value));
  if (Array.isArray(value)) return `[${value.map(serialise).join(',')}]`;
  if (typeof value !== 'object')
    throw new TypeError(`canonical JSON: cannot hold a ${typeof value}`);
  const record = plainObject(value);
  const parts: string[] = [];
  for (const key of Object.keys(record).sort()) {
    if (record[key] === undefined) throw new TypeError(`canonical JSON: '${key}' is undefined`);
    parts.push(`${JSON.stringify(key)}:${serialise(record[key])}`);
  }
  return `{${parts.join(',')}}`;
}

/** Serialises a JSON value canonically; throws on anything JSON cannot hold. */
export function canonicalJson(value: unknown): string {
  try {
    // JSON.stringify writes numbers and strings exactly as the definition above requires.
    return JSON.stringify(sortedCopy(value));
  } catch (error) {
    if (error instanceof NeedsSlowPath) return serialise(value);
    throw error;
  }
}

/** True when the text is exactly the canonical form of the JSON it holds. */
export function isCanonicalJson(text: string): boolean {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return false;
  }
  try {
    return canonicalJson(parsed) === text;
  } catch {
    return false;
  }
}

export interface CanonicalIndicatorScore {
  key: string;
  value: number | null;
  normalised: number;
  contribution: number;
  provenance: Provenance;
}

export interface CanonicalEntry {
  rank: number;
  creditCode: string;
  name: string;
  regionCode: string;
  industry: string | null;
  total: number;
  previousRank: number | null;
  movement: number | null;
  indicators: CanonicalIndicatorScore[];
}

export interface CanonicalCorrection {
  id: number;
  creditCode: string;
  field: string;
  previousValue: number | null;
  claimedValue: number;
  decision: 'accepted' | 'rejected';
  reason: string;
  decidedAt: string;
}

/** Everything a reader needs to check the list: recipe, inputs' fingerprints, scores, appeals. */
export interface CanonicalEdition {
  format: typeof EDITION_FORMAT;
  edition: {
    id: number;
    title: string;
    year: number;
    scope: { city: string | null; industry: string | null };
    publishedAt: string;
    /** SM3 of the canonical JSON of the inputs as frozen in the draft, and as finally scored. */
    frozenInputsSm3: string;
    finalInputsSm3: string;
    entryCount: number;
    previousEditionId: number | null;
  };
  method: {
    id: number;
    code: string;
    version: number;
    name: string;
    normalisation: Normalisation;
    indicators: RankingIndicator[];
  };
  signer: {
    name: string;
    algorithm: typeof SIGNATURE_ALGORITHM;
    userId: string;
    publicKey: string;
  };
  corrections: CanonicalCorrection[];
  entries: CanonicalEntry[];
}

export function canonicalEditionJson(edition: CanonicalEdition): string {
  return canonicalJson(edition);
}

/** The inputs' fingerprint document: rows by credit code, values in method order. */
export function canonicalInputsJson(
  indicatorKeys: readonly string[],
  rows: readonly {
    creditCode: string;
    values: Record<string, number | null>;
    provenance?: Record<string, Provenance>;
  }[],
): string {
  const sorted = [...rows].sort((a, b) => (a.creditCode < b.creditCode ? -1 : 1));
  return canonicalJson(
    sorted.map((r) => [
      r.creditCode,
      indicatorKeys.map((k) => [r.values[k] ?? null, r.provenance?.[k] ?? 'derived']),
    ]),
  );
}
