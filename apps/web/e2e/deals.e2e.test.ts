import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launch, shot, signIn } from './browser';

/**
 * A technology contract is signed by both parties (issue 10 item 1): the Wuhan demo enterprise
 * enters and confirms it, the Ezhou partner is notified and confirms, and only then does the
 * Wuhan city admin register it from the pre-filled 登记表.
 */
const base = inject('baseUrl');
let browser: Browser;
beforeAll(async () => {
  browser = await launch();
});
afterAll(async () => {
  await browser?.close();
});

const PROJECT = '产线视觉检测系统运维技术服务（浏览器测试）';

async function pickOption(page: Page, title: string) {
  await page
    .locator(`.ant-select-dropdown:visible .ant-select-item-option[title="${title}"]`)
    .click();
}

async function confirmOwnSide(page: Page) {
  const row = page.locator('.ant-table-row', { hasText: PROJECT });
  await row.locator('[data-testid="deal-sign"]').click();
  // A confirmation first: signing binds the organisation.
  await page.locator('#deal-sign-ok').click();
  return row;
}

describe('technology contracts', () => {
  it('is entered by the seller, confirmed by both parties, then registered by the seller city', async () => {
    const partner = await browser.newPage();
    await signIn(partner, base, 'ezhou.enterprise');
    const partnerMe = await (await partner.request.get(`${base}/api/v1/auth/me`)).json();
    const buyer = await (
      await partner.request.get(`${base}/api/v1/orgs/${partnerMe.orgId}`)
    ).json();

    const page = await browser.newPage();
    await signIn(page, base, 'enterprise');
    const me = await (await page.request.get(`${base}/api/v1/auth/me`)).json();
    const own = await (await page.request.get(`${base}/api/v1/orgs/${me.orgId}`)).json();
    await page.goto(`${base}/app/deals`);
    await page.locator('[data-testid="deal-create"]').click();
    const modal = page.locator('.ant-modal');
    await modal.locator('.ant-select').first().click();
    await pickOption(page, '技术服务');
    await modal.locator('#sellerCreditCode').fill(own.creditCode);
    await modal.locator('#buyerCreditCode').fill(buyer.creditCode);
    await modal.locator('#totalAmountWan').fill('35');
    await modal.locator('#techAmountWan').fill('30');
    await modal.locator('#projectName').fill(PROJECT);
    // The one date picker of the app: typed as YYYY-MM-DD, committed with Enter.
    for (const [id, date] of [
      ['signedOn', '2026-11-20'],
      ['validFrom', '2026-12-01'],
      ['validTo', '2027-11-30'],
    ]) {
      await modal.locator(`#${id}`).click();
      await modal.locator(`#${id}`).fill(date!);
      await modal.locator(`#${id}`).press('Enter');
      expect(await modal.locator(`#${id}`).inputValue()).toBe(date);
    }
    // Cancel with typed input asks before anything is thrown away; keeping on keeps the input.
    await modal.locator('.ant-modal-footer button').first().click();
    await page
      .locator('.ant-modal-confirm:has-text("放弃已填写的内容？") button:has-text("继续填写")')
      .click();
    expect(await modal.locator('#projectName').inputValue()).toBe(PROJECT);
    await modal.locator('#field').click();
    // By its title: the type select's dropdown may still be fading out, with options of its own.
    await pickOption(page, '电子信息');
    await page.locator('.ant-modal-footer .ant-btn-primary').click();
    await expect.poll(() => page.locator('.ant-table-tbody').textContent()).toContain(PROJECT);
    await shot(page, 'deal-entered');

    // The seller confirms its side: the contract still waits for the buyer.
    const row = await confirmOwnSide(page);
    await expect.poll(() => row.textContent()).toContain('卖方（本单位）已确认');
    expect(await row.locator('[data-testid="deal-status"]').textContent()).toBe('待双方确认');
    expect(await row.textContent()).toContain('待买方确认');
    await shot(page, 'deal-seller-confirmed');

    // The buyer is notified, and confirms from the contracts page.
    await partner.goto(`${base}/app/notifications`);
    await expect
      .poll(() => partner.locator('body').textContent())
      .toContain(`${own.name} 请贵单位确认签订技术合同“${PROJECT}”`);
    await partner.goto(`${base}/app/deals`);
    const theirs = await confirmOwnSide(partner);
    await expect
      .poll(() => theirs.locator('[data-testid="deal-status"]').textContent())
      .toBe('已签订');
    await shot(partner, 'deal-signed-by-both');
    await partner.close();
    await page.close();

    const admin = await browser.newPage();
    await signIn(admin, base, 'wuhan.admin');
    await admin.goto(`${base}/app/deals`);
    const mine = admin.locator('.ant-table-row', { hasText: PROJECT });
    await mine.locator('[data-testid="deal-register"]').click();
    await expect
      .poll(() => admin.locator('[data-testid="deal-record"]').textContent())
      .toContain(own.creditCode);
    await shot(admin, 'deal-record-prefilled');
    await admin.locator('[data-testid="deal-confirm-register"]').click();
    await expect
      .poll(() => admin.locator('[data-testid="deal-record"]').textContent())
      .toMatch(/\d{4}420100\d{6}/);
    await shot(admin, 'deal-registered');
    await admin.close();
  });

  it('the partner refuses a contract with a reason, which the seller reads', async () => {
    const partner = await browser.newPage();
    await signIn(partner, base, 'ezhou.enterprise');
    await partner.goto(`${base}/app/deals`);
    // The demo's contract entered and confirmed by the Wuhan enterprise waits for Ezhou.
    const row = partner.locator('.ant-table-row', { hasText: '鄂州产线机器视觉检测算法委托开发' });
    await row.locator('[data-testid="deal-refuse"]').click();
    await partner.locator('#deal-refuse-ok').click();
    // No reason, no refusal.
    await expect.poll(() => partner.locator('.ant-form-item-explain-error').count()).toBe(1);
    await partner.locator('[data-testid="deal-refuse-reason"]').fill('验收标准尚未谈妥，暂不签订');
    await partner.locator('#deal-refuse-ok').click();
    await expect
      .poll(() => row.locator('[data-testid="deal-status"]').textContent())
      .toBe('已拒签');
    await partner.close();

    const page = await browser.newPage();
    await signIn(page, base, 'enterprise');
    await page.goto(`${base}/app/deals`);
    const mine = page.locator('.ant-table-row', { hasText: '鄂州产线机器视觉检测算法委托开发' });
    await expect
      .poll(() => mine.locator('[data-testid="deal-refusal"]').textContent())
      .toBe('买方拒签：验收标准尚未谈妥，暂不签订');
    await shot(page, 'deal-refused');
    await page.close();
  });
});
