import { type Ability, ROLE_ABILITIES, type Role } from '@corridor/contracts';

/**
 * The abilities an account's roles grant (the table is in contracts, shared with the web app).
 * The server enforces the same rules route by route; abilities only decide which menu entries
 * and pages the app shows.
 */
export function abilitiesOf(
  roles: readonly Role[],
  duties: { orgManager?: boolean } = {},
): Ability[] {
  const granted = roles.flatMap((r) => ROLE_ABILITIES[r]);
  // A duty held by an account of a role (DOMAIN.md), not a role: granted by its flag.
  if (duties.orgManager) granted.push('accounts.colleagues');
  return [...new Set(granted)].sort();
}
