import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot, signIn } from './browser';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

/**
 * The demo broker opened a negotiation for the demo enterprise (seed), so the enterprise's bell
 * has something unread: the bell counts it, the dropdown says it in the reader's language and
 * leads to the thread, and the list page marks everything read.
 */
describe('notifications', () => {
  it('the bell shows unread notifications, opens one and marks all read', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, base, 'enterprise');
    const bell = page.locator('[data-testid="notification-bell"]');
    await expect
      .poll(async () =>
        Number((await bell.locator('.ant-scroll-number').getAttribute('title')) ?? 0),
      )
      .toBeGreaterThan(0);
    await bell.click();
    const panel = page.locator('[data-testid="notification-panel"]');
    await expect
      .poll(() => panel.locator('[data-testid="notification-item"]').count())
      .toBeGreaterThan(0);
    expect(await panel.textContent()).toContain('发起洽谈');
    await shot(page, 'notifications-bell');
    await panel.locator('[data-testid="notification-item"]:has-text("发起洽谈")').first().click();
    await page.waitForURL(/\/app\/negotiations\/\d+$/);

    // In English the same notifications read in English (rendered from type and values).
    await page.evaluate(() => localStorage.setItem('corridor.locale', 'en'));
    await page.goto(`${base}/app/notifications`);
    const table = page.locator('.ant-table-tbody');
    await expect.poll(() => table.locator('tr.ant-table-row').count()).toBeGreaterThan(0);
    expect(await table.textContent()).toContain('opened a negotiation on');
    await page.locator('[data-testid="notifications-read-all"]').click();
    await expect.poll(() => bell.locator('.ant-scroll-number').count()).toBe(0);
    await page.locator('[data-testid="notifications-unread-only"]').click();
    await expect.poll(() => table.locator('tr.ant-table-row').count()).toBe(0);
    expect(await table.textContent()).toContain('No notifications');
    await shot(page, 'notifications-page-en');
    expect(errors).toEqual([]);
    await context.close();
  });
});
