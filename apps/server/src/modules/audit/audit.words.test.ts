/**
 * What the audit page needs to show events in words: the name of each event's object, one
 * object's history, the actor found by name, and changes that carry the old values beside the
 * new ones (the page shows them field by field).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestApp,
  makeOrg,
  makeUser,
  orgInput,
  putIndicators,
  rowVersion,
  type Session,
  type TestApp,
  uniqueName,
} from '../../../test/helpers';

let t: TestApp;
let auditor: Session;
let official: Session;
let security: Session;

beforeAll(async () => {
  t = await createTestApp();
  auditor = await makeUser(t, ['auditor']);
  official = await makeUser(t, ['province_admin']);
  security = await makeUser(t, ['security_admin']);
});
afterAll(() => t.close());

interface Event {
  action: string;
  actorName: string | null;
  objectType: string | null;
  objectId: string | null;
  objectName: string | null;
  detailNames: Record<string, string>;
  detail: string;
}

async function events(query: string): Promise<Event[]> {
  const res = await as(t, auditor, { method: 'GET', url: `/api/v1/audit/events?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
}

describe('audit events in words', () => {
  it("lists one object's history under its current name, with each change's old values", async () => {
    const input = orgInput({ industry: 'optoelectronics' });
    const created = await as(t, official, { method: 'POST', url: '/api/v1/orgs', payload: input });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as number;
    const renamed = uniqueName('更名');
    const edit = await as(t, official, {
      method: 'PATCH',
      url: `/api/v1/orgs/${id}`,
      payload: { name: renamed, industry: 'biomedicine', contactName: '李娜', version: 1 },
    });
    expect(edit.statusCode, edit.body).toBe(200);

    const history = await events(`objectType=org&objectId=${id}`);
    expect(history.map((e) => e.action)).toEqual(['org.update', 'org.create']);
    expect(history.every((e) => e.objectName === renamed)).toBe(true);
    const detail = JSON.parse(history[0]!.detail);
    expect(detail.changed).toMatchObject({ name: renamed, industry: 'biomedicine' });
    expect(detail.before).toMatchObject({ name: input.name, industry: 'optoelectronics' });
    // A person's name stays a digest on both sides of the change.
    expect(detail.changed.contactName).toMatch(/^hmac-sm3:/);
    expect(detail.before.contactName).toMatch(/^hmac-sm3:/);
    expect(history[0]!.detail).not.toContain('李娜');
    expect(history[0]!.detail).not.toContain(input.contactName!);
  });

  it('names the objects a detail refers to, and a year of figures by its organisation', async () => {
    const org = await makeOrg(t);
    const res = await putIndicators(t, official, org.id, 2025, {
      revenue: 3000,
      rdSpend: 200,
      totalAssets: 5000,
      staff: 120,
      scienceStaff: 30,
    });
    expect(res.statusCode, res.body).toBe(200);
    const [saved] = await events(
      `action=indicator.save&objectType=indicator_year&objectId=${org.id}:2025`,
    );
    expect(saved!.objectName).toBe(org.name);
    expect(saved!.detailNames).toEqual({ orgId: org.name });
    // Nothing to name: an empty map, never a guess.
    const [login] = await events(`action=auth.login&objectType=account&objectId=${auditor.me.id}`);
    expect(login!.detailNames).toEqual({});
  });

  it('names accounts by user name and finds an actor by part of it', async () => {
    const logins = await events(`action=auth.login&objectType=account&objectId=${official.me.id}`);
    expect(logins.length).toBe(1);
    expect(logins[0]!.objectName).toBe(official.username);

    const part = official.username.slice(1, -1);
    const mine = await events(`actor=${encodeURIComponent(part.toUpperCase())}&pageSize=100`);
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.every((e) => e.actorName?.includes(part))).toBe(true);
    // LIKE wildcards in the search are taken literally (no user name holds % or _).
    expect(await events('actor=%25')).toEqual([]);
    const wild = await events(`actor=${official.username.slice(0, 4)}_&pageSize=100`);
    expect(wild.filter((e) => e.actorName === official.username)).toEqual([]);
  });

  it('records the roles an account had beside the roles it was given', async () => {
    const target = await makeUser(t, ['talent']);
    const res = await as(t, security, {
      method: 'PATCH',
      url: `/api/v1/accounts/${target.me.id}`,
      payload: { roles: ['broker'], version: await rowVersion(t, 'accounts', target.me.id) },
    });
    expect(res.statusCode, res.body).toBe(200);
    const [event] = await events(
      `action=account.update&objectType=account&objectId=${target.me.id}`,
    );
    expect(event!.objectName).toBe(target.username);
    expect(JSON.parse(event!.detail)).toMatchObject({
      roles: ['broker'],
      before: { roles: ['talent'] },
    });
  });

  it('refuses a history query it cannot read, naming the field', async () => {
    const res = await as(t, auditor, {
      method: 'GET',
      url: `/api/v1/audit/events?actor=${'x'.repeat(65)}`,
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().details[0]).toMatchObject({ field: 'querystring.actor' });
  });
});
