import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * SIGTERM drains: a request that is still arriving when the signal comes gets its answer, new
 * connections are refused, the process signs a last audit checkpoint and exits 0. The real
 * server process on an embedded database of its own (no demo data: SEED_SCALE=0).
 */
const repoRoot = resolve(import.meta.dirname, '../../..');
let server: ChildProcess | null = null;
afterAll(() => {
  server?.kill('SIGKILL');
});

const freePort = () =>
  new Promise<number>((done) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });

describe.runIf(!process.env.DATABASE_URL)('graceful shutdown', () => {
  it('answers the request in flight, then exits 0 with a last checkpoint', {
    timeout: 90_000,
  }, async () => {
    const port = await freePort();
    const base = mkdtempSync(join(tmpdir(), 'corridor-stop-'));
    const checkpoints = join(base, 'checkpoints');
    server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
      cwd: repoRoot,
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        DATA_DIR: join(base, 'data'),
        KEYS_DIR: join(base, 'keys'),
        AUDIT_CHECKPOINT_DIR: checkpoints,
        SEED_SCALE: '0',
        LOG_LEVEL: 'warn',
        DATABASE_URL: '',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    server.stdout!.on('data', (d) => (output += d));
    server.stderr!.on('data', (d) => (output += d));
    await expect.poll(() => output, { timeout: 60_000, interval: 200 }).toContain('API docs');
    const exited = new Promise<number | null>((done) => server!.once('exit', (code) => done(code)));

    // A sign-in whose body is still on its way when SIGTERM arrives.
    const answered = new Promise<number>((done, fail) => {
      const req = request(
        { host: '127.0.0.1', port, method: 'POST', path: '/api/v1/auth/login' },
        (res) => {
          res.resume();
          done(res.statusCode ?? 0);
        },
      );
      req.on('error', fail);
      req.setHeader('content-type', 'application/json');
      req.write('{"username":"nobody",');
      setTimeout(() => {
        server!.kill('SIGTERM');
        setTimeout(() => req.end('"password":"wrong-password-1"}'), 300);
      }, 200);
    });
    expect(await answered).toBe(401);
    expect(await exited).toBe(0);
    const lines = readFileSync(join(checkpoints, 'audit-checkpoints.jsonl'), 'utf8')
      .trim()
      .split('\n');
    // One at start, one at the stop (the refused sign-in is an audited event after the first).
    expect(lines.length).toBe(2);
    expect(JSON.parse(lines[1]!).count).toBeGreaterThan(JSON.parse(lines[0]!).count);
    expect(existsSync(join(base, 'data', 'corridor.db'))).toBe(true);
    server = null;
  });
});
