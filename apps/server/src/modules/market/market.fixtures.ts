/**
 * Test fixtures of the market module (used by its tests only): valid inputs, listed records
 * loaded through the bulk path, and a reference implementation of search (the oracle) that
 * computes expected results from the same tokens without any database.
 */
import {
  type AchievementInput,
  type DemandInput,
  priceBand,
  type SearchQuery,
  TECH_FIELDS,
} from '@corridor/contracts';
import type { TestApp } from '../../../test/helpers';
import { systemCtx } from '../../core/context';
import {
  achievementSource,
  buildIndexDoc,
  demandSource,
  indexColumns,
  queryTokens,
  resolveTerms,
  termParts,
} from '../search';
import { bulkInsertAchievements, bulkInsertDemands, reserveListings } from './market.bulk';
import type { DemoAchievement, DemoDemand } from './market.seed';

export function achievementInput(overrides: Partial<AchievementInput> = {}): AchievementInput {
  return {
    title: '基于机器视觉的锂电池极片缺陷检测系统',
    abstract:
      '针对锂电池极片生产过程中缺陷检测精度低、依赖人工等问题，开发了在线视觉检测系统，检测精度提升30%。',
    keywords: ['机器视觉', '锂电池'],
    field: 'advancedManufacturing',
    industry: 'equipment',
    trl: 6,
    ipItems: [{ kind: 'inventionPatent', number: 'ZL202310123456.7', title: '' }],
    inventors: ['张伟', '李娜'],
    transferModes: ['license', 'transfer'],
    priceWan: 120,
    attachments: [],
    ...overrides,
  };
}

export function demandInput(overrides: Partial<DemandInput> = {}): DemandInput {
  return {
    title: '锂电池极片缺陷在线检测技术需求',
    description:
      '我单位在锂电池极片生产中遇到缺陷漏检问题，希望通过技术合作实现在线检测，要求技术成熟度不低于6级。',
    field: 'advancedManufacturing',
    industry: 'equipment',
    budgetWan: 80,
    deadline: '2099-12-31',
    ...overrides,
  };
}

export interface ListedDoc extends DemoAchievement {
  orgName: string;
}

/** Lists achievements through the bulk path (the order given is the listing order). */
export async function listDocs(t: TestApp, docs: ListedDoc[]): Promise<void> {
  const ctx = systemCtx(t.deps);
  const first = await reserveListings(ctx, 'achievement', docs.length);
  await bulkInsertAchievements(
    ctx,
    docs.map((a, i) => ({ a, doc: buildIndexDoc(first + i, achievementSource(a)) })),
  );
}

/** Publishes demands through the bulk path (the order given is the listing order). */
export async function listDemandDocs(
  t: TestApp,
  demands: (DemoDemand & { orgName: string })[],
): Promise<void> {
  const ctx = systemCtx(t.deps);
  const first = await reserveListings(ctx, 'demand', demands.length);
  await bulkInsertDemands(
    ctx,
    demands.map((d, i) => ({
      d: { ...d, status: 'published' as const },
      doc: buildIndexDoc(first + i, demandSource(d)),
    })),
  );
}

export function listedDoc(
  org: { id: number; name: string; regionCode: string },
  overrides: Partial<DemoAchievement> = {},
): ListedDoc {
  const input = achievementInput();
  return {
    ...input,
    keywords: input.keywords ?? [],
    industry: input.industry ?? null,
    ipItems: (input.ipItems ?? []).map((i) => ({
      ...i,
      number: i.number ?? '',
      title: i.title ?? '',
    })),
    inventors: input.inventors ?? [],
    attachments: input.attachments ?? [],
    orgId: org.id,
    orgName: org.name,
    regionCode: org.regionCode,
    status: 'published',
    showcase: false,
    at: new Date().toISOString(),
    ...overrides,
  } as ListedDoc;
}

const FIELD_ZH = new Map<string, string>(TECH_FIELDS.map((f) => [f.code, f.zh]));

/**
 * The oracle: which of `docs` (in listing order) a query returns, in which order, computed in
 * memory from the same tokens the index receives. Engines must agree with it (and so with
 * each other). Keys stand for the listing order: a later listing has a larger key. Pinyin runs
 * are split against the tokens of `docs` (the index may hold more: keep such queries to words
 * these documents decide).
 */
export function oracle(docs: ListedDoc[], q: SearchQuery & { q?: string }): number[] {
  const columns = docs.map((d) => {
    const c = indexColumns(achievementSource(d));
    return {
      head: new Set(c.head),
      kw: new Set(c.kw),
      body: new Set(c.body),
      chars: new Set(c.chars),
    };
  });
  const indexed = new Set(columns.flatMap((c) => [...c.head, ...c.kw, ...c.body]));
  const terms = q.q === undefined ? [] : resolveTerms(queryTokens(q.q).slice(0, 8), indexed);
  const rows = docs.map((d, i) => {
    const { head, kw, body, chars } = columns[i]!;
    const all = (set: (t: string) => boolean) => terms.every(set);
    const inHeadKw = (t: string) => head.has(t) || kw.has(t);
    const matches =
      all((t) => inHeadKw(t) || body.has(t)) &&
      (!q.city || d.regionCode === q.city) &&
      (!q.field || d.field === q.field) &&
      (!q.band || priceBand(d.priceWan) === q.band) &&
      (!q.org || d.orgId === q.org) &&
      d.trl >= (q.trlMin ?? 1) &&
      d.trl <= (q.trlMax ?? 9) &&
      (!q.mode || d.transferModes.includes(q.mode));
    const tier = all((t) => head.has(t))
      ? 0
      : all(inHeadKw)
        ? 1
        : all((t) => {
              const parts = termParts(t);
              return (
                [t, ...parts.words].some(inHeadKw) || parts.chars.some((c) => chars.has(`_x${c}`))
              );
            })
          ? 2
          : 3;
    return { i, matches, tier, price: d.priceWan };
  });
  const hits = rows.filter((r) => r.matches);
  const newest = (a: { i: number }, b: { i: number }) => b.i - a.i;
  const priceOrder = (sign: number) => (a: (typeof hits)[0], b: (typeof hits)[0]) =>
    (a.price === null ? 1 : 0) - (b.price === null ? 1 : 0) ||
    (a.price !== null && b.price !== null ? sign * (a.price - b.price) : 0) ||
    newest(a, b);
  if (q.sort === 'price_asc') hits.sort(priceOrder(1));
  else if (q.sort === 'price_desc') hits.sort(priceOrder(-1));
  else if (q.sort === 'relevance' && terms.length)
    hits.sort((a, b) => a.tier - b.tier || newest(a, b));
  else hits.sort(newest);
  return hits.map((h) => h.i);
}
