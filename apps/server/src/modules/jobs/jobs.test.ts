import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countAudit,
  createTestApp,
  makeOrg,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/helpers';
import { openDeps } from '../../core/bootstrap';
import { loadConfig } from '../../core/config';
import type { Deps } from '../../core/context';
import type { JobDefinition } from '../../core/jobs/job';
import { runDue } from '../../core/jobs/runner';
import { demandInput } from '../market/market.fixtures';

let t: TestApp;
/** A second server process's dependencies on the same database (its own connections). */
let second: { deps: Deps; handle: { close(): Promise<void> } };
let admin: Session;
let cityAdmin: Session;
let owner: Session;

beforeAll(async () => {
  t = await createTestApp();
  const config = loadConfig({ ...process.env, NODE_ENV: 'test', LOG_LEVEL: 'silent', ...t.cliEnv });
  second = await openDeps(config, t.dataDir ? { sqlitePath: join(t.dataDir, 'corridor.db') } : {});
  admin = await makeUser(t, ['province_admin']);
  cityAdmin = await makeUser(t, ['city_admin']);
  const org = await makeOrg(t, { regionCode: '420100', type: 'enterprise' });
  owner = await makeUser(t, ['enterprise'], { regionCode: '420100', orgId: org.id });
});
afterAll(async () => {
  await second.handle.close();
  await t.close();
});

/** A job name unique to this run (the PostgreSQL database is shared by test runs). */
function testJobName(what: string): string {
  const letters = Math.random()
    .toString(36)
    .replace(/[^a-z]/g, '')
    .slice(0, 8);
  return `test.${what}_${letters}`;
}

async function runsOf(app: TestApp, name: string) {
  return app.deps.db.selectFrom('jobRuns').selectAll().where('jobName', '=', name).execute();
}

describe('scheduler', () => {
  it('claims a slot once when two processes run the same slot at once', async () => {
    let calls = 0;
    const job: JobDefinition = {
      name: testJobName('once'),
      descriptionKey: 'jobs.platform.purge_idempotency_keys',
      schedule: '0 * * * *',
      handler: async () => {
        calls += 1;
        await new Promise((r) => setTimeout(r, 20));
        return 1;
      },
    };
    const now = new Date('2026-12-03T10:30:00Z');
    const [a, b] = await Promise.all([runDue(t.deps, [job], now), runDue(second.deps, [job], now)]);
    expect(calls).toBe(1);
    expect(a.length + b.length).toBe(1);
    const rows = await runsOf(t, job.name);
    expect(rows).toMatchObject([
      { slot: '2026-12-03T10:00:00.000Z', status: 'succeeded', attempt: 1, summary: '1' },
    ]);
    // the same slot later in the hour is not run again; the next hour's is
    expect(await runDue(t.deps, [job], new Date('2026-12-03T10:59:00Z'))).toEqual([]);
    expect(await runDue(t.deps, [job], new Date('2026-12-03T11:00:00Z'))).toHaveLength(1);
    expect(calls).toBe(2);
    expect(await countAudit(t, { action: 'jobs.run', objectId: job.name })).toBe(2);
  });

  it('retries a failed slot after the backoff, up to three attempts', async () => {
    let calls = 0;
    const job: JobDefinition = {
      name: testJobName('flaky'),
      descriptionKey: 'jobs.platform.purge_idempotency_keys',
      schedule: '0 * * * *',
      handler: async () => {
        calls += 1;
        if (calls < 3) throw new Error(`boom ${calls}`);
        return 3;
      },
    };
    const start = new Date('2026-12-03T10:00:30Z');
    const at = (ms: number) => new Date(start.getTime() + ms);
    const [first] = await runDue(t.deps, [job], start);
    expect(first).toMatchObject({ status: 'failed', error: 'boom 1' });
    // not before the 1-minute backoff
    expect(await runDue(t.deps, [job], at(30_000))).toEqual([]);
    const [second] = await runDue(t.deps, [job], at(61_000));
    expect(second).toMatchObject({ status: 'failed', error: 'boom 2' });
    expect(await runDue(t.deps, [job], at(61_000 + 4 * 60_000))).toEqual([]);
    const [third] = await runDue(t.deps, [job], at(61_000 + 5 * 60_000 + 1_000));
    expect(third).toMatchObject({ status: 'succeeded', summary: '3' });
    const rows = await runsOf(t, job.name);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ attempt: 3, status: 'succeeded', retryAt: null });
    expect(await countAudit(t, { action: 'jobs.run', objectId: job.name })).toBe(3);
  });

  it('retakes a running claim whose lease expired', async () => {
    const job: JobDefinition = {
      name: testJobName('stale'),
      descriptionKey: 'jobs.platform.purge_idempotency_keys',
      schedule: '0 * * * *',
      handler: async () => 7,
    };
    const now = new Date('2026-12-03T10:05:00Z');
    await t.deps.db
      .insertInto('jobRuns')
      .values({
        jobName: job.name,
        slot: '2026-12-03T10:00:00.000Z',
        status: 'running',
        attempt: 1,
        trigger: 'schedule',
        startedAt: '2026-12-03T09:50:00.000Z',
        leaseUntil: '2026-12-03T10:00:00.000Z',
        finishedAt: null,
        retryAt: null,
        summary: null,
        error: null,
      })
      .execute();
    const results = await runDue(t.deps, [job], now);
    expect(results).toMatchObject([{ status: 'succeeded', summary: '7' }]);
    expect(await runsOf(t, job.name)).toHaveLength(1);
  });
});

describe('jobs API', () => {
  it('lists the registered jobs with descriptions and next run; others are refused', async () => {
    const res = await as(t, admin, { method: 'GET', url: '/api/v1/jobs' });
    expect(res.statusCode, res.body).toBe(200);
    const names = res.json().items.map((j: { name: string }) => j.name);
    expect(names).toEqual([
      'platform.purge_idempotency_keys',
      'platform.audit_checkpoint',
      'market.close_expired_demands',
      'notifications.send_emails',
    ]);
    const market = res.json().items[2];
    expect(market.description.zh).toContain('技术需求');
    expect(market.description.en).toContain('demands');
    expect(new Date(market.nextRunAt).getTime()).toBeGreaterThan(Date.now());
    for (const who of [cityAdmin, owner]) {
      expect((await as(t, who, { method: 'GET', url: '/api/v1/jobs' })).statusCode).toBe(403);
      const run = await as(t, who, {
        method: 'POST',
        url: '/api/v1/jobs/platform.purge_idempotency_keys/run',
      });
      expect(run.statusCode).toBe(403);
    }
  });

  it('the e-mail outbox is drained by a job; without SMTP_URL it sends nothing', async () => {
    const res = await as(t, admin, {
      method: 'POST',
      url: '/api/v1/jobs/notifications.send_emails/run',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'succeeded', handled: 0 });
  });

  it('unknown or malformed job names: 404 / 400', async () => {
    const unknown = await as(t, admin, { method: 'GET', url: '/api/v1/jobs/market.nothing/runs' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().code).toBe('jobs.not_found');
    for (const bad of ['Market.X', 'market', 'market..x', '1.a']) {
      const res = await as(t, admin, { method: 'POST', url: `/api/v1/jobs/${bad}/run` });
      expect(res.statusCode, bad).toBe(400);
    }
  });

  it('the purge deletes only keys older than 24 h, run now is audited as the admin', async () => {
    const old = new Date(Date.now() - 25 * 3_600_000).toISOString();
    const fresh = new Date(Date.now() - 23 * 3_600_000).toISOString();
    const actorId = admin.me.id;
    await t.deps.db
      .insertInto('idempotencyKeys')
      .values([
        { actorId, key: 'old-key', fingerprint: 'x', state: 'done', createdAt: old },
        { actorId, key: 'fresh-key', fingerprint: 'x', state: 'done', createdAt: fresh },
      ])
      .execute();
    const before = await countAudit(t, { action: 'jobs.run', actor: admin });
    const res = await as(t, admin, {
      method: 'POST',
      url: '/api/v1/jobs/platform.purge_idempotency_keys/run',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'succeeded', trigger: 'manual' });
    expect(res.json().handled).toBeGreaterThanOrEqual(1);
    const keys = await t.deps.db
      .selectFrom('idempotencyKeys')
      .select('key')
      .where('actorId', '=', actorId)
      .execute();
    expect(keys.map((k) => k.key)).toEqual(['fresh-key']);
    expect(await countAudit(t, { action: 'jobs.run', actor: admin })).toBe(before + 1);
    const runs = await as(t, admin, {
      method: 'GET',
      url: '/api/v1/jobs/platform.purge_idempotency_keys/runs',
    });
    expect(runs.json().items[0].id).toBe(res.json().id);
  });

  it('closing expired demands closes only published demands past their deadline', async () => {
    const make = async (deadline: string) => {
      const c = await as(t, owner, {
        method: 'POST',
        url: '/api/v1/market/demands',
        payload: demandInput({ deadline: '2099-01-01' }),
      });
      expect(c.statusCode, c.body).toBe(201);
      const id = c.json().id as number;
      const p = await as(t, owner, {
        method: 'POST',
        url: `/api/v1/market/demands/${id}/publish`,
        payload: { version: 1 },
      });
      expect(p.statusCode, p.body).toBe(200);
      // the deadline passes with time; the test sets it in the past directly
      await t.deps.db.updateTable('marketDemands').set({ deadline }).where('id', '=', id).execute();
      return id;
    };
    const expired = await make('2020-01-01');
    const current = await make('2099-01-01');
    const draft = await as(t, owner, {
      method: 'POST',
      url: '/api/v1/market/demands',
      payload: demandInput({ deadline: '2099-01-01' }),
    });
    const draftId = draft.json().id as number;
    await t.deps.db
      .updateTable('marketDemands')
      .set({ deadline: '2020-01-01' })
      .where('id', '=', draftId)
      .execute();
    const res = await as(t, admin, {
      method: 'POST',
      url: '/api/v1/jobs/market.close_expired_demands/run',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('succeeded');
    const status = async (id: number) =>
      (await as(t, owner, { method: 'GET', url: `/api/v1/market/demands/${id}` })).json().status;
    expect(await status(expired)).toBe('closed');
    expect(await status(current)).toBe('published');
    expect(await status(draftId)).toBe('draft');
    expect(await countAudit(t, { action: 'market.demand.close', objectId: String(expired) })).toBe(
      1,
    );
  });
});
