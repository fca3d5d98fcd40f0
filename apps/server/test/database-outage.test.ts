import { connect, createServer, type Server, type Socket } from 'node:net';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { as, createTestApp, makeUser, orgInput, type TestApp } from './helpers';

/**
 * The database going away and coming back (PostgreSQL, through a TCP relay the test can cut as
 * a restart would), and the disk filling up (SQLite, its file capped at its present size):
 * requests answer a clear error instead of a 500, nothing is half-written, reads go on where
 * they can, and the server recovers by itself.
 */
const pgUrl = process.env.DATABASE_URL;
const apps: TestApp[] = [];
afterAll(async () => {
  for (const t of apps) await t.close();
});

/** A relay to PostgreSQL on a port of its own; `cut` drops every connection and stops it. */
async function relay(target: URL) {
  const sockets = new Set<Socket>();
  let server: Server | null = null;
  let port = 0;
  const start = () =>
    new Promise<void>((done) => {
      server = createServer((client) => {
        const upstream = connect(Number(target.port || 5432), target.hostname);
        for (const s of [client, upstream]) {
          sockets.add(s);
          s.on('close', () => sockets.delete(s));
          s.on('error', () => s.destroy());
        }
        client.pipe(upstream).pipe(client);
      });
      server.listen(port, '127.0.0.1', () => {
        port = (server!.address() as { port: number }).port;
        done();
      });
    });
  await start();
  return {
    url: () => {
      const u = new URL(target);
      u.host = `127.0.0.1:${port}`;
      return u.toString();
    },
    cut: () =>
      new Promise<void>((done) => {
        for (const s of sockets) s.destroy();
        server!.close(() => done());
      }),
    start,
  };
}

const orgCount = async (t: TestApp, name: string) =>
  (await t.deps.db.selectFrom('orgs').select('id').where('name', '=', name).execute()).length;

describe.runIf(pgUrl)('PostgreSQL restarting under the server', () => {
  it('answers 503 with Retry-After while it is down and recovers by itself', async () => {
    const link = await relay(new URL(pgUrl!));
    const t = await createTestApp({ DATABASE_URL: link.url() }, { ownDatabase: true });
    apps.push(t);
    const official = await makeUser(t, ['province_admin']);
    expect((await as(t, official, { method: 'GET', url: '/api/v1/orgs' })).statusCode).toBe(200);

    await link.cut();
    const input = orgInput();
    for (const request of [
      { method: 'GET' as const, url: '/api/v1/orgs' },
      { method: 'POST' as const, url: '/api/v1/orgs', payload: input },
    ]) {
      const res = await as(t, official, request);
      expect(res.statusCode, res.body).toBe(503);
      expect(res.headers['retry-after']).toBe('5');
      expect(res.json().code).toBe('db.unavailable');
    }
    const health = await t.app.inject({ url: '/api/v1/health' });
    expect(health.statusCode).toBe(503);

    await link.start();
    // Back: the same session works, and the refused create left nothing behind.
    expect((await as(t, official, { method: 'GET', url: '/api/v1/orgs' })).statusCode).toBe(200);
    expect(await orgCount(t, input.name)).toBe(0);
    const again = await as(t, official, { method: 'POST', url: '/api/v1/orgs', payload: input });
    expect(again.statusCode, again.body).toBe(201);
    expect(await orgCount(t, input.name)).toBe(1);
  });
});

describe.runIf(!pgUrl)('SQLite on a full disk', () => {
  it('refuses writes with a clear error and no partial record; reads keep working', async () => {
    const t = await createTestApp();
    apps.push(t);
    const official = await makeUser(t, ['province_admin']);
    const head = async () =>
      (await t.deps.db.selectFrom('auditHead').select('lastId').executeTakeFirstOrThrow()).lastId;
    // Cap the file at the pages it has: the first write needing one more page fails as a full
    // disk does (SQLITE_FULL), in the middle of its transaction.
    // (Kysely's camel-case plugin renames the pragma's column.)
    const pages = await sql<{ pageCount: number }>`pragma page_count`.execute(t.deps.db);
    await sql.raw(`pragma max_page_count = ${pages.rows[0]!.pageCount}`).execute(t.deps.db);
    let refused: { name: string; before: number } | null = null;
    for (let i = 0; i < 200 && !refused; i++) {
      const input = orgInput({
        description: '高新技术企业，主营光电子器件研发与制造。'.repeat(40),
      });
      const before = await head();
      const res = await as(t, official, { method: 'POST', url: '/api/v1/orgs', payload: input });
      if (res.statusCode === 201) continue;
      expect(res.statusCode, res.body).toBe(507);
      expect(res.json()).toMatchObject({ code: 'db.storage_full' });
      expect(res.json().message).toMatch(/存储空间已满/);
      refused = { name: input.name, before };
    }
    expect(refused).not.toBeNull();
    expect(await orgCount(t, refused!.name)).toBe(0);
    expect(await head()).toBe(refused!.before);
    expect((await as(t, official, { method: 'GET', url: '/api/v1/orgs' })).statusCode).toBe(200);
    // Room again: writes go through without a restart.
    await sql.raw('pragma max_page_count = 1073741823').execute(t.deps.db);
    const ok = await as(t, official, { method: 'POST', url: '/api/v1/orgs', payload: orgInput() });
    expect(ok.statusCode, ok.body).toBe(201);
  });
});
