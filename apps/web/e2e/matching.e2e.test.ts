import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot, signIn } from './browser';

/**
 * Issue 10 items 5 and 7: a page never calls what the role may not (a talent's achievement page
 * asks for no matches, so no 403 and no red message), and a broker's introduction needs a note
 * and a confirmation, after which the pair shows as introduced.
 */
const base = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

async function publishedIds(page: Page): Promise<number[]> {
  const res = await page.request.get(`${base}/api/v1/market/achievements/search?pageSize=50`);
  const items = (await res.json()).items as { id: number; status: string }[];
  return items.filter((a) => a.status === 'published').map((a) => a.id);
}

describe('matching on the achievement page', () => {
  it('a talent reads an achievement without any refused request or error message', async () => {
    const page = await browser.newPage();
    const refused: string[] = [];
    page.on('response', (r) => {
      if (r.status() === 403) refused.push(r.url());
    });
    await signIn(page, base, 'talent');
    const [id] = await publishedIds(page);
    await page.goto(`${base}/app/market/achievements/${id}`);
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.ant-card-head-title').first().textContent()).toBeTruthy();
    expect(await page.locator('[data-testid="matching-section"]').count()).toBe(0);
    expect(await page.locator('.ant-message-error, .ant-alert-error').count()).toBe(0);
    expect(refused).toEqual([]);
    await page.close();
  });

  it('a broker introduces a pair with a note, after a confirmation', async () => {
    const page = await browser.newPage();
    await signIn(page, base, 'wuhan.broker');
    let target: number | null = null;
    for (const id of await publishedIds(page)) {
      const res = await page.request.get(`${base}/api/v1/matching/achievements/${id}/demands`);
      if (res.ok() && (await res.json()).items.length > 0) {
        target = id;
        break;
      }
    }
    expect(target, 'a published achievement with matching demands').not.toBeNull();
    await page.goto(`${base}/app/market/achievements/${target}`);
    const section = page.locator('[data-testid="matching-section"]');
    await section.waitFor();
    const first = section.locator('.ant-list-item').first();
    // (Ant Design spaces a two-character label: the button reads 引 荐.)
    await first.locator('button').click();
    const dialog = page.locator('.ant-modal', { hasText: '引荐双方洽谈' });
    // No note, no sending.
    expect(await dialog.locator('.ant-modal-footer .ant-btn-primary').isDisabled()).toBe(true);
    await dialog
      .locator('[data-testid="matching-note"]')
      .fill('双方在激光加工工艺上高度契合，需求方已有中试产线，建议先约线下交流。');
    await dialog.locator('.ant-modal-footer .ant-btn-primary').click();
    // A confirmation before it reaches the owner.
    await page.locator('.ant-modal-confirm .ant-btn-primary:has-text("发出引荐")').click();
    await expect.poll(() => first.textContent()).toContain('已引荐，待答复');
    await shot(page, 'matching-introduced');
    await page.close();
  });
});
