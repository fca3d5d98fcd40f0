/**
 * The correction window's clock: dates are China Standard Time (the planned end is a local
 * date), and the window runs at least RANKING_MIN_CORRECTION_DAYS before it may close — an
 * edition opened and closed seconds apart was published once, when nobody could have filed.
 */
import { chinaDate, closableMinute, windowClosableAt } from '@corridor/contracts';
import type { Ctx } from '../../core/context';
import { errorWith } from '../../core/errors';
import type { EditionRow } from './rankings.repo';

/** "Today" of the correction window, in China Standard Time. */
export function todayInChina(now = Date.now()): string {
  return chinaDate(now);
}

/** Filing is possible while the window is open, up to the end of its planned day. */
export function windowOpen(e: Pick<EditionRow, 'status' | 'windowClosesOn'>): boolean {
  return e.status === 'correction' && !!e.windowClosesOn && todayInChina() <= e.windowClosesOn;
}

/** The shortest correction window of this installation, in days. */
export function minCorrectionDays(ctx: Ctx): number {
  return ctx.deps.config.rankings.minCorrectionDays;
}

/** When the edition's window may close: its opening plus the minimum (null if never opened). */
export function closableAt(ctx: Ctx, e: Pick<EditionRow, 'windowOpenedAt'>): string | null {
  return e.windowOpenedAt ? windowClosableAt(e.windowOpenedAt, minCorrectionDays(ctx)) : null;
}

export function windowRan(ctx: Ctx, e: Pick<EditionRow, 'windowOpenedAt'>, at = new Date()) {
  const from = closableAt(ctx, e);
  return from === null || at.getTime() >= Date.parse(from);
}

/** Refuses to close the window, or to publish, before the window has run its minimum. */
export function assertWindowRan(ctx: Ctx, e: Pick<EditionRow, 'windowOpenedAt'>, at: Date) {
  if (windowRan(ctx, e, at)) return;
  throw errorWith('ranking.window_minimum', {
    days: minCorrectionDays(ctx),
    closableAt: closableMinute(closableAt(ctx, e)!),
  });
}
