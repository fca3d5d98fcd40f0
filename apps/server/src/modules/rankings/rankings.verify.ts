/**
 * Signing and checking a published edition: SM2 (GB/T 32918) with the SM3 digest, via
 * sm-crypto-v2 (node:crypto's "SM2" is ECDSA on the SM2 curve and does not interoperate).
 *
 * e = SM3(Z_A ‖ M), Z_A from the public key and the default user id "1234567812345678", M the
 * UTF-8 bytes of the canonical JSON. node:crypto computes the SM3 of M (OpenSSL is several times
 * faster than pure JS on a large edition); sm-crypto-v2 computes Z_A and signs / verifies e.
 * The result is the same signature that `sm2.doVerifySignature(text, sig, key, { hash: true })`
 * accepts (checked by a unit test), so any GB/T 32918 implementation can verify it.
 *
 * Offline check: npm run corridor -- ranking verify <edition.json> <signature.hex> <publickey.hex>
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { isCanonicalJson, SM2_DEFAULT_USER_ID, type VerifyFailure } from '@corridor/contracts';
import { sm2 } from 'sm-crypto-v2';

export type VerifyOutcome = { ok: true } | { ok: false; reason: VerifyFailure };

/** The words of each failure, as the command prints them. */
export const VERIFY_FAILURE_TEXT: Record<VerifyFailure, string> = {
  not_canonical: 'file is not canonical JSON',
  malformed_public_key: 'malformed public key',
  malformed_signature: 'malformed signature (expected 128 hex digits: r then s)',
  signature_mismatch: 'signature does not match the content',
};

export function generateKeyPair(): { publicKey: string; privateKey: string } {
  const { publicKey, privateKey } = sm2.generateKeyPairHex();
  return { publicKey, privateKey };
}

/** Lower-case hex of an SM2 public key (uncompressed 04‖x‖y or compressed), or null. */
export function parsePublicKey(text: string): string | null {
  const key = text.trim().toLowerCase();
  if (!/^04[0-9a-f]{128}$/.test(key) && !/^0[23][0-9a-f]{64}$/.test(key)) return null;
  try {
    return sm2.verifyPublicKey(key) ? key : null;
  } catch {
    return null; // not a point on the curve
  }
}

function parseSignature(text: string): string | null {
  const sig = text.trim().toLowerCase();
  return /^[0-9a-f]{128}$/.test(sig) ? sig : null;
}

/** e = SM3(Z_A ‖ M). */
export function signatureDigest(message: Uint8Array, publicKey: string): Uint8Array {
  const z = sm2.getZ(publicKey, SM2_DEFAULT_USER_ID);
  return new Uint8Array(createHash('sm3').update(z).update(message).digest());
}

export function sm3Hex(text: string | Uint8Array): string {
  return createHash('sm3').update(text).digest('hex');
}

const bytesOf = (m: string | Uint8Array) => (typeof m === 'string' ? Buffer.from(m, 'utf8') : m);

/** Signs the UTF-8 bytes of a canonical document (pass the bytes to avoid re-encoding). */
export function signCanonical(
  message: string | Uint8Array,
  privateKey: string,
  publicKey: string,
): string {
  const e = signatureDigest(bytesOf(message), publicKey);
  return sm2.doSignature(e, privateKey, { hash: false });
}

/** The signature check alone, for text already known to be canonical (the publisher's own). */
export function signatureMatches(
  message: string | Uint8Array,
  signature: string,
  publicKey: string,
): boolean {
  try {
    const e = signatureDigest(bytesOf(message), publicKey);
    return sm2.doVerifySignature(e, signature, publicKey, { hash: false });
  } catch {
    return false;
  }
}

/**
 * Checks an edition as downloaded: the bytes must be canonical JSON (so a reformatted or edited
 * file is named as such) and the SM2 signature must match them under the public key.
 */
export function verifyEdition(
  content: string | Uint8Array,
  signatureText: string,
  publicKeyText: string,
): VerifyOutcome {
  const key = parsePublicKey(publicKeyText);
  if (!key) return { ok: false, reason: 'malformed_public_key' };
  const sig = parseSignature(signatureText);
  if (!sig) return { ok: false, reason: 'malformed_signature' };
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : Buffer.from(content);
  const text = bytes.toString('utf8');
  // Invalid UTF-8 decodes to U+FFFD and would not encode back to the same bytes.
  if (!Buffer.from(text, 'utf8').equals(bytes) || !isCanonicalJson(text))
    return { ok: false, reason: 'not_canonical' };
  let valid = false;
  try {
    valid = sm2.doVerifySignature(signatureDigest(bytes, key), sig, key, { hash: false });
  } catch {
    valid = false; // r or s out of range: cannot be a signature of anything
  }
  return valid ? { ok: true } : { ok: false, reason: 'signature_mismatch' };
}

/** `ranking verify <edition.json> <signature.hex> <publickey.hex>`: 0 and "OK" when valid. */
export function runVerifyCommand(
  args: string[],
  out: (line: string) => void,
  err: (line: string) => void,
): number {
  if (args.length !== 3) {
    err('Usage: npm run corridor -- ranking verify <edition.json> <signature.hex> <publickey.hex>');
    return 1;
  }
  // npm runs scripts from the repository root; paths are meant from where the user typed them.
  const base = process.env.INIT_CWD ?? process.cwd();
  const files: Buffer[] = [];
  for (const arg of args) {
    const path = isAbsolute(arg) ? arg : resolve(base, arg);
    try {
      files.push(readFileSync(path));
    } catch (error) {
      err(`FAILED: cannot read ${arg}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
      return 1;
    }
  }
  const [edition, signature, publicKey] = files as [Buffer, Buffer, Buffer];
  const outcome = verifyEdition(edition, signature.toString('utf8'), publicKey.toString('utf8'));
  if (outcome.ok) {
    out(`OK: SM2 signature verified (${edition.length} bytes, SM3 ${sm3Hex(edition)})`);
    return 0;
  }
  err(`FAILED: ${VERIFY_FAILURE_TEXT[outcome.reason]}`);
  return 2;
}
