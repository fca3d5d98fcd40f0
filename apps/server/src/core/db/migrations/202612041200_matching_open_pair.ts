import { type Kysely, type Migration, sql } from 'kysely';

/**
 * One open introduction per achievement and demand (issue 10 item 5): a second click made an
 * identical second introduction, and both reached the owner. A partial unique index over the
 * pending pairs holds the rule on both engines, also for two requests at once. Duplicates made
 * before it are closed first as 'superseded' (the earliest stays pending for the owner), so the
 * index can be built on a database that has them.
 */
export function m202612041200MatchingOpenPair(): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async up(db: Kysely<any>) {
      await sql`update matching_introductions
        set status = 'superseded', version = version + 1
        where status = 'pending' and exists (
          select 1 from matching_introductions earlier
          where earlier.achievement_id = matching_introductions.achievement_id
            and earlier.demand_id = matching_introductions.demand_id
            and earlier.status = 'pending'
            and earlier.id < matching_introductions.id)`.execute(db);
      await db.schema
        .createIndex('matching_introductions_one_open')
        .on('matching_introductions')
        .columns(['achievement_id', 'demand_id'])
        .unique()
        .where(sql.ref('status'), '=', 'pending')
        .execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async down(db: Kysely<any>) {
      await db.schema.dropIndex('matching_introductions_one_open').execute();
    },
  };
}
