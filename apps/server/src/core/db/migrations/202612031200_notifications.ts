import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * The platform's inbox: one row per recipient and event (a type code and its values, never a
 * sentence), and the e-mails waiting to be sent for recipients with an address. Accounts had no
 * e-mail field: a nullable `accounts.email` is added here (no screen sets it yet).
 */
export function m202612031200Notifications(d: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async up(db: Kysely<any>) {
      await db.schema.alterTable('accounts').addColumn('email', 'varchar(254)').execute();
      await d
        .addIdColumn(db.schema.createTable('notifications'))
        .addColumn('recipient_id', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('type', 'varchar(64)', (c) => c.notNull())
        .addColumn('params', 'text', (c) => c.notNull())
        .addColumn('link', 'varchar(300)')
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('read_at', 'varchar(30)')
        .execute();
      // The inbox newest first, and the unread count, per recipient.
      await db.schema
        .createIndex('notifications_recipient')
        .on('notifications')
        .columns(['recipient_id', 'id'])
        .execute();
      await db.schema
        .createIndex('notifications_unread')
        .on('notifications')
        .columns(['recipient_id', 'read_at'])
        .execute();
      await d
        .addIdColumn(db.schema.createTable('email_outbox'))
        .addColumn('notification_id', 'integer', (c) => c.notNull().references('notifications.id'))
        .addColumn('address', 'varchar(254)', (c) => c.notNull())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('sent_at', 'varchar(30)')
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'varchar(500)')
        .execute();
      await db.schema
        .createIndex('email_outbox_pending')
        .on('email_outbox')
        .columns(['sent_at', 'id'])
        .execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async down(db: Kysely<any>) {
      await db.schema.dropTable('email_outbox').execute();
      await db.schema.dropTable('notifications').execute();
      await db.schema.alterTable('accounts').dropColumn('email').execute();
    },
  };
}
