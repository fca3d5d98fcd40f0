import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';

const repoRoot = resolve(import.meta.dirname, '../../..');

function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => ok(port));
    });
    srv.on('error', fail);
  });
}

let server: ChildProcess | undefined;

/** Starts the real server on a fresh database with demo data, as `npm start` would. */
export async function setup(project: TestProject) {
  if (!existsSync(join(repoRoot, 'apps/web/dist/index.html'))) {
    throw new Error('apps/web/dist is missing: run `npm run build` before the browser tests');
  }
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'corridor-e2e-'));
  let output = '';
  server = spawn(process.execPath, ['--import', 'tsx', 'apps/server/src/main.ts'], {
    cwd: repoRoot,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      // Outside DATA_DIR, as the server demands; beside it so the run leaves nothing in the repo.
      KEYS_DIR: `${dataDir}-keys`,
      AUDIT_CHECKPOINT_DIR: `${dataDir}-checkpoints`,
      SEED_SCALE: '200',
      // Every browser test signs in from the same address, dozens of times a minute: the
      // per-address sign-in limit (20 a minute, tested through the API) would refuse some.
      LOGIN_RATE_PER_MINUTE: '1000',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (d) => {
    output += d;
  });
  server.stderr?.on('data', (d) => {
    output += d;
  });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 120; i++) {
    if (server.exitCode !== null) throw new Error(`server exited:\n${output}`);
    try {
      if ((await fetch(`${base}/api/v1/health`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
  }
  project.provide('baseUrl', base);
  project.provide('serverOutput', output);
}

export async function teardown() {
  server?.kill('SIGTERM');
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    serverOutput: string;
  }
}
