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

// Demo accounts printed by `npm start`, and what each must (and must not) see in the menu.
const CASES: { username: string; sees: string[]; never: string[] }[] = [
  {
    username: 'province.admin',
    sees: ['menu-orgs', 'menu-jobs'],
    never: ['menu-audit', 'menu-accounts'],
  },
  {
    username: 'wuhan.admin',
    sees: ['menu-orgs'],
    never: ['menu-audit', 'menu-accounts', 'menu-jobs'],
  },
  { username: 'xianning.admin', sees: ['menu-orgs'], never: ['menu-audit', 'menu-accounts'] },
  { username: 'auditor', sees: ['menu-audit'], never: ['menu-orgs', 'menu-accounts'] },
  { username: 'security', sees: ['menu-accounts'], never: ['menu-orgs', 'menu-audit'] },
  {
    username: 'enterprise',
    sees: ['menu-orgs'],
    never: ['menu-audit', 'menu-accounts', 'menu-jobs'],
  },
  { username: 'university', sees: ['menu-orgs'], never: ['menu-audit', 'menu-accounts'] },
  { username: 'talent', sees: ['menu-orgs'], never: ['menu-audit', 'menu-accounts'] },
  { username: 'investor', sees: ['menu-orgs'], never: ['menu-audit', 'menu-accounts'] },
  { username: 'broker', sees: ['menu-orgs'], never: ['menu-audit', 'menu-accounts'] },
  { username: 'publisher', sees: ['menu-orgs'], never: ['menu-audit', 'menu-accounts'] },
];

describe('each demo role sees its own menu', () => {
  it('shows the public home page without signing in', async () => {
    const page = await browser.newPage();
    // A quiet console: a visitor's page asks nothing that answers with an error (issue 10 item 17).
    const failed: string[] = [];
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
    const logged: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') logged.push(m.text());
    });
    await page.goto(base);
    await expect.poll(() => page.textContent('body')).toContain('光谷科创大走廊');
    await page.waitForLoadState('networkidle');
    expect(failed).toEqual([]);
    expect(logged).toEqual([]);
    for (const city of ['武汉', '鄂州', '黄石', '黄冈', '咸宁']) {
      expect(await page.textContent('body')).toContain(city);
    }
    await shot(page, 'home');
    await page.close();
  });

  for (const c of CASES) {
    it(`${c.username}`, async () => {
      const context = await browser.newContext();
      const page = await context.newPage();
      await signIn(page, base, c.username);
      await page.locator('[data-testid="app-menu"]').waitFor();
      for (const id of c.sees)
        await expect(page.locator(`[data-testid="${id}"]`).count()).resolves.toBe(1);
      for (const id of c.never)
        await expect(page.locator(`[data-testid="${id}"]`).count()).resolves.toBe(0);
      await shot(page, `menu-${c.username}`);
      await context.close();
    });
  }

  it('a role sent to a page it may not open is refused, not shown', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, base, 'auditor');
    await page.goto(`${base}/app/accounts`);
    await page.waitForTimeout(500);
    expect(await page.locator('[data-testid="accounts-table"]').count()).toBe(0);
    await context.close();
  });
});
