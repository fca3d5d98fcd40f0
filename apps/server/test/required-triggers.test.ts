import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUIRED_TRIGGERS } from '../src/core/db/required-triggers';

/**
 * The start-up integrity check knows every protecting trigger the migrations make: the list in
 * `core/db/required-triggers.ts` equals the triggers of the committed schema snapshots (which
 * `schema-drift.test.ts` holds to the migrated database). A migration that adds a trigger fails
 * here until the list names it.
 */
describe('required triggers', () => {
  for (const engine of ['sqlite', 'postgres'] as const) {
    it(`${engine}: the list equals the migrated triggers`, () => {
      const file = join(import.meta.dirname, `schema-snapshot.${engine}.json`);
      const { tables } = JSON.parse(readFileSync(file, 'utf8')) as {
        tables: Record<string, { triggers?: string[] }>;
      };
      const migrated = Object.values(tables).flatMap((t) => t.triggers ?? []);
      expect([...REQUIRED_TRIGGERS[engine]].sort()).toEqual(migrated.sort());
    });
  }
});
