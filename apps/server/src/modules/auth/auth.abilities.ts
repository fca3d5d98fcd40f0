import type { Role } from '@corridor/contracts';

/**
 * What each role may open in the web app. The server enforces the same rules route by route;
 * this list only decides which menu entries to show.
 */
const ABILITIES: Record<Role, string[]> = {
  province_admin: [
    'orgs.read',
    'orgs.create',
    'orgs.import',
    'orgs.export',
    'cockpit.leaders',
    'cockpit.kpis.manage',
    'tiers.stats',
    'indicators.import',
    'rankings.read',
    'market.read',
    'market.curate',
    'deals.read',
    'deals.stats',
  ],
  city_admin: [
    'orgs.read',
    'orgs.create',
    'orgs.import',
    'orgs.export',
    'cockpit.leaders',
    'tiers.stats',
    'indicators.import',
    'rankings.read',
    'market.read',
    'market.curate',
    'deals.read',
    'deals.stats',
  ],
  auditor: ['audit.read'],
  security_admin: ['accounts.manage'],
  enterprise: [
    'orgs.read',
    'rankings.read',
    'rankings.correct',
    'market.read',
    'market.own',
    'deals.read',
    'deals.negotiate',
  ],
  university: [
    'orgs.read',
    'rankings.read',
    'market.read',
    'market.own',
    'deals.read',
    'deals.negotiate',
  ],
  talent: ['orgs.read', 'rankings.read', 'market.read'],
  investor: ['orgs.read', 'rankings.read', 'market.read', 'deals.read', 'deals.negotiate'],
  broker: [
    'orgs.read',
    'rankings.read',
    'market.read',
    'deals.read',
    'deals.negotiate',
    'matching.broker',
  ],
  ranking_publisher: ['orgs.read', 'rankings.read', 'rankings.publish', 'market.read'],
};

export function abilitiesOf(roles: readonly Role[]): string[] {
  return [...new Set(roles.flatMap((r) => ABILITIES[r]))].sort();
}
