import type { Role } from '@corridor/contracts';

/**
 * What each role may open in the web app. The server enforces the same rules route by route;
 * this list only decides which menu entries to show.
 */
const ABILITIES: Record<Role, string[]> = {
  province_admin: ['orgs.read', 'orgs.create', 'orgs.import', 'orgs.export'],
  city_admin: ['orgs.read', 'orgs.create', 'orgs.import', 'orgs.export'],
  auditor: ['audit.read'],
  security_admin: ['accounts.manage'],
  enterprise: ['orgs.read'],
  university: ['orgs.read'],
  talent: ['orgs.read'],
  investor: ['orgs.read'],
  broker: ['orgs.read'],
  ranking_publisher: ['orgs.read'],
};

export function abilitiesOf(roles: readonly Role[]): string[] {
  return [...new Set(roles.flatMap((r) => ABILITIES[r]))].sort();
}
