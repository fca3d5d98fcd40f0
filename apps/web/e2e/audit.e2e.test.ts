import { describe, expect, inject, it } from 'vitest';
import { SIZES, sharedBrowser, shot, signIn } from './browser';

const base = inject('baseUrl');
const browser = sharedBrowser();

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
      await shot(page, `audit-verify-${size.name}`);
      await context.close();
    });
  }
});
