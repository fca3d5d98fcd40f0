import { execFile } from 'node:child_process';
import { appendFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { sm2 } from 'sm-crypto-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  createTestApp,
  login,
  makeOrg,
  makeUser,
  orgInput,
  type Session,
  TEST_PASSWORD,
  type TestApp,
} from '../../../test/helpers';
import { chainHash } from '../../core/audit/audit';
import { latestCheckpoint, writeCheckpoint } from '../../core/audit/checkpoints';
import { checkIntegrity } from '../../core/bootstrap';
import { ConfigError, loadConfig } from '../../core/config';

/**
 * Tampering an intruder with write access to the database can do — rewrite an event and every
 * hash after it, cut the tail and move the head, drop a protecting trigger — caught without
 * trusting the database: by SM2-signed checkpoints kept outside it, and by the start-up check.
 * A database of its own: the triggers are dropped here.
 */
const run = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '../../../../..');
let t: TestApp;
let auditor: Session;
let official: Session;

beforeAll(async () => {
  t = await createTestApp({}, { ownDatabase: true });
  auditor = await makeUser(t, ['auditor']);
  official = await makeUser(t, ['province_admin']);
});
afterAll(() => t?.close());

async function cli(...args: string[]) {
  try {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'apps/server/src/cli.ts', ...args],
      {
        cwd: repoRoot,
        env: { ...process.env, LOG_LEVEL: 'silent', ...t.cliEnv },
      },
    );
    return { code: 0, stdout };
  } catch (error) {
    const e = error as { code: number; stdout: string };
    return { code: e.code, stdout: e.stdout };
  }
}

const verify = async () =>
  (await as(t, auditor, { method: 'GET', url: '/api/v1/audit/verify' })).json();

/** Runs `change` with the audit chain's append-only triggers out of the way. */
async function withoutTriggers(change: () => Promise<void>) {
  const db = t.deps.db;
  if (t.deps.dialect.name === 'postgres') {
    await sql`alter table audit_events disable trigger audit_events_no_change`.execute(db);
    try {
      await change();
    } finally {
      await sql`alter table audit_events enable trigger audit_events_no_change`.execute(db);
    }
    return;
  }
  const saved = await sql<{ sql: string }>`
    select sql from sqlite_master where type = 'trigger' and tbl_name = 'audit_events'`.execute(db);
  await sql`drop trigger audit_events_no_update`.execute(db);
  await sql`drop trigger audit_events_no_delete`.execute(db);
  try {
    await change();
  } finally {
    for (const r of saved.rows) await sql.raw(r.sql).execute(db);
  }
}

/** What the assessor did: change one event, recompute every later hash and the head. */
async function rewriteFrom(id: number, newDetail: string) {
  await withoutTriggers(async () => {
    const rows = await t.deps.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('id', '>=', id)
      .orderBy('id')
      .execute();
    let prev =
      (
        await t.deps.db
          .selectFrom('auditEvents')
          .select('hash')
          .where('id', '=', id - 1)
          .executeTakeFirst()
      )?.hash ?? '0'.repeat(64);
    for (const row of rows) {
      const { hash: _old, ...fields } = row;
      const next = { ...fields, prevHash: prev, detail: row.id === id ? newDetail : row.detail };
      const hash = chainHash(next);
      await t.deps.db
        .updateTable('auditEvents')
        .set({ detail: next.detail, prevHash: prev, hash })
        .where('id', '=', row.id)
        .execute();
      prev = hash;
    }
    await t.deps.db.updateTable('auditHead').set({ lastHash: prev }).where('id', '=', 1).execute();
  });
}

describe('signed audit checkpoints outside the database', () => {
  it('are signed with a key kept outside DATA_DIR (0600) and hold the chain in verify', async () => {
    await makeOrg(t);
    const c = await writeCheckpoint(t.deps);
    expect(c.count).toBeGreaterThan(0);
    expect(statSync(join(t.cliEnv.KEYS_DIR!, 'audit-checkpoint.key')).mode & 0o777).toBe(0o600);
    expect(latestCheckpoint(t.deps)).toEqual(c);
    const ok = await verify();
    expect(ok).toMatchObject({ ok: true, checkpoint: { count: c.count, at: c.at } });
    const cliOk = await cli('audit', 'verify');
    expect(cliOk.code, cliOk.stdout).toBe(0);
    expect(cliOk.stdout).toMatch(/held against the signed checkpoint/);
    const onDemand = await cli('audit', 'checkpoint');
    expect(onDemand.stdout).toMatch(/audit checkpoint signed/);
    expect(latestCheckpoint(t.deps)!.count).toBeGreaterThanOrEqual(c.count);
  });

  it('ignore a checkpoint line signed by another key (a forger cannot move the mark)', async () => {
    const real = await writeCheckpoint(t.deps);
    const other = sm2.generateKeyPairHex();
    const forged = {
      ...real,
      count: 1,
      publicKey: other.publicKey,
      signature: sm2.doSignature('x', other.privateKey),
    };
    appendFileSync(
      join(t.cliEnv.AUDIT_CHECKPOINT_DIR!, 'audit-checkpoints.jsonl'),
      `${JSON.stringify(forged)}\n{torn`,
    );
    expect(latestCheckpoint(t.deps)).toEqual(real);
  });

  it('catch a rewritten history even with every hash and the head recomputed', async () => {
    const created = await as(t, official, {
      method: 'POST',
      url: '/api/v1/orgs',
      payload: orgInput(),
    });
    expect(created.statusCode).toBe(201);
    const victim = await t.deps.db
      .selectFrom('auditEvents')
      .selectAll()
      .where('action', '=', 'org.create')
      .where('actorId', '=', official.me.id)
      .executeTakeFirstOrThrow();
    await makeOrg(t);
    await writeCheckpoint(t.deps);
    await rewriteFrom(victim.id, victim.detail.replace('}', ',"roles":"talent"}'));
    try {
      const bad = await verify();
      expect(bad.ok).toBe(false);
      expect(bad).toMatchObject({
        reasonCode: 'rewritten',
        reason: expect.stringMatching(/history rewritten/),
      });
      const cliBad = await cli('audit', 'verify');
      expect(cliBad.code).not.toBe(0);
      expect(cliBad.stdout).toMatch(/BROKEN/);
    } finally {
      await rewriteFrom(victim.id, victim.detail);
    }
    expect((await verify()).ok).toBe(true);
  });

  it('catch a tail cut off with the head moved back', async () => {
    await makeOrg(t);
    await makeOrg(t);
    const c = await writeCheckpoint(t.deps);
    await withoutTriggers(async () => {
      await t.deps.db
        .deleteFrom('auditEvents')
        .where('id', '>', c.count - 3)
        .execute();
      const last = await t.deps.db
        .selectFrom('auditEvents')
        .select(['id', 'hash'])
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      await t.deps.db
        .updateTable('auditHead')
        .set({ lastId: last.id, lastHash: last.hash })
        .where('id', '=', 1)
        .execute();
    });
    // Not put back: verify itself appends after the cut (this database is the test's own).
    const bad = await verify();
    expect(bad.ok).toBe(false);
    expect(bad).toMatchObject({ reasonCode: 'cut', reason: expect.stringMatching(/chain cut/) });
    const cliBad = await cli('audit', 'verify');
    expect(cliBad.stdout).toMatch(/chain cut/);
  });
});

describe('the start-up integrity check', () => {
  it('serves reads only while a protecting trigger is missing, and says why', async () => {
    const before = await as(t, null, { method: 'GET', url: '/api/v1/health' });
    expect(before.json()).toMatchObject({ status: 'ok', problems: [] });
    await withoutTriggers(async () => {
      expect(await checkIntegrity(t.deps)).not.toEqual([]);
      const health = await as(t, null, { method: 'GET', url: '/api/v1/health' });
      expect(health.statusCode).toBe(503);
      expect(health.json().status).toBe('degraded');
      expect(health.json().problems.join()).toMatch(/audit_events/);
      const write = await as(t, official, {
        method: 'POST',
        url: '/api/v1/orgs',
        payload: orgInput(),
      });
      expect(write.statusCode).toBe(503);
      expect(write.json().code).toBe('platform.degraded');
      const read = await as(t, official, { method: 'GET', url: '/api/v1/orgs' });
      expect(read.statusCode).toBe(200);
      // Signing in still works, so people can read and the security admin can look.
      expect((await login(t, auditor.me.username, TEST_PASSWORD)).me.id).toBe(auditor.me.id);
    });
    expect(await checkIntegrity(t.deps)).toEqual([]);
    const write = await as(t, official, {
      method: 'POST',
      url: '/api/v1/orgs',
      payload: orgInput(),
    });
    expect(write.statusCode).toBe(201);
  });

  it('refuses keys or checkpoints inside DATA_DIR', () => {
    expect(() => loadConfig({ DATA_DIR: '/srv/corridor', KEYS_DIR: '/srv/corridor/keys' })).toThrow(
      ConfigError,
    );
    expect(() =>
      loadConfig({ DATA_DIR: '/srv/corridor', AUDIT_CHECKPOINT_DIR: '/srv/corridor' }),
    ).toThrow(/outside DATA_DIR/);
    expect(loadConfig({ DATA_DIR: '/srv/corridor', KEYS_DIR: '/etc/corridor/keys' }).keysDir).toBe(
      '/etc/corridor/keys',
    );
  });
});
