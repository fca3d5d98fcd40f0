import { describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, SIZES, sharedBrowser, shot, signIn } from './browser';

const base = inject('baseUrl');
const browser = sharedBrowser();

describe('disabling an auditor takes a second person (双人授权)', () => {
  for (const size of SIZES) {
    it(`the security admin asks, the province auditor approves on the spot (${size.name})`, async () => {
      const context = await browser().newContext({ viewport: size });
      const page = await context.newPage();
      await signIn(page, base, 'security');
      const me = await (await page.request.get(`${base}/api/v1/auth/me`)).json();
      const username = `aud${size.name.slice(0, 1)}${Date.now().toString(36)}`;
      const made = await page.request.post(`${base}/api/v1/accounts`, {
        headers: { 'x-csrf-token': me.csrfToken, origin: base },
        data: {
          username,
          displayName: '待停用审计员',
          password: 'Duty#Browser2026',
          roles: ['auditor'],
          regionCode: '420000',
        },
      });
      expect(made.status()).toBe(201);
      const id = (await made.json()).id as number;

      await page.goto(`${base}/app/accounts`);
      await page.locator('[data-testid="account-search"] input').fill(username);
      await page.locator('[data-testid="account-search"] input').press('Enter');
      await page.locator(`[data-testid="account-toggle-${id}"]`).click();
      await page.locator('[data-testid="confirm-ok"]').click();
      // Refused alone: the approval form opens, in Chinese.
      await page.locator('#approval_username').waitFor();
      const dialog = (await page.locator('.ant-modal').last().textContent()) ?? '';
      expect(dialog).toContain('另一名省级审计员');
      expect(dialog).not.toMatch(/account\.|approval_required/);
      await page.locator('#approval_username').fill('auditor');
      await page.locator('#approval_password').fill('wrong-password-1');
      await page.locator('[data-testid="approval-submit"]').click();
      await page.locator('[data-testid="approval-error"]').waitFor();
      await page.locator('#approval_password').fill(DEMO_PASSWORD);
      await page.locator('[data-testid="approval-submit"]').click();
      await page.locator('#approval_username').waitFor({ state: 'detached' });
      const row = page.locator('[data-testid="accounts-table"] tr', { hasText: username });
      await expect.poll(() => row.textContent(), { timeout: 10_000 }).toContain('已禁用');
      await shot(page, `duty-approval-${size.name}`);
      await context.close();
    });
  }
});
