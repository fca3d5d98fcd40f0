/**
 * The edition's inputs read from the real indicators module (no pinned source in this file):
 * figures entered for an enterprise reach the frozen snapshot as engine metrics.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestApp,
  makeOrg,
  makeUser,
  putIndicators,
  type Session,
  type TestApp,
} from '../../../test/helpers';

let t: TestApp;
let publisher: Session;
let province: Session;

beforeAll(async () => {
  t = await createTestApp();
  publisher = await makeUser(t, ['ranking_publisher']);
  province = await makeUser(t, ['province_admin'], { regionCode: '420000' });
});
afterAll(() => t.close());

// A year and scope that no other test file uses, so the snapshot holds only this file's rows
// (the PostgreSQL test database is shared).
const YEAR = 2007;
const SCOPE = { city: '421200', industry: 'agritech' } as const;

async function enterpriseWithFigures(revenue: number, liabilities: number) {
  const org = await makeOrg(t, {
    regionCode: SCOPE.city,
    industry: SCOPE.industry,
    foundedOn: '2001-01-01',
  });
  for (const [year, rev] of [
    [YEAR - 1, revenue / 2],
    [YEAR, revenue],
  ] as const) {
    const res = await putIndicators(t, province, org.id, year, {
      revenue: rev,
      rdSpend: rev * 0.05,
      totalAssets: 1000,
      liabilities,
      staff: 50,
      scienceStaff: 10,
    });
    expect(res.statusCode, res.body).toBeLessThan(300);
  }
  return org;
}

describe('inputs from the indicators module', () => {
  it('freezes each enterprise’s metrics for the year and scope', async () => {
    const a = await enterpriseWithFigures(800, 300);
    const b = await enterpriseWithFigures(400, 600);
    const outside = await makeOrg(t, { regionCode: '420100', industry: SCOPE.industry });
    const method = await as(t, publisher, {
      method: 'POST',
      url: '/api/v1/rankings/methods',
      payload: {
        code: `source-test-${Date.now() % 1e8}`,
        name: '来源测试方法',
        normalisation: 'minmax',
        indicators: [
          { key: 'revenueGrowth', direction: 'higher', weight: 0.5 },
          { key: 'debtRatio', direction: 'lower', weight: 0.3 },
          { key: 'revenue', direction: 'higher', weight: 0.2 },
        ],
      },
    });
    const methodId = method.json().id;
    await as(t, publisher, {
      method: 'POST',
      url: `/api/v1/rankings/methods/${methodId}/publish`,
      payload: { revision: method.json().revision },
    });
    const draft = await as(t, publisher, {
      method: 'POST',
      url: '/api/v1/rankings/editions',
      payload: { methodId, title: '来源测试榜单', year: YEAR, ...SCOPE },
    });
    expect(draft.statusCode, draft.body).toBe(201);
    // One enterprise at a time: earlier runs on the shared PostgreSQL add rows to this scope.
    const rowOf = async (creditCode: string) => {
      const res = await as(t, publisher, {
        method: 'GET',
        url: `/api/v1/rankings/editions/${draft.json().id}/inputs?q=${creditCode}`,
      });
      return res.json().items as { orgId: number; values: unknown[] }[];
    };
    const byOrg = new Map<number, unknown[]>();
    for (const org of [a, b, outside]) {
      for (const r of await rowOf(org.creditCode)) byOrg.set(r.orgId, r.values);
    }
    expect(byOrg.has(outside.id)).toBe(false);
    expect(byOrg.get(a.id)).toEqual([
      { key: 'revenueGrowth', value: 1, provenance: 'derived' },
      { key: 'debtRatio', value: 0.3, provenance: 'derived' },
      { key: 'revenue', value: 800, provenance: 'self_reported' },
    ]);
    expect(byOrg.get(b.id)).toEqual([
      { key: 'revenueGrowth', value: 1, provenance: 'derived' },
      { key: 'debtRatio', value: 0.6, provenance: 'derived' },
      { key: 'revenue', value: 400, provenance: 'self_reported' },
    ]);
  });
});
