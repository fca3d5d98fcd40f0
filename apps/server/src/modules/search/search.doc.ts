import { TECH_FIELDS, type TransferMode } from '@corridor/contracts';
import { facetTags, type KeyFacets, makeKey } from './search.key';
import { indexTokens, tokensWithPinyin, unique } from './search.text';

/**
 * One record as the full-text index stores it: four columns of space-joined tokens.
 *   head  the title (and its pinyin), plus each of them again as _h<token>
 *   kw    the keywords (and their pinyin), plus each again as _k<token>
 *   body  abstract/description, owner name, field label
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

export function buildIndexDoc(seq: number, src: IndexSource): IndexDoc {
  const head = unique(tokensWithPinyin(src.title));
  const kw = unique(src.keywords.flatMap((k) => tokensWithPinyin(k)));
  const body = unique([
    ...indexTokens(src.text),
    ...indexTokens(src.orgName),
    ...indexTokens(FIELD_ZH.get(src.facets.field) ?? ''),
  ]);
  return {
    key: makeKey(seq, src.facets),
    head: [...head, ...head.map((t) => `_h${t}`)].join(' '),
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
