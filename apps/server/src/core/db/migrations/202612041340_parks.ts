import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Co-built parks (issue 16 item 1): the park, its party cities, the agreement's dated phases
 * (governance, equity and the sharing rules as JSON: they are read and validated as a whole),
 * reported yearly figures and the payments between the cities. Amounts in 万元, two decimals.
 */
export function m202612041340Parks(d: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async up(db: Kysely<any>) {
      await d
        .addIdColumn(db.schema.createTable('parks'))
        .addColumn('name', 'varchar(60)', (c) => c.notNull())
        .addColumn('host_city', 'varchar(6)', (c) => c.notNull())
        .addColumn('area_km2', 'double precision')
        .addColumn('established_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('term_ends_on', 'varchar(10)')
        .addColumn('agreement_title', 'varchar(120)')
        .addColumn('description', 'varchar(1000)')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('accounts.id'))
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_by', 'integer', (c) => c.references('accounts.id'))
        .execute();
      await db.schema.createIndex('parks_name').on('parks').column('name').execute();

      await db.schema
        .createTable('park_parties')
        .addColumn('park_id', 'integer', (c) => c.notNull().references('parks.id'))
        .addColumn('city_code', 'varchar(6)', (c) => c.notNull())
        .addColumn('role', 'varchar(10)', (c) => c.notNull())
        .addPrimaryKeyConstraint('park_parties_pk', ['park_id', 'city_code'])
        .execute();
      await db.schema
        .createIndex('park_parties_city')
        .on('park_parties')
        .column('city_code')
        .execute();

      await d
        .addIdColumn(db.schema.createTable('park_phases'))
        .addColumn('park_id', 'integer', (c) => c.notNull().references('parks.id'))
        .addColumn('starts_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('ends_on', 'varchar(10)')
        .addColumn('governance', 'varchar(24)', (c) => c.notNull())
        .addColumn('equity', 'text', (c) => c.notNull())
        .addColumn('rules', 'text', (c) => c.notNull())
        .addColumn('note', 'varchar(500)')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('park_phases_park').on('park_phases').column('park_id').execute();

      await d
        .addIdColumn(db.schema.createTable('park_figures'))
        .addColumn('park_id', 'integer', (c) => c.notNull().references('parks.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('item', 'varchar(24)', (c) => c.notNull())
        .addColumn('value_wan', 'double precision', (c) => c.notNull())
        .addColumn('incentives_wan', 'double precision', (c) => c.notNull())
        .addColumn('reported_by', 'varchar(6)', (c) => c.notNull())
        .addColumn('note', 'varchar(300)')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('accounts.id'))
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_by', 'integer', (c) => c.references('accounts.id'))
        .addUniqueConstraint('park_figures_park_year_item', ['park_id', 'year', 'item'])
        .execute();

      await d
        .addIdColumn(db.schema.createTable('park_payments'))
        .addColumn('park_id', 'integer', (c) => c.notNull().references('parks.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('item', 'varchar(24)', (c) => c.notNull())
        .addColumn('payer_city', 'varchar(6)', (c) => c.notNull())
        .addColumn('payee_city', 'varchar(6)', (c) => c.notNull())
        .addColumn('amount_wan', 'double precision', (c) => c.notNull())
        .addColumn('paid_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('note', 'varchar(300)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('created_by', 'integer', (c) => c.references('accounts.id'))
        .execute();
      await db.schema
        .createIndex('park_payments_park')
        .on('park_payments')
        .column('park_id')
        .execute();
    },
  };
}
