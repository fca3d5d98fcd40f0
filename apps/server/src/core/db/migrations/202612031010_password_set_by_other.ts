import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * A password set by someone else (the security administrator creating the account) must be
 * changed at first sign-in (issue 19 item 7): the administrator knows it, the user must not
 * share it. 1 until the owner sets their own.
 */
export function m202612031010PasswordSetByOther(_d: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('accounts')
        .addColumn('password_set_by_other', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async down(db: Kysely<any>) {
      await db.schema.alterTable('accounts').dropColumn('password_set_by_other').execute();
    },
  };
}
