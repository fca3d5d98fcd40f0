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

const rows = (page: Page, testId: string) =>
  page.locator(`[data-testid="${testId}"] .ant-table-tbody tr.ant-table-row`);

describe('city sub-markets and cross-city flows', () => {
  it('a city admin opens their city’s sub-market (listings, brokers, contracts) and the flows matrix', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await signIn(page, base, 'wuhan.admin');

    // From the market search to the admin's own city.
    await page.goto(`${base}/app/market`);
    await page.locator('[data-testid="market-submarket"]').click();
    await page.waitForURL(/\/app\/market\/cities\/420100$/);
    await expect
      .poll(() => page.locator('.ant-card-head-title').first().textContent())
      .toContain('武汉技术交易分市场');

    // Listed achievements and demands of Wuhan (the demo data lists some of each).
    await expect.poll(() => rows(page, 'submarket-achievements').count()).toBeGreaterThan(0);
    await page.locator('[data-testid="submarket-tab-demands"]').click();
    await expect.poll(() => rows(page, 'submarket-demands').count()).toBeGreaterThan(0);

    // Officials see the city's yearly totals.
    await page.locator('[data-testid="submarket-summary"]').waitFor();
    expect(await page.locator('[data-testid="submarket-asSeller"]').textContent()).toContain(
      '万元',
    );

    // Its brokers: the demo's Wuhan broker among them.
    await page.locator('[data-testid="submarket-tab-brokers"]').click();
    await expect
      .poll(() => page.locator('[data-testid="submarket-broker"]').allTextContents())
      .toContain('柳青禾');
    await shot(page, 'submarket-brokers');

    // Its contracts (selling or buying).
    await page.locator('[data-testid="submarket-tab-deals"]').click();
    await expect.poll(() => rows(page, 'submarket-deals').count()).toBeGreaterThan(0);
    const firstDeal = (await rows(page, 'submarket-deals').first().textContent()) ?? '';
    expect(firstDeal).toContain('武汉');

    // Another city from the selector keeps the tab.
    await page.locator('[data-testid="submarket-city"]').getByText('咸宁').click();
    await page.waitForURL(/\/app\/market\/cities\/421200\?tab=deals$/);

    // The flows matrix: five seller cities as rows, plus the totals row.
    await page.locator('[data-testid="submarket-flows"]').click();
    await page.waitForURL(/\/app\/deals\/flows/);
    await expect
      .poll(() => page.locator('[data-testid="flows-seller"]').allTextContents())
      .toEqual(['武汉', '鄂州', '黄石', '黄冈', '咸宁']);
    expect(await rows(page, 'flows-matrix').count()).toBe(6);
    await expect.poll(() => page.locator('[data-testid="flows-cell"]').count()).toBeGreaterThan(0);
    await page.locator('[data-testid="flows-summary"]').waitFor();

    // An earlier year by the year selector: the URL and the summary follow.
    await page.locator('[data-testid="flows-year"]').click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option[title="2024 年"]')
      .click();
    await page.waitForURL(/year=2024/);
    await expect
      .poll(() => page.locator('[data-testid="flows-summary"]').textContent())
      .toContain('2024 年');
    expect(await page.locator('[data-testid="flows-seller"]').count()).toBe(5);
    expect(await page.locator('[data-testid="menu-deal-flows"]').count()).toBe(1);
    await shot(page, 'submarket-flows');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a broker sees the listings and brokers of a city, but no contracts tab and no flows', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, base, 'broker');
    await page.goto(`${base}/app/market/cities/420700`);
    await expect.poll(() => rows(page, 'submarket-achievements').count()).toBeGreaterThan(0);
    await page.locator('[data-testid="submarket-tab-brokers"]').click();
    await expect
      .poll(() => page.locator('[data-testid="submarket-broker"]').allTextContents())
      .toContain('欧阳新桥');
    expect(await page.locator('[data-testid="submarket-tab-deals"]').count()).toBe(0);
    expect(await page.locator('[data-testid="submarket-summary"]').count()).toBe(0);
    expect(await page.locator('[data-testid="menu-deal-flows"]').count()).toBe(0);
    await context.close();
  });
});
