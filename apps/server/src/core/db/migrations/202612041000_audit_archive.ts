import { type Kysely, type Migration, sql } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Audit retention (网络安全法 §21: logs kept at least six months). Events may leave the database
 * only by archiving: an `audit_archives` row names the contiguous run of events written to an
 * archive file and the hash of its last one, which the remaining chain continues from. The
 * triggers let a delete through only for an archived event older than 180 days, and an archive
 * only of events older than 180 days, continuing the previous one; archives are append-only.
 * Nobody — the application, an administrator's SQL — can purge younger events.
 */
const SQLITE_CUTOFF = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now', '-180 days')";
const PG_CUTOFF = `to_char((now() at time zone 'utc') - interval '180 days', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export function m202612041000AuditArchive(d: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('audit_archives')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('first_id', 'integer', (c) => c.notNull())
        .addColumn('last_id', 'integer', (c) => c.notNull())
        .addColumn('last_hash', 'varchar(64)', (c) => c.notNull())
        .addColumn('file_name', 'varchar(200)', (c) => c.notNull())
        .addColumn('file_sm3', 'varchar(64)', (c) => c.notNull())
        .addColumn('archived_at', 'varchar(30)', (c) => c.notNull())
        .execute();
      if (d.name === 'postgres') {
        await sql`create or replace function audit_events_guard() returns trigger as $$
          begin
            if tg_op = 'DELETE'
               and old.id <= coalesce((select max(last_id) from audit_archives), 0)
               and old.occurred_at < ${sql.raw(PG_CUTOFF)} then
              return old;
            end if;
            raise exception 'audit_events is append-only (archived events older than 180 days excepted)';
          end $$ language plpgsql`.execute(db);
        await sql`drop trigger audit_events_no_change on audit_events`.execute(db);
        await sql`create trigger audit_events_no_change before update or delete on audit_events
          for each row execute function audit_events_guard()`.execute(db);
        await sql`create or replace function audit_archives_check() returns trigger as $$
          begin
            if tg_op <> 'INSERT' then raise exception 'audit_archives is append-only'; end if;
            if new.first_id <> coalesce((select max(last_id) from audit_archives), 0) + 1
               or new.last_id < new.first_id
               or coalesce((select occurred_at from audit_events where id = new.last_id), '9')
                  >= ${sql.raw(PG_CUTOFF)} then
              raise exception 'only events older than 180 days, continuing the last archive, can be archived';
            end if;
            return new;
          end $$ language plpgsql`.execute(db);
        await sql`create trigger audit_archives_immutable before update or delete on audit_archives
          for each row execute function audit_archives_check()`.execute(db);
        await sql`create trigger audit_archives_retention before insert on audit_archives
          for each row execute function audit_archives_check()`.execute(db);
        return;
      }
      await sql`drop trigger audit_events_no_delete`.execute(db);
      await sql`create trigger audit_events_no_delete before delete on audit_events
        when old.id > coalesce((select max(last_id) from audit_archives), 0)
          or old.occurred_at >= ${sql.raw(SQLITE_CUTOFF)}
        begin select raise(abort, 'audit_events is append-only (archived events older than 180 days excepted)'); end`.execute(
        db,
      );
      await sql`create trigger audit_archives_no_update before update on audit_archives
        begin select raise(abort, 'audit_archives is append-only'); end`.execute(db);
      await sql`create trigger audit_archives_no_delete before delete on audit_archives
        begin select raise(abort, 'audit_archives is append-only'); end`.execute(db);
      await sql`create trigger audit_archives_retention before insert on audit_archives
        when new.first_id <> coalesce((select max(last_id) from audit_archives), 0) + 1
          or new.last_id < new.first_id
          or coalesce((select occurred_at from audit_events where id = new.last_id), '9')
             >= ${sql.raw(SQLITE_CUTOFF)}
        begin select raise(abort, 'only events older than 180 days, continuing the last archive, can be archived'); end`.execute(
        db,
      );
    },
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async down(db: Kysely<any>) {
      await db.schema.dropTable('audit_archives').ifExists().execute();
    },
  };
}
