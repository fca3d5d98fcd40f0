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

const SIZES = [
  { name: 'desktop', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;

/** No page may need sideways scrolling of the whole page (tables scroll inside themselves). */
const overflows = (page: import('playwright-core').Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);

describe('scheduled jobs and the notification list, on desktop and phone', () => {
  for (const size of SIZES) {
    it(`the province admin runs a job now and reads its result in Chinese (${size.name})`, async () => {
      const context = await browser.newContext({ viewport: size });
      const page = await context.newPage();
      await signIn(page, base, 'province.admin');
      await page.goto(`${base}/app/jobs`);
      await page.locator('[data-testid="job-run-platform.purge_idempotency_keys"]').click();
      const runs = page.locator('[data-testid="job-runs"]');
      await expect.poll(() => runs.textContent(), { timeout: 10_000 }).toContain('成功');
      const text = (await page.locator('main, .ant-layout-content').first().textContent()) ?? '';
      expect(text).toContain('删除超过 24 小时的幂等键记录');
      expect(text).toMatch(/处理 \d+ 条/);
      // No internal names or codes on the page.
      expect(text).not.toMatch(/platform\.|market\.|notifications\.|succeeded|manual/);
      expect(await overflows(page)).toBe(false);
      await shot(page, `jobs-${size.name}`);
      await context.close();
    });

    it(`the enterprise's notification list fits the screen (${size.name})`, async () => {
      const context = await browser.newContext({ viewport: size });
      const page = await context.newPage();
      await signIn(page, base, 'enterprise');
      await page.goto(`${base}/app/notifications`);
      await page.locator('[data-testid="notifications-read-all"]').waitFor();
      expect(await overflows(page)).toBe(false);
      await shot(page, `notifications-${size.name}`);
      await context.close();
    });
  }
});
