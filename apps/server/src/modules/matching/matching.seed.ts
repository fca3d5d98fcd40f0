/**
 * Demo introductions: each demo broker takes published demands and introduces the achievement
 * the matching ranks first for each (preferring its own city's), through the same services as
 * the API. Made when the brokers' accounts are first created; they stay pending for the owners.
 */
import { type Deps, seedCtxAs } from '../../core/context';
import { listDemandsForSeed } from '../market/market.demand.service';
import { getAchievement } from '../market/market.service';
import { openSearchReader, SearchLimiter } from '../search';
import { introduce } from './matching.intro.service';
import { matchesForDemand } from './matching.service';

const PER_BROKER = 2;

export async function seedDemoIntroductions(
  deps: Deps,
  brokers: Parameters<typeof seedCtxAs>[1][],
): Promise<number> {
  if (brokers.length === 0) return 0;
  const config = deps.config.marketSearch;
  const reader = await openSearchReader(deps.db, deps.dialect);
  const env = { limiter: new SearchLimiter(config), window: config.window, db: reader.db };
  try {
    const demands = await listDemandsForSeed(seedCtxAs(deps, brokers[0]!), 40);
    let next = 0;
    let made = 0;
    for (const broker of brokers) {
      const ctx = seedCtxAs(deps, broker);
      let done = 0;
      while (done < PER_BROKER && next < demands.length) {
        const d = demands[next++]!;
        // Matches include transacted achievements (reference deals); only open ones are introduced.
        // (They never include the demanding organisation's own achievements.)
        const open = [];
        for (const m of (await matchesForDemand(ctx, env, d.id)).items)
          if ((await getAchievement(ctx, m.id)).status === 'published') open.push(m);
        const pick = open.find((m) => m.regionCode === broker.regionCode) ?? open[0];
        if (!pick) continue;
        await introduce(ctx, {
          achievementId: pick.id,
          demandId: d.id,
          note: `该成果与${d.org.name}的需求匹配度高，建议双方就实施条件和报价面谈。`,
        });
        done++;
        made++;
      }
    }
    return made;
  } finally {
    await reader.close();
  }
}
