import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  creditBodyFromNumber,
  type Me,
  makeCreditCode,
  type OrgInput,
  type Role,
  type ScopeCode,
} from '@corridor/contracts';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { type App, buildApp } from '../src/app';
import { openDeps } from '../src/core/bootstrap';
import { loadConfig } from '../src/core/config';
import { type Deps, systemCtx } from '../src/core/context';
import { createAccountAsSystem } from '../src/modules/accounts/accounts.service';
import { bulkInsertOrgs } from '../src/modules/orgs/orgs.service';

export const TEST_PASSWORD = 'Test#Password2026';

export interface TestApp {
  app: App;
  deps: Deps;
  /** DATA_DIR of the SQLite file (the CLI finds corridor.db there); undefined on PostgreSQL. */
  dataDir: string | undefined;
  /** The variables a CLI run against this app's database needs (data, keys, checkpoints). */
  cliEnv: Record<string, string>;
  close(): Promise<void>;
}

/**
 * A real app over a real database: a fresh SQLite file per test file, or the PostgreSQL of
 * DATABASE_URL (shared; tests make their own organisations and users and never wipe tables).
 * `ownDatabase`: on PostgreSQL too, a database of the test file's own, dropped at close (for
 * tests that need an empty database, such as loading the whole demo).
 */
function sharedKeysDir(databaseUrl: string): string {
  const dir = join(
    tmpdir(),
    `corridor-test-keys-${createHash('sha256').update(databaseUrl).digest('hex').slice(0, 12)}`,
  );
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

export async function createTestApp(
  env: Record<string, string> = {},
  options: { ownDatabase?: boolean } = {},
): Promise<TestApp> {
  // Keys and audit checkpoints outside the data, as in production: folders of this test's own,
  // except that the test files sharing one PostgreSQL database share its installation key too
  // (the database keeps a check value of it and refuses any other).
  const sharedUrl = !options.ownDatabase ? (env.DATABASE_URL ?? process.env.DATABASE_URL) : '';
  const outside = {
    KEYS_DIR: sharedUrl
      ? sharedKeysDir(sharedUrl)
      : mkdtempSync(join(tmpdir(), 'corridor-test-keys-')),
    AUDIT_CHECKPOINT_DIR: mkdtempSync(join(tmpdir(), 'corridor-test-checkpoints-')),
  };
  let config = loadConfig({
    ...process.env,
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    LOGIN_RATE_PER_MINUTE: '100000',
    ...outside,
    ...env,
  });
  const own =
    options.ownDatabase && config.databaseUrl ? await ownPgDatabase(config.databaseUrl) : null;
  if (own) config = { ...config, databaseUrl: own.url };
  const dataDir = config.databaseUrl ? undefined : mkdtempSync(join(tmpdir(), 'corridor-test-'));
  const sqlitePath = dataDir ? join(dataDir, 'corridor.db') : undefined;
  // Uploaded files (DATA_DIR/files) go to a fresh folder per test file on either engine.
  const filesRoot = dataDir ?? mkdtempSync(join(tmpdir(), 'corridor-test-files-'));
  const { deps, handle } = await openDeps(
    { ...config, dataDir: filesRoot },
    sqlitePath ? { sqlitePath } : {},
  );
  const app = await buildApp(deps, { logger: false });
  await app.ready();
  return {
    app,
    deps,
    dataDir,
    cliEnv: {
      ...outside,
      ...env,
      DATA_DIR: filesRoot,
      ...(config.databaseUrl ? { DATABASE_URL: config.databaseUrl } : {}),
    },
    close: async () => {
      await app.close();
      await handle.close();
      await own?.drop();
    },
  };
}

/** A fresh PostgreSQL database beside the shared one (same server), and how to drop it. */
export async function ownPgDatabase(sharedUrl: string) {
  const name = `own_${process.pid}_${Date.now()}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: sharedUrl });
  await admin.connect();
  await admin.query(`create database "${name}"`);
  await admin.end();
  const url = new URL(sharedUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: sharedUrl });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

let counter = 0;
/** A number unique across parallel test files and runs (time-based high part plus a counter). */
export function uniqueNumber(): number {
  counter += 1;
  return ((Date.now() % 1e9) * 1000 + (process.pid % 1000) + counter * 7919) % 31 ** 8;
}

export function uniqueCreditCode(region = '420100'): string {
  return makeCreditCode(
    '91',
    region.slice(0, 6),
    creditBodyFromNumber(uniqueNumber() + Math.floor(Math.random() * 1e9)),
  );
}

const HAN = '光谷芯联睿康华创启明远航新材智造云数恒泰瑞达锦程博越';
export function uniqueName(prefix = '测试'): string {
  let n = uniqueNumber() + Math.floor(Math.random() * 1e9);
  let word = '';
  for (let i = 0; i < 6; i++) {
    word += HAN[n % HAN.length];
    n = Math.floor(n / HAN.length);
  }
  return `${prefix}${word}科技有限公司`;
}

export function orgInput(overrides: Partial<OrgInput> = {}): OrgInput {
  return {
    creditCode: uniqueCreditCode(overrides.regionCode ?? '420100'),
    name: uniqueName(),
    type: 'enterprise',
    regionCode: '420100',
    industry: 'optoelectronics',
    address: '湖北省武汉市东湖高新区光谷大道1号',
    foundedOn: '2018-05-20',
    contactName: '张伟',
    contactPhone: '13800138000',
    description: '测试用机构',
    ...overrides,
  };
}

/** Inserts an organisation directly (as the system), returning its id. */
export async function makeOrg(t: TestApp, overrides: Partial<OrgInput> = {}) {
  const input = orgInput(overrides);
  const [id] = await bulkInsertOrgs(systemCtx(t.deps), [input]);
  return { id: id!, ...input };
}

export interface Session {
  cookie: string;
  csrf: string;
  me: Me;
  username: string;
}

/** Creates an account with the given roles and signs it in. */
export async function makeUser(
  t: TestApp,
  roles: Role[],
  options: {
    regionCode?: ScopeCode;
    orgId?: number | null;
    /** The organisation's account manager (an enterprise account of `orgId`). */
    orgManager?: boolean;
    email?: string | null;
  } = {},
): Promise<Session> {
  const username = `u${uniqueNumber().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  const regionCode = options.regionCode ?? (roles.includes('city_admin') ? '420100' : '420000');
  await createAccountAsSystem(systemCtx(t.deps), {
    username,
    displayName: '测试用户',
    password: TEST_PASSWORD,
    roles,
    regionCode,
    orgId: options.orgId ?? null,
    orgManager: options.orgManager ?? false,
    email: options.email ?? null,
  });
  return login(t, username, TEST_PASSWORD);
}

export async function login(t: TestApp, username: string, password: string): Promise<Session> {
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
  const cookie = sessionCookie(res);
  return { cookie, csrf: res.json().csrfToken, me: res.json(), username };
}

export function sessionCookie(res: LightMyRequestResponse): string {
  const header = [res.headers['set-cookie'] ?? []]
    .flat()
    .find((c) => c.startsWith('corridor_sid='));
  if (!header) throw new Error('no session cookie');
  return header.split(';')[0]!;
}

/** A request as a signed-in user: session cookie and CSRF token attached. */
export function as(t: TestApp, session: Session | null, options: InjectOptions) {
  const headers: Record<string, string> = { ...(options.headers as Record<string, string>) };
  if (session) {
    headers.cookie = session.cookie;
    if (options.method && options.method !== 'GET') headers['x-csrf-token'] = session.csrf;
  }
  return t.app.inject({ ...options, headers });
}

/**
 * Audit events matching `where`. On the shared PostgreSQL database other test files write events
 * at the same time: narrow by object or by the acting account (`actor`) when counting exactly.
 */
export async function countAudit(
  t: TestApp,
  where: { action?: string; objectId?: string; actor?: Session } = {},
) {
  let q = t.deps.db.selectFrom('auditEvents').select((eb) => eb.fn.countAll<number>().as('n'));
  if (where.action) q = q.where('action', '=', where.action);
  if (where.objectId) q = q.where('objectId', '=', where.objectId);
  if (where.actor) q = q.where('actorId', '=', where.actor.me.id);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/**
 * PUT a year's indicators as the form does: with the version of the record as it stands now
 * (0 when the year has none), unless the payload names a version itself (stale-version tests).
 */
export async function putIndicators(
  t: TestApp,
  session: Session | null,
  orgId: number,
  year: number,
  payload: object,
  headers: Record<string, string> = {},
) {
  const row = await t.deps.db
    .selectFrom('indicatorYears')
    .select('version')
    .where('orgId', '=', orgId)
    .where('year', '=', year)
    .executeTakeFirst();
  return as(t, session, {
    method: 'PUT',
    url: `/api/v1/orgs/${orgId}/indicators/${year}`,
    payload: { version: row?.version ?? 0, ...payload },
    headers,
  });
}

/** The version a record has now: what a user who has just read it would send with a step. */
export async function rowVersion(
  t: TestApp,
  table:
    | 'deals'
    | 'negotiations'
    | 'matchingIntroductions'
    | 'accounts'
    | 'rankingEditions'
    | 'rankingCorrections',
  id: number,
) {
  const row = await t.deps.db
    .selectFrom(table)
    .select('version')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.version ?? 1;
}

/** A contract's signature or registration, sent with the deal's current version. */
export async function dealStep(t: TestApp, s: Session, id: number, step: 'sign' | 'register') {
  return as(t, s, {
    method: 'POST',
    url: `/api/v1/deals/${id}/${step}`,
    payload: { version: await rowVersion(t, 'deals', id) },
  });
}

/** Both parties confirm a draft (each step reads the version the previous one left). */
export async function signByBoth(t: TestApp, id: number, seller: Session, buyer: Session) {
  const first = await dealStep(t, seller, id, 'sign');
  if (first.statusCode !== 200) return first;
  return dealStep(t, buyer, id, 'sign');
}

/** A small well-formed PDF (header, catalogue, empty page tree, trailer), different each call. */
export function samplePdf(): Buffer {
  return Buffer.concat([
    Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'),
    Buffer.from('1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n'),
    Buffer.from('2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n'),
    Buffer.from(`% ${randomBytes(64).toString('hex')}\n`),
    Buffer.from('trailer << /Root 1 0 R >>\n%%EOF\n'),
  ]);
}

let uploadCount = 0;
/**
 * POSTs one file to /api/v1/files as multipart/form-data built by hand, each from its own
 * address so the upload rate limit does not interfere with other tests.
 */
export function uploadFile(
  t: TestApp,
  session: Session | null,
  content: Buffer,
  options: { filename?: string; type?: string } = {},
) {
  uploadCount += 1;
  const boundary = `----corridor${randomBytes(12).toString('hex')}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${options.filename ?? '成果简介.pdf'}"\r\n` +
      `Content-Type: ${options.type ?? 'application/pdf'}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return as(t, session, {
    method: 'POST',
    url: '/api/v1/files',
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
    payload: Buffer.concat([head, content, tail]),
    remoteAddress: `10.78.${(uploadCount >> 8) & 255}.${uploadCount & 255}`,
  });
}
