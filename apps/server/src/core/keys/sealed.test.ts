import { describe, expect, it } from 'vitest';
import { isSealed, seal, unseal } from './sealed';

describe('sealed secrets (SM4-CBC + HMAC-SM3)', () => {
  const key = 'a'.repeat(64);
  it('opens what it sealed, with a fresh IV each time', () => {
    const a = seal(key, 'ranking-private-key', '秘密 secret');
    const b = seal(key, 'ranking-private-key', '秘密 secret');
    expect(a).not.toBe(b);
    expect(isSealed(a)).toBe(true);
    expect(unseal(key, 'ranking-private-key', a)).toBe('秘密 secret');
  });

  it('refuses an altered value, another purpose and another key', () => {
    const sealed = seal(key, 'p', 'x'.repeat(40));
    const parts = sealed.split(':');
    const data = Buffer.from(parts[2]!, 'base64');
    data[0] = data[0]! ^ 1;
    parts[2] = data.toString('base64');
    expect(() => unseal(key, 'p', parts.join(':'))).toThrow(/MAC/);
    expect(() => unseal(key, 'q', sealed)).toThrow(/MAC/);
    expect(() => unseal('b'.repeat(64), 'p', sealed)).toThrow(/MAC/);
    expect(() => unseal(key, 'p', 'plain text')).toThrow(/not a sealed value/);
    expect(isSealed('0123abcd')).toBe(false);
  });
});
