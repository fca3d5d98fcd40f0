import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot, signIn } from './browser';

/**
 * Issue 9 item 2: the tier ladder's gap sentences come from codes and values, rendered in the
 * reader's language. Signed in with English, the ladder (tier names, states, gap sentences) has
 * no Chinese but the 万元 unit; in Chinese the same gaps read in Chinese.
 */
const base = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function ladderText(page: Page, locale: 'en' | 'zh-CN') {
  await page.addInitScript((l) => localStorage.setItem('corridor.locale', l), locale);
  await signIn(page, base, 'enterprise');
  const me = await page.evaluate(async () => (await fetch('/api/v1/auth/me')).json());
  await page.goto(`${base}/app/orgs/${me.orgId}`);
  const steps = page.locator('[data-testid="tier-ladder"] .ant-steps');
  await steps.waitFor({ timeout: 20_000 });
  // Each rung's title, state tags and gap lines, one string each.
  const parts = await steps
    .locator('.ant-steps-item-title, .ant-tag, .ant-typography')
    .allTextContents();
  return parts.map((p) => p.trim()).filter(Boolean);
}

describe('tier ladder in both languages', () => {
  it('shows English gap sentences to an English reader and Chinese ones to a Chinese reader', async () => {
    for (const [viewport, label] of [
      [{ width: 1440, height: 900 }, 'desktop'],
      [{ width: 390, height: 844 }, 'phone'],
    ] as const) {
      const en = await browser.newContext({ viewport });
      const enPage = await en.newPage();
      const english = await ladderText(enPage, 'en');
      await shot(enPage, `tier-ladder-en-${label}`);
      expect(english.length).toBeGreaterThan(5);
      const text = english.join('\n');
      expect(text.replaceAll('万元', ''), text).not.toMatch(/\p{Script=Han}/u);
      await en.close();

      const zh = await browser.newContext({ viewport });
      const zhPage = await zh.newPage();
      const chinese = await ladderText(zhPage, 'zh-CN');
      expect(chinese.join('\n')).toMatch(/\p{Script=Han}/u);
      // The same ladder: as many parts in both languages (tier names, states, gaps).
      expect(chinese.length).toBe(english.length);
      await zh.close();
    }
  });
});
