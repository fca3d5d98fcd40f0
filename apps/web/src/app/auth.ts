import { type Ability, can, type Me } from '@corridor/contracts';
import { useQuery } from '@tanstack/react-query';
import { hasWorkbench } from '../features/workbench/todos';
import { api, setCsrfToken } from './api';

// One list of abilities for server and app (contracts); re-exported for the app's pages.
export { type Ability, can };

export const meKey = ['auth', 'me'] as const;

let sessionLost = false;

/** Set when the server ends the session under us (401), cleared by the next sign-in. */
export function setSessionLost(lost: boolean): void {
  sessionLost = lost;
}
export function wasSessionLost(): boolean {
  return sessionLost;
}

/** Asks /auth/session, which answers a visitor with null rather than a 401 the console logs. */
async function fetchMe(): Promise<Me | null> {
  const { me } = await api.get<{ me: Me | null }>('/api/v1/auth/session');
  setCsrfToken(me?.csrfToken ?? null);
  return me;
}

/** The signed-in account, or null for a visitor. */
export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: fetchMe, staleTime: Number.POSITIVE_INFINITY });
}

/** Pages of the app and the ability each needs (null: any signed-in account). */
const PAGES: { path: string; ability: Ability | null }[] = [
  // The publisher's desk is its landing page; more specific paths come before their parents.
  { path: '/app/rankings/workbench', ability: 'rankings.publish' },
  { path: '/app/orgs', ability: 'orgs.read' },
  { path: '/app/audit', ability: 'audit.read' },
  { path: '/app/accounts', ability: 'accounts.manage' },
  { path: '/app/tiers/stats', ability: 'tiers.stats' },
  { path: '/app/indicators/transfer', ability: 'indicators.import' },
  { path: '/app/cockpit', ability: 'cockpit.leaders' },
  { path: '/app/rankings', ability: 'rankings.read' },
  { path: '/app/market', ability: 'market.read' },
  { path: '/app/registrations', ability: 'registrations.review' },
  { path: '/app/colleagues', ability: 'accounts.colleagues' },
  { path: '/app/password', ability: null },
  { path: '/app/mfa', ability: null },
  { path: '/app/negotiations', ability: 'deals.negotiate' },
];

/** The first page this account may open after signing in. */
export function firstPath(
  me: Pick<Me, 'abilities'> & Partial<Pick<Me, 'passwordExpired'>>,
): string {
  if (me.passwordExpired) return '/app/password';
  // Whoever gets work from others lands on what waits for them (issue 10 item 12).
  if (hasWorkbench(me)) return '/app/workbench';
  const page = PAGES.find((p) => p.ability && can(me, p.ability));
  return page ? page.path : '/app/welcome';
}

/** Whether a remembered path (e.g. before a session expired) is open to this account. */
export function pathAllowed(path: string, me: Pick<Me, 'abilities'>): boolean {
  if (!path.startsWith('/app/')) return false;
  const page = PAGES.find((p) => path === p.path || path.startsWith(`${p.path}/`));
  if (!page) return path === '/app/welcome' || path === '/app/workbench';
  return page.ability === null || can(me, page.ability);
}
