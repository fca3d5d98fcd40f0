import { type Ability, ROLE_ABILITIES, type Role } from '@corridor/contracts';

/**
 * The abilities an account's roles grant (the table is in contracts, shared with the web app).
 * The server enforces the same rules route by route; abilities only decide which menu entries
 * and pages the app shows.
 */
export function abilitiesOf(roles: readonly Role[]): Ability[] {
  return [...new Set(roles.flatMap((r) => ROLE_ABILITIES[r]))].sort();
}
