import type { Migration } from 'kysely';
import type { Dialect } from '../dialect';

/** Yearly enterprise indicators, their provenance, certificates and tier results. */
export function m202611261930Indicators(_d: Dialect): Migration {
  return { async up() {}, async down() {} };
}
