import { DEAL_STATUSES, OFFICIAL_KPI_CODES, type PublicCockpit } from '@corridor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/helpers';
import { DEMO_PASSWORD } from '../accounts/accounts.demo';
import { type SeedResult, seedDemoData } from './seed.service';
import { DEMO_SEEDERS } from './seeders';

/**
 * The whole demo, loaded through every module's seeder into an empty database of its own (on
 * PostgreSQL too), then loaded again: the second run must add nothing.
 */
let t: TestApp;
let first: SeedResult;
const SCALE = 400;

/** Rows per table that the demo fills, so a second run can be compared with the first. */
async function counts() {
  const tables = [
    'orgs',
    'accounts',
    'indicatorYears',
    'cockpitFlowStats',
    'cockpitOfficialKpis',
    'marketAchievements',
    'marketDemands',
    'deals',
    'rankingEditions',
    'negotiations',
    'matchingIntroductions',
    'registrations',
    'parks',
    'parkPhases',
    'parkFigures',
    'parkPayments',
    'auditEvents',
  ] as const;
  const out: Record<string, number> = {};
  for (const table of tables) {
    const row = await t.deps.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

beforeAll(async () => {
  t = await createTestApp({}, { ownDatabase: true });
  first = await seedDemoData(t.deps, SCALE);
}, 240_000);
afterAll(() => t?.close());

describe('demo data, one seeder per module', () => {
  it('names each seeder once, organisations and accounts first', () => {
    const names = DEMO_SEEDERS.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
    expect(names.slice(0, 2)).toEqual(['orgs', 'accounts']);
  });

  it('loads every module and lists every demo account with its label', async () => {
    expect(first.orgs).toBe(SCALE);
    expect(first.password).toBe(DEMO_PASSWORD);
    const listed = first.accounts.map((a) => a.username);
    expect(listed).toEqual(
      expect.arrayContaining([
        'province.admin',
        'wuhan.admin',
        'enterprise',
        'ezhou.enterprise',
        'broker',
        'publisher',
      ]),
    );
    for (const a of first.accounts) expect(a.label).toMatch(/ · /);
    const n = await counts();
    for (const [table, rows] of Object.entries(n)) expect(rows, table).toBeGreaterThan(0);
    // Every state of the contract workflow is there to be seen (and acted on by a demo account).
    const statuses = await t.deps.db.selectFrom('deals').select('status').distinct().execute();
    expect(statuses.map((r) => r.status).sort()).toEqual([...DEAL_STATUSES].sort());
  });

  it('gives every KPI card of the public cockpit a figure: official entries with source and date', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/cockpit/public' });
    expect(res.statusCode, res.body).toBe(200);
    const view: PublicCockpit = res.json();
    for (const k of view.kpis) {
      const shown = k.official !== null || k.platform?.comparable === true;
      expect(shown, `${k.code} would show —`).toBe(true);
    }
    const entries = await t.deps.db.selectFrom('cockpitOfficialKpis').selectAll().execute();
    for (const code of OFFICIAL_KPI_CODES.filter((c) => c !== 'tech_contract_turnover')) {
      const official = view.kpis.find((k) => k.code === code)!.official!;
      expect(official.source, code).toMatch(/[\u4e00-\u9fff]/);
      expect(official.asOf, code).toMatch(/^\d{4}-12-31$/);
      expect(entries.filter((e) => e.code === code).length, code).toBe(2); // two years
    }
    // The demo holds a corrected entry too (the workflow's other state).
    expect(entries.some((e) => e.version === 2)).toBe(true);
    // Certified tier counts are public; recorded certificates make them non-zero.
    expect(view.tiers.status).toBe('certified_only');
    expect(view.tiers.rows.reduce((a, r) => a + r.certified, 0)).toBeGreaterThan(0);
  });

  it('a second run adds nothing and lists the same accounts', async () => {
    const before = await counts();
    const again = await seedDemoData(t.deps, SCALE);
    expect(again.orgs).toBe(0);
    expect(again.accounts).toEqual(first.accounts);
    const after = await counts();
    // The audit chain is the one table allowed to grow (a bulk load may log its run).
    expect({ ...after, auditEvents: 0 }).toEqual({ ...before, auditEvents: 0 });
  }, 120_000);
});
