import {
  type Achievement,
  type Demand,
  type EnterpriseMatchList,
  MATCH_LIMIT,
  type Match,
  type MatchList,
  rankMatches,
  scoreMatch,
} from '@corridor/contracts';
import type { Ctx } from '../../core/context';
import { AppError } from '../../core/errors';
import { getDemand } from '../market/market.demand.service';
import { type SearchEnv, searchMarket } from '../market/market.search';
import { getAchievement } from '../market/market.service';
import { queryTokens } from '../market/search.text';

/**
 * Matches: candidates from the market's full-text index, then the pure score (contracts).
 *
 * Bounded work: the search is AND-ed, so each of a few informative terms is searched alone
 * (one term at a time finds records that share any of them), CANDIDATES_PER_TERM hits each,
 * and only that union is read and scored.
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
 * The terms to search with: longer words first. Without document frequencies at hand, length
 * is the cheap proxy of rarity (锂电池 says more than 技术); one-character words and numbers
 * are left out.
 */
export function probeTerms(tokens: readonly string[]): string[] {
  return tokens
    .filter((t) => t.length >= 2 && !/^\d+$/.test(t))
    .map((t, i) => ({ t, i }))
    .sort((x, y) => y.t.length - x.t.length || x.i - y.i)
    .slice(0, PROBE_TERMS)
    .map((x) => x.t);
}

async function candidateIds(
  ctx: Ctx,
  env: SearchEnv,
  kind: 'achievement' | 'demand',
  terms: string[],
): Promise<number[]> {
  const ids: number[] = [];
  for (const q of terms) {
    const r = await searchMarket(
      ctx,
      kind,
      { q, page: 1, pageSize: CANDIDATES_PER_TERM, sort: 'relevance' },
      env,
    );
    for (const hit of r.items) if (!ids.includes(hit.id)) ids.push(hit.id);
  }
  return ids;
}

/** A record that vanished or became invisible between the search and the read is skipped. */
async function orSkip<T>(load: Promise<T>): Promise<T | null> {
  try {
    return await load;
  } catch (error) {
    if (error instanceof AppError && error.code.endsWith('_not_found')) return null;
    throw error;
  }
}

function scored(d: Demand, dTokens: string[], a: Achievement, aTokens: string[]) {
  return scoreMatch({
    demand: { ...d, tokens: dTokens },
    achievement: { ...a, tokens: aTokens },
  });
}

/** Ranked achievements that could solve a demand. */
export async function matchesForDemand(ctx: Ctx, env: SearchEnv, id: number): Promise<MatchList> {
  const d = await getDemand(ctx, id);
  const dTokens = demandTokens(d);
  const items: Match[] = [];
  for (const aid of await candidateIds(ctx, env, 'achievement', probeTerms(dTokens))) {
    const a = await orSkip(getAchievement(ctx, aid));
    if (!a) continue;
    const { score, reasons } = scored(d, dTokens, a, achievementTokens(a));
    const { title, org, regionCode, field } = a;
    items.push({ id: a.id, title, org, regionCode, field, score, reasons });
  }
  return { items: rankMatches(items, MATCH_LIMIT) };
}

/** Ranked published demands an achievement could solve. */
export async function matchesForAchievement(
  ctx: Ctx,
  env: SearchEnv,
  id: number,
): Promise<{ items: (Match & { demand: Demand })[] }> {
  const a = await getAchievement(ctx, id);
  const aTokens = achievementTokens(a);
  const items: (Match & { demand: Demand })[] = [];
  for (const did of await candidateIds(ctx, env, 'demand', probeTerms(aTokens))) {
    const d = await orSkip(getDemand(ctx, did));
    if (d?.status !== 'published') continue;
    const { score, reasons } = scored(d, demandTokens(d), a, aTokens);
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
