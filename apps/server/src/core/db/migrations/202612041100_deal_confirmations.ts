import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * A contract is signed when both parties' organisations confirm it (issue 10 item 1): each
 * side's confirmation, and a refusal with its reason. A contract one side marked "signed"
 * before this rule was never confirmed by the other: it goes back to draft, so it can only be
 * registered after both confirm. Registered contracts keep their registration (an official's
 * act); their confirmations stay empty, as nobody was asked.
 */
export function m202612041100DealConfirmations(_d: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async up(db: Kysely<any>) {
      const columns: [string, 'varchar(30)' | 'integer' | 'varchar(10)' | 'varchar(500)'][] = [
        ['seller_signed_at', 'varchar(30)'],
        ['seller_signed_by', 'integer'],
        ['buyer_signed_at', 'varchar(30)'],
        ['buyer_signed_by', 'integer'],
        ['refused_at', 'varchar(30)'],
        ['refused_by', 'integer'],
        ['refused_side', 'varchar(10)'],
        ['refusal_reason', 'varchar(500)'],
      ];
      for (const [name, type] of columns)
        await db.schema.alterTable('deals').addColumn(name, type).execute();
      await sql`update deals set status = 'draft', version = version + 1 where status = 'signed'`.execute(
        db,
      );
    },
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async down(db: Kysely<any>) {
      for (const name of [
        'seller_signed_at',
        'seller_signed_by',
        'buyer_signed_at',
        'buyer_signed_by',
        'refused_at',
        'refused_by',
        'refused_side',
        'refusal_reason',
      ])
        await db.schema.alterTable('deals').dropColumn(name).execute();
    },
  };
}
