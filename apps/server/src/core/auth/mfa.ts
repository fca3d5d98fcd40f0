import { createDecipheriv, hkdfSync } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { isSealed, seal, unseal } from '../keys/sealed';

/**
 * Second factor (MLPS 8.1.4.1d, ASVS 6.3.3): TOTP (RFC 6238: 6 digits, 30 s, SHA-1 — what
 * authenticator apps implement) through `otpauth`. Secrets are stored sealed (SM4 + HMAC-SM3
 * under the installation key, core/keys/sealed.ts) and each code is accepted once: the time step
 * used last is stored and only later steps pass (ASVS 6.5.1).
 */
const ISSUER = '光谷科创大走廊协同创新云';
const PERIOD_SECONDS = 30;
/** One step either side absorbs clock drift between the phone and the server. */
const WINDOW = 1;

const PURPOSE = 'totp-secret';

export function encryptSecret(installationKey: string, base32: string): string {
  return seal(installationKey, PURPOSE, base32);
}

export function decryptSecret(installationKey: string, stored: string): string {
  if (isSealed(stored)) return unseal(installationKey, PURPOSE, stored);
  return decryptLegacy(installationKey, stored);
}

/** Secrets enrolled before sealing (AES-256-GCM, HKDF-SHA256 key): still read, never written. */
function decryptLegacy(installationKey: string, stored: string): string {
  const [version, iv, tag, data] = stored.split(':');
  if (version !== 'v1' || !iv || !tag || !data) throw new Error('unknown MFA secret format');
  const key = Buffer.from(
    hkdfSync('sha256', installationKey, 'corridor-mfa', 'totp-secret-encryption', 32),
  );
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(data, 'base64')), decipher.final()]).toString(
    'utf8',
  );
}

function totp(base32: string, label = 'account') {
  return new TOTP({
    issuer: ISSUER,
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(base32),
  });
}

/** A new random 160-bit secret (base32) and the otpauth:// URI an authenticator app scans. */
export function newTotpSecret(label: string): { secret: string; uri: string } {
  const secret = new Secret({ size: 20 }).base32;
  return { secret, uri: totp(secret, label).toString() };
}

/**
 * The time step a code belongs to when it is valid now (±WINDOW steps) and later than
 * `lastStep`; null otherwise (wrong, expired or already used).
 */
export function acceptedStep(
  base32: string,
  code: string,
  lastStep: number | null,
  now = Date.now(),
): number | null {
  const delta = totp(base32).validate({ token: code, timestamp: now, window: WINDOW });
  if (delta === null) return null;
  const step = Math.floor(now / 1000 / PERIOD_SECONDS) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** The current code of a secret (tests and the enrolment check only). */
export function currentCode(base32: string, now = Date.now()): string {
  return totp(base32).generate({ timestamp: now });
}
