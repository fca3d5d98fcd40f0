import { describe, expect, it } from 'vitest';
import {
  chinaDate,
  chinaMinute,
  closableMinute,
  correctionPeriod,
  earliestClosesOn,
  windowClosableAt,
} from './window';

describe('the correction window in dates', () => {
  it('reads instants as China dates and minutes', () => {
    expect(chinaDate('2026-12-03T16:30:00.000Z')).toBe('2026-12-04'); // 00:30 in Beijing
    expect(chinaDate('2026-12-03T15:59:59.000Z')).toBe('2026-12-03');
    expect(chinaMinute('2026-12-03T16:30:00.000Z')).toBe('2026-12-04 00:30');
    // A moment to close is named rounded up: from the named minute, closing is allowed.
    expect(closableMinute('2026-12-03T16:30:00.000Z')).toBe('2026-12-04 00:30');
    expect(closableMinute('2026-12-03T16:30:00.001Z')).toBe('2026-12-04 00:31');
  });

  it('may close the minimum after it opened, and plans its end no earlier', () => {
    const opened = '2026-12-01T02:00:00.000Z'; // 10:00 in Beijing
    expect(windowClosableAt(opened, 7)).toBe('2026-12-08T02:00:00.000Z');
    expect(earliestClosesOn(opened, 7)).toBe('2026-12-08');
    expect(earliestClosesOn(opened, 0)).toBe('2026-12-01');
  });

  it('shows the planned end while open, the actual close once closed', () => {
    const opened = '2026-12-01T02:00:00.000Z';
    const base = { windowOpenedAt: opened, windowClosesOn: '2026-12-15' };
    expect(correctionPeriod({ ...base, windowClosedAt: null })).toEqual({
      from: '2026-12-01',
      to: '2026-12-15',
      planned: true,
    });
    // Closed early (after the minimum): the public reads the day it closed.
    expect(correctionPeriod({ ...base, windowClosedAt: '2026-12-09T09:00:00.000Z' })).toEqual({
      from: '2026-12-01',
      to: '2026-12-09',
      planned: false,
    });
    // Closed late: filing had stopped at the planned end already.
    expect(correctionPeriod({ ...base, windowClosedAt: '2026-12-18T09:00:00.000Z' })).toEqual({
      from: '2026-12-01',
      to: '2026-12-15',
      planned: false,
    });
    expect(
      correctionPeriod({ windowOpenedAt: null, windowClosesOn: null, windowClosedAt: null }),
    ).toBeNull();
  });
});
