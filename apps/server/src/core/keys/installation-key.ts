import { createHmac, randomBytes } from 'node:crypto';
import { ConfigError } from '../config';
import type { Db } from '../db/dialect';
import type { KeyStore } from './key-store';

/**
 * The installation key (HMAC of personal data in audit details, sealing of stored secrets) lives
 * in the key store, not in the database: a copy of `corridor.db` alone no longer lets anyone
 * brute-force the phone digests or open the TOTP secrets. Databases made before kept it in
 * `settings.audit_pi_key`; it moves out on the first start that sees it. The database keeps
 * only a check value, so a start with the wrong KEYS_DIR stops instead of sealing new secrets
 * under a second key.
 */
const LEGACY = 'audit_pi_key';
const CHECK = 'installation_key_check';

function checkValue(key: string): string {
  return createHmac('sm3', key).update('corridor-installation-key-check-v1').digest('hex');
}

/** Whether anything was made with the key the database still holds (else it is dropped). */
async function legacyKeyInUse(db: Db): Promise<boolean> {
  const mfa = await db
    .selectFrom('accounts')
    .select('id')
    .where((eb) => eb.or([eb('mfaSecret', 'is not', null), eb('mfaPendingSecret', 'is not', null)]))
    .limit(1)
    .executeTakeFirst();
  if (mfa) return true;
  const digest = await db
    .selectFrom('auditEvents')
    .select('id')
    .where('detail', 'like', '%hmac-sm3:%')
    .limit(1)
    .executeTakeFirst();
  return digest !== undefined;
}

export async function loadInstallationKey(db: Db, keys: KeyStore): Promise<string> {
  const rows = await db
    .selectFrom('settings')
    .selectAll()
    .where('key', 'in', [LEGACY, CHECK])
    .execute();
  const stored = new Map(rows.map((r) => [r.key, r.value]));
  // A new database gets a random key from its first migration; unused, it is simply dropped.
  const legacy = stored.has(LEGACY) && (await legacyKeyInUse(db)) ? stored.get(LEGACY) : undefined;
  const key = keys.getOrCreate('installation', () => legacy ?? randomBytes(32).toString('hex'));
  if (legacy !== undefined && legacy !== key) {
    throw new ConfigError(
      'The database still holds its own installation key and KEYS_DIR holds another one.\n' +
        '  Point KEYS_DIR at an empty folder to move the database key there (docs/OPERATIONS.md).',
    );
  }
  const check = stored.get(CHECK);
  if (check !== undefined && check !== checkValue(key)) {
    throw new ConfigError(
      'KEYS_DIR does not hold the installation key this database was made with.\n' +
        '  Restore KEYS_DIR from its backup (docs/OPERATIONS.md); starting with a new key would' +
        ' leave the stored secrets unreadable.',
    );
  }
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('settings').where('key', '=', LEGACY).execute();
    await trx
      .insertInto('settings')
      .values({ key: CHECK, value: checkValue(key) })
      .onConflict((oc) => oc.column('key').doNothing())
      .execute();
  });
  return key;
}
