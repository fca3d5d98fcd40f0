import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect';

const AMOUNTS = [
  'revenue',
  'main_revenue',
  'total_income',
  'high_tech_income',
  'rd_spend',
  'rd_spend_domestic',
  'total_costs',
  'total_assets',
  'liabilities',
  'net_assets',
  'conversions',
  'valuation',
  'years_in_niche',
  'years_in_field',
];
const REQUIRED = new Set(['revenue', 'rd_spend', 'total_assets', 'staff', 'science_staff']);
const COUNTS = [
  'staff',
  'science_staff',
  'rd_staff',
  'ip_class1_own_developed',
  'ip_class1_high_value',
  'ip_class1_in_use',
  'global_market_rank',
];
/** Lists and maps, stored as JSON text (same in both engines; never queried inside). */
const JSON_COLUMNS = [
  'ip',
  'equity',
  'awards',
  'rd_institutions',
  'standards',
  'violations',
  'profile',
  'assessments',
];

/** Yearly enterprise indicators, their provenance, certificates and tier results. */
export function m202611261930Indicators(d: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async up(db: Kysely<any>) {
      let years = d
        .addIdColumn(db.schema.createTable('indicator_years'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
        .addColumn('year', 'integer', (c) => c.notNull());
      // double precision, not real: PostgreSQL's real is 4 bytes and would round amounts
      for (const col of AMOUNTS)
        years = years.addColumn(col, 'double precision', (c) =>
          REQUIRED.has(col) ? c.notNull() : c,
        );
      for (const col of COUNTS)
        years = years.addColumn(col, 'integer', (c) => (REQUIRED.has(col) ? c.notNull() : c));
      for (const col of JSON_COLUMNS) years = years.addColumn(col, 'text');
      await years
        .addColumn('founded_on', 'varchar(10)')
        .addColumn('ip_obtained_by', 'varchar(16)')
        .addColumn('listing', 'varchar(16)')
        .addColumn('high_tech_field', 'varchar(32)')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_by', 'integer')
        .addUniqueConstraint('indicator_years_org_year', ['org_id', 'year'])
        .execute();
      await db.schema
        .createIndex('indicator_years_year')
        .on('indicator_years')
        .columns(['year', 'org_id'])
        .execute();

      // Provenance: one row per changed value (or '*' for a whole record loaded at once).
      await d
        .addIdColumn(db.schema.createTable('indicator_changes'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('field', 'varchar(40)', (c) => c.notNull())
        .addColumn('old_value', 'text')
        .addColumn('new_value', 'text')
        .addColumn('source', 'varchar(16)', (c) => c.notNull())
        .addColumn('changed_by', 'integer')
        .addColumn('changed_by_name', 'varchar(64)')
        .addColumn('changed_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('note', 'varchar(500)')
        .execute();
      await db.schema
        .createIndex('indicator_changes_org_year')
        .on('indicator_changes')
        .columns(['org_id', 'year', 'id'])
        .execute();

      // region_code is copied from the organisation so statistics need no join across modules.
      await d
        .addIdColumn(db.schema.createTable('org_certificates'))
        .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
        .addColumn('region_code', 'varchar(6)', (c) => c.notNull())
        .addColumn('kind', 'varchar(32)', (c) => c.notNull())
        .addColumn('number', 'varchar(60)', (c) => c.notNull())
        .addColumn('issued_on', 'varchar(10)', (c) => c.notNull())
        .addColumn('expires_on', 'varchar(10)')
        .addColumn('issuer', 'varchar(100)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('created_by', 'integer')
        .addUniqueConstraint('org_certificates_org_kind_number', ['org_id', 'kind', 'number'])
        .execute();
      await db.schema
        .createIndex('org_certificates_kind_region')
        .on('org_certificates')
        .columns(['kind', 'region_code'])
        .execute();

      // One row per org × year × tier, rewritten whenever the org's indicators or certificates
      // change (same transaction): statistics aggregate this table instead of re-evaluating.
      await db.schema
        .createTable('tier_results')
        .addColumn('org_id', 'integer', (c) => c.notNull().references('orgs.id'))
        .addColumn('year', 'integer', (c) => c.notNull())
        .addColumn('tier', 'varchar(32)', (c) => c.notNull())
        .addColumn('region_code', 'varchar(6)', (c) => c.notNull())
        .addColumn('eligible', 'integer', (c) => c.notNull())
        .addColumn('via', 'varchar(8)')
        .addColumn('within_reach', 'integer', (c) => c.notNull())
        .addColumn('total', 'double precision')
        .addColumn('gap_count', 'integer', (c) => c.notNull())
        .addColumn('rule_set_id', 'varchar(64)', (c) => c.notNull())
        .addColumn('evaluated_at', 'varchar(30)', (c) => c.notNull())
        .addPrimaryKeyConstraint('tier_results_pk', ['org_id', 'year', 'tier'])
        .execute();
      await db.schema
        .createIndex('tier_results_year_region')
        .on('tier_results')
        .columns(['year', 'region_code', 'tier'])
        .execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async down(db: Kysely<any>) {
      for (const t of [
        'tier_results',
        'org_certificates',
        'indicator_changes',
        'indicator_years',
      ]) {
        await db.schema.dropTable(t).ifExists().execute();
      }
    },
  };
}
