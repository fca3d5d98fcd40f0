import type { SearchHit, SearchQuery, SearchResult } from '@corridor/contracts';
import type { Ctx } from '../../core/context';
import type { Db } from '../../core/db/dialect';
import { AppError, fieldError } from '../../core/errors';
import {
  busy,
  checkDeadline,
  facetCounts,
  filterSpec,
  hasParts,
  highlightAll,
  type IndexKind,
  indexedTokens,
  isTimeout,
  type MatchSpec,
  matchingKeys,
  orderByPrice,
  parseQuery,
  resolveTerms,
  type SearchLimiter,
  snippet,
  splitCandidates,
  withBudget,
  yieldToEventLoop,
} from '../search';
import * as repo from './market.repo';
import { requireMarketUser } from './market.service';

/**
 * Full-text search of listed achievements and demands.
 *
 * Bounded work, whatever the query: the index is walked newest-first and at most `window`
 * matches (default 10,000) are taken. Those are the result set: `total` counts them and says
 * `capped` when more exist, facets are counted from their keys, and every sort orders them:
 *   newest      the walk order itself;
 *   relevance   title matches first, then keyword matches, then records whose title or
 *               keywords hold a part of each term (氢 for 氢能), then the rest, newest first
 *               within each tier (up to three more bounded walks, restricted to the window);
 *   price       bucket order from the keys, exact prices read only for the page's buckets.
 * Rarer queries have fewer matches than the window and are exact in every respect.
 */
export interface SearchEnv {
  limiter: SearchLimiter;
  window: number;
  /** Where searches read: on SQLite a read-only connection of their own (search.dialect.ts). */
  db: Db;
}

const TIERS = ['head', 'headKw', 'parts'] as const;

function emptyResult(q: SearchQuery, terms: string[], started: number): SearchResult {
  return {
    items: [],
    total: 0,
    capped: false,
    page: q.page,
    pageSize: q.pageSize,
    terms,
    facets: { city: [], field: [], trl: [], mode: [], band: [] },
    tookMs: Math.round((performance.now() - started) * 100) / 100,
  };
}

export async function searchMarket(
  ctx: Ctx,
  kind: IndexKind,
  q: SearchQuery,
  env: SearchEnv,
): Promise<SearchResult> {
  const started = performance.now();
  requireMarketUser(ctx);
  if (q.q !== undefined && q.q.trim() === '') throw new AppError('market.query_empty');
  if (q.trlMin !== undefined && q.trlMax !== undefined && q.trlMin > q.trlMax) {
    throw fieldError('trlMin', 'search.trl_order');
  }
  const offset = (q.page - 1) * q.pageSize;
  if (offset >= env.window) {
    throw fieldError('page', 'search.page_too_deep', { max: Math.floor(env.window / q.pageSize) });
  }
  const parsed = parseQuery(q.q);
  if (parsed.kind === 'nothing') return emptyResult(q, [], started);
  const typed = parsed.kind === 'terms' ? parsed.terms : [];
  // Demands have no TRL or transfer modes (their routes do not accept those filters).
  const { filters, bits } = filterSpec(
    kind === 'achievement' ? q : { ...q, trlMin: undefined, trlMax: undefined, mode: undefined },
    typed.length > 0,
  );
  const { dialect } = ctx.deps;

  try {
    // Fair shares per account (or address); the platform's own probes are not limited per client.
    const client = ctx.actor ? `account:${ctx.actor.id}` : ctx.ip ? `ip:${ctx.ip}` : undefined;
    return await env.limiter.run(
      (deadline) =>
        withBudget(env.db, dialect, deadline - Date.now(), async (trx) => {
          // Pinyin typed without spaces becomes the indexed words that spell it (one lookup).
          const candidates = splitCandidates(typed);
          const terms = candidates.length
            ? resolveTerms(typed, await indexedTokens(trx, dialect, kind, candidates))
            : typed;
          const spec: MatchSpec = { terms, scope: 'all', filters, bits };
          const keys = (scope: MatchSpec['scope'], limit: number, bounds = {}) =>
            matchingKeys(trx, dialect, kind, { ...spec, scope }, limit, bounds);
          // One key past the window says whether more exist. A second walk from below the
          // window's last key would cost as much as the window again: FTS5 reaches a rowid bound
          // by stepping through the doclist (a filtered very common term: +25 ms at 1,000,000).
          const walked = await keys('all', env.window + 1);
          const capped = walked.length > env.window;
          const window = capped ? walked.slice(0, env.window) : walked;
          const last = window.at(-1);
          await yieldToEventLoop();
          checkDeadline(deadline);

          let pageKeys: number[];
          const need = offset + q.pageSize;
          if (q.sort === 'price_asc' || q.sort === 'price_desc') {
            pageKeys = await orderByPrice(
              window,
              q.sort === 'price_asc' ? 'asc' : 'desc',
              offset,
              q.pageSize,
              (ks) => repo.pricesByKeys(trx, kind, ks),
            );
          } else if (q.sort === 'relevance' && terms.length > 0 && last !== undefined) {
            // Tier postings: short title-only and keyword-only lists, cheap to intersect. Each
            // tier holds the one before it; a tier is walked only while the page is not full.
            const bounds = { minKey: last, fewMatches: window.length < env.window };
            const ordered: number[] = [];
            const placed = new Set<number>();
            const place = (ks: readonly number[]) => {
              for (const k of ks) {
                if (placed.has(k)) continue;
                placed.add(k);
                ordered.push(k);
              }
            };
            // The parts tier only when a term has parts (Chinese and pinyin words; not initials).
            const withParts = terms.some(hasParts);
            for (const tier of withParts ? TIERS : TIERS.slice(0, 2)) {
              const found = await keys(tier, need, bounds);
              place(found);
              if (found.length >= need) break;
            }
            if (ordered.length < need) place(window);
            pageKeys = ordered.slice(offset, need);
          } else {
            pageKeys = window.slice(offset, need);
          }
          checkDeadline(deadline);

          const items = await hits(trx, kind, pageKeys, terms);
          return {
            items,
            total: window.length,
            capped,
            page: q.page,
            pageSize: q.pageSize,
            terms,
            facets: facetCounts(window, kind === 'achievement'),
            tookMs: Math.round((performance.now() - started) * 100) / 100,
          };
        }),
      client,
    );
  } catch (error) {
    if (isTimeout(error)) throw busy();
    throw error;
  }
}

type Exec = Parameters<typeof repo.achievementsByKeys>[0];

/** The page's records in key order, with highlighted title and snippet. */
async function hits(
  exec: Exec,
  kind: IndexKind,
  keys: number[],
  terms: string[],
): Promise<SearchHit[]> {
  if (kind === 'achievement') {
    const rows = new Map(
      (await repo.achievementsByKeys(exec, keys)).map((r) => [Number(r.searchKey), r]),
    );
    return keys.flatMap((k) => {
      const r = rows.get(k);
      if (!r) return []; // unlisted between the walk and the read
      return [
        {
          id: r.id,
          org: { id: r.orgId, name: r.orgName },
          regionCode: r.regionCode as SearchHit['regionCode'],
          title: r.title,
          field: r.field as SearchHit['field'],
          trl: r.trl,
          transferModes: JSON.parse(r.transferModes),
          priceWan: r.priceWan === null ? null : Number(r.priceWan),
          status: r.status,
          publishedAt: r.publishedAt,
          deadline: null,
          highlight: { title: highlightAll(r.title, terms), snippet: snippet(r.abstract, terms) },
        },
      ];
    });
  }
  const rows = new Map((await repo.demandsByKeys(exec, keys)).map((r) => [Number(r.searchKey), r]));
  return keys.flatMap((k) => {
    const r = rows.get(k);
    if (!r) return [];
    return [
      {
        id: r.id,
        org: { id: r.orgId, name: r.orgName },
        regionCode: r.regionCode as SearchHit['regionCode'],
        title: r.title,
        field: r.field as SearchHit['field'],
        trl: null,
        transferModes: [],
        priceWan: r.budgetWan === null ? null : Number(r.budgetWan),
        status: r.status,
        publishedAt: r.publishedAt,
        deadline: r.deadline,
        highlight: { title: highlightAll(r.title, terms), snippet: snippet(r.description, terms) },
      },
    ];
  });
}
