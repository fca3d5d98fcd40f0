import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countAudit,
  createTestApp,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/helpers';
import {
  draftEdition,
  inDays,
  makeInputs,
  publishedEdition,
  publishedMethod,
  step,
} from './rankings.test-helpers';

let t: TestApp;
let publisher: Session;

beforeAll(async () => {
  t = await createTestApp();
  publisher = await makeUser(t, ['ranking_publisher']);
});
afterAll(() => t.close());

async function windowEdition(n = 3) {
  const { year, enterprises } = await makeInputs(t, n);
  const method = await publishedMethod(t, publisher);
  const draft = await draftEdition(t, publisher, method.id, year);
  return { draft, enterprises, method };
}

describe('who may do what', () => {
  it('officials read every edition, city admins only their city’s inputs, and never write', async () => {
    const { draft, enterprises, method } = await windowEdition(6);
    const province = await makeUser(t, ['province_admin'], { regionCode: '420000' });
    const ezhou = await makeUser(t, ['city_admin'], { regionCode: '420700' });
    for (const official of [province, ezhou]) {
      const seen = await as(t, official, {
        method: 'GET',
        url: `/api/v1/rankings/editions/${draft.id}`,
      });
      expect(seen.json().abilities).toMatchObject({
        edit: false,
        publish: false,
        openWindow: false,
      });
    }
    const all = await as(t, province, {
      method: 'GET',
      url: `/api/v1/rankings/editions/${draft.id}/inputs`,
    });
    expect(all.json().total).toBe(6);
    const own = await as(t, ezhou, {
      method: 'GET',
      url: `/api/v1/rankings/editions/${draft.id}/inputs`,
    });
    expect(own.json().total).toBe(2);
    expect(own.json().items.every((r: { regionCode: string }) => r.regionCode === '420700')).toBe(
      true,
    );

    const writes: [string, string, object][] = [
      [
        'POST',
        '/rankings/methods',
        {
          code: 'official-method',
          name: '官方方法',
          normalisation: 'minmax',
          indicators: [{ key: 'revenue', direction: 'higher', weight: 1 }],
        },
      ],
      ['PATCH', `/rankings/methods/${method.id}`, { name: '改' }],
      ['POST', `/rankings/methods/${method.id}/publish`, {}],
      ['POST', '/rankings/editions', { methodId: method.id, title: '官方榜单', year: 2026 }],
      ['PATCH', `/rankings/editions/${draft.id}`, { title: '改名' }],
      ['POST', `/rankings/editions/${draft.id}/open-window`, { closesOn: inDays(2) }],
      ['POST', `/rankings/editions/${draft.id}/close-window`, {}],
      ['POST', `/rankings/editions/${draft.id}/publish`, {}],
      [
        'POST',
        `/rankings/editions/${draft.id}/corrections`,
        { orgId: enterprises[0]!.orgId, field: 'ipTotal', claimedValue: 1, reason: '代为纠错' },
      ],
      ['POST', '/rankings/corrections/1/decide', { decision: 'accept', reason: '代为决定' }],
    ];
    for (const official of [province, ezhou]) {
      const denials = await countAudit(t, { action: 'permission.denied', actor: official });
      for (const [method, url, payload] of writes) {
        const res = await as(t, official, {
          method: method as 'POST',
          url: `/api/v1${url}`,
          payload,
        });
        expect([res.statusCode, res.json().code], url).toEqual([403, 'permission.denied']);
      }
      expect(await countAudit(t, { action: 'permission.denied', actor: official })).toBe(
        denials + writes.length,
      );
    }
    const still = await as(t, publisher, {
      method: 'GET',
      url: `/api/v1/rankings/editions/${draft.id}`,
    });
    expect(still.json()).toMatchObject({
      status: 'draft',
      title: expect.not.stringMatching(/改名/),
    });
  });

  it('another publisher cannot run someone else’s edition', async () => {
    const { draft } = await windowEdition(1);
    const other = await makeUser(t, ['ranking_publisher']);
    const res = await step(t, other, draft.id, 'open-window', { closesOn: inDays(2) });
    expect(res.statusCode).toBe(404); // a draft of another publisher is not even visible
  });

  it('anonymous callers read published editions and are 401 on every write', async () => {
    const { edition } = await publishedEdition(t, publisher, 2);
    expect(
      (await as(t, null, { method: 'GET', url: `/api/v1/rankings/editions/${edition.id}` }))
        .statusCode,
    ).toBe(200);
    for (const url of [
      '/rankings/methods',
      '/rankings/editions',
      `/rankings/editions/${edition.id}/publish`,
      `/rankings/editions/${edition.id}/corrections`,
    ]) {
      const res = await as(t, null, { method: 'POST', url: `/api/v1${url}`, payload: {} });
      expect(res.statusCode, url).toBe(401);
    }
  });
});
