import { creditBodyFromNumber, makeCreditCode } from '@corridor/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { SIZES, sharedBrowser, shot, signIn } from './browser';

const base = inject('baseUrl');
const browser = sharedBrowser();

/** Codes and stored JSON that must never reach the page as such. */
const RAW = /auth\.login|org\.update|deal\.register|"requestId"|\{"|hmac-sm3|account #/;

describe('the auditor verifies the chain against the signed checkpoint', () => {
  for (const size of SIZES) {
    it(`reads in Chinese what the result rests on (${size.name})`, async () => {
      const context = await browser().newContext({ viewport: size });
      const page = await context.newPage();
      await signIn(page, base, 'auditor');
      await page.goto(`${base}/app/audit`);
      await page.locator('[data-testid="audit-verify"]').click();
      const result = page.locator('[data-testid="audit-verify-result"]');
      await expect.poll(() => result.textContent(), { timeout: 20_000 }).toContain('哈希链完整');
      // The server signs a checkpoint at start, so the chain is held against it.
      const text = (await result.textContent()) ?? '';
      expect(text).toMatch(/已与 \d{4}-\d{2}-\d{2} .*签名检查点/);
      expect(text).not.toMatch(/checkpoint|rewritten|null|undefined/);
      // The operator's command is in the folded "how to verify" panel, not on the page.
      expect(await page.locator('body').textContent()).not.toContain('npm run corridor');
      await page.locator('[data-testid="audit-how-to-verify"] .ant-collapse-header').click();
      await expect
        .poll(() => page.locator('[data-testid="audit-how-to-verify"]').textContent())
        .toContain('npm run corridor -- audit verify');
      await shot(page, `audit-verify-${size.name}`);
      await context.close();
    });
  }
});

/** An organisation renamed by the province admin, through the API as the app would. */
async function renamedOrg(page: Page) {
  await signIn(page, base, 'province.admin');
  const me = await (await page.request.get(`${base}/api/v1/auth/me`)).json();
  const headers = { 'x-csrf-token': me.csrfToken, origin: base };
  const seed = Date.now() % 1e9;
  const before = `审计浏览器测试科技有限公司${seed % 10_000}`;
  const made = await page.request.post(`${base}/api/v1/orgs`, {
    headers,
    data: {
      creditCode: makeCreditCode('91', '420100', creditBodyFromNumber(seed * 13 + 1)),
      name: before,
      type: 'enterprise',
      regionCode: '420100',
      industry: 'optoelectronics',
    },
  });
  expect(made.status()).toBe(201);
  const org = await made.json();
  const after = `${before}（更名）`;
  const edit = await page.request.patch(`${base}/api/v1/orgs/${org.id}`, {
    headers,
    data: { name: after, industry: 'biomedicine', version: org.version },
  });
  expect(edit.status()).toBe(200);
  return { id: org.id as number, before, after };
}

describe('the audit log in words', () => {
  it('shows actions, objects and details in Chinese, fits 1440 px, and diffs a change field by field', async () => {
    const admin = await browser().newContext();
    const org = await renamedOrg(await admin.newPage());
    await admin.close();

    const context = await browser().newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await signIn(page, base, 'auditor');
    await page.goto(`${base}/app/audit`);
    const rows = page.locator('[data-testid="audit-table"] tbody tr.ant-table-row');
    await rows.first().waitFor();
    // Actions and objects in words; no code, no stored JSON anywhere in the table.
    expect(await page.locator('[data-testid="audit-action"]').first().textContent()).toMatch(
      /\p{Script=Han}/u,
    );
    expect(await page.locator('[data-testid="audit-table"]').textContent()).not.toMatch(RAW);
    // The 详情 column fits: no sideways scrolling, its header inside the window.
    const scroll = await page.evaluate(() => {
      const el = document.querySelector('[data-testid="audit-table"] .ant-table-content');
      return el ? el.scrollWidth - el.clientWidth : -1;
    });
    expect(scroll).toBe(0);
    const header = await page.locator('th', { hasText: '详情' }).boundingBox();
    expect(header!.x + header!.width).toBeLessThanOrEqual(1440);
    expect(header!.width).toBeGreaterThan(150);

    // The action filter is a choice list in words.
    await page.locator('[data-testid="audit-filter-action"]').click();
    await page.keyboard.type('修改机构');
    await page
      .locator('.ant-select-dropdown .ant-select-item-option[title="修改机构信息"]')
      .click();
    await page
      .locator('[data-testid="audit-filter-actor"] input, input[data-testid="audit-filter-actor"]')
      .first()
      .fill('province');
    await page.locator('[data-testid="audit-search"]').click();
    const row = rows.filter({ hasText: org.after }).first();
    await row.waitFor();
    expect(await row.locator('[data-testid="audit-action"]').textContent()).toBe('修改机构信息');
    expect(await row.locator('[data-testid="audit-object"]').textContent()).toContain('机构');

    // Expanded: the change field by field, old and new, in words.
    await row.locator('.ant-table-row-expand-icon').click();
    const diff = page.locator('[data-testid="audit-diff"]');
    await diff.waitFor();
    const diffText = await diff.textContent();
    for (const text of ['名称', org.before, org.after, '行业', '光电子信息', '生物医药'])
      expect(diffText).toContain(text);
    expect(diffText).not.toMatch(/optoelectronics|biomedicine/);
    // The stored record only behind its toggle.
    expect(await page.locator('[data-testid="audit-raw"]').count()).toBe(0);
    await page.getByText('显示原始记录').first().click();
    await expect
      .poll(() => page.locator('[data-testid="audit-raw"]').first().textContent())
      .toContain('"requestId"');
    await shot(page, 'audit-diff');

    // The object's history: every event of this organisation, under its name.
    await row.locator('[data-testid="audit-object-history"]').click();
    await expect
      .poll(() => page.locator('[data-testid="audit-history"]').textContent())
      .toContain(org.after);
    await context.close();
  });
});
