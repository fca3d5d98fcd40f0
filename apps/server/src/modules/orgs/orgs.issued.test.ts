import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestApp,
  makeUser,
  orgInput,
  type Session,
  type TestApp,
  uniqueCreditCode,
} from '../../../test/helpers';

/**
 * A credit code issued in another city (positions 3–8) is accepted — organisations move, and
 * branches register where they are — but never silently: the record says where the code was
 * issued, and the creation's audit event records it.
 */
let t: TestApp;
let official: Session;
beforeAll(async () => {
  t = await createTestApp();
  official = await makeUser(t, ['province_admin']);
});
afterAll(() => t?.close());

const create = (creditCode: string) =>
  as(t, official, {
    method: 'POST',
    url: '/api/v1/orgs',
    payload: orgInput({ regionCode: '420100', creditCode }),
  });

describe('a credit code issued in another city', () => {
  it('is accepted, shown as issued elsewhere and recorded in the audit', async () => {
    const res = await create(uniqueCreditCode('420704'));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().creditCodeIssuedIn).toBe('420700');
    const event = await t.deps.db
      .selectFrom('auditEvents')
      .select('detail')
      .where('action', '=', 'org.create')
      .where('objectId', '=', String(res.json().id))
      .executeTakeFirstOrThrow();
    expect(JSON.parse(event.detail).creditCodeIssuedIn).toBe('420700');
    const listed = await as(t, official, { method: 'GET', url: `/api/v1/orgs/${res.json().id}` });
    expect(listed.json().creditCodeIssuedIn).toBe('420700');
  });

  it('is not flagged for a district of the same city or a province-level code', async () => {
    expect((await create(uniqueCreditCode('420111'))).json().creditCodeIssuedIn).toBeNull();
    expect((await create(uniqueCreditCode('420000'))).json().creditCodeIssuedIn).toBeNull();
  });
});
