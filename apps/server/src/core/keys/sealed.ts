import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  hkdfSync,
  randomBytes,
  timingSafeEqual,
} from 'node:crypto';

/**
 * Secrets stored in the database sealed under the installation key (which lives outside it):
 * SM4-CBC, then HMAC-SM3 over version, purpose, IV and ciphertext (encrypt-then-MAC), keys
 * derived per purpose with HKDF-SM3 so one purpose's ciphertext never opens as another's.
 * Format: `sm4v1:<iv b64>:<ciphertext b64>:<mac b64>`.
 */
const VERSION = 'sm4v1';

function keysFor(installationKey: string, purpose: string) {
  const okm = Buffer.from(hkdfSync('sm3', installationKey, 'corridor-sealed', purpose, 48));
  return { enc: okm.subarray(0, 16), mac: okm.subarray(16) };
}

function macOf(key: Buffer, purpose: string, iv: Buffer, data: Buffer): Buffer {
  return createHmac('sm3', key).update(`${VERSION}\0${purpose}\0`).update(iv).update(data).digest();
}

export function isSealed(stored: string): boolean {
  return stored.startsWith(`${VERSION}:`);
}

export function seal(installationKey: string, purpose: string, plain: string): string {
  const k = keysFor(installationKey, purpose);
  const iv = randomBytes(16);
  const cipher = createCipheriv('sm4-cbc', k.enc, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  const mac = macOf(k.mac, purpose, iv, data);
  return [VERSION, iv, data, mac]
    .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
    .join(':');
}

/** The plain text, or an error when the value was altered or sealed under another key. */
export function unseal(installationKey: string, purpose: string, stored: string): string {
  const [version, ivText, dataText, macText, extra] = stored.split(':');
  if (version !== VERSION || !ivText || !dataText || !macText || extra !== undefined)
    throw new Error('not a sealed value');
  const k = keysFor(installationKey, purpose);
  const iv = Buffer.from(ivText, 'base64');
  const data = Buffer.from(dataText, 'base64');
  const mac = Buffer.from(macText, 'base64');
  const expected = macOf(k.mac, purpose, iv, data);
  if (mac.length !== expected.length || !timingSafeEqual(mac, expected))
    throw new Error('sealed value fails its MAC (altered, or another installation key)');
  const decipher = createDecipheriv('sm4-cbc', k.enc, iv);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}
