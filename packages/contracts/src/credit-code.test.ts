import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkCreditCode,
  creditBodyFromNumber,
  creditCodeIssuedElsewhere,
  makeCreditCode,
} from './credit-code';

describe('unified social credit code (GB 32100)', () => {
  it.each([
    '91110000600037341L',
    '91420684MA4927PJ7B',
    '9115220107837757XE',
    '91620105L015101280',
    '121200004013590816',
  ])('accepts the reference value %s', (code) => {
    expect(checkCreditCode(code)).toBeNull();
  });

  it('rejects a wrong check character', () => {
    expect(checkCreditCode('91110000600037341N')).toBe('credit_code.check');
  });
  it('rejects forbidden letters I O S V Z', () => {
    expect(checkCreditCode('9111000060003IOZSV')).toBe('credit_code.charset');
  });
  it('rejects a wrong length', () => {
    expect(checkCreditCode('12345')).toBe('credit_code.length');
  });
  it('rejects a wrong organisation-code check (position 17)', () => {
    // 91110000600037341L with position 17 changed from 1 to 2, position 18 recomputed
    const stem = '9111000060003734';
    const bad = makeCreditCode('91', '110000', '60003734').replace(
      /^(.{16})./,
      `${stem.slice(0, 16)}2`,
    );
    expect(checkCreditCode(bad)).toBe('credit_code.org_check');
  });

  it('makes codes that always pass both checks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 31 ** 8 - 1 }), (n) => {
        const code = makeCreditCode('91', '420100', creditBodyFromNumber(n));
        expect(checkCreditCode(code)).toBeNull();
      }),
    );
  });

  it('detects any single-character change of a valid code', () => {
    const valid = '91420684MA4927PJ7B';
    const alphabet = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    for (let pos = 0; pos < 18; pos++) {
      for (const ch of alphabet) {
        if (ch === valid[pos]) continue;
        const changed = valid.slice(0, pos) + ch + valid.slice(pos + 1);
        expect(checkCreditCode(changed), changed).not.toBeNull();
      }
    }
  });
});

describe('the issuing region of a credit code', () => {
  it('names another city, a district counting as its city, nothing for province-level codes', () => {
    expect(creditCodeIssuedElsewhere('91420111MA4K0001X1', '420100')).toBeNull();
    expect(creditCodeIssuedElsewhere('91420700MA4K0001X1', '420100')).toBe('420700');
    expect(creditCodeIssuedElsewhere('91420704MA4K0001X1', '420100')).toBe('420700');
    expect(creditCodeIssuedElsewhere('91420000MA4K0001X1', '420700')).toBeNull();
    expect(creditCodeIssuedElsewhere('91100000MA4K0001X1', '420700')).toBeNull();
    expect(creditCodeIssuedElsewhere('91110108MA4K0001X1', '420100')).toBe('110108');
  });
});
