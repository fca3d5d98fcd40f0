import type { Migration } from 'kysely';
import type { Dialect } from '../dialect';

/** Technology market: achievements, demands, their search index. */
export function m202611262000Market(_d: Dialect): Migration {
  return { async up() {}, async down() {} };
}
