import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKeyStore, keyEnvName } from './key-store';

describe('the file key store', () => {
  it('makes a key once, 0600 in a 0700 folder, and returns the same key afterwards', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'corridor-keys-')), 'keys');
    let made = 0;
    const make = () => `secret-${++made}`;
    const first = fileKeyStore(dir, {}).getOrCreate('audit-checkpoint', make);
    const again = fileKeyStore(dir, {}).getOrCreate('audit-checkpoint', make);
    expect([first, again, made]).toEqual(['secret-1', 'secret-1', 1]);
    expect(statSync(join(dir, 'audit-checkpoint.key')).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(readdirSync(dir)).toEqual(['audit-checkpoint.key']);
  });

  it('prefers a key injected through the environment and refuses odd names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-keys-'));
    const env = { [keyEnvName('audit-checkpoint')]: 'from-env' };
    expect(keyEnvName('audit-checkpoint')).toBe('CORRIDOR_KEY_AUDIT_CHECKPOINT');
    expect(fileKeyStore(dir, env).getOrCreate('audit-checkpoint', () => 'made')).toBe('from-env');
    expect(readdirSync(dir)).toEqual([]);
    expect(() => fileKeyStore(dir, {}).getOrCreate('../etc/passwd', () => 'x')).toThrow();
  });
});
