import { randomBytes } from 'node:crypto';
import { chmodSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Secrets the platform keeps outside its database and DATA_DIR (the audit checkpoint signing key
 * …): whoever copies or rewrites the data must not get them with it.
 */
export interface KeyStore {
  /** The secret called `name`, made by `make` and stored on first use. */
  getOrCreate(name: string, make: () => string): string;
}

const NAME = /^[a-z][a-z0-9-]{0,63}$/;

/** The variable that overrides a stored key (for a secrets manager that injects env vars). */
export function keyEnvName(name: string): string {
  return `CORRIDOR_KEY_${name.toUpperCase().replaceAll('-', '_')}`;
}

/**
 * One file per key, `<dir>/<name>.key`, mode 0600 in a 0700 folder. A new key is written to a
 * temporary file and linked into place, so two processes starting at once agree on one key
 * (the loser of the race reads the winner's) and a crash never leaves half a key.
 */
export function fileKeyStore(dir: string, env: NodeJS.ProcessEnv = process.env): KeyStore {
  return {
    getOrCreate(name, make) {
      if (!NAME.test(name)) throw new Error(`invalid key name ${name}`);
      const injected = env[keyEnvName(name)];
      if (injected) return injected;
      const file = join(dir, `${name}.key`);
      const existing = readIfPresent(file);
      if (existing !== null) return existing;
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const temp = join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
      writeFileSync(temp, make(), { mode: 0o600, flag: 'wx' });
      chmodSync(temp, 0o600); // exactly 0600, whatever the umask
      try {
        linkSync(temp, file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      } finally {
        unlinkSync(temp);
      }
      return readFileSync(file, 'utf8');
    },
  };
}

function readIfPresent(file: string): string | null {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
