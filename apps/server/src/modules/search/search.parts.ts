import { idf } from '@node-rs/jieba/dict.js';
import { pinyin } from 'pinyin-pro';
import { pinyinParts } from './search.pinyin';
import { indexTokens, normaliseText, STOPWORDS } from './search.text';

/**
 * Parts of a query word that a title may hold instead of the word, for relevance only (the
 * third tier of market search: after "every term in the title" and "in the title or the
 * keywords"). A title about 氢燃料电池 (jieba: 氢 + 燃料电池) or 电解水制氢装置 holds 氢, not 氢能;
 * records that match 氢能 only in their text (an owner named …氢能科技…) should come after it.
 *
 * Parts are the dictionary words inside the term (激光器 → 激光, 光器: matched as title and
 * keyword tokens) and its informative characters (氢能 → 氢: matched as _x tokens, one per
 * character of the title and keywords, and one per its syllable, _xqing). A character is
 * informative when jieba's IDF table rates it at least RARE_CHAR_IDF: 能 (3.8), 光 (6.4) or
 * 电 (6.5) are in half the titles and would make the tier say nothing; 氢 (7.9), 储 (9.3) and
 * 芯 (8.6) are not. The table ships with jieba: the same on every engine and every machine.
 */
export const RARE_CHAR_IDF = 7;
const MAX_PARTS = 8;
const HAN_CHAR = /^[\u3400-\u4dbf\u4e00-\u9fff]$/;
const HAN_TERM = /^[\u3400-\u4dbf\u4e00-\u9fff]{2,}$/;

let charIdf: Map<string, number> | null = null;
function idfOf(char: string): number {
  if (!charIdf) {
    charIdf = new Map();
    // Lines "word idf"; only one-character words are kept (about 11,000 of 270,000).
    for (const line of new TextDecoder().decode(idf).split('\n')) {
      const space = line.indexOf(' ');
      const word = line.slice(0, space);
      if (word.length === 1) charIdf.set(word, Number(line.slice(space + 1)));
    }
  }
  // A character the table lacks is rarer than any it has.
  return charIdf.get(char) ?? Number.POSITIVE_INFINITY;
}

function isRare(char: string): boolean {
  return HAN_CHAR.test(char) && !STOPWORDS.has(char) && idfOf(char) >= RARE_CHAR_IDF;
}

const syllableMemo = new Map<string, string>();
function syllableOf(char: string): string {
  let s = syllableMemo.get(char);
  if (s === undefined) {
    s = pinyin(char, { toneType: 'none', v: true })
      .toLowerCase()
      .replace(/[^a-z]/g, '');
    syllableMemo.set(char, s);
  }
  return s;
}

/** The _x tokens of a title or keyword: each informative character and its syllable. */
export function charTokens(text: string): string[] {
  const out = new Set<string>();
  for (const char of normaliseText(text)) {
    if (!isRare(char)) continue;
    out.add(`_x${char}`);
    const s = syllableOf(char);
    if (s) out.add(`_x${s}`);
  }
  return [...out];
}

export interface TermParts {
  /** Words inside the term, matched as title or keyword tokens. */
  words: string[];
  /** Informative characters or syllables, matched as _x tokens (without the prefix). */
  chars: string[];
}

/**
 * The parts of a term: for Chinese its inner words and informative characters; for pinyin the
 * same in syllables (jiguangqi → jiguang, guangqi; ji, guang, qi), whose _x tokens exist only
 * where an informative character reads so. Initials, English and numbers have none.
 */
export function termParts(term: string): TermParts {
  if (HAN_TERM.test(term)) {
    const words = new Set(indexTokens(term));
    words.delete(term);
    return {
      words: [...words].slice(0, MAX_PARTS),
      chars: [...term].filter(isRare).slice(0, MAX_PARTS),
    };
  }
  if (/^[a-z]+$/.test(term)) {
    const parts = pinyinParts(term);
    const single = new Set(parts.filter((p) => pinyinParts(p).length === 0));
    return {
      words: parts.filter((p) => !single.has(p)).slice(0, MAX_PARTS),
      chars: [...single].slice(0, MAX_PARTS),
    };
  }
  return { words: [], chars: [] };
}

export function hasParts(term: string): boolean {
  const p = termParts(term);
  return p.words.length + p.chars.length > 0;
}
