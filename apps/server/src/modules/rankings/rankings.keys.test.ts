import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeUser, type TestApp } from '../../../test/helpers';
import { systemCtx } from '../../core/context';
import { isSealed } from '../../core/keys/sealed';
import { publisherKey, sealPlainPrivateKeys } from './rankings.keys';
import { generateKeyPair } from './rankings.verify';

/** A copy of the database alone cannot sign an edition: private keys are stored sealed. */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t?.close());

const stored = (accountId: number) =>
  t.deps.db
    .selectFrom('rankingKeys')
    .selectAll()
    .where('accountId', '=', accountId)
    .executeTakeFirstOrThrow();

describe('publishers’ private keys at rest', () => {
  it('are sealed when made and opened for signing', async () => {
    const publisher = await makeUser(t, ['province_admin']);
    const key = await publisherKey(systemCtx(t.deps), publisher.me.id);
    const row = await stored(publisher.me.id);
    expect(isSealed(row.privateKey)).toBe(true);
    expect(row.privateKey).not.toContain(key.privateKey);
    expect(key.privateKey).toMatch(/^[0-9a-f]{64}$/);
  });

  it('stored in the clear by an older version, are sealed at start and still sign', async () => {
    const publisher = await makeUser(t, ['province_admin']);
    const pair = generateKeyPair();
    await t.deps.db
      .insertInto('rankingKeys')
      .values({
        accountId: publisher.me.id,
        algorithm: 'SM2',
        ...pair,
        createdAt: new Date().toISOString(),
      })
      .execute();
    expect(await sealPlainPrivateKeys(t.deps)).toBeGreaterThanOrEqual(1);
    expect(isSealed((await stored(publisher.me.id)).privateKey)).toBe(true);
    expect((await publisherKey(systemCtx(t.deps), publisher.me.id)).privateKey).toBe(
      pair.privateKey,
    );
  });
});
