import type { Migration } from 'kysely';
import type { Dialect } from '../dialect';

/** Aggregates kept current for the cockpit, and officials' entered indicators. */
export function m202611261950Cockpit(_d: Dialect): Migration {
  return { async up() {}, async down() {} };
}
