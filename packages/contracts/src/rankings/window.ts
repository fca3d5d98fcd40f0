/**
 * The correction window (公示期) of an edition, as dates: it runs at least a minimum number of
 * days (RANKING_MIN_CORRECTION_DAYS on the server, default 7) before the publisher may close it,
 * and once closed, what the public reads is when it actually ran, not what was planned.
 * Dates are China Standard Time (the planned end `windowClosesOn` is a local date too).
 */

export const DEFAULT_MIN_CORRECTION_DAYS = 7;
const DAY_MS = 86_400_000;
const CST_OFFSET_MS = 8 * 3_600_000;

/** YYYY-MM-DD in China of an instant (ISO text or epoch ms). */
export function chinaDate(at: string | number): string {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 10);
}

/** YYYY-MM-DD HH:mm in China of an instant, for messages that name a moment. */
export function chinaMinute(at: string | number): string {
  const ms = typeof at === 'number' ? at : Date.parse(at);
  return new Date(ms + CST_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

/** When a window may close, as people read it: to the minute, rounded up (then it may). */
export function closableMinute(closableAt: string): string {
  return chinaMinute(Math.ceil(Date.parse(closableAt) / 60_000) * 60_000);
}

/** The first instant the window opened at `openedAt` may be closed (ISO, UTC). */
export function windowClosableAt(openedAt: string, minDays: number): string {
  return new Date(Date.parse(openedAt) + minDays * DAY_MS).toISOString();
}

/**
 * The earliest planned end a window opened at `openedAt` may name: the China date on which its
 * minimum runs out (filing stays possible until the end of the planned day, so a window planned
 * to that day is open for at least the minimum).
 */
export function earliestClosesOn(openedAt: string | number, minDays: number): string {
  const ms = typeof openedAt === 'number' ? openedAt : Date.parse(openedAt);
  return chinaDate(ms + minDays * DAY_MS);
}

export interface CorrectionPeriod {
  from: string;
  to: string;
  /** True while the window is open: `to` is the planned end, not yet a fact. */
  planned: boolean;
}

/**
 * 公示期 as the public reads it: from the opening date to the planned end while open; once
 * closed, to the day filing actually stopped — the close, or the planned end if the publisher
 * closed later (filings were refused after it already).
 */
export function correctionPeriod(e: {
  windowOpenedAt: string | null;
  windowClosesOn: string | null;
  windowClosedAt: string | null;
}): CorrectionPeriod | null {
  if (!e.windowOpenedAt) return null;
  const from = chinaDate(e.windowOpenedAt);
  if (!e.windowClosedAt) return { from, to: e.windowClosesOn ?? from, planned: true };
  const closed = chinaDate(e.windowClosedAt);
  const to = e.windowClosesOn && e.windowClosesOn < closed ? e.windowClosesOn : closed;
  return { from, to, planned: false };
}
