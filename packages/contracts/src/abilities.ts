import type { Role } from './roles';

/**
 * What a signed-in account may open in the web app: menu entries and pages. One list for the
 * server (which grants abilities by role, below) and the web app (menu, route guards), so a
 * misspelt ability fails the typecheck on either side. The server still enforces every rule
 * route by route; abilities only decide what the app shows.
 *
 * A new module adds its abilities here and grants them to roles in ROLE_ABILITIES.
 */
export const ABILITIES = [
  'orgs.read',
  'orgs.create',
  'orgs.import',
  'orgs.export',
  'audit.read',
  'accounts.manage',
  /** An organisation's account manager: its colleagues' accounts (a duty, granted by a flag). */
  'accounts.colleagues',
  'registrations.review',
  'cockpit.leaders',
  'cockpit.kpis.manage',
  'tiers.stats',
  'indicators.import',
  'rankings.read',
  'rankings.publish',
  'rankings.correct',
  'market.read',
  'market.own',
  'market.curate',
  'deals.read',
  'deals.stats',
  'deals.negotiate',
  /** Suggested matches of a market record (GET /matching/...); talents and publishers have none. */
  'matching.read',
  'matching.broker',
  'jobs.manage',
  'parks.read',
] as const;

/** Abilities no role grants: an account holds them by a duty flag (auth.abilities on the server). */
export const DUTY_ABILITIES: readonly (typeof ABILITIES)[number][] = ['accounts.colleagues'];
export type Ability = (typeof ABILITIES)[number];

/** Abilities of each role; an account holds the union over its roles. */
export const ROLE_ABILITIES: Record<Role, readonly Ability[]> = {
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
    'matching.read',
    'market.curate',
    'deals.read',
    'deals.stats',
    'jobs.manage',
    'parks.read',
  ],
  city_admin: [
    'registrations.review',
    'orgs.read',
    'orgs.create',
    'orgs.import',
    'orgs.export',
    'cockpit.leaders',
    'tiers.stats',
    'indicators.import',
    'rankings.read',
    'market.read',
    'matching.read',
    'market.curate',
    'deals.read',
    'deals.stats',
    'parks.read',
  ],
  auditor: ['audit.read'],
  security_admin: ['accounts.manage'],
  enterprise: [
    'orgs.read',
    'rankings.read',
    'rankings.correct',
    'market.read',
    'matching.read',
    'market.own',
    'deals.read',
    'deals.negotiate',
  ],
  university: [
    'orgs.read',
    'rankings.read',
    'market.read',
    'matching.read',
    'market.own',
    'deals.read',
    'deals.negotiate',
  ],
  talent: ['orgs.read', 'rankings.read', 'market.read'],
  investor: [
    'orgs.read',
    'rankings.read',
    'market.read',
    'matching.read',
    'deals.read',
    'deals.negotiate',
  ],
  broker: [
    'orgs.read',
    'rankings.read',
    'market.read',
    'matching.read',
    'deals.read',
    'deals.negotiate',
    'matching.broker',
  ],
  ranking_publisher: ['orgs.read', 'rankings.read', 'rankings.publish', 'market.read'],
};

/** The roles that hold an ability (the server's route access where a page and a route agree). */
export function rolesWith(ability: Ability): Role[] {
  return (Object.keys(ROLE_ABILITIES) as Role[]).filter((r) => ROLE_ABILITIES[r].includes(ability));
}

/** Whether the signed-in account (null: a visitor) holds the ability. */
export function can(
  me: { readonly abilities: readonly Ability[] } | null | undefined,
  ability: Ability,
): boolean {
  return !!me && me.abilities.includes(ability);
}
