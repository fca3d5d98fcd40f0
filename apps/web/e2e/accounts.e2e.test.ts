import { creditBodyFromNumber, makeCreditCode } from '@corridor/contracts';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { sharedBrowser, shot, signIn } from './browser';

/**
 * Self-service accounts (issue 10 item 13) in the browser: the sign-in page's links and demo
 * hint, an enterprise registering, Wuhan's admin approving it, and the new account manager
 * adding a colleague.
 */
const base = inject('baseUrl');
const browser = sharedBrowser();

const stamp = Date.now().toString(36);
const creditCode = makeCreditCode('91', '420100', creditBodyFromNumber(Date.now() % 31 ** 7));
const orgName = '浏览器自助注册光电科技有限公司';
const username = `e2ereg${stamp}`;
const password = 'Browser#Register2026';

async function pick(page: Page, field: string, optionText: string) {
  await page.locator(`#${field}`).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: optionText })
    .first()
    .click();
}

describe('self-service accounts', () => {
  it('the sign-in page links to registration and reset, with the demo hint on the demo install', async () => {
    const page = await browser().newPage();
    await page.goto(`${base}/login`);
    await page.locator('[data-testid="login-hint"]').waitFor();
    expect(await page.locator('[data-testid="login-register"]').count()).toBe(1);
    await page.locator('[data-testid="login-forgot"]').click();
    await page.waitForURL(/\/forgot-password/);
    await page.locator('#forgot_login').fill('nobody-such-user');
    await page.locator('[data-testid="forgot-submit"]').click();
    await page.locator('[data-testid="forgot-done"]').waitFor();
    await page.close();
  });

  it('an enterprise registers, Wuhan approves, its manager adds a colleague', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${base}/register`);
    await page.locator('#signup_creditCode').fill(creditCode);
    await page.locator('#signup_orgName').fill(orgName);
    await pick(page, 'signup_regionCode', '武汉');
    await page.locator('#signup_username').fill(username);
    await page.locator('#signup_displayName').fill('林晓峰');
    await page.locator('#signup_email').fill(`${username}@example.test`);
    await page.locator('#signup_password').fill(password);
    await page.locator('#signup_passwordConfirm').fill(password);
    await page.locator('[data-testid="signup-submit"]').click();
    await page.locator('[data-testid="signup-done"]').waitFor();
    await shot(page, 'registration-submitted');

    await signIn(page, base, 'wuhan.admin');
    await page.locator('[data-testid="menu-registrations"]').click();
    const row = page.locator('[data-testid="registrations-table"] tr', { hasText: orgName });
    await row.waitFor();
    await shot(page, 'registrations-pending');
    await row.locator('[data-testid^="registration-approve-"]').click();
    await page.locator('[data-testid="confirm-ok"]:visible').click();
    await expect.poll(() => row.count()).toBe(0);
    await context.clearCookies();

    await page.goto(`${base}/login`);
    await page.locator('#login_username').fill(username);
    await page.locator('#login_password').fill(password);
    await page.locator('[data-testid="login-submit"]').click();
    await page.waitForURL(/\/app\//);
    await page.locator('[data-testid="menu-colleagues"]').click();
    await page.locator('[data-testid="colleague-add"]').click();
    const colleague = `e2ecol${stamp}`;
    await page.locator('#colleague_username').fill(colleague);
    await page.locator('#colleague_displayName').fill('周雨桐');
    await page.locator('#colleague_password').fill('Colleague#Start2026');
    await page.locator('#colleague_passwordConfirm').fill('Colleague#Start2026');
    await page.locator('[data-testid="colleague-submit"]').click();
    await page.locator('[data-testid="colleagues-table"] tr', { hasText: colleague }).waitFor();
    await shot(page, 'colleagues');
    await context.close();
  });
});
