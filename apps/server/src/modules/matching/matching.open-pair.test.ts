import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, makeUser, type TestApp } from '../../../test/helpers';
import { m202612041200MatchingOpenPair } from '../../core/db/migrations/202612041200_matching_open_pair';

/**
 * The migration that brought in "one open introduction per pair" on a database that already
 * holds duplicates (made by double clicks before it): the earliest stays pending, the later
 * ones are closed as superseded, and the unique index can then be built. Its own database on
 * PostgreSQL: the index is dropped and rebuilt here.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({}, { ownDatabase: true });
});
afterAll(() => t.close());

describe('migration 202612041200_matching_open_pair', () => {
  it('closes later duplicates of an open pair, keeps the rest, then holds the rule', async () => {
    const broker = await makeUser(t, ['broker'], { regionCode: '420700' });
    const db = t.deps.db;
    const migration = m202612041200MatchingOpenPair();
    await migration.down?.(db);
    const row = (achievementId: number, demandId: number, status: string, at: string) => ({
      achievementId,
      achievementOrgId: 1,
      demandId,
      demandOrgId: 2,
      achievementTitle: '成果',
      demandTitle: '需求',
      regionCode: '420100',
      brokerId: broker.me.id,
      note: '双方可就实施条件和报价面谈',
      status,
      createdAt: at,
    });
    const inserted = await db
      .insertInto('matchingIntroductions')
      .values([
        row(900001, 800001, 'pending', '2026-01-01T00:00:00.000Z'),
        row(900001, 800001, 'pending', '2026-01-01T00:00:01.000Z'), // the double click
        row(900001, 800001, 'pending', '2026-01-02T00:00:00.000Z'),
        row(900001, 800001, 'declined', '2025-12-01T00:00:00.000Z'), // answered: untouched
        row(900001, 800002, 'pending', '2026-01-01T00:00:00.000Z'), // another pair
      ])
      .returning('id')
      .execute();
    const ids = inserted.map((r) => r.id);
    await migration.up(db);
    const after = await db
      .selectFrom('matchingIntroductions')
      .select(['id', 'status', 'version'])
      .where('id', 'in', ids)
      .orderBy('id')
      .execute();
    expect(after.map((r) => r.status)).toEqual([
      'pending',
      'superseded',
      'superseded',
      'declined',
      'pending',
    ]);
    // A closed row moved on: a stale answer to it is a version conflict, not a silent write.
    expect(after.map((r) => r.version)).toEqual([1, 2, 2, 1, 1]);
    await expect(
      db
        .insertInto('matchingIntroductions')
        .values(row(900001, 800001, 'pending', '2026-02-01T00:00:00.000Z'))
        .execute(),
    ).rejects.toThrow();
  });
});
