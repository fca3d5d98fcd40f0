import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestApp,
  makeOrg,
  makeUser,
  orgInput,
  type Session,
  type TestApp,
} from '../../../test/helpers';

const run = promisify(execFile);
const repoRoot = resolve(__dirname, '../../../../..');

let t: TestApp;
let auditor: Session;
let official: Session;

beforeAll(async () => {
  t = await createTestApp();
  auditor = await makeUser(t, ['auditor']);
  official = await makeUser(t, ['province_admin']);
});
afterAll(() => t.close());

/** Runs `npm run corridor -- audit verify` against this test's database, as an operator would. */
async function cliVerify() {
  const env = {
    ...process.env,
    LOG_LEVEL: 'silent',
    ...t.cliEnv,
  };
  try {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'apps/server/src/cli.ts', 'audit', 'verify'],
      { cwd: repoRoot, env },
    );
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

/** Changes a stored event the way an intruder with database access would (triggers bypassed). */
async function tamper(id: number, detail: string) {
  const db = t.deps.db;
  if (t.deps.dialect.name === 'postgres') {
    await sql`alter table audit_events disable trigger audit_events_no_change`.execute(db);
    await sql`update audit_events set detail = ${detail} where id = ${id}`.execute(db);
    await sql`alter table audit_events enable trigger audit_events_no_change`.execute(db);
  } else {
    await sql`drop trigger audit_events_no_update`.execute(db);
    await sql`update audit_events set detail = ${detail} where id = ${id}`.execute(db);
    await sql`create trigger audit_events_no_update before update on audit_events
      begin select raise(abort, 'audit_events is append-only'); end`.execute(db);
  }
}

describe('audit log', () => {
  it('records who did what, and the auditor can browse and filter it', async () => {
    const res = await as(t, official, { method: 'POST', url: '/api/v1/orgs', payload: orgInput() });
    expect(res.statusCode).toBe(201);
    const page = await as(t, auditor, {
      method: 'GET',
      url: `/api/v1/audit/events?action=org.create&actorId=${official.me.id}`,
    });
    expect(page.statusCode).toBe(200);
    const [event] = page.json().items;
    expect(event).toMatchObject({
      action: 'org.create',
      actorId: official.me.id,
      actorRoles: 'province_admin',
      objectType: 'org',
      objectId: String(res.json().id),
      outcome: 'success',
      regionCode: '420100',
    });
    expect(event.occurredAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(event.sourceIp).toBeTruthy();
    expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
    const today = new Date().toISOString().slice(0, 10);
    const dated = await as(t, auditor, {
      method: 'GET',
      url: `/api/v1/audit/events?from=${today}&to=${today}&outcome=success&pageSize=5`,
    });
    expect(dated.json().items.length).toBeGreaterThan(0);
  });

  it('offers no way to change or delete events, through the API or the database', async () => {
    const writes = t.app.routeInventory.filter(
      (r) => r.url.startsWith('/api/v1/audit') && r.method !== 'GET',
    );
    expect(writes).toEqual([]);
    await expect(
      sql`update audit_events set outcome = 'success' where id = 1`.execute(t.deps.db),
    ).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_events where id = 1`.execute(t.deps.db)).rejects.toThrow(
      /append-only/,
    );
  });

  it('verifies the whole chain, and names the first altered event after tampering', async () => {
    await makeOrg(t);
    const ok = await as(t, auditor, { method: 'GET', url: '/api/v1/audit/verify' });
    expect(ok.json()).toMatchObject({ ok: true, firstBadId: null });
    expect(ok.json().checked).toBeGreaterThan(0);
    const cliOk = await cliVerify();
    expect(cliOk.code).toBe(0);
    expect(cliOk.stdout).toMatch(/audit chain OK/);

    const victim = await t.deps.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('actorId', '=', official.me.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    await tamper(victim.id, victim.detail.replace('}', ',"x":1}'));
    try {
      const bad = await as(t, auditor, { method: 'GET', url: '/api/v1/audit/verify' });
      expect(bad.json()).toMatchObject({ ok: false, firstBadId: victim.id });
      const cliBad = await cliVerify();
      expect(cliBad.code).not.toBe(0);
      expect(cliBad.stdout).toContain(`BROKEN at event ${victim.id}`);
    } finally {
      await tamper(victim.id, victim.detail);
    }
    const again = await as(t, auditor, { method: 'GET', url: '/api/v1/audit/verify' });
    expect(again.json().ok).toBe(true);
  });

  it('is closed to everyone but the auditor', async () => {
    for (const role of ['province_admin', 'security_admin', 'enterprise'] as const) {
      const orgId = role === 'enterprise' ? (await makeOrg(t)).id : null;
      const s = await makeUser(t, [role], {
        orgId,
        regionCode: role === 'enterprise' ? '420100' : '420000',
      });
      expect((await as(t, s, { method: 'GET', url: '/api/v1/audit/events' })).statusCode).toBe(403);
      expect((await as(t, s, { method: 'GET', url: '/api/v1/audit/verify' })).statusCode).toBe(403);
    }
  });
});
