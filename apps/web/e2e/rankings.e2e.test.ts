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

/** Id of the first edition in a stage, from the public API (the demo seed makes them). */
async function editionIn(status: string, cookie = ''): Promise<number> {
  const res = await fetch(`${base}/api/v1/rankings/editions?status=${status}`, {
    headers: cookie ? { cookie } : {},
  });
  const body = (await res.json()) as { items: { id: number }[] };
  expect(body.items.length, `a ${status} demo edition`).toBeGreaterThan(0);
  return body.items[0]!.id;
}

describe('ranking lists', () => {
  it('anyone reads a published edition: breakdown, movement and a valid signature', async () => {
    const id = await editionIn('published');
    const page = await browser.newPage();
    await page.goto(`${base}/`);
    await page.locator('[data-testid="home-rankings"]').click();
    await page.locator('[data-testid="ranking-editions"] tbody tr a').first().waitFor();
    await page.goto(`${base}/rankings/${id}`);
    await page.locator('[data-testid="ranking-entries"] tbody tr').first().waitFor();
    await expect
      .poll(() => page.locator('[data-testid="verify-result"]').textContent(), { timeout: 15_000 })
      .toContain('签名有效');
    // The signature's technical facts (SM2 signer id, digests, the offline command) are folded
    // under 如何验证, not on the page itself.
    expect(await page.locator('body').textContent()).not.toMatch(/userId|npm run corridor/);
    await page.locator('[data-testid="ranking-how-to-verify"] .ant-collapse-header').click();
    await expect
      .poll(() => page.locator('[data-testid="ranking-how-to-verify"]').textContent())
      .toContain('npm run corridor -- ranking verify');
    // The movement column shows an arrow, a dash or "new" on every row.
    const firstRow = page.locator('[data-testid="ranking-entries"] tbody tr.ant-table-row').first();
    expect(await firstRow.locator('td').nth(2).locator('svg, .ant-tag').count()).toBeGreaterThan(0);
    // Filter by city: every row left is a Wuhan enterprise.
    await page.locator('[data-testid="entries-filter-city"]').click();
    await page.locator('.ant-select-dropdown .ant-select-item-option[title="武汉"]').click();
    await expect
      .poll(async () => {
        const cities = await page
          .locator('[data-testid="ranking-entries"] tbody tr.ant-table-row td:nth-child(6)')
          .allTextContents();
        return cities.length > 0 && cities.every((c) => c === '武汉');
      })
      .toBe(true);
    // 公示期: the dates the window actually ran, not a planned end.
    expect(await page.textContent('[data-testid="edition-period"]')).toMatch(
      /^\d{4}-\d{2}-\d{2} 至 \d{4}-\d{2}-\d{2}$/,
    );
    const json = await page.request.get(`${base}/api/v1/rankings/editions/${id}/edition.json`);
    expect(json.headers()['content-disposition']).toContain(`ranking-edition-${id}.json`);
    await shot(page, 'rankings-public-detail');
    await page.close();
  });

  it('an enterprise claims a correction; the publisher rejects it with a reason', async () => {
    const enterprise = await browser.newContext();
    const page = await enterprise.newPage();
    await signIn(page, base, 'enterprise');
    const cookies = await enterprise.cookies();
    const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    const id = await editionIn('correction', cookie);
    await page.goto(`${base}/app/rankings/${id}`);
    // While open, the planned end; ratios (revenue growth, R&D share …) read as percentages.
    expect(await page.textContent('[data-testid="edition-period"]')).toContain('计划');
    await page.locator('[data-testid="ranking-inputs"] tbody tr.ant-table-row').first().waitFor();
    expect(await page.textContent('[data-testid="ranking-inputs"]')).toMatch(/-?\d+\.\d{2}%/);
    await page.locator('[data-testid="claim-ipTotal"]').click();
    await page.locator('.ant-modal .ant-input-number input').fill('99');
    await page.locator('[data-testid="claim-reason"]').fill('漏报两项发明专利');
    await page.locator('.ant-modal .ant-btn-primary').click();
    await page
      .locator('[data-testid="ranking-corrections"] tbody tr.ant-table-row')
      .first()
      .waitFor();
    expect(await page.textContent('[data-testid="ranking-corrections"]')).toContain('待处理');
    await enterprise.close();

    const publisher = await browser.newContext();
    const desk = await publisher.newPage();
    await signIn(desk, base, 'publisher');
    await desk.goto(`${base}/app/rankings/${id}`);
    await desk.locator('[data-testid="correction-reject"]').first().click();
    await desk.locator('[data-testid="decide-reason"]').fill('未提供专利证书');
    await desk.locator('.ant-modal .ant-btn-primary').click();
    await expect
      .poll(() => desk.textContent('[data-testid="ranking-corrections"]'))
      .toContain('未提供专利证书');
    await shot(desk, 'rankings-publisher-window');
    await publisher.close();
  });
});
