import { describe, expect, it } from 'vitest';
import { formatRegistrationNo, REGISTRATION_NO_PATTERN } from './deals';

describe('合同登记编号', () => {
  it('is year + seller city (GB/T 2260) + six-digit serial, 16 digits', () => {
    const no = formatRegistrationNo(2026, '420700', 42);
    expect(no).toBe('2026420700000042');
    expect(no).toMatch(REGISTRATION_NO_PATTERN);
  });

  it('rejects numbers outside the layout', () => {
    expect('20264207000000421').not.toMatch(REGISTRATION_NO_PATTERN);
    expect('2026110100000001').not.toMatch(REGISTRATION_NO_PATTERN);
  });
});
