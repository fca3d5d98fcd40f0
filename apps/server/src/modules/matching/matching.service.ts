import {
  type Achievement,
  type Demand,
  type EnterpriseMatchList,
  informative,
  MATCH_LIMIT,
  type Match,
  type MatchList,
  matchOf,
  rankMatches,
} from '@corridor/contracts';
import type { Ctx } from '../../core/context';
import { getDemand } from '../market/market.demand.service';
import type { SearchEnv } from '../market/market.search';
import { getAchievement } from '../market/market.service';
import { relevantAchievements, relevantDemands } from '../market/search.candidates';
import { queryTokens } from '../search';

/**
 * Matches: candidates from the market's full-text index, then the pure score (contracts).
 *
 * Bounded work: the search is AND-ed, so each of a few informative terms is searched alone
 * (one term at a time finds records that share any of them), CANDIDATES_PER_TERM hits each,
 * and only that union is read (in one query) and scored. The market's candidate search walks
 * no 10,000-match window per term as a full search would (search.candidates.ts): a demand of
 * very common words cost ~50–70 ms at 1,000,000 achievements that way.
 */
export const PROBE_TERMS = 4;
export const CANDIDATES_PER_TERM = 20;

export function achievementTokens(a: Achievement): string[] {
  return queryTokens(`${a.title} ${a.keywords.join(' ')} ${a.abstract}`);
}
export function demandTokens(d: Demand): string[] {
  return queryTokens(`${d.title} ${d.description}`);
}

/**
 * The terms to search with: informative words (contracts `informative`: no single characters,
 * numbers or generic request words), longer first. Without document frequencies at hand, length
 * is the cheap proxy of rarity (锂电池 says more than 检测).
 */
export function probeTerms(tokens: readonly string[]): string[] {
  return tokens
    .filter(informative)
    .map((t, i) => ({ t, i }))
    .sort((x, y) => y.t.length - x.t.length || x.i - y.i)
    .slice(0, PROBE_TERMS)
    .map((x) => x.t);
}

/** The pair's score and reasons; null when it shares no informative term (not listed). */
function scored(d: Demand, dTokens: string[], a: Achievement, aTokens: string[]) {
  return matchOf({
    demand: { ...d, tokens: dTokens },
    achievement: { ...a, tokens: aTokens },
  });
}

/**
 * Ranked achievements that could solve a demand. The demanding organisation's own achievements
 * are left out: it knows them, and a broker has nobody to introduce (nor the other way round).
 */
export async function matchesForDemand(ctx: Ctx, env: SearchEnv, id: number): Promise<MatchList> {
  const d = await getDemand(ctx, id);
  const dTokens = demandTokens(d);
  const items: Match[] = [];
  const found = await relevantAchievements(ctx, env, probeTerms(dTokens), CANDIDATES_PER_TERM);
  for (const a of found) {
    if (a.org.id === d.org.id) continue;
    const match = scored(d, dTokens, a, achievementTokens(a));
    if (!match) continue;
    const { score, reasons } = match;
    const { title, org, regionCode, field } = a;
    items.push({ id: a.id, title, org, regionCode, field, score, reasons });
  }
  return { items: rankMatches(items, MATCH_LIMIT) };
}

/** Ranked published demands of other organisations that an achievement could solve. */
export async function matchesForAchievement(
  ctx: Ctx,
  env: SearchEnv,
  id: number,
): Promise<{ items: (Match & { demand: Demand })[] }> {
  const a = await getAchievement(ctx, id);
  const aTokens = achievementTokens(a);
  const items: (Match & { demand: Demand })[] = [];
  for (const d of await relevantDemands(ctx, env, probeTerms(aTokens), CANDIDATES_PER_TERM)) {
    if (d.status !== 'published' || d.org.id === a.org.id) continue;
    const match = scored(d, demandTokens(d), a, aTokens);
    if (!match) continue;
    const { score, reasons } = match;
    const { title, org, regionCode, field } = d;
    items.push({ id: d.id, title, org, regionCode, field, score, reasons, demand: d });
  }
  return { items: rankMatches(items, MATCH_LIMIT) };
}

export async function demandsForAchievement(
  ctx: Ctx,
  env: SearchEnv,
  id: number,
): Promise<MatchList> {
  const { items } = await matchesForAchievement(ctx, env, id);
  return { items: items.map(({ demand: _d, ...m }) => m) };
}

/**
 * Enterprises that could use an achievement: the organisations behind its matching published
 * demands, each with its best demand. Kept to stated needs on purpose: an enterprise that has
 * said what it looks for is a lead a broker can act on; guessing from industry alone is not.
 */
export async function enterprisesForAchievement(
  ctx: Ctx,
  env: SearchEnv,
  id: number,
): Promise<EnterpriseMatchList> {
  const { items } = await matchesForAchievement(ctx, env, id);
  const seen = new Set<number>();
  const out: EnterpriseMatchList['items'] = [];
  for (const m of items) {
    if (seen.has(m.org.id)) continue; // items are best first: the first is the best
    seen.add(m.org.id);
    out.push({
      org: m.org,
      regionCode: m.regionCode,
      industry: m.demand.industry,
      demandId: m.id,
      demandTitle: m.title,
      score: m.score,
      reasons: m.reasons,
    });
  }
  return { items: out };
}
