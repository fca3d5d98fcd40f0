import { createCipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSealed } from '../keys/sealed';
import { decryptSecret, encryptSecret } from './mfa';

describe('stored TOTP secrets', () => {
  const key = randomBytes(32).toString('hex');
  it('are sealed with SM4 + HMAC-SM3 and open under the same installation key only', () => {
    const stored = encryptSecret(key, 'JBSWY3DPEHPK3PXP');
    expect(isSealed(stored)).toBe(true);
    expect(decryptSecret(key, stored)).toBe('JBSWY3DPEHPK3PXP');
    expect(() => decryptSecret(randomBytes(32).toString('hex'), stored)).toThrow();
  });

  it('enrolled before sealing (AES-256-GCM) are still read', () => {
    // The format an earlier version wrote, made here independently of the code under test.
    const iv = randomBytes(12);
    const aes = Buffer.from(hkdfSync('sha256', key, 'corridor-mfa', 'totp-secret-encryption', 32));
    const cipher = createCipheriv('aes-256-gcm', aes, iv);
    const data = Buffer.concat([cipher.update('JBSWY3DPEHPK3PXP', 'utf8'), cipher.final()]);
    const legacy = ['v1', iv, cipher.getAuthTag(), data]
      .map((p) => (typeof p === 'string' ? p : p.toString('base64')))
      .join(':');
    expect(decryptSecret(key, legacy)).toBe('JBSWY3DPEHPK3PXP');
  });
});
