import { pinyin } from 'pinyin-pro';

/**
 * Pinyin keys of indexed words, and splitting a pinyin query typed without spaces into words.
 *
 * Every indexed word of two or more Han characters (the words jieba's search mode yields,
 * 激光器 and the 激光 inside it alike) gets its full pinyin and its initials (激光 → jiguang, jg),
 * so a pinyin query finds what its Chinese form finds. One-character words get none: 级 (ji)
 * is in nearly every abstract, and a one-syllable key would match half the catalogue.
 */

const MEMO_LIMIT = 200_000;
const MAX_KEY_CHARS = 32;
const pinyinMemo = new Map<string, string[]>();
const HAN_WORD = /^[\u3400-\u4dbf\u4e00-\u9fff]{2,}$/;

/** Full pinyin and initials of a word of two or more Han characters (激光器 → jiguangqi, jgq). */
export function pinyinOf(word: string): string[] {
  if (!HAN_WORD.test(word)) return [];
  let keys = pinyinMemo.get(word);
  if (!keys) {
    if (pinyinMemo.size >= MEMO_LIMIT) pinyinMemo.clear();
    // pinyin-pro reads the word as a whole, so polyphones follow the word (银行 yinhang).
    const syllables = pinyin(word, { toneType: 'none', type: 'array', v: true }).map((s) =>
      s.toLowerCase().replace(/[^a-z]/g, ''),
    );
    const full = syllables.join('').slice(0, MAX_KEY_CHARS);
    const initials = syllables.map((s) => s[0] ?? '').join('');
    keys = full === initials ? [full] : [full, initials];
    pinyinMemo.set(word, keys);
  }
  return keys;
}

/**
 * Toneless syllables of Mandarin as pinyin-pro writes them (ü as v): every reading it gives the
 * characters U+4E00–U+9FA5, less the interjections m and ng (they would split any word).
 */
const SYLLABLES = new Set(
  `a ai an ang ao ba bai ban bang bao bei ben beng bi bian biao bie bin bing bo bu ca cai can
  cang cao ce cen ceng cha chai chan chang chao che chen cheng chi chong chou chu chua chuai chuan
  chuang chui chun chuo ci cong cou cu cuan cui cun cuo da dai dan dang dao de den deng di dia
  dian diao die ding diu dong dou du duan dui dun duo e ei en eng er fa fan fang fei fen feng fo
  fou fu ga gai gan gang gao ge gei gen geng gong gou gu gua guai guan guang gui gun guo ha hai
  han hang hao he hei hen heng hong hou hu hua huai huan huang hui hun huo ji jia jian jiang jiao
  jie jin jing jiong jiu ju juan jue jun ka kai kan kang kao ke kei ken keng kong kou ku kua kuai
  kuan kuang kui kun kuo la lai lan lang lao le lei leng li lia lian liang liao lie lin ling liu
  long lou lu luan lun luo lv lve ma mai man mang mao me mei men meng mi mian miao mie min ming
  miu mo mou mu na nai nan nang nao ne nei nen neng ni nian niang niao nie nin ning niu nong nou
  nu nuan nuo nv nve o ou pa pai pan pang pao pei pen peng pi pian piao pie pin ping po pou pu qi
  qia qian qiang qiao qie qin qing qiong qiu qu quan que qun ran rang rao re ren reng ri rong rou
  ru ruan rui run ruo sa sai san sang sao se sen seng sha shai shan shang shao she shen sheng shi
  shou shu shua shuai shuan shuang shui shun shuo si song sou su suan sui sun suo ta tai tan tang
  tao te teng ti tian tiao tie ting tong tou tu tuan tui tun tuo wa wai wan wang wei wen weng wo
  wu xi xia xian xiang xiao xie xin xing xiong xiu xu xuan xue xun ya yan yang yao ye yi yin ying
  yo yong you yu yuan yue yun za zai zan zang zao ze zei zen zeng zha zhai zhan zhang zhao zhe
  zhen zheng zhi zhong zhou zhu zhua zhuai zhuan zhuang zhui zhun zhuo zi zong zou zu zuan zui
  zun zuo`
    .split(/\s+/)
    .filter(Boolean),
);
const LONGEST_SYLLABLE = 6;

/** Longest run the splitter looks at: a query word of up to about eight syllables. */
const MAX_SPLIT_CHARS = 32;
/** Positions where a syllable may end; more than this and the run is not split (bounded work). */
const MAX_BOUNDARIES = 12;

/**
 * Positions of `run` that lie on some reading of it as syllables (xian: 0, 2, 4 as xi'an and
 * 0, 4 as xian), with the number of syllables from the start; null when it is not pinyin.
 */
function boundaries(run: string): Map<number, number> | null {
  const n = run.length;
  if (n > MAX_SPLIT_CHARS || !/^[a-z]+$/.test(run)) return null;
  // Forward: positions reachable from the start; backward: those from which the end is.
  const fromStart = new Array<boolean>(n + 1).fill(false);
  fromStart[0] = true;
  for (let i = 0; i < n; i++) {
    if (!fromStart[i]) continue;
    for (let l = 1; l <= LONGEST_SYLLABLE && i + l <= n; l++)
      if (SYLLABLES.has(run.slice(i, i + l))) fromStart[i + l] = true;
  }
  if (!fromStart[n]) return null;
  const toEnd = new Array<boolean>(n + 1).fill(false);
  toEnd[n] = true;
  for (let i = n - 1; i >= 0; i--) {
    for (let l = 1; l <= LONGEST_SYLLABLE && i + l <= n; l++)
      if (toEnd[i + l] && SYLLABLES.has(run.slice(i, i + l))) toEnd[i] = true;
  }
  const out = new Map<number, number>();
  for (let i = 0; i <= n; i++) if (fromStart[i] && toEnd[i]) out.set(i, out.size);
  return out.size <= MAX_BOUNDARIES ? out : null;
}

/** Whether run[i, j) reads as two or more whole syllables. */
function isPinyinWord(run: string, i: number, j: number): boolean {
  const ok = new Array<boolean>(j - i + 1).fill(false);
  const count = new Array<number>(j - i + 1).fill(0);
  ok[0] = true;
  for (let a = 0; a < j - i; a++) {
    if (!ok[a]) continue;
    for (let l = 1; l <= LONGEST_SYLLABLE && a + l <= j - i; l++) {
      if (SYLLABLES.has(run.slice(i + a, i + a + l))) {
        ok[a + l] = true;
        count[a + l] = Math.max(count[a + l]!, count[a]! + 1);
      }
    }
  }
  return ok[j - i]! && count[j - i]! >= 2;
}

/**
 * The usual reading of a run as syllables: the fewest, and of equals the one with the fewest
 * syllables starting with a vowel (chuneng: chu-neng, not chun-eng, which pinyin would write
 * chun'eng). Null when the run is not pinyin.
 */
function reading(run: string): string[] | null {
  if (run.length > MAX_SPLIT_CHARS || !/^[a-z]+$/.test(run)) return null;
  const n = run.length;
  const best: ({ cost: number; prev: number } | null)[] = new Array(n + 1).fill(null);
  best[0] = { cost: 0, prev: -1 };
  for (let i = 0; i < n; i++) {
    const here = best[i];
    if (!here) continue;
    for (let l = 1; l <= LONGEST_SYLLABLE && i + l <= n; l++) {
      const syllable = run.slice(i, i + l);
      if (!SYLLABLES.has(syllable)) continue;
      // A syllable costs 100, one starting with a vowel after the first one more.
      const cost = here.cost + 100 + (i > 0 && /^[aeo]/.test(syllable) ? 1 : 0);
      const there = best[i + l];
      if (!there || cost < there.cost) best[i + l] = { cost, prev: i };
    }
  }
  if (!best[n]) return null;
  const out: string[] = [];
  for (let j = n; j > 0; j = best[j]!.prev) out.unshift(run.slice(best[j]!.prev, j));
  return out;
}

/**
 * Parts of a pinyin word a title may hold instead of it, longest first: the stretches of its
 * usual reading shorter than the whole (qingneng → qing, neng; jiguangqi → jiguang, guangqi,
 * ji, guang, qi).
 */
export function pinyinParts(word: string): string[] {
  const syllables = reading(word);
  if (!syllables || syllables.length < 2) return [];
  const out: string[] = [];
  for (let len = syllables.length - 1; len >= 1; len--)
    for (let i = 0; i + len <= syllables.length; i++)
      out.push(syllables.slice(i, i + len).join(''));
  return out;
}

/**
 * The words a run of pinyin might consist of, to be looked up in the index: every stretch of
 * two or more whole syllables (jiguangxinpian → jiguang, jiguangxin, guangxin, xinpian …).
 * Empty for a run too short to be two such words, or not pinyin (initials such as jgq, English).
 */
export function pinyinWordCandidates(run: string): string[] {
  const b = boundaries(run);
  // Two words of two syllables or more need five boundaries (0 < a < m < b < end).
  if (!b || b.size < 5) return [];
  const points = [...b.keys()];
  const out: string[] = [];
  for (let x = 0; x < points.length; x++)
    for (let y = x + 1; y < points.length; y++)
      if (isPinyinWord(run, points[x]!, points[y]!)) out.push(run.slice(points[x], points[y]));
  return out;
}

/**
 * A run of pinyin typed without spaces, as the fewest indexed words that spell it
 * (jiguangxinpian → jiguang, xinpian when both are indexed), or null when no such reading
 * exists (the run is then searched as it is). `indexed` says which candidates the index holds.
 */
export function splitPinyin(run: string, indexed: ReadonlySet<string>): string[] | null {
  if (indexed.has(run)) return [run];
  const b = boundaries(run);
  if (!b) return null;
  const points = [...b.keys()];
  // Fewest words up to each boundary (dynamic programming over the boundaries).
  const best = new Map<number, string[]>([[0, []]]);
  for (const i of points) {
    const before = best.get(i);
    if (!before) continue;
    for (const j of points) {
      if (j <= i) continue;
      const word = run.slice(i, j);
      if (!indexed.has(word) || !isPinyinWord(run, i, j)) continue;
      const known = best.get(j);
      if (!known || known.length > before.length + 1) best.set(j, [...before, word]);
    }
  }
  const words = best.get(run.length);
  return words && words.length > 0 ? words : null;
}
