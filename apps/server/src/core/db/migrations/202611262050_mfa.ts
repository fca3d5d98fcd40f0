import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect';

/** Second factor of an account: its TOTP secret (encrypted), one pending enrolment, last step. */
export function m202611262050Mfa(_d: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async up(db: Kysely<any>) {
      await db.schema.alterTable('accounts').addColumn('mfa_secret', 'varchar(300)').execute();
      await db.schema
        .alterTable('accounts')
        .addColumn('mfa_pending_secret', 'varchar(300)')
        .execute();
      await db.schema.alterTable('accounts').addColumn('mfa_enabled_at', 'varchar(30)').execute();
      await db.schema.alterTable('accounts').addColumn('mfa_last_step', 'integer').execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async down(db: Kysely<any>) {
      for (const c of ['mfa_last_step', 'mfa_enabled_at', 'mfa_pending_secret', 'mfa_secret'])
        await db.schema.alterTable('accounts').dropColumn(c).execute();
    },
  };
}
