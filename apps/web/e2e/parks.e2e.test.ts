import { describe, expect, inject, it } from 'vitest';
import { SIZES, sharedBrowser, shot, signIn } from './browser';

/**
 * Co-built parks (issue 16 item 1) at both screens: the province admin opens the parks list and
 * a park's promised-vs-paid statement; everything reads in words (no item or rule codes), and
 * the phone page does not run wider than the screen.
 */
const base = inject('baseUrl');
const browser = sharedBrowser();
const CODES =
  /\b(vat_local|corporate_tax|gdp|double_count|by_ratio|by_equity|to_party|gross|after_incentives)\b/;

describe('co-built parks', () => {
  for (const size of SIZES)
    it(`lists the parks and shows a park's statement in words (${size.name})`, async () => {
      const page = await browser().newPage({
        viewport: { width: size.width, height: size.height },
      });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await signIn(page, base, 'province.admin');
      await page.goto(`${base}/app/parks`);
      const table = page.locator('[data-testid="parks-table"]');
      await expect.poll(() => table.textContent()).toContain('光谷黄冈科技产业园');
      await table.locator('a', { hasText: '光谷黄冈科技产业园' }).first().click();
      await page.locator('[data-testid="park-detail"]').waitFor();
      for (const tab of ['协议阶段', '年度数据', '分成结果', '应付与实付']) {
        await page.locator('.ant-tabs-tab', { hasText: tab }).first().click();
        await page.waitForTimeout(300);
        expect(await page.locator('[data-testid="park-detail"]').textContent()).not.toMatch(CODES);
      }
      await shot(page, `parks-detail-${size.name}`);
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width).toBeLessThanOrEqual(size.width + 1);
      expect(errors).toEqual([]);
      await page.close();
    });
});
