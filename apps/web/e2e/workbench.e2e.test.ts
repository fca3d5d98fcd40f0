import { describe, expect, inject, it } from 'vitest';
import { SIZES, sharedBrowser, shot, signIn } from './browser';

/**
 * 我的工作台 (issue 10 item 12): an enterprise lands on what waits for it, not on the directory;
 * a to-do leads to the list where it is done. The demo's contract entered and confirmed by the
 * Ezhou partner waits for the demo enterprise; the one both signed waits for Wuhan's admin.
 */
const base = inject('baseUrl');
const browser = sharedBrowser();

describe('the workbench', () => {
  for (const size of SIZES)
    it(`an enterprise lands on its to-dos and opens the contract waiting for it (${size.name})`, async () => {
      const page = await browser().newPage({
        viewport: { width: size.width, height: size.height },
      });
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await signIn(page, base, 'enterprise');
      await page.waitForURL(/\/app\/workbench$/);
      const todo = page.locator('[data-testid="todo-dealsToSign"]');
      await expect.poll(() => todo.textContent()).toContain('待本单位确认签订的技术合同');
      await expect
        .poll(() => page.locator('[data-testid="workbench-notifications"]').textContent())
        .not.toContain('暂无通知');
      await shot(page, `workbench-enterprise-${size.name}`);
      await todo.locator('a').click();
      await page.waitForURL(/\/app\/deals\?status=draft$/);
      await expect
        .poll(() => page.locator('.ant-table-tbody').textContent())
        .toContain('光模块封装工艺技术服务');
      expect(errors).toEqual([]);
      await page.close();
    });

  it('a city admin sees the contracts waiting for registration', async () => {
    const page = await browser().newPage();
    await signIn(page, base, 'wuhan.admin');
    await page.waitForURL(/\/app\/workbench$/);
    await expect
      .poll(() => page.locator('[data-testid="todo-dealsToRegister"]').textContent())
      .toContain('待认定登记的技术合同');
    await page.close();
  });
});
