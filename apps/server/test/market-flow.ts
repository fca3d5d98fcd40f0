/**
 * Market records taken through the real workflow over HTTP, for the tests of the modules that
 * build on the market (matching, negotiations, deals): the owner files, the city's admin
 * approves, the owner publishes.
 */
import type { AchievementInput, DemandInput } from '@corridor/contracts';
import { expect } from 'vitest';
import { achievementInput, demandInput } from '../src/modules/market/market.fixtures';
import { as, type Session, type TestApp } from './helpers';

export async function publishAchievement(
  t: TestApp,
  owner: Session,
  reviewer: Session,
  overrides: Partial<AchievementInput> = {},
): Promise<number> {
  const res = await as(t, owner, {
    method: 'POST',
    url: '/api/v1/market/achievements',
    payload: achievementInput(overrides),
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as number;
  const step = async (s: Session, name: string, payload: object) => {
    const r = await as(t, s, {
      method: 'POST',
      url: `/api/v1/market/achievements/${id}/${name}`,
      payload,
    });
    expect(r.statusCode, r.body).toBe(200);
  };
  await step(owner, 'submit', { version: 1 });
  await step(reviewer, 'review', { version: 2, decision: 'approve' });
  await step(owner, 'publish', { version: 3 });
  return id;
}

export async function publishDemand(
  t: TestApp,
  owner: Session,
  overrides: Partial<DemandInput> = {},
): Promise<number> {
  const res = await as(t, owner, {
    method: 'POST',
    url: '/api/v1/market/demands',
    payload: demandInput(overrides),
  });
  expect(res.statusCode, res.body).toBe(201);
  const id = res.json().id as number;
  const p = await as(t, owner, {
    method: 'POST',
    url: `/api/v1/market/demands/${id}/publish`,
    payload: { version: 1 },
  });
  expect(p.statusCode, p.body).toBe(200);
  return id;
}
