import { PRICE_BANDS, priceBand } from '@corridor/contracts';
import { describe, expect, it } from 'vitest';
import { dialectFor } from '../../core/db/dialect';
import { ftsExpression, pgQueries } from './search.expr';
import { highlightAll, snippet } from './search.highlight';
import { decodeKey, facetTags, makeKey, priceBucket } from './search.key';
import { busy, SearchLimiter } from './search.limiter';
import { charTokens, termParts } from './search.parts';
import { pinyinOf, pinyinWordCandidates, splitPinyin } from './search.pinyin';
import {
  facetCounts,
  filterSpec,
  orderByPrice,
  parseQuery,
  resolveTerms,
  splitCandidates,
} from './search.query';
import {
  indexTokens,
  indexTokensWithPinyin,
  normaliseText,
  queryTokens,
  tokensWithPinyin,
} from './search.text';

const sqlite = dialectFor('sqlite');
const postgres = dialectFor('postgres');

describe('query parsing and quoting', () => {
  it('segments Chinese with jieba, one term per word, stop words dropped', () => {
    expect(queryTokens('高功率半导体激光器芯片外延生长技术')).toEqual([
      '高功率',
      '半导体',
      '激光器',
      '芯片',
      '外延',
      '生长',
      '技术',
    ]);
    expect(queryTokens('基于机器视觉的锂电池极片缺陷检测系统')).not.toContain('的');
  });

  it('indexes the words inside long words, so a part of a word is found', () => {
    const tokens = indexTokens('半导体激光器芯片');
    for (const t of ['半导体', '激光器', '激光', '芯片']) expect(tokens).toContain(t);
  });

  it('reduces FTS syntax, SQL, emoji and odd scripts to plain word tokens', () => {
    expect(parseQuery('"*^():-')).toEqual({ kind: 'nothing', terms: [] });
    expect(parseQuery('😀🚀')).toEqual({ kind: 'nothing', terms: [] });
    expect(parseQuery(undefined)).toEqual({ kind: 'browse' });
    expect(queryTokens("'; DROP TABLE orgs; --")).toEqual(['drop', 'table', 'orgs']);
    expect(queryTokens('激光😀LASER ＬＥＤ５G')).toEqual(['激光', 'laser', 'led5g']);
    expect(queryTokens('NEAR(a b) OR x* AND y^')).toEqual([
      'near',
      'a',
      'b',
      'or',
      'x',
      'and',
      'y',
    ]);
    for (const t of queryTokens('a"b\'c\\d{e}f:g')) expect(t).toMatch(/^[\p{L}\p{N}]+$/u);
  });

  it('keeps at most eight terms', () => {
    const parsed = parseQuery('一 二 三 四 五 六 七 八 九 十 激光');
    expect(parsed.kind === 'terms' && parsed.terms.length).toBe(8);
  });

  it('quotes every term in both engines’ syntax; an unchecked token is refused', () => {
    const spec = {
      terms: ['激光器', 'or'],
      scope: 'all' as const,
      filters: [['_c0'], ['_t7', '_t8']],
    };
    expect(ftsExpression(spec)).toBe('"激光器" AND "or" AND "_c0" AND ("_t7" OR "_t8")');
    // PostgreSQL: Latin-letter lexemes (pinyin, English) are in a vector of their own.
    expect(pgQueries(spec)).toEqual({ tsv: "'激光器' & '_c0' & ('_t7' | '_t8')", py: "'or'" });
    // Tiers use their own postings: title-only (_h) and keyword-only (_k) tokens.
    expect(ftsExpression({ ...spec, scope: 'head' })).toBe(
      '"_h激光器" AND "_hor" AND "_c0" AND ("_t7" OR "_t8")',
    );
    expect(pgQueries({ ...spec, scope: 'headKw', filters: [] })).toEqual({
      tsv: "('_h激光器' | '_k激光器')",
      py: "('_hor' | '_kor')",
    });
    // Parts: the term anywhere, and it or a part of it in the title or keywords.
    expect(ftsExpression({ terms: ['氢能'], scope: 'parts', filters: [] })).toBe(
      '"氢能" AND ("_h氢能" OR "_k氢能" OR "_x氢")',
    );
    expect(pgQueries({ terms: ['qingneng'], scope: 'parts', filters: [] })).toEqual({
      tsv: null,
      py: "'qingneng' & ('_hqingneng' | '_kqingneng' | '_xqing' | '_xneng')",
    });
    expect(ftsExpression({ terms: [], scope: 'all', filters: [] })).toBe('"_all"');
    expect(pgQueries({ terms: [], scope: 'all', filters: [] })).toEqual({
      tsv: "'_all'",
      py: null,
    });
    expect(() => ftsExpression({ terms: ['a"b'], scope: 'all', filters: [] })).toThrow();
    expect(() => pgQueries({ terms: ["a'b"], scope: 'all', filters: [] })).toThrow();
  });

  it('turns selective filters into tag lists and broad ones into key-bit checks', () => {
    expect(
      filterSpec({ city: '420200', trlMin: 7, mode: 'license', band: 'negotiable', org: 5 }, true),
    ).toEqual({
      filters: [['_c2'], ['_b6'], ['_o5']],
      bits: { trl: [7, 9], modeMask: 0b10 },
    });
    // Alone (nothing else narrows the walk), they stay tag lists.
    expect(filterSpec({ trlMin: 7, trlMax: 9 }, false)).toEqual({
      filters: [['_t7', '_t8', '_t9']],
      bits: {},
    });
    expect(filterSpec({ trlMin: 8, mode: 'joint' }, true)).toEqual({
      filters: [['_t8', '_t9']],
      bits: { modeMask: 0b1000 },
    });
  });

  it('normalises to characters both engines treat as letters', () => {
    expect(normaliseText('Ab-Ｃ１_ü·é')).toBe('ab c1 ü é');
  });

  it('has pinyin keys for words of two or more Han characters, initials from two syllables', () => {
    expect(pinyinOf('激光器')).toEqual(['jiguangqi', 'jgq']);
    expect(pinyinOf('芯片')).toEqual(['xinpian', 'xp']);
    expect(pinyinOf('银行')).toEqual(['yinhang', 'yh']); // the word decides the polyphone
    expect(pinyinOf('氢')).toEqual([]);
    expect(pinyinOf('a')).toEqual([]);
    expect(tokensWithPinyin('锂电池极片')).toEqual(
      expect.arrayContaining(['lidianchi', 'ldc', 'jipian', 'jp', 'ldcjp']),
    );
  });

  it('gives the words inside compounds their pinyin too, in every column', () => {
    const tokens = indexTokensWithPinyin('采用半导体激光器芯片');
    for (const t of ['激光', 'jiguang', 'jg', 'jiguangqi', 'jgq', 'bandaoti', 'bdt', 'xinpian'])
      expect(tokens).toContain(t);
    expect(indexTokensWithPinyin('技术成熟度达到6级')).not.toContain('ji'); // no one-syllable keys
    // Not the whole-text pinyin: a run typed without spaces is split into words instead.
    expect(tokensWithPinyin('激光芯片')).not.toContain('jiguangxinpian');
    expect(tokensWithPinyin('激光芯片')).toContain('jgxp');
  });

  it('splits pinyin typed without spaces into the fewest indexed words', () => {
    const indexed = new Set(['jiguang', 'xinpian', 'jiguangqi', 'guangqi', 'xian', 'dianchi']);
    expect(splitPinyin('jiguangxinpian', indexed)).toEqual(['jiguang', 'xinpian']);
    expect(splitPinyin('jiguangqixinpian', indexed)).toEqual(['jiguangqi', 'xinpian']);
    expect(splitPinyin('jiguangqi', indexed)).toEqual(['jiguangqi']);
    expect(splitPinyin('xiandianchi', indexed)).toEqual(['xian', 'dianchi']);
    expect(splitPinyin('jiguangmoxing', indexed)).toBeNull(); // moxing is not indexed
    expect(splitPinyin('jgqxp', indexed)).toBeNull(); // initials: not pinyin syllables
    // Candidates: stretches of two or more whole syllables, none for short or non-pinyin runs.
    expect(pinyinWordCandidates('jiguangxinpian')).toEqual(
      expect.arrayContaining(['jiguang', 'xinpian', 'jiguangxinpian', 'guangxin']),
    );
    expect(pinyinWordCandidates('jiguangxinpian')).not.toContain('ji');
    expect(pinyinWordCandidates('jiguang')).toEqual([]);
    expect(pinyinWordCandidates('jgq')).toEqual([]);
    expect(pinyinWordCandidates('laser')).toEqual([]);
    expect(pinyinWordCandidates('x'.repeat(40))).toEqual([]);
    expect(splitCandidates(['激光', 'jiguangxinpian', 'jg'])).toContain('xinpian');
    expect(resolveTerms(['激光', 'jiguangxinpian', 'jg'], indexed)).toEqual([
      '激光',
      'jiguang',
      'xinpian',
      'jg',
    ]);
    expect(resolveTerms(['jiguangmoxing'], indexed)).toEqual(['jiguangmoxing']);
  });

  it('has the parts of a word a title may hold instead of it, in Chinese and in pinyin', () => {
    // 能 is too common a character to say anything (jieba's IDF 3.8); 氢 is not (7.9).
    expect(termParts('氢能')).toEqual({ words: [], chars: ['氢'] });
    expect(termParts('激光器')).toEqual({ words: ['激光', '光器'], chars: ['激', '器'] });
    expect(termParts('qingneng')).toEqual({ words: [], chars: ['qing', 'neng'] });
    expect(termParts('jiguangqi')).toEqual({
      words: ['jiguang', 'guangqi'],
      chars: ['ji', 'guang', 'qi'],
    });
    expect(termParts('chuneng').chars).toEqual(['chu', 'neng']); // the usual reading
    for (const t of ['氢', 'jgq', 'laser', '5g', 'xian']) {
      expect(termParts(t)).toEqual({ words: [], chars: [] });
    }
    // Titles and keywords carry their informative characters and syllables as _x tokens.
    expect(charTokens('电解水制氢装置')).toEqual(expect.arrayContaining(['_x氢', '_xqing']));
    expect(charTokens('储能变流器')).not.toContain('_x能');
  });
});

describe('price bands and the search key', () => {
  it('bands prices in 万元, lower bound inclusive, null = negotiable', () => {
    expect(priceBand(0)).toBe('lt10');
    expect(priceBand(9.99)).toBe('lt10');
    expect(priceBand(10)).toBe('10to50');
    expect(priceBand(99.99)).toBe('50to100');
    expect(priceBand(100)).toBe('100to500');
    expect(priceBand(1000)).toBe('gte1000');
    expect(priceBand(1_000_000)).toBe('gte1000');
    expect(priceBand(null)).toBe('negotiable');
    expect(PRICE_BANDS.map((b) => b.code)).toHaveLength(7);
  });

  it('price buckets never decrease as the price grows', () => {
    let last = -1;
    for (let p = 0; p < 200_000; p = p < 10 ? p + 0.01 : p * 1.01) {
      const b = priceBucket(p);
      expect(b).toBeGreaterThanOrEqual(last);
      last = b;
    }
    expect(priceBucket(null)).toBe(1023);
    expect(priceBucket(1_000_000)).toBeLessThan(1023);
  });

  it('encodes facets in the low bits and the listing number in the high bits', () => {
    const facets = {
      city: '421200',
      field: 'newMaterials',
      trl: 9,
      modes: ['transfer', 'joint'] as const,
      priceWan: 120,
    };
    const key = makeKey(2 ** 26 - 1, { ...facets, modes: [...facets.modes] });
    expect(Number.isSafeInteger(key)).toBe(true);
    expect(decodeKey(key)).toEqual({
      seq: 2 ** 26 - 1,
      modes: 0b1001,
      trl: 9,
      field: 3,
      city: 4,
      band: 3,
      bucket: priceBucket(120),
    });
    expect(makeKey(2, { ...facets, modes: [] })).toBeGreaterThan(
      makeKey(1, { ...facets, modes: ['transfer', 'license', 'equity', 'joint'], priceWan: null }),
    );
    expect(() => makeKey(2 ** 26, { ...facets, modes: [] })).toThrow();
    expect(facetTags({ ...facets, modes: ['joint'] }, 7)).toEqual([
      '_all',
      '_c4',
      '_f3',
      '_t9',
      '_m3',
      '_b3',
      '_o7',
    ]);
  });

  it('counts facets from keys alone', () => {
    const keys = [
      makeKey(1, { city: '420100', field: 'aerospace', trl: 3, modes: ['license'], priceWan: 5 }),
      makeKey(2, {
        city: '420100',
        field: 'aerospace',
        trl: 7,
        modes: ['license', 'joint'],
        priceWan: null,
      }),
    ];
    const f = facetCounts(keys, true);
    expect(f.city).toEqual([{ value: '420100', count: 2 }]);
    expect(f.trl).toEqual([
      { value: '3', count: 1 },
      { value: '7', count: 1 },
    ]);
    expect(f.mode).toEqual([
      { value: 'license', count: 2 },
      { value: 'joint', count: 1 },
    ]);
    expect(f.band).toEqual([
      { value: 'lt10', count: 1 },
      { value: 'negotiable', count: 1 },
    ]);
    expect(facetCounts(keys, false).trl).toEqual([]);
  });

  it('orders by exact price, reading prices only for the page’s buckets; negotiable last', async () => {
    const prices = [12, 12, 12.01, null, 3, 4000, 12.5, null, 0];
    const keys = prices.map((p, i) =>
      makeKey(i + 1, {
        city: '420100',
        field: 'aerospace',
        trl: 1,
        modes: ['license'],
        priceWan: p,
      }),
    );
    const price = new Map(keys.map((k, i) => [k, prices[i]!]));
    const asked: number[] = [];
    const exact = async (ks: number[]) => {
      asked.push(...ks);
      return new Map(ks.map((k) => [k, price.get(k) ?? null]));
    };
    const all = await orderByPrice(keys, 'asc', 0, 9, exact);
    expect(all.map((k) => price.get(k))).toEqual([0, 3, 12, 12, 12.01, 12.5, 4000, null, null]);
    // ties: the newer listing (higher key) first
    expect(all[2]).toBeGreaterThan(all[3]!);
    const desc = await orderByPrice(keys, 'desc', 0, 9, exact);
    expect(desc.map((k) => price.get(k))).toEqual([4000, 12.5, 12.01, 12, 12, 3, 0, null, null]);
    asked.length = 0;
    const firstPage = await orderByPrice(keys, 'asc', 0, 1, exact);
    expect(firstPage.map((k) => price.get(k))).toEqual([0]);
    expect(asked.length).toBeLessThan(keys.length);
  });
});

describe('highlighting', () => {
  it('flags matched words, including pinyin, as text fragments (never markup)', () => {
    expect(highlightAll('高功率激光器<b>芯片', ['激光器'])).toEqual([
      { text: '高功率', hit: false },
      { text: '激光器', hit: true },
      { text: '<b>芯片', hit: false },
    ]);
    expect(
      highlightAll('半导体激光器芯片', ['jgq'])
        .filter((f) => f.hit)
        .map((f) => f.text),
    ).toEqual(['激光器']);
    expect(highlightAll('LED 灯', ['led'])[0]).toEqual({ text: 'LED', hit: true });
  });

  it('cuts a snippet around the first match', () => {
    const text = `${'甲'.repeat(200)}激光器${'乙'.repeat(200)}`;
    const s = snippet(text, ['激光器'], 60);
    expect(s[0]).toEqual({ text: '…', hit: false });
    expect(s.at(-1)).toEqual({ text: '…', hit: false });
    expect(s.some((f) => f.hit && f.text === '激光器')).toBe(true);
    expect(s.map((f) => f.text).join('').length).toBeLessThanOrEqual(62);
  });
});

describe('search admission', () => {
  it('runs at most `concurrency`, queues `queue`, refuses the rest with 503 + Retry-After', async () => {
    const limiter = new SearchLimiter({ concurrency: 1, queue: 1, budgetMs: 1000 });
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const first = limiter.run(() => held.then(() => 'first'));
    const second = limiter.run(async () => 'second');
    await expect(limiter.run(async () => 'third')).rejects.toMatchObject({
      code: 'server.busy',
      headers: { 'retry-after': '1' },
    });
    release();
    expect(await first).toBe('first');
    expect(await second).toBe('second');
    expect(limiter.load).toEqual({ active: 0, waiting: 0 });
  });

  it('gives each client a fair share: one client filling its places does not lock others out', async () => {
    // 4 running + 8 waiting: a client holds at most 3 places at once.
    const limiter = new SearchLimiter({ concurrency: 4, queue: 8, budgetMs: 1000 });
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    const greedy = [1, 2, 3].map(() => limiter.run(() => held, 'account:1'));
    await expect(limiter.run(async () => 'fourth', 'account:1')).rejects.toEqual(busy());
    // Others still get in while the greedy client waits on its own searches.
    expect(await limiter.run(async () => 'other', 'account:2')).toBe('other');
    release();
    await Promise.all(greedy);
    // Its places are returned: the client may search again.
    expect(await limiter.run(async () => 'again', 'account:1')).toBe('again');
    expect(limiter.load).toEqual({ active: 0, waiting: 0 });
  });

  it('turns a search away when it cannot start within its budget', async () => {
    const limiter = new SearchLimiter({ concurrency: 1, queue: 5, budgetMs: 30 });
    let release!: () => void;
    const held = limiter.run(() => new Promise<void>((r) => (release = r)));
    const started = Date.now();
    await expect(limiter.run(async () => 'late')).rejects.toEqual(busy());
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    release();
    await held;
    expect(limiter.load).toEqual({ active: 0, waiting: 0 });
  });
});
