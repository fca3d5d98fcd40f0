import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../dialect';

/** Aggregates kept current for the cockpit, and officials' entered indicators. */
export function m202611261950Cockpit(d: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async up(db: Kysely<any>) {
      // Organisations per city × type × industry × month registered (Beijing time). Kept current
      // by the orgs service in the same transaction as each change; '' stands for "no industry".
      await db.schema
        .createTable('cockpit_org_counts')
        .addColumn('region_code', 'varchar(6)', (c) => c.notNull())
        .addColumn('type', 'varchar(32)', (c) => c.notNull())
        .addColumn('industry', 'varchar(32)', (c) => c.notNull())
        .addColumn('created_month', 'varchar(7)', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('cockpit_org_counts_pk', [
          'region_code',
          'type',
          'industry',
          'created_month',
        ])
        .execute();

      // Cross-city flows per kind and month. Amounts in yuan as whole numbers so that sums are
      // exact and incremental updates equal a rebuild; the API shows 万元.
      await db.schema
        .createTable('cockpit_flow_stats')
        .addColumn('kind', 'varchar(24)', (c) => c.notNull())
        .addColumn('ym', 'varchar(7)', (c) => c.notNull())
        .addColumn('from_city', 'varchar(6)', (c) => c.notNull())
        .addColumn('to_city', 'varchar(6)', (c) => c.notNull())
        .addColumn('field', 'varchar(32)', (c) => c.notNull())
        .addColumn('n', 'integer', (c) => c.notNull())
        .addColumn('amount_yuan', 'bigint', (c) => c.notNull())
        .addPrimaryKeyConstraint('cockpit_flow_stats_pk', [
          'kind',
          'ym',
          'from_city',
          'to_city',
          'field',
        ])
        .execute();

      await d
        .addIdColumn(db.schema.createTable('cockpit_official_kpis'))
        .addColumn('code', 'varchar(40)', (c) => c.notNull())
        .addColumn('value', 'double precision', (c) => c.notNull())
        .addColumn('as_of', 'varchar(10)', (c) => c.notNull())
        .addColumn('source', 'varchar(200)', (c) => c.notNull())
        .addColumn('note', 'varchar(500)')
        .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('entered_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('entered_by', 'integer', (c) => c.references('accounts.id'))
        .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('updated_by', 'integer', (c) => c.references('accounts.id'))
        .execute();
      await db.schema
        .createIndex('cockpit_official_kpis_code')
        .on('cockpit_official_kpis')
        .columns(['code', 'as_of', 'id'])
        .execute();

      // Organisations that exist before this migration are counted once here; from now on the
      // orgs service keeps the counts current. Months are grouped by the hour in SQL (same text
      // in both engines), then shifted to Beijing time here, as the service does.
      // Single-word aliases: the camel-case plugin leaves them as they are.
      const rows = await sql<{
        region: string;
        type: string;
        industry: string | null;
        hour: string;
        n: number | string;
      }>`select region_code as region, type, industry, substr(created_at, 1, 13) as hour, count(*) as n
         from orgs group by region_code, type, industry, substr(created_at, 1, 13)`.execute(db);
      const counts = new Map<string, number>();
      for (const r of rows.rows) {
        const month = new Date(Date.parse(`${r.hour}:00:00Z`) + 8 * 3_600_000)
          .toISOString()
          .slice(0, 7);
        const key = [r.region, r.type, r.industry ?? '', month].join('\u0001');
        counts.set(key, (counts.get(key) ?? 0) + Number(r.n));
      }
      const values = [...counts].map(([key, n]) => {
        const [region_code, type, industry, created_month] = key.split('\u0001');
        return { region_code, type, industry, created_month, n };
      });
      for (let i = 0; i < values.length; i += 500) {
        await db
          .insertInto('cockpit_org_counts')
          .values(values.slice(i, i + 500))
          .execute();
      }
    },
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async down(db: Kysely<any>) {
      for (const t of ['cockpit_official_kpis', 'cockpit_flow_stats', 'cockpit_org_counts']) {
        await db.schema.dropTable(t).ifExists().execute();
      }
    },
  };
}
