import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
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

const CITIES = ['武汉', '鄂州', '黄石', '黄冈', '咸宁'];

/** Pixels of the map's canvas that differ from its top-left (background) pixel. */
async function drawnPixels(page: Page): Promise<{ total: number; drawn: number }> {
  return page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('[data-testid="cockpit-map"] canvas');
    if (!canvas || canvas.width === 0 || canvas.height === 0) return { total: 0, drawn: 0 };
    const g = canvas.getContext('2d');
    if (!g) return { total: 0, drawn: 0 };
    const { data } = g.getImageData(0, 0, canvas.width, canvas.height);
    const [r0, g0, b0, a0] = [data[0], data[1], data[2], data[3]];
    let drawn = 0;
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] !== r0 || data[i + 1] !== g0 || data[i + 2] !== b0 || data[i + 3] !== a0)
        drawn += 1;
    }
    return { total: data.length / 4, drawn };
  });
}

/** Screen position of a city on the map (published by the map after each render). */
async function cityPoint(page: Page, code: string) {
  const map = page.locator('[data-testid="cockpit-map"]');
  await expect
    .poll(async () => (await map.getAttribute('data-city-points')) ?? '', { timeout: 15_000 })
    .toContain(code);
  const points = JSON.parse((await map.getAttribute('data-city-points')) ?? '{}') as Record<
    string,
    [number, number]
  >;
  const box = (await map.boundingBox())!;
  const [x, y] = points[code]!;
  return { x: box.x + x, y: box.y + y };
}

describe('the corridor cockpit in the browser', () => {
  it('the public cockpit draws the map, names the five cities and drills into a clicked city', async () => {
    const context = await browser.newContext({
      viewport: { width: 1440, height: 1000 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Reached from the public home page, without signing in.
    await page.goto(base);
    await page.locator('[data-testid="home-cockpit"]').click();
    await page.waitForURL(/\/cockpit$/);
    await page.locator('[data-testid="cockpit-map"] canvas').first().waitFor({ timeout: 20_000 });

    await expect
      .poll(async () => (await drawnPixels(page)).drawn, { timeout: 15_000 })
      .toBeGreaterThan(0);
    const { total, drawn } = await drawnPixels(page);
    expect(drawn / total).toBeGreaterThan(0.05); // a province, not a stray pixel

    const body = (await page.textContent('body')) ?? '';
    for (const city of CITIES) expect(body).toContain(city);
    expect(body).toContain('R&D');

    // Click Huangshi where the map drew it: the drill-down names Huangshi.
    const { x, y } = await cityPoint(page, '420200');
    await page.mouse.click(x, y);
    const drill = page.locator('[data-testid="cockpit-drill"]');
    await drill.waitFor({ timeout: 10_000 });
    expect(await drill.getAttribute('data-city')).toBe('420200');
    expect(await page.locator('[data-testid="cockpit-drill-title"]').textContent()).toContain(
      '黄石',
    );
    await shot(page, 'cockpit');

    // Export of the current view: one PNG drawn from the charts on screen.
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 15_000 }),
      page.locator('[data-testid="cockpit-export"]').click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^cockpit-\d{4}-420200\.png$/);
    const png = await readFile((await download.path())!);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.length).toBeGreaterThan(10_000);
    await download.saveAs(join(ARTIFACTS, 'cockpit-export.png'));

    // The public page never loaded the admin app's code.
    const scripts = await page.evaluate(() =>
      performance.getEntriesByType('resource').map((r) => r.name),
    );
    expect(scripts.some((s) => /AppLayout|OrgsPage|AccountsPage|AuditPage/.test(s))).toBe(false);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the dark theme is a toggle on the cockpit, remembered after a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await page.goto(`${base}/cockpit`);
    const root = page.locator('[data-testid="cockpit-root"]');
    await root.waitFor({ timeout: 20_000 });
    expect(await root.getAttribute('data-theme')).toBe('light');
    // Certified tier counts are public: the tier chart draws for an anonymous visitor.
    await page.locator('[data-testid="chart-tiers"] canvas').first().waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="cockpit-theme"]').click();
    await expect.poll(async () => root.getAttribute('data-theme')).toBe('dark');
    expect(await page.evaluate(() => localStorage.getItem('corridor.cockpit.theme'))).toBe('dark');
    await page.reload();
    await root.waitFor({ timeout: 20_000 });
    expect(await root.getAttribute('data-theme')).toBe('dark');
    await page.locator('[data-testid="cockpit-map"] canvas').first().waitFor({ timeout: 20_000 });
    await page.waitForTimeout(500);
    await shot(page, 'cockpit-dark');
    await context.close();
  });

  it('the large-screen mode lays the cockpit out on a 1920×1080 stage', async () => {
    const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
    const page = await context.newPage();
    await page.goto(`${base}/cockpit?screen=1`);
    const stage = page.locator('[data-testid="cockpit-stage"]');
    await stage.waitFor({ timeout: 20_000 });
    await expect
      .poll(async () => (await drawnPixels(page)).drawn, { timeout: 15_000 })
      .toBeGreaterThan(0);
    // Dark by default on the large screen (no theme chosen in this browser).
    expect(await stage.getAttribute('data-theme')).toBe('dark');
    const box = (await stage.boundingBox())!;
    expect(Math.round(box.width)).toBe(1920);
    expect(Math.round(box.height)).toBe(1080);
    await page.waitForTimeout(500);
    await shot(page, 'cockpit-screen');
    await context.close();
  });

  it("a city admin's leaders' view drills into their own city with its detail", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 1000 } });
    const page = await context.newPage();
    await signIn(page, base, 'wuhan.admin');
    await page.locator('[data-testid="menu-cockpit"]').click();
    await page.waitForURL(/\/app\/cockpit$/);
    const drill = page.locator('[data-testid="cockpit-drill"]');
    await drill.waitFor({ timeout: 20_000 });
    expect(await drill.getAttribute('data-city')).toBe('420100');
    await page.locator('[data-testid="cockpit-leader-detail"]').waitFor({ timeout: 15_000 });
    await shot(page, 'cockpit-leaders');
    await context.close();
  });
});
