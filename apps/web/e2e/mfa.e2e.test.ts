import { Secret, TOTP } from 'otpauth';
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

const PASSWORD = 'Mfa#Browser2026';
/** The auditor's own password, set at first sign-in. */
const OWN_PASSWORD = 'Audit#Own#Kv7tq9';
const codeAt = (secret: string, timestamp: number) =>
  new TOTP({ secret: Secret.fromBase32(secret), digits: 6, period: 30 }).generate({ timestamp });

describe('two-factor sign-in', () => {
  it('a new auditor sets it up from the QR page and then signs in with a code', async () => {
    // The security administrator opens an account for a new auditor (through the API).
    const admin = await browser.newPage();
    await signIn(admin, base, 'security');
    const me = await (await admin.request.get(`${base}/api/v1/auth/me`)).json();
    const username = `audit${Date.now().toString(36)}`;
    const made = await admin.request.post(`${base}/api/v1/accounts`, {
      headers: { 'x-csrf-token': me.csrfToken, origin: base },
      data: {
        username,
        displayName: '新审计员',
        password: PASSWORD,
        roles: ['auditor'],
        regionCode: '420000',
      },
    });
    expect(made.status()).toBe(201);
    await admin.close();

    const page = await browser.newPage();
    await page.goto(`${base}/login`);
    await page.locator('#login_username').fill(username);
    await page.locator('#login_password').fill(PASSWORD);
    await page.locator('[data-testid="login-submit"]').click();
    // The administrator chose that password: the auditor must set their own first.
    await page.waitForURL(/\/app\/password$/);
    await page.locator('[data-testid="password-expired"]').waitFor();
    await page.locator('#password_currentPassword').fill(PASSWORD);
    await page.locator('#password_newPassword').fill(OWN_PASSWORD);
    await page.locator('#password_confirmPassword').fill(OWN_PASSWORD);
    await page.locator('[data-testid="password-submit"]').click();
    await page.waitForURL(/\/login$/);
    await page.locator('#login_username').fill(username);
    await page.locator('#login_password').fill(OWN_PASSWORD);
    await page.locator('[data-testid="login-submit"]').click();
    await page.waitForURL(/\/app\/(?!password)/);
    await page.locator('[data-testid="mfa"]').click();
    await page.waitForURL(/\/app\/mfa$/);
    await page.locator('[data-testid="mfa-start"]').click();
    await page.locator('[data-testid="mfa-qr"]').waitFor();
    const secret = ((await page.locator('[data-testid="mfa-secret"]').textContent()) ?? '').trim();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    await shot(page, 'mfa-setup');
    await page.locator('[data-testid="mfa-code"]').fill(codeAt(secret, Date.now()));
    await page.locator('[data-testid="mfa-enable"]').click();
    await page.waitForURL(/\/app\/(?!mfa)/);
    await page.locator('[data-testid="logout"]').click();
    await page.waitForURL(/\/login$/);

    // Without the code the sign-in is refused; with the next code it goes through.
    await page.locator('#login_username').fill(username);
    await page.locator('#login_password').fill(OWN_PASSWORD);
    await page.locator('[data-testid="login-submit"]').click();
    await page.locator('[data-testid="login-error"]').waitFor();
    await page.locator('#login_otp').fill(codeAt(secret, Date.now() + 30_000));
    await page.locator('[data-testid="login-submit"]').click();
    await page.waitForURL(/\/app\//);
    await expect.poll(() => page.locator('[data-testid="mfa"]').textContent()).toContain('已启用');
    await page.close();
  });
});
