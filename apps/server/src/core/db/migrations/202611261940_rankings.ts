import type { Migration } from 'kysely';
import type { Dialect } from '../dialect';

/** Ranking methods, editions, entries and corrections. */
export function m202611261940Rankings(_d: Dialect): Migration {
  return { async up() {}, async down() {} };
}
