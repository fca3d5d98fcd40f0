import type { BrokerTally, CityBrokerList, CityCode } from '@corridor/contracts';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { publicAccountsWithRole } from '../accounts/accounts.service';
import { canUseMarket } from '../market/market.policy';
import * as repo from './matching.brokers.repo';

/**
 * A city's brokers are the market's public face inside the platform: whoever uses the market
 * may see who brokers in a city and how their introductions fared (aggregates only).
 * A city has tens of brokers, not thousands; the cap only bounds a runaway query.
 */
export const CITY_BROKERS_CAP = 1000;

export async function listCityBrokers(ctx: Ctx, city: CityCode): Promise<CityBrokerList> {
  if (!ctx.actor) throw new AppError('auth.required');
  if (!canUseMarket(ctx.actor)) throw new AppError('permission.denied');
  const brokers = await publicAccountsWithRole(ctx, {
    role: 'broker',
    regionCode: city,
    limit: CITY_BROKERS_CAP,
  });
  const counts = await repo.introductionCountsByBroker(
    ctx.deps.db,
    brokers.map((b) => b.id),
  );
  const tallies = new Map<number, BrokerTally>();
  for (const b of brokers) tallies.set(b.id, { made: 0, accepted: 0, declined: 0, pending: 0 });
  for (const c of counts) {
    const t = tallies.get(c.brokerId);
    if (!t) continue;
    t.made += c.n;
    if (c.status === 'accepted' || c.status === 'declined' || c.status === 'pending')
      t[c.status] += c.n;
  }
  const items = brokers.map((b) => ({
    id: b.id,
    displayName: b.displayName,
    introductions: tallies.get(b.id)!,
  }));
  // Most introductions first; among equals the newest account first (ids are increasing).
  items.sort((a, b) => b.introductions.made - a.introductions.made || b.id - a.id);
  return { city, items };
}
