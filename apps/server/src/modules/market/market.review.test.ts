import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestApp,
  makeOrg,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/helpers';
import { achievementInput } from './market.fixtures';

/** Issue 10 item 14: a review decision's comment reaches the filer, with either decision. */
let t: TestApp;
let owner: Session;
let reviewer: Session;
beforeAll(async () => {
  t = await createTestApp();
  const org = await makeOrg(t, { regionCode: '420100', type: 'university' });
  owner = await makeUser(t, ['university'], { regionCode: '420100', orgId: org.id });
  reviewer = await makeUser(t, ['city_admin'], { regionCode: '420100' });
});
afterAll(() => t.close());

async function submitted() {
  const made = await as(t, owner, {
    method: 'POST',
    url: '/api/v1/market/achievements',
    payload: achievementInput(),
  });
  expect(made.statusCode, made.body).toBe(201);
  const id = made.json().id as number;
  const sub = await as(t, owner, {
    method: 'POST',
    url: `/api/v1/market/achievements/${id}/submit`,
    payload: { version: 1 },
  });
  expect(sub.statusCode, sub.body).toBe(200);
  return id;
}

const review = (id: number, body: object) =>
  as(t, reviewer, {
    method: 'POST',
    url: `/api/v1/market/achievements/${id}/review`,
    payload: { version: 2, ...body },
  });

const latest = async () =>
  (await as(t, owner, { method: 'GET', url: '/api/v1/notifications' })).json().items[0];

describe('review comments', () => {
  it('an approval with a comment: the record and the notification carry it', async () => {
    const id = await submitted();
    const note = '材料齐全，建议补充中试数据后发布';
    const res = await review(id, { decision: 'approve', note });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'curated', reviewNote: note });
    expect(await latest()).toMatchObject({ type: 'achievement_approved_note', params: { note } });
  });

  it('an approval without one is the plain notification; a return needs its reason', async () => {
    const id = await submitted();
    const bare = await review(id, { decision: 'return' });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().details[0]).toMatchObject({ field: 'note' });
    expect((await review(id, { decision: 'approve' })).statusCode).toBe(200);
    expect(await latest()).toMatchObject({ type: 'achievement_approved' });
    expect((await latest()).params.note).toBeUndefined();
  });
});
