import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createTestApp,
  makeOrg,
  makeUser,
  ownPgDatabase,
  samplePdf,
  type TestApp,
  uploadFile,
} from '../../../test/helpers';
import { openDatabase } from '../db';
import { readPostgres, readSqliteFile } from './engines';

/**
 * The restore drill: data made through the API, `corridor backup`, `corridor restore` into an
 * empty place elsewhere; the audit chain verifies there, every table has the same rows (a
 * logical dump compared table by table), and corrupt, mismatched or occupied targets are refused.
 */
const exec = promisify(execFile);
const repoRoot = resolve(import.meta.dirname, '../../../../..');
let t: TestApp;
const drops: (() => Promise<void>)[] = [];

beforeAll(async () => {
  t = await createTestApp({}, { ownDatabase: true });
  const official = await makeUser(t, ['province_admin']);
  const org = await makeOrg(t);
  const owner = await makeUser(t, ['enterprise'], { orgId: org.id, regionCode: org.regionCode });
  expect((await uploadFile(t, owner, samplePdf())).statusCode).toBe(201);
  await makeOrg(t);
  expect(official.me.id).toBeGreaterThan(0);
});
afterAll(async () => {
  // The restore targets first: they are dropped through t's database, which t.close() drops.
  for (const drop of drops) await drop();
  await t?.close();
});

async function cli(env: Record<string, string>, ...args: string[]) {
  try {
    const r = await exec(process.execPath, ['--import', 'tsx', 'apps/server/src/cli.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, LOG_LEVEL: 'silent', ...env },
    });
    return { code: 0, out: r.stdout, err: r.stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout, err: e.stderr };
  }
}

/** An empty place to restore into: a new DATA_DIR, and on PostgreSQL a new database. */
async function emptyTarget(): Promise<Record<string, string>> {
  const env = { ...t.cliEnv, DATA_DIR: mkdtempSync(join(tmpdir(), 'corridor-restore-')) };
  if (!t.deps.config.databaseUrl) return env;
  const fresh = await ownPgDatabase(t.deps.config.databaseUrl);
  drops.push(fresh.drop);
  return { ...env, DATABASE_URL: fresh.url };
}

/** Every row of every table, as one sorted text per table: what a logical dump holds. */
async function logicalDump(env: Record<string, string>) {
  const handle = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    sqlitePath: join(env.DATA_DIR!, 'corridor.db'),
    migrate: false,
  });
  try {
    const tables = env.DATABASE_URL
      ? Object.keys((await readPostgres(handle.db)).tables)
      : Object.keys(readSqliteFile(join(env.DATA_DIR!, 'corridor.db')).tables);
    const dump: Record<string, string[]> = {};
    for (const name of tables) {
      const rows = await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(
        handle.db,
      );
      dump[name] = rows.rows.map((r) => JSON.stringify(r)).sort();
    }
    return dump;
  } finally {
    await handle.close();
  }
}

describe('backup and restore', () => {
  const dir = join(mkdtempSync(join(tmpdir(), 'corridor-backup-')), 'b1');

  it('backs up into a new folder with a manifest of counts, head and SM3', async () => {
    const r = await cli(t.cliEnv, 'backup', dir);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toMatch(/backup written to/);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
    expect(manifest).toMatchObject({ format: 'corridor-backup-v1', engine: t.deps.dialect.name });
    expect(manifest.tables.orgs).toBeGreaterThanOrEqual(2);
    expect(manifest.files.count).toBe(1);
    expect(manifest.database.sm3).toMatch(/^[0-9a-f]{64}$/);
    const head = await t.deps.db.selectFrom('auditHead').selectAll().executeTakeFirstOrThrow();
    expect(manifest.auditHead).toEqual({ lastId: head.lastId, lastHash: head.lastHash });
    // Into a folder that is not empty: refused, nothing overwritten.
    expect((await cli(t.cliEnv, 'backup', dir)).code).toBe(1);
  });

  it('restores elsewhere: the chain verifies, every table holds the same rows', async () => {
    const target = await emptyTarget();
    const r = await cli(target, 'restore', dir);
    expect(r.code, r.err + r.out).toBe(0);
    expect(r.out).toMatch(/audit chain OK/);
    expect(await logicalDump(target)).toEqual(await logicalDump(t.cliEnv));
    // The target now holds data: a second restore into it is refused.
    const again = await cli(target, 'restore', dir);
    expect(again.code).toBe(1);
    expect(again.err).toMatch(/restore refused/);
  });

  it('refuses a corrupt copy and a backup of the other engine, writing nothing', async () => {
    const corrupt = join(mkdtempSync(join(tmpdir(), 'corridor-backup-')), 'bad');
    cpSync(dir, corrupt, { recursive: true });
    const manifest = JSON.parse(readFileSync(join(corrupt, 'manifest.json'), 'utf8'));
    const file = join(corrupt, manifest.database.file);
    const bytes = readFileSync(file);
    bytes[Math.floor(bytes.length / 2)] = bytes[Math.floor(bytes.length / 2)]! ^ 0xff;
    writeFileSync(file, bytes);
    const target = await emptyTarget();
    const bad = await cli(target, 'restore', corrupt);
    expect(bad.code).toBe(1);
    expect(bad.err).toMatch(/SM3.*corrupt/);

    const other = join(mkdtempSync(join(tmpdir(), 'corridor-backup-')), 'other');
    cpSync(dir, other, { recursive: true });
    const engine = manifest.engine === 'sqlite' ? 'postgres' : 'sqlite';
    writeFileSync(join(other, 'manifest.json'), JSON.stringify({ ...manifest, engine }));
    const mismatched = await cli(target, 'restore', other);
    expect(mismatched.code).toBe(1);
    expect(mismatched.err).toMatch(/the backup is of/);
    // The refused restores left the target empty: a good backup still goes in.
    expect((await cli(target, 'restore', dir)).code).toBe(0);
  });
});
