/**
 * The notification inbox: its list (the page) and the unread count every open tab asks for every
 * 30 s, for one account among many, beside a bare Fastify route answering the same 20 rows from
 * memory. `npm run bench:notifications` (BENCH_ACCOUNTS × BENCH_PER_ACCOUNT rows).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import Fastify from 'fastify';
import { buildApp } from '../src/app';
import { openDeps } from '../src/core/bootstrap';
import { loadConfig } from '../src/core/config';
import { systemCtx } from '../src/core/context';
import { createAccountAsSystem } from '../src/modules/accounts/accounts.service';

const ACCOUNTS = Number(process.env.BENCH_ACCOUNTS ?? 2_000);
const PER_ACCOUNT = Number(process.env.BENCH_PER_ACCOUNT ?? 250);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PASSWORD = 'Bench#Inbox#2026kv';

async function load(url: string, headers: Record<string, string> = {}) {
  const r = await autocannon({ url, connections: 10, duration: SECONDS, headers });
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, non2xx: r.non2xx };
}

async function main() {
  const config = loadConfig({
    ...process.env,
    LOG_LEVEL: 'silent',
    DATA_DIR: mkdtempSync(join(tmpdir(), 'corridor-bench-inbox-')),
    LOGIN_RATE_PER_MINUTE: '100000',
  });
  const { deps, handle } = await openDeps(config);
  const { db } = deps;
  console.log(`# Notification inbox bench — ${new Date().toISOString()} — ${deps.dialect.name}`);
  const username = `inbox${Date.now().toString(36)}`;
  const ours = await createAccountAsSystem(systemCtx(deps), {
    username,
    displayName: '基准测试用户',
    password: PASSWORD,
    roles: ['enterprise'],
    regionCode: '420100',
    orgId: null,
  });
  // The other recipients: bare account rows (they never sign in here, so no real password).
  let t0 = performance.now();
  const now = Date.now();
  const others: number[] = [];
  for (let a = 1; a < ACCOUNTS; a += 500) {
    const batch = Array.from({ length: Math.min(500, ACCOUNTS - a) }, (_, i) => ({
      username: `${username}o${a + i}`,
      displayName: '收件人',
      passwordHash: '!',
      regionCode: '420100',
      orgId: null,
      disabled: 1,
      failedLogins: 0,
      lockedUntil: null,
      passwordChangedAt: new Date(now).toISOString(),
      createdAt: new Date(now).toISOString(),
    }));
    const ids = await db.insertInto('accounts').values(batch).returning('id').execute();
    others.push(...ids.map((r) => r.id));
  }
  for (let a = 0; a < ACCOUNTS; a++) {
    const recipientId = a === 0 ? ours : others[a - 1]!;
    const rows = Array.from({ length: PER_ACCOUNT }, (_, i) => ({
      recipientId,
      type: 'negotiation.offer',
      params: JSON.stringify({ achievementTitle: `光纤传感成果 ${i}`, orgName: '武汉光谷某公司' }),
      link: `/app/negotiations/${i + 1}`,
      createdAt: new Date(now - (PER_ACCOUNT - i) * 3_600_000).toISOString(),
      readAt: i % 3 === 0 ? null : new Date(now).toISOString(),
    }));
    for (let i = 0; i < rows.length; i += 500)
      await db
        .insertInto('notifications')
        .values(rows.slice(i, i + 500))
        .execute();
  }
  const total = ACCOUNTS * PER_ACCOUNT;
  console.log(
    `rows: ${total.toLocaleString('en')} notifications (${PER_ACCOUNT} per account, a third unread) in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );

  const app = await buildApp(deps, { logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
  const signIn = await fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: PASSWORD }),
  });
  if (signIn.status !== 200) throw new Error(`bench login failed: ${signIn.status}`);
  const cookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] ?? '';

  const sample = await db
    .selectFrom('notifications')
    .selectAll()
    .where('recipientId', '=', ours)
    .orderBy('id', 'desc')
    .limit(20)
    .execute();
  const bare = Fastify({ logger: false });
  bare.get('/list', async () => ({ items: sample, total: PER_ACCOUNT, page: 1, pageSize: 20 }));
  bare.get('/count', async () => ({ unread: Math.ceil(PER_ACCOUNT / 3) }));
  await bare.listen({ port: 0, host: '127.0.0.1' });
  const bareBase = `http://127.0.0.1:${(bare.server.address() as { port: number }).port}`;

  t0 = performance.now();
  const rows: [string, Awaited<ReturnType<typeof load>>][] = [
    [
      'GET /api/v1/notifications?page=1&pageSize=20',
      await load(`${base}/api/v1/notifications?page=1&pageSize=20`, { cookie }),
    ],
    ['bare Fastify, same 20 rows from memory', await load(`${bareBase}/list`)],
    [
      'GET /api/v1/notifications/unread-count',
      await load(`${base}/api/v1/notifications/unread-count`, { cookie }),
    ],
    ['bare Fastify, a count from memory', await load(`${bareBase}/count`)],
  ];
  console.log('\n| route | req/s | p50 ms | p99 ms | errors |\n|---|---|---|---|---|');
  for (const [name, r] of rows)
    console.log(`| ${name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx} |`);
  console.log(
    `ratio list ours / bare: ${(rows[0]![1].rps / rows[1]![1].rps).toFixed(2)}; unread count ours / bare: ${(rows[2]![1].rps / rows[3]![1].rps).toFixed(2)}`,
  );
  await app.close();
  await bare.close();
  await handle.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
