import type { Role } from '@corridor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeOrg, type TestApp, uniqueNumber } from '../../../test/helpers';
import type { Ctx } from '../../core/context';
import { SearchLimiter } from '../search';
import { listDocs, listedDoc } from './market.fixtures';
import type { SearchEnv } from './market.search';
import { relevantAchievements } from './search.candidates';

let t: TestApp;
let env: SearchEnv;
let ids: number[] = [];
/** Terms no other test's record holds (the PostgreSQL database is shared by test files). */
const m = `mx${uniqueNumber()}q`;
const m2 = `my${uniqueNumber()}q`;

const actor = (roles: Role[]): Ctx => ({
  deps: t.deps,
  actor: {
    id: 1,
    username: 'x',
    displayName: 'x',
    roles,
    regionCode: '420700',
    orgId: null,
    sessionHash: '',
    csrfToken: '',
  },
  ip: null,
  locale: 'zh-CN',
  requestId: 'test',
});

beforeAll(async () => {
  t = await createTestApp();
  env = {
    limiter: new SearchLimiter({ concurrency: 4, queue: 8, budgetMs: 5_000 }),
    window: 10_000,
    db: t.deps.db,
  };
  const made = await makeOrg(t, { regionCode: '420100', type: 'university' });
  const org = { id: made.id, name: made.name, regionCode: '420100' };
  // Listing order d0 … d3 (d3 newest): the term in d0's title, d1's keywords, d2's and d3's
  // abstracts; the second term in d2's title.
  await listDocs(t, [
    listedDoc(org, { title: `${m} 钒钛磁铁矿尾渣综合利用装备` }),
    listedDoc(org, { title: '尾渣综合利用装备', keywords: [m] }),
    listedDoc(org, { title: `${m2} 尾渣利用`, abstract: `采用 ${m} 工艺处理尾渣，回收率提升。` }),
    listedDoc(org, { title: '尾渣处理装备', abstract: `基于 ${m} 的尾渣处理方法。` }),
  ]);
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

const idsOf = (xs: { id: number }[]) => xs.map((x) => x.id);
const d = (i: number) => ids[i]!;

describe('relevantAchievements (matching candidates)', () => {
  it('lists title, then keyword, then other matches, newest first within each, up to perTerm', async () => {
    const ctx = actor(['broker']);
    expect(idsOf(await relevantAchievements(ctx, env, [m], 10))).toEqual([d(0), d(1), d(3), d(2)]);
    expect(idsOf(await relevantAchievements(ctx, env, [m], 3))).toEqual([d(0), d(1), d(3)]);
    expect(idsOf(await relevantAchievements(ctx, env, [m], 1))).toEqual([d(0)]);
  });

  it('takes each term alone and merges without repeats, in term order', async () => {
    const ctx = actor(['broker']);
    const found = await relevantAchievements(ctx, env, [m2, m], 2);
    expect(idsOf(found)).toEqual([d(2), d(0), d(1)]);
    expect(found[0]).toMatchObject({ status: 'published', keywords: expect.any(Array) });
    expect(await relevantAchievements(ctx, env, [], 5)).toEqual([]);
  });

  it('refuses a caller without market access', async () => {
    await expect(relevantAchievements(actor(['auditor']), env, [m], 5)).rejects.toMatchObject({
      code: 'permission.denied',
    });
  });
});
