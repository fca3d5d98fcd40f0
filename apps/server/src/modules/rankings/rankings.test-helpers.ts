/** Fixtures of the rankings tests: a pinned input source, methods and editions via the API. */
import type { CityCode, IndustryCode, RankingInput } from '@corridor/contracts';
import { expect } from 'vitest';
import {
  as,
  makeOrg,
  makeUser,
  rowVersion,
  type Session,
  type TestApp,
} from '../../../test/helpers';
import { setRankingInputSource } from './rankings.inputs';

/** Inputs by fiscal year; each test uses its own year so tests never see each other's rows. */
const byYear = new Map<number, RankingInput[]>();
let nextYear = 2001;

setRankingInputSource({
  async read(_ctx, q) {
    return (byYear.get(q.year) ?? []).filter(
      (r) => (!q.city || r.regionCode === q.city) && (!q.industry || r.industry === q.industry),
    );
  },
});

export const INDICATORS = [
  { key: 'revenueGrowth', direction: 'higher', weight: 0.5 },
  { key: 'ipTotal', direction: 'higher', weight: 0.3 },
  { key: 'debtRatio', direction: 'lower', weight: 0.2 },
] as const;

export interface Enterprise {
  orgId: number;
  creditCode: string;
  name: string;
  regionCode: CityCode;
}

const CITIES: CityCode[] = ['420100', '420700', '420200'];
const INDUSTRY: IndustryCode[] = ['optoelectronics', 'biomedicine'];

/** n enterprises with indicators for a fresh year; returns the year and the enterprises. */
export async function makeInputs(t: TestApp, n: number) {
  const year = nextYear++;
  const enterprises: Enterprise[] = [];
  const rows: RankingInput[] = [];
  for (let i = 0; i < n; i++) {
    const regionCode = CITIES[i % CITIES.length]!;
    const industry = INDUSTRY[i % INDUSTRY.length]!;
    const org = await makeOrg(t, { regionCode, industry });
    enterprises.push({ orgId: org.id, creditCode: org.creditCode, name: org.name, regionCode });
    rows.push({
      orgId: org.id,
      creditCode: org.creditCode,
      name: org.name,
      regionCode,
      industry,
      values: { revenueGrowth: 0.1 * (i + 1), ipTotal: (i * 7) % 5, debtRatio: 0.3 + 0.05 * i },
      provenance: { revenueGrowth: 'derived', ipTotal: 'registry', debtRatio: 'self_reported' },
    });
  }
  byYear.set(year, rows);
  return { year, enterprises };
}

/** Replaces the source rows of a year (e.g. the next year's figures). */
export function setInputs(year: number, rows: RankingInput[]) {
  byYear.set(year, rows);
}
export function inputsOf(year: number) {
  return byYear.get(year) ?? [];
}

let codeCounter = 0;
export async function publishedMethod(t: TestApp, publisher: Session, normalisation = 'minmax') {
  codeCounter += 1;
  const code = `test-${process.pid}-${Date.now() % 1e8}-${codeCounter}`;
  const created = await as(t, publisher, {
    method: 'POST',
    url: '/api/v1/rankings/methods',
    payload: { code, name: '高成长企业评价方法', normalisation, indicators: INDICATORS },
  });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as number;
  const published = await as(t, publisher, {
    method: 'POST',
    url: `/api/v1/rankings/methods/${id}/publish`,
    payload: { revision: created.json().revision },
  });
  expect(published.statusCode, published.body).toBe(200);
  return published.json() as { id: number; code: string; version: number; revision: number };
}

export async function draftEdition(
  t: TestApp,
  publisher: Session,
  methodId: number,
  year: number,
  extra: Record<string, unknown> = {},
) {
  const res = await as(t, publisher, {
    method: 'POST',
    url: '/api/v1/rankings/editions',
    payload: { methodId, title: `${year} 光谷科创大走廊高成长企业榜`, year, ...extra },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: number; status: string; entryCount: number };
}

export function inDays(days: number) {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

/** A stage step on an edition, with its current version unless the body names one. */
export async function step(t: TestApp, s: Session, id: number, action: string, body: object = {}) {
  const version = await rowVersion(t, 'rankingEditions', id);
  return as(t, s, {
    method: 'POST',
    url: `/api/v1/rankings/editions/${id}/${action}`,
    payload: { version, ...body },
  });
}

/** A publisher's decision on a correction, with its current version unless the body names one. */
export async function decide(t: TestApp, s: Session, id: number, body: object) {
  const version = await rowVersion(t, 'rankingCorrections', id);
  return as(t, s, {
    method: 'POST',
    url: `/api/v1/rankings/corrections/${id}/decide`,
    payload: { version, ...body },
  });
}

/** A planned end `days` ahead, or later if the app's minimum correction window needs it. */
export function windowEnd(t: TestApp, days = 7) {
  return inDays(Math.max(days, t.deps.config.rankings.minCorrectionDays));
}

/**
 * Moves the opening of an edition's window `days` (and a minute) back in time, as if it had
 * been open that long: how a test sees a window that has run its minimum without waiting.
 */
export async function backdateWindow(t: TestApp, id: number, days: number) {
  const row = await t.deps.db
    .selectFrom('rankingEditions')
    .select('windowOpenedAt')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const opened = Date.parse(row.windowOpenedAt!) - days * 86_400_000 - 60_000;
  await t.deps.db
    .updateTable('rankingEditions')
    .set({ windowOpenedAt: new Date(opened).toISOString() })
    .where('id', '=', id)
    .execute();
  return new Date(opened).toISOString();
}

/**
 * Draft → window → closed → published, for tests that need a published edition: the window is
 * backdated by the app's minimum, so this works whatever the minimum is configured to.
 */
export async function publishedEdition(t: TestApp, publisher: Session, n = 6) {
  const { year, enterprises } = await makeInputs(t, n);
  const method = await publishedMethod(t, publisher);
  const edition = await draftEdition(t, publisher, method.id, year);
  const opened = await step(t, publisher, edition.id, 'open-window', { closesOn: windowEnd(t) });
  expect(opened.statusCode, opened.body).toBe(200);
  await backdateWindow(t, edition.id, t.deps.config.rankings.minCorrectionDays);
  const closed = await step(t, publisher, edition.id, 'close-window');
  expect(closed.statusCode, closed.body).toBe(200);
  const res = await step(t, publisher, edition.id, 'publish');
  expect(res.statusCode, res.body).toBe(200);
  return { year, enterprises, method, edition: res.json() };
}

export async function enterpriseUser(t: TestApp, orgId: number) {
  return makeUser(t, ['enterprise'], { orgId, regionCode: '420100' });
}
