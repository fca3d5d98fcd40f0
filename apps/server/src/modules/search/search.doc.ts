import { createHash } from 'node:crypto';
import { TECH_FIELDS, type TransferMode } from '@corridor/contracts';
import { facetTags, type KeyFacets, makeKey } from './search.key';
import { charTokens } from './search.parts';
import { indexTokensWithPinyin, tokensWithPinyin, unique } from './search.text';
import { DOMAIN_WORDS } from './search.words';

/**
 * The format of the index documents: what an index built by this code holds. Bump the number
 * when the tokens change; the domain vocabulary's digest follows the word list by itself. An
 * index written in another format is rebuilt at start-up (modules/market/market.reindex.ts).
 *   1  pinyin of title and keyword words only, initials from three syllables
 *   2  pinyin (full and initials) of every indexed word, compounds' inner words included,
 *      in every column; initials from two syllables; _x character tokens
 */
export const SEARCH_INDEX_FORMAT = `2:${createHash('sha256')
  .update(DOMAIN_WORDS.join(' '))
  .digest('hex')
  .slice(0, 12)}`;

/**
 * One record as the full-text index stores it: four columns of space-joined tokens.
 *   head  the title's words and their pinyin, plus each of them again as _h<token>, and
 *         _x<char> for the informative characters of title and keywords (search.parts.ts)
 *   kw    the keywords' words and their pinyin, plus each again as _k<token>
 *   body  abstract/description, owner name, field label: words and their pinyin
 *   tags  filter tokens (_c2 city, _t7 TRL …) → facet filters are index intersections
 * The _h/_k copies are tier postings: "every term in the title" is an intersection of short
 * title-only lists instead of a walk through each term's full list checking columns.
 */
export interface IndexDoc {
  key: number;
  head: string;
  kw: string;
  body: string;
  tags: string;
}

export interface IndexSource {
  orgId: number;
  orgName: string;
  title: string;
  keywords: readonly string[];
  text: string;
  facets: KeyFacets;
}

const FIELD_ZH = new Map<string, string>(TECH_FIELDS.map((f) => [f.code, f.zh]));

/**
 * The tokens of each text column (before the tier copies): what a query term can match; and
 * the _x tokens of the title's and keywords' informative characters (relevance only).
 */
export function indexColumns(src: IndexSource): {
  head: string[];
  kw: string[];
  body: string[];
  chars: string[];
} {
  return {
    head: unique(tokensWithPinyin(src.title)),
    kw: unique(src.keywords.flatMap((k) => tokensWithPinyin(k))),
    chars: unique([src.title, ...src.keywords].flatMap(charTokens)),
    body: unique([
      ...indexTokensWithPinyin(src.text),
      ...indexTokensWithPinyin(src.orgName),
      ...indexTokensWithPinyin(FIELD_ZH.get(src.facets.field) ?? ''),
    ]),
  };
}

/** A newly listed record's document: its key from the listing number and its facets. */
export function buildIndexDoc(seq: number, src: IndexSource): IndexDoc {
  return indexDocWithKey(makeKey(seq, src.facets), src);
}

/** A record's document under the key it already has (a rebuild keeps every key). */
export function indexDocWithKey(key: number, src: IndexSource): IndexDoc {
  const { head, kw, body, chars } = indexColumns(src);
  return {
    key,
    head: [...head, ...head.map((t) => `_h${t}`), ...chars].join(' '),
    kw: [...kw, ...kw.map((t) => `_k${t}`)].join(' '),
    body: body.join(' '),
    tags: facetTags(src.facets, src.orgId).join(' '),
  };
}

export function achievementSource(a: {
  orgId: number;
  orgName: string;
  regionCode: string;
  title: string;
  abstract: string;
  keywords: readonly string[];
  field: string;
  trl: number;
  transferModes: readonly TransferMode[];
  priceWan: number | null;
}): IndexSource {
  return {
    orgId: a.orgId,
    orgName: a.orgName,
    title: a.title,
    keywords: a.keywords,
    text: a.abstract,
    facets: {
      city: a.regionCode,
      field: a.field,
      trl: a.trl,
      modes: a.transferModes,
      priceWan: a.priceWan,
    },
  };
}

export function demandSource(d: {
  orgId: number;
  orgName: string;
  regionCode: string;
  title: string;
  description: string;
  field: string;
  budgetWan: number | null;
}): IndexSource {
  return {
    orgId: d.orgId,
    orgName: d.orgName,
    title: d.title,
    keywords: [],
    text: d.description,
    facets: { city: d.regionCode, field: d.field, trl: 0, modes: [], priceWan: d.budgetWan },
  };
}
