import type { Achievement, Demand } from '@corridor/contracts';
import type { Ctx } from '../../core/context';
import {
  busy,
  checkDeadline,
  type IndexKind,
  isTimeout,
  matchingKeys,
  type Scope,
  withBudget,
  yieldToEventLoop,
} from '../search';
import { canSee, canSeeDemand } from './market.policy';
import { presentAchievement, presentDemand } from './market.present';
import * as repo from './market.repo';
import type { SearchEnv } from './market.search';
import { requireMarketUser } from './market.service';

/**
 * Candidates for the matching module (which calls these, never the repo): for each term alone,
 * the records a relevance search for that term lists first (title matches, then keyword
 * matches, then the rest; newest first within each tier), read and presented in one query.
 *
 * Bounded, and cheaper than one search per term: a search walks a window of up to 10,000
 * matches to count them and their facets (~10 ms per very common term at 1,000,000 records;
 * matching probes four terms). Candidates need neither, so their window is CANDIDATE_WINDOW
 * matches and the tiers are looked for inside it, as a search does. (Walking each tier over the
 * whole index instead is cheap in FTS5 but not in PostgreSQL: with a rare title term it may
 * choose to walk the table backwards and read every row.) The whole set takes one slot of the
 * caller's limiter and runs under its time budget (503 + Retry-After past it, like a search).
 */
export const CANDIDATE_WINDOW = 1_000;

export async function relevantAchievements(
  ctx: Ctx,
  env: SearchEnv,
  terms: readonly string[],
  perTerm: number,
): Promise<Achievement[]> {
  const actor = requireMarketUser(ctx);
  return candidates(ctx, env, 'achievement', terms, perTerm, async (exec, keys) => {
    const rows = await repo.achievementsByKeys(exec, keys);
    return inKeyOrder(keys, rows)
      .filter((r) => canSee(actor, r))
      .map((r) => presentAchievement(actor, r));
  });
}

/** The same for published demands (the only ones the demand index holds). */
export async function relevantDemands(
  ctx: Ctx,
  env: SearchEnv,
  terms: readonly string[],
  perTerm: number,
): Promise<Demand[]> {
  const actor = requireMarketUser(ctx);
  return candidates(ctx, env, 'demand', terms, perTerm, async (exec, keys) => {
    const rows = await repo.demandsByKeys(exec, keys);
    return inKeyOrder(keys, rows)
      .filter((r) => canSeeDemand(actor, r))
      .map((r) => presentDemand(actor, r));
  });
}

type Exec = Parameters<typeof repo.achievementsByKeys>[0];

/** Rows in the order of `keys`; a record unlisted between the walk and the read is dropped. */
function inKeyOrder<R extends { searchKey: number | null }>(keys: number[], rows: R[]): R[] {
  const byKey = new Map(rows.map((r) => [Number(r.searchKey), r]));
  return keys.flatMap((k) => byKey.get(k) ?? []);
}

async function candidates<T>(
  ctx: Ctx,
  env: SearchEnv,
  kind: IndexKind,
  terms: readonly string[],
  perTerm: number,
  read: (exec: Exec, keys: number[]) => Promise<T[]>,
): Promise<T[]> {
  if (terms.length === 0 || perTerm < 1) return [];
  const { dialect } = ctx.deps;
  try {
    return await env.limiter.run((deadline) =>
      withBudget(env.db, dialect, deadline - Date.now(), async (exec) => {
        const keys: number[] = [];
        const seen = new Set<number>();
        for (const term of terms) {
          const walk = (scope: Scope, limit: number, bounds = {}) =>
            matchingKeys(exec, dialect, kind, { terms: [term], scope, filters: [] }, limit, bounds);
          // As a search ranks, within a smaller window: its newest matches, then the tiers.
          const window = await walk('all', CANDIDATE_WINDOW);
          const last = window.at(-1);
          if (last === undefined) continue;
          const bounds = { minKey: last, fewMatches: window.length < CANDIDATE_WINDOW };
          const ranked = new Set(await walk('head', perTerm, bounds));
          if (ranked.size < perTerm)
            for (const k of await walk('headKw', perTerm, bounds)) ranked.add(k);
          for (const k of window) {
            if (ranked.size >= perTerm) break;
            ranked.add(k);
          }
          for (const k of [...ranked].slice(0, perTerm)) {
            if (!seen.has(k)) {
              seen.add(k);
              keys.push(k);
            }
          }
          checkDeadline(deadline);
          await yieldToEventLoop();
        }
        return read(exec, keys);
      }),
    );
  } catch (error) {
    if (isTimeout(error)) throw busy();
    throw error;
  }
}
