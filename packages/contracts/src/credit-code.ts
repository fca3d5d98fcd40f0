/**
 * Unified social credit code (统一社会信用代码, GB 32100-2015) with both check characters:
 * position 18 over the 31-symbol set, and position 17, the GB 11714 organisation-code check.
 */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

export type CreditCodeProblem =
  | 'credit_code.length'
  | 'credit_code.charset'
  | 'credit_code.org_check'
  | 'credit_code.check';

/** Check character (position 18) for the first 17 characters, or null if a character is illegal. */
export function uscCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17[i] ?? '?');
    if (value < 0) return null;
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET[(31 - (sum % 31)) % 31] ?? null;
}

/** GB 11714 check character (position 17) for the 8-character organisation body. */
export function orgCodeCheckChar(body8: string): string | null {
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const value = ORG_ALPHABET.indexOf(body8[i] ?? '?');
    if (value < 0) return null;
    sum += value * (ORG_WEIGHTS[i] ?? 0);
  }
  const r = 11 - (sum % 11);
  if (r === 10) return 'X';
  if (r === 11) return '0';
  return String(r);
}

/** Returns the first problem with a credit code, or null when both checks pass. */
export function checkCreditCode(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'credit_code.length';
  for (const ch of code) if (!USCC_ALPHABET.includes(ch)) return 'credit_code.charset';
  if (orgCodeCheckChar(code.slice(8, 16)) !== code[16]) return 'credit_code.org_check';
  if (uscCheckChar(code.slice(0, 17)) !== code[17]) return 'credit_code.check';
  return null;
}

export function isValidCreditCode(code: string): boolean {
  return checkCreditCode(code) === null;
}

/**
 * Builds a valid code from authority+type (2 chars), a 6-digit region and an 8-character body
 * drawn from the 31-symbol set. Used by the demo-data generator and test factories.
 */
export function makeCreditCode(prefix2: string, region6: string, body8: string): string {
  const orgCheck = orgCodeCheckChar(body8);
  if (orgCheck === null) throw new Error(`illegal organisation body ${body8}`);
  const first17 = `${prefix2}${region6}${body8}${orgCheck}`;
  const check = uscCheckChar(first17);
  if (check === null) throw new Error(`illegal credit code stem ${first17}`);
  return first17 + check;
}

/** A body of 8 symbols from the 31-symbol alphabet, taken from a number (deterministic). */
export function creditBodyFromNumber(n: number): string {
  let out = '';
  let rest = Math.abs(Math.floor(n));
  for (let i = 0; i < 8; i++) {
    out = USCC_ALPHABET[rest % 31] + out;
    rest = Math.floor(rest / 31);
  }
  return out;
}

/**
 * Where the code was issued, when that is not the organisation's city: positions 3–8 are the
 * GB/T 2260 region of the registration authority. A district counts as its city (420111 is in
 * 420100); a code issued at province or national level (xx0000, 100000) says nothing about the
 * city and gives null. Returns the issuing city (xxxx00) or, outside Hubei, the region itself.
 */
export function creditCodeIssuedElsewhere(code: string, cityCode: string): string | null {
  const region = code.slice(2, 8);
  if (!/^\d{6}$/.test(region) || region.endsWith('0000')) return null;
  if (region.slice(0, 4) === cityCode.slice(0, 4)) return null;
  return region.startsWith('42') ? `${region.slice(0, 4)}00` : region;
}
