import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * One row per (job, scheduled slot): a process claims a slot by inserting its row, so the
 * unique key makes each slot run once however many server processes schedule it.
 */
export function m202612031200JobRuns(d: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async up(db: Kysely<any>) {
      await d
        .addIdColumn(db.schema.createTable('job_runs'))
        .addColumn('job_name', 'varchar(100)', (c) => c.notNull())
        .addColumn('slot', 'varchar(30)', (c) => c.notNull())
        .addColumn('status', 'varchar(10)', (c) => c.notNull())
        .addColumn('attempt', 'integer', (c) => c.notNull())
        .addColumn('trigger', 'varchar(10)', (c) => c.notNull())
        .addColumn('started_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('lease_until', 'varchar(30)', (c) => c.notNull())
        .addColumn('finished_at', 'varchar(30)')
        .addColumn('retry_at', 'varchar(30)')
        .addColumn('summary', 'text')
        .addColumn('error', 'text')
        .addUniqueConstraint('job_runs_job_slot', ['job_name', 'slot'])
        .execute();
      await db.schema
        .createIndex('job_runs_job_started')
        .on('job_runs')
        .columns(['job_name', 'started_at'])
        .execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async down(db: Kysely<any>) {
      await db.schema.dropTable('job_runs').execute();
    },
  };
}
