import type { SearchQuery } from '@corridor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestApp,
  makeOrg,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/helpers';
import { type ListedDoc, listDocs, listedDoc, oracle } from './market.fixtures';
import { generateAchievements } from './market.seed';

let t: TestApp;
let broker: Session;
let org: { id: number; name: string; regionCode: string };
let ids: number[] = [];

/** d0…d4 in listing order (d4 newest). */
function handDocs(o: typeof org): ListedDoc[] {
  return [
    listedDoc(o, {
      title: '高功率半导体激光器芯片外延生长技术',
      keywords: ['激光器', '外延'],
      trl: 3,
      transferModes: ['license'],
      priceWan: 50,
      field: 'electronicInformation',
    }),
    listedDoc(o, {
      title: '锂电池极片缺陷检测系统',
      keywords: ['激光器'],
      trl: 6,
      transferModes: ['transfer', 'joint'],
      priceWan: null,
    }),
    listedDoc(o, {
      title: '工业机器人伺服电机控制方法',
      keywords: ['伺服电机'],
      abstract: '采用光纤激光器作为光源，实现伺服电机的高精度控制与在线检测。',
      trl: 8,
      transferModes: ['equity'],
      priceWan: 1200,
    }),
    listedDoc(o, {
      title: '激光器封装测试平台',
      keywords: ['封装'],
      trl: 7,
      transferModes: ['license'],
      priceWan: 50,
    }),
    listedDoc(o, {
      title: '钙钛矿薄膜制备工艺',
      keywords: ['钙钛矿'],
      abstract: '面向光伏组件的钙钛矿薄膜低温制备工艺，转换效率提升15%。',
      trl: 2,
      priceWan: 9.5,
      field: 'newMaterials',
    }),
  ];
}

beforeAll(async () => {
  t = await createTestApp();
  const made = await makeOrg(t, { regionCode: '420100', type: 'university' });
  org = { id: made.id, name: made.name, regionCode: '420100' };
  broker = await makeUser(t, ['broker'], { regionCode: '420700' });
  await listDocs(t, handDocs(org));
  ids = (
    await t.deps.db
      .selectFrom('marketAchievements')
      .select('id')
      .where('orgId', '=', org.id)
      .orderBy('id')
      .execute()
  ).map((r) => r.id);
});
afterAll(() => t.close());

async function search(query: string, session: Session | null = broker, app = t) {
  return as(app, session, { method: 'GET', url: `/api/v1/market/achievements/search?${query}` });
}
async function found(query: string) {
  const res = await search(`org=${org.id}&${query}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const d = (i: number) => ids[i]!;
const q = (s: string) => `q=${encodeURIComponent(s)}`;

describe('search: matching, ranking, sorting', () => {
  it('ranks title matches, then keyword matches, then the rest, newest first within each', async () => {
    const r = await found(q('激光器'));
    expect(r.items.map((x: { id: number }) => x.id)).toEqual([d(3), d(0), d(1), d(2)]);
    expect(r).toMatchObject({ total: 4, capped: false, terms: ['激光器'] });
  });

  it('sorts by newest listing and by exact price, negotiable last, ties to the newer', async () => {
    expect(
      (await found(`${q('激光器')}&sort=newest`)).items.map((x: { id: number }) => x.id),
    ).toEqual([d(3), d(2), d(1), d(0)]);
    expect(
      (await found(`${q('激光器')}&sort=price_asc`)).items.map((x: { id: number }) => x.id),
    ).toEqual([d(3), d(0), d(2), d(1)]);
    expect(
      (await found(`${q('激光器')}&sort=price_desc`)).items.map((x: { id: number }) => x.id),
    ).toEqual([d(2), d(3), d(0), d(1)]);
  });

  it('pages through the same order', async () => {
    const p2 = await found(`${q('激光器')}&pageSize=2&page=2`);
    expect(p2.items.map((x: { id: number }) => x.id)).toEqual([d(1), d(2)]);
    expect(p2).toMatchObject({ page: 2, pageSize: 2, total: 4 });
    expect((await found(`${q('激光器')}&pageSize=2&page=3`)).items).toEqual([]);
  });

  it('counts facets of the matches and filters by them', async () => {
    const r = await found(q('激光器'));
    expect(r.facets.trl).toEqual(['3', '6', '7', '8'].map((value) => ({ value, count: 1 })));
    expect(r.facets.mode).toEqual([
      { value: 'transfer', count: 1 },
      { value: 'license', count: 2 },
      { value: 'equity', count: 1 },
      { value: 'joint', count: 1 },
    ]);
    expect(r.facets.band).toEqual([
      { value: '50to100', count: 2 },
      { value: 'gte1000', count: 1 },
      { value: 'negotiable', count: 1 },
    ]);
    expect(r.facets.city).toEqual([{ value: '420100', count: 4 }]);
    const ids = async (s: string) => (await found(s)).items.map((x: { id: number }) => x.id).sort();
    expect(await ids(`${q('激光器')}&trlMin=6&trlMax=7`)).toEqual([d(1), d(3)].sort());
    expect(await ids(`${q('激光器')}&mode=license`)).toEqual([d(0), d(3)].sort());
    expect(await ids(`${q('激光器')}&band=negotiable`)).toEqual([d(1)]);
    expect(await ids(`${q('激光器')}&field=electronicInformation`)).toEqual([d(0)]);
    expect(await ids(`${q('激光器')}&city=420700`)).toEqual([]);
    expect(await ids('band=lt10')).toEqual([d(4)]);
  });

  it('finds by pinyin and initials what the Chinese finds, and needs every term', async () => {
    const ids = async (s: string) => (await found(q(s))).items.map((x: { id: number }) => x.id);
    // The abstract's 光纤激光器 too (d2): pinyin of every indexed word, not just the title's.
    expect(await ids('jgq')).toEqual([d(3), d(0), d(1), d(2)]);
    expect(await ids('jiguangqi')).toEqual(await ids('激光器'));
    expect(await ids('jiguang')).toEqual(await ids('激光')); // the 激光 inside 激光器
    expect(await ids('jg')).toEqual(expect.arrayContaining(await ids('激光')));
    expect(await ids('jiguangqi xinpian')).toEqual([d(0)]);
    expect(await ids('jiguangqixinpian')).toEqual([d(0)]); // split into the two words
    expect((await found(q('jiguangqixinpian'))).terms).toEqual(['jiguangqi', 'xinpian']);
    expect(await ids('激光器 xinpian')).toEqual([d(0)]);
    expect((await found(q('激光器 芯片'))).items.map((x: { id: number }) => x.id)).toEqual([d(0)]);
    expect((await found(q('激光'))).total).toBe(4); // a part of a word
  });

  it('highlights matches in the title and a snippet, as text fragments', async () => {
    const r = await found(q('激光器'));
    expect(r.items[0].highlight.title).toEqual([
      { text: '激光器', hit: true },
      { text: '封装测试平台', hit: false },
    ]);
    const abstractHit = r.items.find((x: { id: number }) => x.id === d(2));
    expect(
      abstractHit.highlight.snippet
        .filter((f: { hit: boolean }) => f.hit)
        .map((f: { text: string }) => f.text),
    ).toEqual(['激光器']);
    const py = await found(q('jgq'));
    expect(py.items[0].highlight.title[0]).toEqual({ text: '激光器', hit: true });
  });

  it('browses newest first without q', async () => {
    const r = await found('pageSize=3');
    expect(r.items.map((x: { id: number }) => x.id)).toEqual([d(4), d(3), d(2)]);
    expect(r.terms).toEqual([]);
  });
});

describe('search: bad input', () => {
  it('answers 400 with a reason for empty queries, oversize and out-of-range parameters', async () => {
    const cases: [string, string][] = [
      ['q=', 'market.query_empty'],
      ['q=%20%20%20', 'market.query_empty'],
      [q('激'.repeat(10_000)), 'validation.failed'],
      ['q=a%00b', 'validation.failed'],
      ['trlMin=0', 'validation.failed'],
      ['trlMax=10', 'validation.failed'],
      ['trlMin=7&trlMax=3', 'validation.failed'],
      ['page=0', 'validation.failed'],
      ['pageSize=101', 'validation.failed'],
      ['sort=bm25', 'validation.failed'],
      ['band=cheap', 'validation.failed'],
      ['city=110000', 'validation.failed'],
      ['select=1', 'validation.failed'],
    ];
    for (const [query, code] of cases) {
      const res = await search(query);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().code, query).toBe(code);
      expect(res.json().message).toBeTruthy();
    }
    const demand = await as(t, broker, {
      method: 'GET',
      url: '/api/v1/market/demands/search?trlMin=3',
    });
    expect(demand.statusCode).toBe(400);
  });

  it('treats FTS syntax, SQL fragments, emoji and mixed scripts as harmless text', async () => {
    for (const text of [
      '"*^():-',
      '"激光器',
      '激光器*',
      'NEAR(激光器 芯片)',
      '激光器 -芯片',
      "'; DROP TABLE market_achievements; --",
      '1 OR 1=1 UNION SELECT * FROM accounts',
      '😀🚀',
      '激光器😀laser',
      'Laser激光器ナノ한국',
    ]) {
      const res = await search(`org=${org.id}&${q(text)}`);
      expect(res.statusCode, text).toBe(200);
      expect(
        res.json().items.every((x: { org: { id: number } }) => x.org.id === org.id),
        text,
      ).toBe(true);
    }
    expect((await found(q('"*^():-'))).total).toBe(0);
    expect((await found(q('"激光器*'))).total).toBe(4);
    const count = await t.deps.db
      .selectFrom('marketAchievements')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('orgId', '=', org.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(5);
  });

  it('is for signed-in market users only', async () => {
    expect((await search(q('激光器'), null)).statusCode).toBe(401);
    const auditor = await makeUser(t, ['auditor']);
    expect((await search(q('激光器'), auditor)).statusCode).toBe(403);
  });
});

describe('search: bounded work and load protection', () => {
  it('caps the result set at the window, says so, and refuses pages beyond it', async () => {
    const small = await createTestApp({ MARKET_SEARCH_WINDOW: '3' });
    try {
      const o = await makeOrg(small, { regionCode: '420200', type: 'enterprise' });
      const u = await makeUser(small, ['talent']);
      await listDocs(small, handDocs({ id: o.id, name: o.name, regionCode: '420200' }));
      const r = (await search(`org=${o.id}&pageSize=2`, u, small)).json();
      expect(r).toMatchObject({ total: 3, capped: true });
      expect(r.facets.city).toEqual([{ value: '420200', count: 3 }]);
      // Exactly as many matches as the window: all of them, not capped.
      const exact = (await search(`org=${o.id}&${q('激光器')}&trlMin=6&trlMax=8`, u, small)).json();
      expect(exact).toMatchObject({ total: 3, capped: false });
      const deep = await search(`org=${o.id}&pageSize=2&page=2`, u, small);
      expect(deep.statusCode).toBe(200);
      const beyond = await search(`org=${o.id}&pageSize=2&page=3`, u, small);
      expect(beyond.statusCode).toBe(400);
      expect(beyond.json().details[0]).toMatchObject({
        field: 'page',
        code: 'search.page_too_deep',
      });
    } finally {
      await small.close();
    }
  });

  it('answers 503 with Retry-After past the concurrency limit, never 500', async () => {
    const tight = await createTestApp({ MARKET_SEARCH_CONCURRENCY: '1', MARKET_SEARCH_QUEUE: '0' });
    try {
      const u = await makeUser(tight, ['broker']);
      const results = await Promise.all(
        Array.from({ length: 30 }, (_, i) =>
          search(`${q(i % 2 ? '检测' : '激光器 芯片')}&sort=price_asc`, u, tight),
        ),
      );
      const statuses = results.map((r) => r.statusCode);
      expect(statuses.every((s) => s === 200 || s === 503)).toBe(true);
      expect(statuses).toContain(200);
      const busy = results.filter((r) => r.statusCode === 503);
      expect(busy.length).toBeGreaterThan(0);
      for (const r of busy) {
        expect(r.headers['retry-after']).toBe('1');
        expect(r.json().code).toBe('server.busy');
      }
    } finally {
      await tight.close();
    }
  });
});

describe('search: the same results on every engine', () => {
  const queries: Partial<SearchQuery & { q: string }>[] = [
    { q: '检测' },
    { q: '基于' },
    { q: '系统 技术' },
    { q: '激光器' },
    { q: 'jiance' },
    { q: 'jiguang' },
    { q: 'jg' },
    { q: '激光 jiance' },
    { q: '光谱' },
    { q: '锂电池 检测' },
    { q: '技术', trlMin: 5, trlMax: 8 },
    { q: '技术', mode: 'license', band: '100to500' },
    {},
    { band: 'negotiable' },
  ];
  const sorts = ['relevance', 'newest', 'price_asc', 'price_desc'] as const;
  let docs: ListedDoc[];
  let generatedIds: number[];

  beforeAll(async () => {
    const o = await makeOrg(t, {
      regionCode: '421100',
      type: 'institute',
      industry: 'optoelectronics',
    });
    const owner = {
      id: o.id,
      regionCode: '421100',
      type: 'institute',
      industry: 'optoelectronics',
      name: o.name,
    };
    docs = [...generateAchievements({ count: 60, owners: [owner], mix: 'listed', seed: 4242 })].map(
      (a) => ({ ...a, orgName: o.name }),
    );
    await listDocs(t, docs);
    generatedIds = (
      await t.deps.db
        .selectFrom('marketAchievements')
        .select('id')
        .where('orgId', '=', o.id)
        .orderBy('id')
        .execute()
    ).map((r) => r.id);
    expect(generatedIds).toHaveLength(60);
  });

  it('returns exactly the oracle’s records in the oracle’s order, for every sort and page', async () => {
    const orgId = docs[0]!.orgId;
    let compared = 0;
    for (const query of queries) {
      for (const sort of sorts) {
        for (const page of [1, 2]) {
          const full = { page, pageSize: 7, sort, org: orgId, ...query } as SearchQuery;
          const expected = oracle(docs, full)
            .slice((page - 1) * 7, page * 7)
            .map((i) => generatedIds[i]);
          const params = new URLSearchParams(
            Object.entries(full).map(([k, v]) => [k, String(v)] as [string, string]),
          );
          const res = await search(params.toString());
          expect(res.statusCode, params.toString()).toBe(200);
          expect(
            res.json().items.map((x: { id: number }) => x.id),
            params.toString(),
          ).toEqual(expected);
          compared += expected.length;
        }
      }
    }
    expect(compared).toBeGreaterThan(200);
  });

  // With DATABASE_URL set this file runs on PostgreSQL: load the same documents into a SQLite
  // app too and compare the two engines directly, position by position.
  it.runIf(!!process.env.DATABASE_URL)(
    'gives the same positions on SQLite and PostgreSQL',
    async () => {
      const lite = await createTestApp({ DATABASE_URL: '' });
      try {
        expect(lite.deps.dialect.name).toBe('sqlite');
        const o = await makeOrg(lite, { regionCode: '421100', type: 'institute' });
        const u = await makeUser(lite, ['broker']);
        await listDocs(
          lite,
          docs.map((x) => ({ ...x, orgId: o.id })),
        );
        const liteIds = (
          await lite.deps.db
            .selectFrom('marketAchievements')
            .select('id')
            .where('orgId', '=', o.id)
            .orderBy('id')
            .execute()
        ).map((r) => r.id);
        const positions = async (
          app: TestApp,
          session: Session,
          ids: number[],
          orgId: number,
          query: object,
        ) => {
          const params = new URLSearchParams(
            Object.entries({ pageSize: 20, org: orgId, ...query }).map(
              ([k, v]) => [k, String(v)] as [string, string],
            ),
          );
          const res = await search(params.toString(), session, app);
          return res.json().items.map((x: { id: number }) => ids.indexOf(x.id));
        };
        for (const query of queries) {
          for (const sort of sorts) {
            const pg = await positions(t, broker, generatedIds, docs[0]!.orgId, { ...query, sort });
            expect(await positions(lite, u, liteIds, o.id, { ...query, sort })).toEqual(pg);
          }
        }
      } finally {
        await lite.close();
      }
    },
  );
});
