import { sql } from 'kysely';
import type { Db, Dialect } from './dialect';

/**
 * The triggers that keep records append-only or frozen (audit chain, published rankings). A
 * migration that creates one lists it here; `test/required-triggers.test.ts` fails when this
 * list and the migrated schema differ. At start the server checks each is present and enabled:
 * without them a write could rewrite history, so the server serves reads only (`degraded`).
 */
export const REQUIRED_TRIGGERS: Record<Dialect['name'], readonly string[]> = {
  sqlite: [
    'audit_archives_no_delete',
    'audit_archives_no_update',
    'audit_archives_retention',
    'audit_events_no_delete',
    'audit_events_no_update',
    'ranking_corrections_no_delete',
    'ranking_corrections_no_update',
    'ranking_edition_documents_no_delete',
    'ranking_edition_documents_no_update',
    'ranking_editions_no_delete',
    'ranking_editions_no_update',
    'ranking_entries_no_delete',
    'ranking_entries_no_update',
    'ranking_inputs_no_delete',
    'ranking_inputs_no_update',
    'ranking_methods_no_delete',
    'ranking_methods_no_update',
  ],
  postgres: [
    'audit_archives_immutable',
    'audit_archives_retention',
    'audit_events_no_change',
    'ranking_corrections_frozen',
    'ranking_edition_documents_write_once',
    'ranking_editions_immutable',
    'ranking_entries_write_once',
    'ranking_inputs_frozen',
    'ranking_methods_immutable',
  ],
};

/** Names of the triggers present and enabled in the database now. */
export async function enabledTriggers(db: Db, dialect: Dialect): Promise<Set<string>> {
  if (dialect.name === 'sqlite') {
    const rows = await sql<{ name: string }>`
      select name from sqlite_master where type = 'trigger'`.execute(db);
    return new Set(rows.rows.map((r) => r.name));
  }
  // pg_trigger also shows a trigger that is there but disabled (tgenabled = 'D').
  const rows = await sql<{ name: string }>`
    select t.tgname as name from pg_trigger t
    join pg_class c on c.oid = t.tgrelid
    join pg_namespace n on n.oid = c.relnamespace
    where not t.tgisinternal and t.tgenabled <> 'D' and n.nspname = current_schema()`.execute(db);
  return new Set(rows.rows.map((r) => r.name));
}

/** The required triggers that are missing or disabled (empty when all is well). */
export async function missingTriggers(db: Db, dialect: Dialect): Promise<string[]> {
  const present = await enabledTriggers(db, dialect);
  return REQUIRED_TRIGGERS[dialect.name].filter((name) => !present.has(name));
}
