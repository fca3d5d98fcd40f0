import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { pinyinOf } from './search.pinyin';
import { DOMAIN_WORDS } from './search.words';

/**
 * Text → search tokens, the same way at index time and at query time, on both engines.
 *
 * Why the care: SQLite FTS5 (unicode61) and PostgreSQL tsvectors must see exactly the same
 * lexemes, or the same data would give different results. So all tokenising happens here:
 * jieba segments the Chinese, then every token is reduced to characters both engines treat as
 * word characters (letters and digits of a conservative set of scripts, lower-cased, NFKC).
 * FTS5 then never splits a token further, and PostgreSQL receives the lexemes as they are.
 */

let jieba: Jieba | null = null;
function segmenter(): Jieba {
  if (!jieba) {
    jieba = Jieba.withDict(dict);
    // Technical vocabulary the general dictionary lacks (极片, 外延片 …): fewer one-character
    // fragments, so queries and documents segment alike.
    jieba.loadDict(Buffer.from(DOMAIN_WORDS.map((w) => `${w} 3000 n`).join('\n')));
  }
  return jieba;
}

/** Function words dropped on both sides: they match nearly everything and mean nothing. */
export const STOPWORDS = new Set(
  '的 了 和 与 及 或 等 在 是 对 为 于 中 将 并 其 可 已 之 以 由 被 把 向 从 而 且 也 就 都 这 那 有 个 各 该 所 则 至 及其'.split(
    ' ',
  ),
);

export const MAX_TOKEN_CHARS = 32;

/**
 * Everything that is not a word character for both engines. FTS5's unicode61 tokenizer uses
 * Unicode 6.1 tables, so only scripts and code points it knows as letters or digits are kept
 * (ASCII, Latin, Cyrillic, kana, CJK and extension A/B as of 6.1, Hangul); the rest separates.
 */
const NON_WORD =
  /[^0-9a-z\u00e0-\u00f6\u00f8-\u00ff\u0100-\u024f\u0430-\u045f\u3041-\u3096\u309d-\u309f\u30a1-\u30fa\u30fc-\u30ff\u3400-\u4db5\u4e00-\u9fcc\uac00-\ud7a3\u{20000}-\u{2a6d6}]+/gu;

/** Lower-cased NFKC text with every run of non-word characters turned into one space. */
export function normaliseText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(NON_WORD, ' ');
}

/** Runs of word characters: jieba is given one run at a time (it splits at punctuation anyway). */
function runs(text: string): string[] {
  return normaliseText(text).split(' ').filter(Boolean);
}

const ASCII_RUN = /^[0-9a-z]+$/;

function keep(token: string): string | null {
  const t = token.slice(0, MAX_TOKEN_CHARS);
  return t && !STOPWORDS.has(t) ? t : null;
}

// Generated and real texts repeat phrases a lot: a bounded memo keeps bulk indexing fast.
const MEMO_LIMIT = 200_000;
const indexMemo = new Map<string, string[]>();
const queryMemo = new Map<string, string[]>();

function memoised(memo: Map<string, string[]>, run: string, cut: (r: string) => string[]) {
  let tokens = memo.get(run);
  if (!tokens) {
    if (memo.size >= MEMO_LIMIT) memo.clear();
    const out: string[] = [];
    for (const raw of ASCII_RUN.test(run) ? [run] : cut(run)) {
      const t = keep(raw.trim());
      if (t) out.push(t);
    }
    tokens = out;
    memo.set(run, tokens);
  }
  return tokens;
}

/**
 * Index-time tokens of a text: jieba's search mode (a long word and the dictionary words inside
 * it: 激光器 → 激光, 光器, 激光器), so a query for a part of a word still finds it.
 * No HMM: dictionary-only segmentation is stable, so a query segments like the document did.
 */
export function indexTokens(text: string): string[] {
  const out: string[] = [];
  for (const run of runs(text)) {
    out.push(...memoised(indexMemo, run, (r) => segmenter().cutForSearch(r, false)));
  }
  return out;
}

/** Query-time tokens: jieba's precise mode (a word is one term), deduplicated, in order. */
export function queryTokens(text: string): string[] {
  const out: string[] = [];
  for (const run of runs(text)) {
    for (const t of memoised(queryMemo, run, (r) => segmenter().cut(r, false))) {
      if (!out.includes(t)) out.push(t);
    }
  }
  return out;
}

/**
 * Index tokens of a text with the pinyin keys of each (see search.pinyin.ts): the words inside
 * compounds included, so jiguang finds 激光器 as 激光 does.
 */
export function indexTokensWithPinyin(text: string): string[] {
  const tokens = indexTokens(text);
  return [...tokens, ...tokens.flatMap(pinyinOf)];
}

/**
 * The same for a short text (title, keyword), plus the initials of the whole when short
 * (锂电池极片 → ldcjp): initials are not split like full pinyin is, so a user's jgqxp finds a
 * title that reads so as one.
 */
export function tokensWithPinyin(text: string): string[] {
  const out = indexTokensWithPinyin(text);
  const whole = normaliseText(text).replace(/ /g, '');
  if (whole.length <= 12) {
    const initials = pinyinOf(whole)[1];
    if (initials) out.push(initials);
  }
  return out;
}

export function unique(tokens: string[]): string[] {
  return [...new Set(tokens)];
}
