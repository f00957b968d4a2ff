import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, waitForLab, watchConsole } from './helpers';

/** Relative luminance of the body's computed background (0 = black, 1 = white). */
async function bodyLuminance(page: Page): Promise<number> {
  return page.evaluate(() => {
    // The page background is painted by <html> (global.css) and shows through the body.
    const bg = getComputedStyle(document.documentElement).backgroundColor;
    const [r, g, b] = (bg.match(/[\d.]+/g) ?? ['255', '255', '255']).slice(0, 3).map((v) => Number(v) / 255);
    const lin = (c: number) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4);
    return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
  });
}

const toggle = (page: Page, name: 'System' | 'Light' | 'Dark') =>
  page.getByRole('group', { name: 'Colour theme' }).getByRole('button', { name, exact: true });

async function waitForLabsMounted(page: Page, ids: string[]) {
  for (const id of ids) await expect(page.locator(`section.lab[data-lab="${id}"]`)).toBeVisible({ timeout: 30_000 });
  await expect(page.locator('.lab-placeholder')).toHaveCount(0, { timeout: 30_000 });
}

test.describe('dark theme', () => {
  test.use({ colorScheme: 'dark' });

  test('follows the system setting without any action, and Light persists across reload', async ({ page }) => {
    const con = watchConsole(page);
    await page.goto('./#/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(toggle(page, 'System')).toHaveAttribute('aria-pressed', 'true');
    expect(await bodyLuminance(page)).toBeLessThan(0.05);
    // The text is light on the dark background.
    const fg = await page.evaluate(() => getComputedStyle(document.body).color);
    expect(fg).not.toBe('rgb(27, 31, 36)');

    // Keyboard: focus the Light button and press Enter.
    await toggle(page, 'Light').focus();
    await page.keyboard.press('Enter');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(toggle(page, 'Light')).toHaveAttribute('aria-pressed', 'true');
    await expect(toggle(page, 'System')).toHaveAttribute('aria-pressed', 'false');
    expect(await bodyLuminance(page)).toBeGreaterThan(0.9);

    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await expect(toggle(page, 'Light')).toHaveAttribute('aria-pressed', 'true');
    expect(await bodyLuminance(page)).toBeGreaterThan(0.9);

    // Back to System follows the (dark) system again.
    await toggle(page, 'System').click();
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    con.assertClean();
  });

  test('a corrupt stored value falls back to System; System follows a live system change', async ({ page }) => {
    await page.addInitScript(() => { if (!sessionStorage.getItem('seeded')) { localStorage.setItem('i2dl-theme', 'purple'); sessionStorage.setItem('seeded', '1'); } });
    await page.goto('./#/');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(toggle(page, 'System')).toHaveAttribute('aria-pressed', 'true');
    await page.emulateMedia({ colorScheme: 'light' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  });

  test('axe passes in dark mode on home and Lecture 2; charts keep light paper', async ({ page }) => {
    test.setTimeout(240_000); // axe over a long page is slow on a loaded machine
    await page.goto('./#/');
    await expect(page.locator('.lecture-card').first()).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto('./#/lecture/02-ml-basics');
    await waitForLabsMounted(page, ['knn']);
    await expect(page.locator('.katex').first()).toBeVisible();
    await expectNoAxeViolations(page);
    // Figures stay light in dark mode (canvases are drawn in light-theme colours; exports stay light).
    const figBg = await page.locator('figure.chart').first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(figBg).toBe('rgb(255, 255, 255)');

  });

  test('axe passes in dark mode on Lecture 9 (photo filters, CNN, pooling tables)', async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto('./#/lecture/09-cnn');
    await waitForLabsMounted(page, ['filters', 'conv-arith', 'pooling', 'cnn-mnist', 'receptive-field']);
    for (const id of ['filters', 'conv-arith', 'pooling', 'cnn-mnist', 'receptive-field']) await waitForLab(page, id, (p) => p.status !== 'loading', 90_000);
    await expectNoAxeViolations(page);
  });
});

test('Dark chosen while the system is light works', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto('./#/');
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  expect(await bodyLuminance(page)).toBeGreaterThan(0.9);
  await toggle(page, 'Dark').click();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(toggle(page, 'Dark')).toHaveAttribute('aria-pressed', 'true');
  expect(await bodyLuminance(page)).toBeLessThan(0.05);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  expect(await bodyLuminance(page)).toBeLessThan(0.05);
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', '#161b22');
});

test('print: no header or lab controls, formulas and charts stay, light even in dark mode', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('./#/lecture/09-cnn');
  await waitForLabsMounted(page, ['filters']);
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  await expect(page.locator('.site-header')).toBeHidden();
  await expect(page.locator('.toc')).toBeHidden();
  await expect(page.locator('.lab-controls').first()).toBeHidden();
  await expect(page.locator('.chart-toolbar').first()).toBeHidden();
  await expect(page.locator('.copy-link').first()).toBeHidden();
  await expect(page.locator('.katex').first()).toBeVisible();
  await expect(page.locator('section.lab :is(figure canvas, figure svg)').first()).toBeVisible();
  expect(await bodyLuminance(page)).toBeGreaterThan(0.9);
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
  await page.emulateMedia({ media: 'screen', colorScheme: 'dark' });
  await expect(page.locator('.site-header')).toBeVisible();
});
