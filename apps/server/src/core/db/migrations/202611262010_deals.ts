import type { Migration } from 'kysely';
import type { Dialect } from '../dialect';

/** Technology market: introductions, negotiations, technology contracts and their registration. */
export function m202611262010Deals(_d: Dialect): Migration {
  return { async up() {}, async down() {} };
}
