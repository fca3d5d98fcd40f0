import { writeAudit } from '../../core/audit/audit';
import type { Ctx, Deps } from '../../core/context';
import { isUniqueViolation } from '../../core/db/dialect';
import { isSealed, seal, unseal } from '../../core/keys/sealed';
import * as repo from './rankings.repo';
import { generateKeyPair } from './rankings.verify';

/**
 * Publishers' SM2 private keys are stored sealed (SM4 + HMAC-SM3) under the installation key,
 * which lives outside the database: a copy of the database cannot sign an edition. Production
 * can go further and keep them in an HSM / KMS that only signs.
 */
const PURPOSE = 'ranking-private-key';

/** The publisher's SM2 key pair (private key opened), made on first use. */
export async function publisherKey(ctx: Ctx, accountId: number) {
  const existing = await repo.findKeyByAccount(ctx.deps.db, accountId);
  if (existing) return { ...existing, privateKey: await openPrivateKey(ctx.deps, existing) };
  const pair = generateKeyPair();
  try {
    await ctx.deps.db.transaction().execute(async (trx) => {
      const id = await repo.insertKey(trx, {
        accountId,
        publicKey: pair.publicKey,
        privateKey: seal(ctx.deps.piKey, PURPOSE, pair.privateKey),
        createdAt: new Date().toISOString(),
      });
      await writeAudit(trx, ctx, {
        action: 'ranking.key.create',
        objectType: 'ranking_key',
        objectId: id,
        detail: { accountId, algorithm: 'SM2', publicKey: pair.publicKey },
      });
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error; // made at the same moment by another request
  }
  const row = (await repo.findKeyByAccount(ctx.deps.db, accountId))!;
  return { ...row, privateKey: await openPrivateKey(ctx.deps, row) };
}

/** A key stored before sealing existed is sealed the first time it is read. */
async function openPrivateKey(deps: Deps, row: { id: number; privateKey: string }) {
  if (isSealed(row.privateKey)) return unseal(deps.piKey, PURPOSE, row.privateKey);
  await repo.setSealedPrivateKey(deps.db, row.id, seal(deps.piKey, PURPOSE, row.privateKey));
  return row.privateKey;
}

/** Seals every key still stored in the clear (run at start; a no-op once done). */
export async function sealPlainPrivateKeys(deps: Deps): Promise<number> {
  const plain = (await repo.allKeys(deps.db)).filter((k) => !isSealed(k.privateKey));
  for (const row of plain) await openPrivateKey(deps, row);
  return plain.length;
}
