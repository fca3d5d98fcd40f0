import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { creditBodyFromNumber, makeCreditCode, ORG_SHEET_COLUMNS } from '@corridor/contracts';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ARTIFACTS, launch, shot, signIn } from './browser';

const base = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const seed = Date.now() % 1e9;
const code = (n: number, region = '420100') =>
  makeCreditCode('91', region, creditBodyFromNumber(seed * 7 + n));

async function pickOption(
  page: import('playwright-core').Page,
  fieldId: string,
  optionText: string,
) {
  await page.locator(`#${fieldId}`).click();
  await page
    .locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: optionText })
    .first()
    .click();
}

describe('organisations in the browser', () => {
  it('a city admin creates an organisation through the form', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, base, 'wuhan.admin');
    await page.goto(`${base}/app/orgs`);
    await page.locator('[data-testid="org-create"]').click();
    const name = `武汉浏览器测试光电科技有限公司${seed % 1000}`;
    const creditCode = code(1);
    await page.locator('#org_creditCode').fill(creditCode);
    await page.locator('#org_name').fill(name);
    await pickOption(page, 'org_type', '企业');
    await pickOption(page, 'org_regionCode', '武汉');
    await page.locator('[data-testid="org-submit"]').click();
    // The new organisation is then findable by its credit code in the list.
    await page
      .locator('[data-testid="org-search"] input, input[data-testid="org-search"]')
      .first()
      .fill(creditCode);
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => page.locator('[data-testid="org-table"]').textContent(), {
        timeout: 15_000,
      })
      .toContain(name);
    await shot(page, 'org-created');
    await context.close();
  });

  it('a credit code issued in another city is warned about in the form and marked on the record', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, base, 'wuhan.admin');
    await page.goto(`${base}/app/orgs`);
    await page.locator('[data-testid="org-create"]').click();
    const name = `鄂州赋码迁入武汉测试科技有限公司${seed % 1000}`;
    await page.locator('#org_creditCode').fill(code(5, '420704'));
    await page.locator('#org_name').fill(name);
    await pickOption(page, 'org_type', '企业');
    await pickOption(page, 'org_regionCode', '武汉');
    const warning = page.locator('[data-testid="org-issued-elsewhere"]');
    await expect.poll(() => warning.textContent(), { timeout: 5_000 }).toContain('鄂州');
    await page.locator('[data-testid="org-submit"]').click();
    await page
      .locator('[data-testid="org-search"] input, input[data-testid="org-search"]')
      .first()
      .fill(name);
    await page.keyboard.press('Enter');
    await page.locator('[data-testid="org-table"]').getByText(name).first().click();
    const tag = page.locator('[data-testid="org-issued-elsewhere-tag"]');
    await expect.poll(() => tag.textContent(), { timeout: 15_000 }).toBe('鄂州赋码');
    await shot(page, 'org-issued-elsewhere');
    await context.close();
  });

  it('an Excel file with one bad row is refused with a row-level report', async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('机构名录');
    sheet.addRow(ORG_SHEET_COLUMNS.map((c) => c.header));
    sheet.addRow([
      code(2),
      `武汉导入测试一号科技有限公司${seed % 1000}`,
      '企业',
      '武汉',
      '光电子信息',
    ]);
    sheet.addRow([
      `${code(3).slice(0, 17)}${code(3).endsWith('0') ? '1' : '0'}`,
      `武汉导入测试二号科技有限公司${seed % 1000}`,
      '企业',
      '武汉',
    ]);
    sheet.addRow([code(4), `武汉导入测试三号科技有限公司${seed % 1000}`, '高校', '武汉']);
    const file = join(ARTIFACTS, 'import-one-bad-row.xlsx');
    await wb.xlsx.writeFile(file);

    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, base, 'wuhan.admin');
    await page.goto(`${base}/app/orgs`);
    await page.locator('[data-testid="org-import"]').click();
    await page.locator('[data-testid="import-upload"] input[type="file"]').setInputFiles({
      name: 'orgs.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await readFile(file),
    });
    const report = page.locator('[data-testid="import-report"]');
    await report.waitFor({ timeout: 20_000 });
    const text = (await report.textContent()) ?? '';
    expect(text).toContain('3'); // row 3 is the bad one
    expect(text).toContain('统一社会信用代码');
    await shot(page, 'import-report');
    // Nothing was written: the good rows are not in the list either.
    const res = await page.request.get(`${base}/api/v1/orgs?q=${code(2)}`);
    expect((await res.json()).total).toBe(0);
    await context.close();
  });
});
