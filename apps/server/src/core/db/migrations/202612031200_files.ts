import type { Kysely, Migration } from 'kysely';
import type { Dialect } from '../dialect';

/**
 * Uploaded files: facts about each (display name, detected type, size, SM3 digest), the key of
 * its bytes in the file store, and the record it is attached to (null while unattached).
 */
export function m202612031200Files(d: Dialect): Migration {
  return {
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async up(db: Kysely<any>) {
      await d
        .addIdColumn(db.schema.createTable('files'))
        .addColumn('owner_org_id', 'integer', (c) => c.references('orgs.id'))
        .addColumn('uploaded_by', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('original_name', 'varchar(255)', (c) => c.notNull())
        .addColumn('mime_type', 'varchar(100)', (c) => c.notNull())
        .addColumn('size_bytes', 'integer', (c) => c.notNull())
        .addColumn('sm3', 'varchar(64)', (c) => c.notNull())
        .addColumn('storage_key', 'varchar(100)', (c) => c.notNull().unique())
        .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
        .addColumn('linked_type', 'varchar(40)')
        .addColumn('linked_id', 'integer')
        .execute();
      await db.schema
        .createIndex('files_linked')
        .on('files')
        .columns(['linked_type', 'linked_id'])
        .execute();
      await db.schema.createIndex('files_uploaded_by').on('files').column('uploaded_by').execute();
    },
    // biome-ignore lint/suspicious/noExplicitAny: migrations run against the untyped schema
    async down(db: Kysely<any>) {
      await db.schema.dropTable('files').execute();
    },
  };
}
