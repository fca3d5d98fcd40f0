/**
 * The minimum correction window (issue 10 item 6): at the default setting (7 days) a window
 * cannot be planned shorter, closed, or its edition published before it has run; the actual
 * opening and close are on the edition for everyone to read.
 */
import { chinaDate, chinaMinute, windowClosableAt } from '@corridor/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  as,
  countAudit,
  createTestApp,
  makeUser,
  type Session,
  type TestApp,
} from '../../../test/helpers';
import { ConfigError, loadConfig } from '../../core/config';
import {
  backdateWindow,
  draftEdition,
  inDays,
  makeInputs,
  publishedMethod,
  step,
} from './rankings.test-helpers';

let t: TestApp;
let publisher: Session;

beforeAll(async () => {
  t = await createTestApp(); // the default minimum, as installed
  publisher = await makeUser(t, ['ranking_publisher']);
});
afterAll(() => t.close());

const get = (s: Session | null, url: string, headers: Record<string, string> = {}) =>
  as(t, s, { method: 'GET', url: `/api/v1${url}`, headers });

async function draft() {
  const { year } = await makeInputs(t, 3);
  const method = await publishedMethod(t, publisher);
  return draftEdition(t, publisher, method.id, year);
}

describe('the minimum correction window (default 7 days)', () => {
  it('is the default setting, and a bad value stops the start naming the variable', () => {
    expect(t.deps.config.rankings.minCorrectionDays).toBe(7);
    expect(loadConfig({}).rankings.minCorrectionDays).toBe(7);
    expect(loadConfig({ RANKING_MIN_CORRECTION_DAYS: '14' }).rankings.minCorrectionDays).toBe(14);
    expect(loadConfig({ RANKING_MIN_CORRECTION_DAYS: '0' }).rankings.minCorrectionDays).toBe(0);
    for (const bad of ['-1', '2.5', 'seven', '91']) {
      expect(() => loadConfig({ RANKING_MIN_CORRECTION_DAYS: bad })).toThrow(ConfigError);
      expect(() => loadConfig({ RANKING_MIN_CORRECTION_DAYS: bad })).toThrow(
        /RANKING_MIN_CORRECTION_DAYS/,
      );
    }
  });

  it('refuses a planned end before the minimum, naming the field and the earliest date', async () => {
    const edition = await draft();
    const short = await step(t, publisher, edition.id, 'open-window', { closesOn: inDays(6) });
    expect([short.statusCode, short.json().code]).toEqual([400, 'validation.failed']);
    expect(short.json().details[0]).toMatchObject({
      field: 'closesOn',
      code: 'ranking.closes_too_soon',
    });
    expect(short.json().details[0].reason).toContain(inDays(7));
    expect(short.json().details[0].reason).toContain('7 天');
    const still = await get(publisher, `/rankings/editions/${edition.id}`);
    expect(still.json()).toMatchObject({ status: 'draft', windowOpenedAt: null });
  });

  it('refuses to close the window before it has run 7 days, saying when it can, in zh-CN and en', async () => {
    const edition = await draft();
    const opened = await step(t, publisher, edition.id, 'open-window', { closesOn: inDays(7) });
    expect(opened.statusCode, opened.body).toBe(200);
    const open = opened.json();
    const closableAt = windowClosableAt(open.windowOpenedAt, 7);
    expect(open).toMatchObject({
      status: 'correction',
      minCorrectionDays: 7,
      windowClosableAt: closableAt,
      windowClosedAt: null,
    });
    expect(open.abilities.closeWindow).toBe(false);

    const before = await countAudit(t, {
      action: 'ranking.edition.close_window',
      actor: publisher,
    });
    const refused = await step(t, publisher, edition.id, 'close-window');
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'ranking.window_minimum']);
    // Named to the minute, rounded up (from that minute on, closing is allowed).
    const minute = chinaMinute(Math.ceil(Date.parse(closableAt) / 60_000) * 60_000);
    expect(minute).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(refused.json().message).toBe(
      `公示期至少 7 天，${minute}（北京时间）之后才能截止纠错或发布`,
    );
    const english = await as(t, publisher, {
      method: 'POST',
      url: `/api/v1/rankings/editions/${edition.id}/close-window`,
      headers: { 'accept-language': 'en' },
      payload: { version: open.version },
    });
    expect(english.json().code).toBe('ranking.window_minimum');
    expect(english.json().message).toContain(`at least 7 days`);
    expect(english.json().message).toContain(`${minute} (China time)`);

    // Nothing changed: still open, same version, no close on record.
    const after = await get(publisher, `/rankings/editions/${edition.id}`);
    expect(after.json()).toMatchObject({
      status: 'correction',
      version: open.version,
      windowClosedAt: null,
    });
    expect(await countAudit(t, { action: 'ranking.edition.close_window', actor: publisher })).toBe(
      before,
    );
  });

  it('closes once the minimum has run, records the actual close and publishes', async () => {
    const edition = await draft();
    await step(t, publisher, edition.id, 'open-window', { closesOn: inDays(10) });
    // As if opened 7 days (and a minute) ago.
    const openedAt = await backdateWindow(t, edition.id, 7);
    const ready = (await get(publisher, `/rankings/editions/${edition.id}`)).json();
    expect(ready.abilities.closeWindow).toBe(true);
    expect(Date.parse(ready.windowClosableAt)).toBeLessThanOrEqual(Date.now());

    const t0 = Date.now();
    const closed = await step(t, publisher, edition.id, 'close-window');
    expect(closed.statusCode, closed.body).toBe(200);
    const c = closed.json();
    expect(c).toMatchObject({
      status: 'closed',
      windowOpenedAt: openedAt,
      windowClosesOn: inDays(10),
      windowClosableAt: null,
    });
    // The actual close, not the planned end: today, three days before it.
    expect(Date.parse(c.windowClosedAt)).toBeGreaterThanOrEqual(t0 - 1000);
    expect(chinaDate(c.windowClosedAt)).toBe(inDays(0));
    expect(c.abilities.publish).toBe(true);

    const published = await step(t, publisher, edition.id, 'publish');
    expect(published.statusCode, published.body).toBe(200);
    // Anyone reads when the window actually ran.
    const pub = (await get(null, `/rankings/editions/${edition.id}`)).json();
    expect(pub).toMatchObject({
      status: 'published',
      windowOpenedAt: openedAt,
      windowClosedAt: c.windowClosedAt,
      windowClosesOn: inDays(10),
    });
  });

  it('refuses to publish an edition whose window closed before the minimum had run', async () => {
    // An edition closed seconds after opening, as could happen before the minimum existed.
    const edition = await draft();
    await step(t, publisher, edition.id, 'open-window', { closesOn: inDays(7) });
    await t.deps.db
      .updateTable('rankingEditions')
      .set({ status: 'closed', windowClosedAt: new Date().toISOString() })
      .where('id', '=', edition.id)
      .execute();
    const closed = (await get(publisher, `/rankings/editions/${edition.id}`)).json();
    expect(closed.abilities.publish).toBe(false);
    const refused = await step(t, publisher, edition.id, 'publish');
    expect([refused.statusCode, refused.json().code]).toEqual([409, 'ranking.window_minimum']);
    expect((await get(publisher, `/rankings/editions/${edition.id}`)).json().status).toBe('closed');
  });
});
