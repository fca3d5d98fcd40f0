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

async function pick(page: Page, selectId: string, option: string) {
  await page.locator(`#${selectId}`).click();
  await page
    .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${option}"]`)
    .click();
}

describe('technology market', () => {
  it('anyone sees the featured achievements without signing in', async () => {
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.locator('[data-testid="home-showcase"]').click();
    await page.waitForURL(/\/showcase$/);
    await page.locator('[data-testid="showcase-card"]').first().waitFor();
    expect(await page.locator('[data-testid="showcase-card"]').count()).toBeGreaterThan(0);
    await shot(page, 'market-showcase');
    await page.close();
  });

  it('a university user searches (highlighted hits, facets), opens a hit, files a draft and submits it', async () => {
    const page = await browser.newPage();
    await signIn(page, base, 'university');
    await page.goto(`${base}/app/market`);
    await page.locator('[data-testid="market-search"] input').fill('检测');
    await page.locator('[data-testid="market-search"] input').press('Enter');
    await page.locator('[data-testid="market-hit"] mark').first().waitFor();
    expect(await page.locator('[data-testid="market-hit"] mark').first().textContent()).toBe(
      '检测',
    );
    await expect
      .poll(() => page.locator('[data-testid="market-summary"]').textContent())
      .toContain('检索词');
    // The query's timing is in the folded 如何验证 panel, not beside the results.
    expect(await page.locator('[data-testid="market-summary"]').textContent()).not.toMatch(
      /\bms\b/,
    );
    await shot(page, 'market-search');
    await page.locator('[data-testid="market-hit"] .ant-list-item-meta-title a').first().click();
    await page.waitForURL(/\/app\/market\/achievements\/\d+$/);
    await page.locator('.ant-descriptions').waitFor();

    await page.goto(`${base}/app/market/work`);
    await page.locator('[data-testid="market-create"]').click();
    await page
      .locator('#achievement_title')
      .fill('基于机器视觉的锂电池极片缺陷检测系统（浏览器测试）');
    await page
      .locator('#achievement_abstract')
      .fill(
        '针对锂电池极片生产过程中缺陷检测精度低的问题，开发了在线视觉检测系统，检测精度提升30%。',
      );
    await pick(page, 'achievement_field', '先进制造与自动化');
    await pick(page, 'achievement_trl', 'TRL 6');
    await page.locator('#achievement_priceWan').fill('120');
    // A picked file is uploaded at once (its type judged by its bytes: a real PDF header).
    const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(2991, 0x20)]);
    await page.locator('.ant-modal input[type=file]').setInputFiles({
      name: '成果简介.pdf',
      mimeType: 'application/pdf',
      buffer: pdf,
    });
    await page.locator('[data-testid="attachments"] .ant-tag').waitFor();
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await page.waitForURL(/\/app\/market\/achievements\/\d+$/);
    await expect
      .poll(() => page.locator('.ant-descriptions').textContent())
      .toContain('成果简介.pdf (3 KB)');
    // The attachment is a download link serving the very bytes uploaded.
    const href = await page.locator('[data-testid="file-links"] a').first().getAttribute('href');
    const got = await page.request.get(`${base}${href}`);
    expect([got.status(), got.headers()['content-type']]).toEqual([200, 'application/pdf']);
    expect((await got.body()).equals(pdf)).toBe(true);
    await page.locator('[data-testid="market-submit"]').click();
    await expect.poll(() => page.locator('.ant-descriptions').textContent()).toContain('待审核');
    await shot(page, 'market-submitted');
    await page.close();
  });
});
