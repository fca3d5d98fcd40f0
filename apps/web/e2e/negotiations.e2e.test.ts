import type { Browser, Page } from 'playwright-core';
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

async function pick(page: Page, testId: string, option: string) {
  await page.locator(`[data-testid="${testId}"]`).click();
  await page
    .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`)
    .click();
}

/** A published achievement of another organisation than the signed-in user's. */
async function othersAchievement(page: Page): Promise<number> {
  const me = await (await page.request.get(`${base}/api/v1/auth/me`)).json();
  const res = await page.request.get(`${base}/api/v1/market/achievements/search?pageSize=50`);
  const hits = (await res.json()).items as { id: number; org: { id: number }; status: string }[];
  const hit = hits.find((h) => h.status === 'published' && h.org.id !== me.orgId);
  if (!hit) throw new Error('the demo data lists no achievement of another organisation');
  return hit.id;
}

describe('negotiations', () => {
  it('an enterprise user opens a negotiation from an achievement, makes an offer and abandons with a reason', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, base, 'enterprise');
    const id = await othersAchievement(page);
    await page.goto(`${base}/app/market/achievements/${id}`);
    // Matching on the achievement: demands it could meet, and the enterprises behind them.
    const section = page.locator('[data-testid="matching-section"]');
    await section.locator('.ant-list').first().waitFor();
    await expect.poll(() => section.locator('.ant-list-loading').count()).toBe(0);
    const demands = await section.locator('.ant-list-item').count();
    await page.locator('[data-testid="matching-tab-enterprises"]').click();
    const enterprises = page.locator('[data-testid="matching-enterprises"]');
    await expect
      .poll(
        async () =>
          (await enterprises.locator('.ant-list-item').count()) > 0 ||
          (await enterprises.locator('.ant-empty').count()) > 0,
      )
      .toBe(true);
    // Each matched demand's enterprise is listed once: some enterprises whenever some demands.
    expect((await enterprises.locator('.ant-list-item').count()) > 0).toBe(demands > 0);
    await shot(page, 'matching-enterprises');
    await page.locator('[data-testid="neg-start"]').click();
    await page.locator('.ant-modal textarea').fill('贵方成果是否支持普通许可？希望了解实施条件。');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.waitForURL(/\/app\/negotiations\/\d+$/);
    await expect
      .poll(() => page.locator('[data-testid="neg-status"]').textContent())
      .toBe('洽谈中');

    // An offer: licence, 150 万元 of which 140 万元 technology transaction amount.
    await page.locator('[data-testid="neg-with-offer"]').click();
    await pick(page, 'neg-offer-type', '技术许可');
    await page.locator('#totalAmountWan').fill('150');
    await page.locator('#techAmountWan').fill('140');
    await page.locator('[data-testid="neg-send"]').click();
    await expect
      .poll(() => page.locator('[data-testid="neg-offer"]').first().textContent())
      .toContain('技术许可');
    await shot(page, 'negotiation-offer');

    // The list shows the thread; then the buyer abandons it with a structured reason.
    await page.locator('button:has-text("终止洽谈")').click();
    await page.locator('.ant-modal .ant-radio-wrapper:has-text("价格不合适")').click();
    await page.locator('.ant-modal-footer .ant-btn-dangerous').click();
    await expect
      .poll(() => page.locator('[data-testid="neg-status"]').textContent())
      .toBe('已终止');
    await page.goto(`${base}/app/negotiations`);
    await expect
      .poll(() => page.locator('.ant-table-tbody tr.ant-table-row').count())
      .toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});
