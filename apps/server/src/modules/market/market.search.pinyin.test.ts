import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countAudit,
  createTestApp,
  makeOrg,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/helpers';
import { clearIndex, SEARCH_INDEX_FORMAT } from '../search';
import { listDemandDocs, listDocs, listedDoc } from './market.fixtures';
import { ensureSearchIndex, INDEX_FORMAT_SETTING } from './market.reindex';
import { generateAchievements, generateDemands, type OwnerOrg } from './market.seed';

/**
 * Pinyin search finds what the Chinese finds (issue 10 item 3), on a corpus from the demo
 * generator (a few hundred achievements and demands of five organisations, one of them named
 * …氢能科技…), in a database of its own so the counts are this corpus's alone.
 */
let t: TestApp;
let broker: Session;
let hydrogenTitle = '';

const OWNERS = [
  { name: '武汉锐光激光科技有限公司', regionCode: '420100', industry: 'optoelectronics' },
  { name: '鄂州氢途氢能科技有限公司', regionCode: '420700', industry: 'energy' },
  { name: '黄石新源储能技术有限公司', regionCode: '420200', industry: 'energy' },
  { name: '黄冈智造装备有限公司', regionCode: '421100', industry: 'equipment' },
  { name: '湖北华材新材料股份有限公司', regionCode: '420100', industry: 'materials' },
] as const;

beforeAll(async () => {
  t = await createTestApp({}, { ownDatabase: true });
  const owners: (OwnerOrg & { name: string })[] = [];
  for (const o of OWNERS) {
    const made = await makeOrg(t, { ...o, type: 'enterprise' });
    owners.push({
      id: made.id,
      name: o.name,
      regionCode: o.regionCode,
      type: 'enterprise',
      industry: o.industry,
    });
  }
  const names = new Map(owners.map((o) => [o.id, o.name]));
  const generated = [
    ...generateAchievements({ count: 360, owners, mix: 'listed', seed: 20_261_204 }),
  ].map((a) => ({ ...a, orgName: names.get(a.orgId)! }));
  // One record about hydrogen energy by name, listed first (the oldest): relevance, not
  // recency, must put it at the top for 氢能.
  const hydrogen = owners[2]!;
  hydrogenTitle = '氢能重卡动力系统集成技术';
  const named = listedDoc(hydrogen, {
    title: hydrogenTitle,
    keywords: ['氢能', '重卡'],
    abstract: '面向重型卡车的燃料电池动力系统集成，续航里程提升20%，已完成中试验证。',
    field: 'newEnergy',
    industry: 'energy',
  });
  await listDocs(t, [named, ...generated]);
  const demands = [...generateDemands({ count: 200, owners, seed: 20_261_205 })].map((d) => ({
    ...d,
    orgName: names.get(d.orgId)!,
  }));
  await listDemandDocs(t, demands);
  broker = await makeUser(t, ['broker']);
});
afterAll(() => t?.close());

type Kind = 'achievements' | 'demands';

async function page(kind: Kind, q: string, extra = '') {
  const res = await as(t, broker, {
    method: 'GET',
    url: `/api/v1/market/${kind}/search?q=${encodeURIComponent(q)}${extra}`,
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    total: number;
    capped: boolean;
    terms: string[];
    items: { id: number; title: string }[];
  };
}

/** Every match of a query (id → title), paging through newest first. */
async function matches(kind: Kind, q: string): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  for (let p = 1; ; p++) {
    const r = await page(kind, q, `&sort=newest&pageSize=100&page=${p}`);
    expect(r.capped).toBe(false);
    for (const item of r.items) out.set(item.id, item.title);
    if (r.items.length < 100) {
      expect(out.size).toBe(r.total);
      return out;
    }
  }
}

/** The Chinese query, how many records it must at least find, its pinyin and initials forms. */
const PAIRS: [string, { achievements: number; demands: number }, string[]][] = [
  ['激光', { achievements: 30, demands: 5 }, ['jiguang', 'jg', 'JiGuang']],
  ['储能', { achievements: 10, demands: 3 }, ['chuneng', 'cn']],
  ['芯片', { achievements: 15, demands: 5 }, ['xinpian', 'xp']],
  ['氢能', { achievements: 30, demands: 10 }, ['qingneng', 'qn']],
  [
    '激光 芯片',
    { achievements: 10, demands: 3 },
    ['jiguang xinpian', 'jiguangxinpian', '激光 xinpian', 'jg xp'],
  ],
];

describe('pinyin search finds what the Chinese finds', () => {
  for (const kind of ['achievements', 'demands'] as const) {
    it(`${kind}: full pinyin, initials, with and without spaces, mixed, ≥ 90 % of the hits`, async () => {
      for (const [zh, least, forms] of PAIRS) {
        const chinese = await matches(kind, zh);
        expect(chinese.size, `${kind} ${zh}`).toBeGreaterThanOrEqual(least[kind]);
        for (const form of forms) {
          const found = await matches(kind, form);
          const shared = [...chinese.keys()].filter((id) => found.has(id)).length;
          const recall = shared / chinese.size;
          expect(
            recall,
            `${kind}: ${form} found ${shared} of ${chinese.size} for ${zh}`,
          ).toBeGreaterThanOrEqual(0.9);
        }
      }
    });
  }

  it('splits pinyin typed without spaces into the words the index holds, both required', async () => {
    const joined = await page('achievements', 'jiguangxinpian');
    expect(joined.terms).toEqual(['jiguang', 'xinpian']);
    expect([...(await matches('achievements', 'jiguangxinpian')).keys()].sort()).toEqual(
      [...(await matches('achievements', 'jiguang xinpian')).keys()].sort(),
    );
    // A run no reading of which the index holds stays one term, and finds nothing.
    const unknown = await page('achievements', 'jiguangkafei');
    expect(unknown).toMatchObject({ total: 0, terms: ['jiguangkafei'] });
  });
});

describe('relevance', () => {
  it('puts hydrogen records first for 氢能 and qingneng, not the owner’s other records', async () => {
    for (const kind of ['achievements', 'demands'] as const) {
      const all = await matches(kind, '氢能');
      // Most matches are the owner's other records (…氢能科技… is in their text only).
      const aboutHydrogen = [...all.values()].filter((title) => title.includes('氢')).length;
      expect(aboutHydrogen, kind).toBeGreaterThanOrEqual(2);
      expect(all.size - aboutHydrogen, kind).toBeGreaterThan(aboutHydrogen);
      const top = Math.min(5, aboutHydrogen);
      for (const q of ['氢能', 'qingneng']) {
        const r = await page(kind, q, '&pageSize=10');
        expect(r.total).toBe(all.size);
        const titles = r.items.map((x) => x.title);
        expect(titles.every((_, i) => all.has(r.items[i]!.id))).toBe(true);
        expect(
          titles.slice(0, top).every((title) => title.includes('氢')),
          `${kind} ${q}: ${titles}`,
        ).toBe(true);
        if (kind === 'achievements') expect(titles[0]).toBe(hydrogenTitle); // 氢能 in its title
      }
    }
  });
});

describe('index format', () => {
  it('rebuilds an index of an older format once, to the same results as a fresh one', async () => {
    const queries = ['jiguang', '氢能', 'chuneng', 'jg xp'];
    // One at a time: a client's concurrent searches are limited (search.limiter.ts).
    const all = async () => {
      const out: number[][] = [];
      for (const q of queries) out.push([...(await matches('achievements', q)).keys()].sort());
      return out;
    };
    const before = await all();
    const audits = await countAudit(t, { action: 'search.reindex' });

    // This database never recorded a format: the first start rebuilds, the next does not.
    const first = await ensureSearchIndex(t.deps);
    expect(first).toMatchObject({ rebuilt: true, previous: null, format: SEARCH_INDEX_FORMAT });
    expect(first.achievements).toBe(361);
    expect(first.demands).toBeGreaterThan(100);
    expect((await ensureSearchIndex(t.deps)).rebuilt).toBe(false);

    // An index of an older version: emptied here, which the rebuild must fill again.
    await t.deps.db.transaction().execute(async (trx) => {
      await clearIndex(trx, t.deps.dialect, 'achievement');
      await trx
        .updateTable('settings')
        .set({ value: '1' })
        .where('key', '=', INDEX_FORMAT_SETTING)
        .execute();
    });
    expect((await page('achievements', 'jiguang')).total).toBe(0);
    const again = await ensureSearchIndex(t.deps);
    expect(again).toMatchObject({ rebuilt: true, previous: '1', achievements: 361 });
    expect(await all()).toEqual(before);
    expect(await countAudit(t, { action: 'search.reindex' })).toBe(audits + 2);
  });
});
