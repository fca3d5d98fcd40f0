import type { Fragment } from '@corridor/contracts';
import { pinyinOf } from './search.pinyin';
import { indexTokens, normaliseText } from './search.text';

/**
 * Highlighting in the application, the same on both engines: the text is cut into fragments
 * and those matching a query term are flagged. The web renders flagged fragments in bold as
 * text (never as HTML), so a title containing markup cannot inject anything.
 */

const PINYIN = /^[a-z]+$/;

function ranges(text: string, terms: readonly string[]): [number, number][] {
  const lower = text.toLowerCase();
  // Case folding that changes lengths (rare scripts) would shift offsets: then no highlight.
  if (lower.length !== text.length) return [];
  const out: [number, number][] = [];
  const mark = (word: string) => {
    if (!word) return;
    for (let at = lower.indexOf(word); at >= 0; at = lower.indexOf(word, at + word.length)) {
      out.push([at, at + word.length]);
    }
  };
  for (const term of terms) {
    if (lower.includes(term)) mark(term);
    else if (PINYIN.test(term)) {
      // A pinyin term: mark the indexed words of the text whose pinyin it is (jgq → 激光器,
      // jiguang → the 激光 of 激光器), as the index matched them.
      for (const word of new Set(indexTokens(text))) if (pinyinOf(word).includes(term)) mark(word);
      const whole = normaliseText(text).replace(/ /g, '');
      if (whole.length <= 12 && pinyinOf(whole)[1] === term) out.push([0, text.length]);
    }
  }
  out.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of out) {
    const last = merged.at(-1);
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function fragments(text: string, marks: [number, number][], from: number, to: number): Fragment[] {
  const out: Fragment[] = [];
  let at = from;
  for (const [s, e] of marks) {
    if (e <= from || s >= to) continue;
    const start = Math.max(s, from);
    const end = Math.min(e, to);
    if (start > at) out.push({ text: text.slice(at, start), hit: false });
    out.push({ text: text.slice(start, end), hit: true });
    at = end;
  }
  if (at < to) out.push({ text: text.slice(at, to), hit: false });
  return out;
}

/** The whole (short) text with its matches flagged. */
export function highlightAll(text: string, terms: readonly string[]): Fragment[] {
  return fragments(text, ranges(text, terms), 0, text.length);
}

/** A window of about `length` characters around the first match (or the start), flagged. */
export function snippet(text: string, terms: readonly string[], length = 120): Fragment[] {
  const marks = ranges(text, terms);
  const first = marks[0]?.[0] ?? 0;
  const from = Math.max(0, Math.min(first - 30, text.length - length));
  const to = Math.min(text.length, from + length);
  const out = fragments(text, marks, from, to);
  if (from > 0) out.unshift({ text: '…', hit: false });
  if (to < text.length) out.push({ text: '…', hit: false });
  return out;
}
