import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, createTestApp, makeUser, type Session, type TestApp } from '../../../test/helpers';
import { draftEdition, inDays, makeInputs, publishedMethod, step } from './rankings.test-helpers';

let t: TestApp;
let publisher: Session;

beforeAll(async () => {
  t = await createTestApp();
  publisher = await makeUser(t, ['ranking_publisher']);
});
afterAll(() => t.close());

const get = (s: Session | null, url: string) => as(t, s, { method: 'GET', url: `/api/v1${url}` });

describe('methods', () => {
  it('a published method is immutable; a new version of the code is numbered on', async () => {
    const method = await publishedMethod(t, publisher);
    const edit = await as(t, publisher, {
      method: 'PATCH',
      url: `/api/v1/rankings/methods/${method.id}`,
      payload: { name: '改名', revision: method.revision },
    });
    expect([edit.statusCode, edit.json().code]).toEqual([409, 'ranking.method_immutable']);
    const again = await as(t, publisher, {
      method: 'POST',
      url: `/api/v1/rankings/methods/${method.id}/publish`,
      payload: { revision: method.revision },
    });
    expect(again.statusCode).toBe(409);
    const v2 = await as(t, publisher, {
      method: 'POST',
      url: '/api/v1/rankings/methods',
      payload: {
        code: method.code,
        name: '第二版',
        normalisation: 'zscore',
        indicators: [{ key: 'revenue', direction: 'higher', weight: 1 }],
      },
    });
    expect(v2.json()).toMatchObject({ code: method.code, version: 2, status: 'draft' });
    expect(v2.json().indicators[0].label).toBe('营业收入');
    // A draft method is not used for editions, and not shown to others.
    const { year } = await makeInputs(t, 1);
    const fromDraft = await as(t, publisher, {
      method: 'POST',
      url: '/api/v1/rankings/editions',
      payload: { methodId: v2.json().id, title: '草稿方法榜单', year },
    });
    expect(fromDraft.json().code).toBe('ranking.method_not_published');
    expect((await get(null, `/rankings/methods/${v2.json().id}`)).statusCode).toBe(404);
    expect((await get(null, `/rankings/methods/${method.id}`)).statusCode).toBe(200);
  });

  it('refuses weights that do not sum to 1, repeated indicators and unknown fields (400)', async () => {
    const bad = [
      { indicators: [{ key: 'revenue', direction: 'higher', weight: 0.7 }] },
      {
        indicators: [
          { key: 'revenue', direction: 'higher', weight: 0.5 },
          { key: 'revenue', direction: 'lower', weight: 0.5 },
        ],
      },
      { indicators: [{ key: 'notAMetric', direction: 'higher', weight: 1 }] },
      { normalisation: 'rank' },
      { extra: true },
    ];
    for (const patch of bad) {
      const res = await as(t, publisher, {
        method: 'POST',
        url: '/api/v1/rankings/methods',
        payload: {
          code: 'bad-method',
          name: '错误方法',
          normalisation: 'minmax',
          indicators: [{ key: 'revenue', direction: 'higher', weight: 1 }],
          ...patch,
        },
      });
      expect(res.statusCode, JSON.stringify(patch)).toBe(400);
      expect(res.json().details.length).toBeGreaterThan(0);
    }
    const sum = await as(t, publisher, {
      method: 'POST',
      url: '/api/v1/rankings/methods',
      payload: {
        code: 'bad-method',
        name: '错误方法',
        normalisation: 'minmax',
        indicators: [{ key: 'revenue', direction: 'higher', weight: 0.7 }],
      },
    });
    expect(sum.json().details[0]).toMatchObject({
      field: 'indicators',
      code: 'ranking.weights_sum',
    });
  });

  it('refuses an edition without inputs, and bad edition input', async () => {
    const method = await publishedMethod(t, publisher);
    const empty = await as(t, publisher, {
      method: 'POST',
      url: '/api/v1/rankings/editions',
      payload: { methodId: method.id, title: '无数据榜单', year: 2099 },
    });
    expect([empty.statusCode, empty.json().code]).toEqual([409, 'ranking.no_inputs']);
    for (const payload of [
      { methodId: method.id, title: '榜', year: 2026 },
      { methodId: method.id, title: '城市错误', year: 2026, city: '110000' },
      { methodId: method.id, title: '年份错误', year: 1800 },
      { methodId: 'x', title: '编号错误', year: 2026 },
    ]) {
      const res = await as(t, publisher, {
        method: 'POST',
        url: '/api/v1/rankings/editions',
        payload,
      });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const { year } = await makeInputs(t, 1);
    const draft = await draftEdition(t, publisher, method.id, year);
    const past = await step(t, publisher, draft.id, 'open-window', { closesOn: inDays(-1) });
    expect(past.json().details[0]).toMatchObject({
      field: 'closesOn',
      code: 'ranking.closes_in_past',
    });
    const badDate = await step(t, publisher, draft.id, 'open-window', { closesOn: '2026-02-30' });
    expect(badDate.statusCode).toBe(400);
  });
});
