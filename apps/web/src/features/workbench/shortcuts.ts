import { type Ability, can, type Me } from '@corridor/contracts';
import type { MessageKey } from '../../i18n';

const SHORTCUTS: { path: string; ability: Ability; label: MessageKey }[] = [
  { path: '/app/deals', ability: 'deals.read', label: 'menu.deals' },
  { path: '/app/negotiations', ability: 'deals.negotiate', label: 'menu.negotiations' },
  { path: '/app/market', ability: 'market.read', label: 'menu.market' },
  { path: '/app/market/work', ability: 'market.own', label: 'menu.marketWork' },
  { path: '/app/market/work', ability: 'market.curate', label: 'menu.marketReview' },
  { path: '/app/orgs', ability: 'orgs.read', label: 'menu.orgsDirectory' },
  { path: '/app/cockpit', ability: 'cockpit.leaders', label: 'menu.cockpit' },
  { path: '/app/registrations', ability: 'registrations.review', label: 'menu.registrations' },
  { path: '/app/colleagues', ability: 'accounts.colleagues', label: 'menu.colleagues' },
  { path: '/app/parks', ability: 'parks.read', label: 'menu.parks' },
  { path: '/app/rankings', ability: 'rankings.read', label: 'menu.rankings' },
];

/** The pages this account may open, once each (a curator's review replaces "my listings"). */
export function useShortcuts(me: Me | null | undefined) {
  const seen = new Set<string>();
  return SHORTCUTS.filter((s) => {
    if (!can(me, s.ability) || seen.has(s.path)) return false;
    seen.add(s.path);
    return true;
  });
}
