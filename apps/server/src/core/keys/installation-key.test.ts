import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditAction, AuditObjectType } from '@corridor/contracts';
import { describe, expect, it } from 'vitest';
import { writeAuditAlone } from '../audit/audit';
import { openDeps } from '../bootstrap';
import { ConfigError, loadConfig } from '../config';
import { systemCtx } from '../context';

/** The installation key lives in KEYS_DIR; the database holds only a check value of it. */
const dir = (label: string) => mkdtempSync(join(tmpdir(), `corridor-ik-${label}-`));

async function open(sqlitePath: string, keysDir: string) {
  const config = loadConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATA_DIR: dir('data'),
    KEYS_DIR: keysDir,
    AUDIT_CHECKPOINT_DIR: dir('cp'),
  });
  return openDeps({ ...config, databaseUrl: undefined }, { sqlitePath });
}

const settings = async (deps: Awaited<ReturnType<typeof open>>['deps']) =>
  Object.fromEntries(
    (await deps.db.selectFrom('settings').selectAll().execute()).map((r) => [r.key, r.value]),
  );

describe('the installation key outside the database', () => {
  it('is made in KEYS_DIR for a new database, which keeps only its check value', async () => {
    const db = join(dir('db'), 'corridor.db');
    const keys = dir('keys');
    const { deps, handle } = await open(db, keys);
    try {
      expect(readFileSync(join(keys, 'installation.key'), 'utf8')).toBe(deps.piKey);
      const s = await settings(deps);
      expect(s.audit_pi_key).toBeUndefined();
      expect(s.installation_key_check).toMatch(/^[0-9a-f]{64}$/);
      expect(JSON.stringify(s)).not.toContain(deps.piKey);
    } finally {
      await handle.close();
    }
    // Another KEYS_DIR would seal new secrets under a second key: the start stops.
    await expect(open(db, dir('other'))).rejects.toThrow(ConfigError);
    const again = await open(db, keys);
    await again.handle.close();
  });

  it('moves out of a database made by an older version, the first time it starts', async () => {
    const db = join(dir('db'), 'corridor.db');
    const first = await open(db, dir('keys'));
    // What an older version left: its key in settings, used for a digest, no check value.
    await first.deps.db.deleteFrom('settings').execute();
    await first.deps.db
      .insertInto('settings')
      .values({ key: 'audit_pi_key', value: 'legacy-key' })
      .execute();
    await writeAuditAlone(systemCtx(first.deps), {
      action: 'test.legacy' as AuditAction,
      objectType: 'test' as AuditObjectType,
      objectId: 1,
      detail: { phone: 'hmac-sm3:0123' },
    });
    await first.handle.close();
    // A KEYS_DIR that already holds another key is refused rather than overwritten.
    const busy = dir('busy');
    writeFileSync(join(busy, 'installation.key'), 'another-key', { mode: 0o600 });
    await expect(open(db, busy)).rejects.toThrow(/still holds its own installation key/);
    const keys = dir('keys');
    const moved = await open(db, keys);
    try {
      expect(moved.deps.piKey).toBe('legacy-key');
      expect(readFileSync(join(keys, 'installation.key'), 'utf8')).toBe('legacy-key');
      expect((await settings(moved.deps)).audit_pi_key).toBeUndefined();
    } finally {
      await moved.handle.close();
    }
  });
});
