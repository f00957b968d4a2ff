import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { downloadText, watchConsole } from './helpers';

/** The shared MNIST asset and its browser (src/components/MnistBrowser.tsx) on the Lecture 8 page. */
const ROUTE = './#/lecture/08-regularization';
const ASSET = '**/data/mnist-10k.bin';
const browser = (page: Page) => page.locator('[data-mnist-browser]').first();

/** Non-background pixels of the grid canvas (digits are white on black, the lattice white). */
function inkPixels(page: Page): Promise<{ ink: number; total: number }> {
  return page.locator('.mnist-grid-canvas').first().evaluate((c: HTMLCanvasElement) => {
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    let ink = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] > 40 && d[i] < 255) ink++;
    return { ink, total: d.length / 4 };
  });
}

/** Console errors the browser logs for a request we made fail on purpose. */
const expectedFetchError = (e: string) => /Failed to load resource|ERR_FAILED|ERR_ABORTED|net::/.test(e);

test.describe('MNIST data and browser', () => {
  // The Lecture 8 page hosts several training labs next to the browser; leave room on a busy machine.
  test.describe.configure({ timeout: 150_000 });

  test('progress bar while loading, then a page of real digits; class filter, paging, zoom, export', async ({ page }) => {
    const con = watchConsole(page);
    // Hold the response back a little so the progress bar is observable.
    await page.route(ASSET, async (route) => {
      await new Promise((r) => setTimeout(r, 700));
      await route.continue();
    });
    await page.goto(ROUTE);
    const root = browser(page);
    await expect(root.getByRole('progressbar')).toBeVisible();
    await expect(root).toContainText('Loading MNIST digits…');
    await expect(root).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
    await expect(page.getByRole('progressbar', { name: 'Loading MNIST digits' })).toHaveCount(0);

    const timing = await page.evaluate(() => {
      const e = performance.getEntriesByType('resource').find((r) => r.name.includes('mnist-10k.bin')) as PerformanceResourceTiming;
      return { ms: Math.round(e.duration), bytes: e.encodedBodySize || e.transferSize };
    });
    console.log(`MNIST asset: ${timing.bytes} bytes in ${timing.ms} ms (incl. the 700 ms test delay)`);
    expect(timing.bytes).toBeLessThan(3e6);

    // All digits: every class on the first page, and the canvas shows ink.
    await expect(root).toHaveAttribute('data-labels', '0,1,2,3,4,5,6,7,8,9');
    await expect(root).toContainText('Page 1 of 100');
    await expect(root.getByRole('button', { name: 'Digit 5 (863 images)' })).toBeVisible();
    const ink = await inkPixels(page);
    expect(ink.ink).toBeGreaterThan(ink.total * 0.08);

    // One class: only that label, its count, paging.
    await root.getByRole('button', { name: 'Digit 3 (1032 images)' }).click();
    await expect(root).toHaveAttribute('data-class', '3');
    await expect(root).toHaveAttribute('data-labels', '3');
    await expect(root).toContainText('Page 1 of 11');
    await expect(root).toContainText('digits 1–100 of 1,032 (class 3)');
    await root.getByRole('button', { name: 'Next page' }).click();
    await expect(root).toHaveAttribute('data-page', '2');
    await expect(root).toHaveAttribute('data-labels', '3');
    for (let p = 3; p <= 11; p++) {
      await root.getByRole('button', { name: 'Next page' }).click();
      await expect(root).toHaveAttribute('data-page', String(p));
    }
    await expect(root).toContainText('digits 1001–1032 of 1,032');
    await expect(root.getByRole('button', { name: 'Next page' })).toBeDisabled();
    expect((await inkPixels(page)).ink).toBeGreaterThan(100);

    // Click the 7th digit of the first row: enlarged with its index and label; 3s are indices 3119–4150.
    await root.getByRole('button', { name: 'Previous page' }).click();
    const canvas = root.locator('.mnist-grid-canvas');
    const box = (await canvas.boundingBox())!;
    await canvas.click({ position: { x: box.width * (6.5 / 10), y: box.height * (0.5 / 10) } });
    await expect(root.locator('[data-mnist-zoom-label]')).toHaveText('3');
    const idx = Number(await root.locator('[data-mnist-zoom-index]').textContent());
    expect(idx).toBe(3119 + 900 + 6);
    await expect(root).toHaveAttribute('data-selected', String(idx));
    await canvas.press('ArrowRight');
    await expect(root.locator('[data-mnist-zoom-index]')).toHaveText(String(idx + 1));
    await expect(root.getByRole('img', { name: `Digit ${idx + 1}, label 3, enlarged` })).toBeVisible();

    // Export of the page (PNG and CSV through the chart kit).
    const group = root.getByRole('group', { name: 'Export MNIST digits' });
    const [png] = await Promise.all([page.waitForEvent('download'), group.getByRole('button', { name: /as PNG$/ }).click()]);
    expect(png.suggestedFilename()).toBe('lecture08-mnist-digits-3-page10.png');
    const pngBytes = await downloadText(png);
    expect(pngBytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    const [csv] = await Promise.all([page.waitForEvent('download'), group.getByRole('button', { name: /as CSV$/ }).click()]);
    const lines = (await downloadText(csv)).toString('utf8').trim().split('\n');
    expect(lines).toHaveLength(101);
    expect(lines[0].split(',')).toHaveLength(786);
    expect(lines.slice(1).every((l) => l.split(',')[1] === '3')).toBe(true);

    // Back to all classes.
    await root.getByRole('button', { name: /^All/ }).click();
    await expect(root).toHaveAttribute('data-labels', '0,1,2,3,4,5,6,7,8,9');

    const axe = await new AxeBuilder({ page }).include('[data-mnist-browser]').withTags(['wcag2a', 'wcag2aa']).analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    con.assertClean();
  });

  test('a failed download shows a clear error with Retry, which then succeeds; corrupt data is reported too; fits 375 px', async ({ page }) => {
    const con = watchConsole(page);
    let mode: 'abort' | 'corrupt' | 'pass' = 'abort';
    let requests = 0;
    await page.route(ASSET, async (route) => {
      requests++;
      if (mode === 'abort') return route.abort('failed');
      if (mode === 'corrupt') {
        // gzip magic followed by garbage.
        return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: Buffer.from([0x1f, 0x8b, 8, 0, 1, 2, 3, 4, 5, 6, 7, 8]) });
      }
      return route.continue();
    });
    await page.goto(ROUTE);
    const root = browser(page);
    await expect(root.getByRole('alert')).toContainText('Could not download the MNIST digits');
    await expect(root).toHaveAttribute('data-status', 'error');
    // Labs on the page ask for the digits too when they mount (each call after a failure refetches, so a
    // lab scrolled into view may also recover the data); let the mounted ones settle first.
    const labsSettled = () =>
      page.evaluate(() => Object.values(window.__labs ?? {}).every((l) => (l as { status: string }).status !== 'loading'));
    await root.scrollIntoViewIfNeeded();
    await expect.poll(labsSettled, { timeout: 60_000 }).toBe(true);
    await expect(root).toHaveAttribute('data-status', 'error');

    // Retry refetches: the message changes from the network failure to the corrupt data.
    mode = 'corrupt';
    let before = requests;
    await root.getByRole('alert').getByRole('button', { name: 'Retry' }).click();
    await expect(root.getByRole('alert')).toContainText('corrupt');
    expect(requests).toBeGreaterThan(before);

    // Retry again with the real file: the digits appear (a lab mounting meanwhile may have fetched them first).
    mode = 'pass';
    before = requests;
    await root.getByRole('alert').getByRole('button', { name: 'Retry' }).click({ timeout: 20_000 }).catch(async (e) => {
      if ((await root.getAttribute('data-status')) !== 'ready') throw e;
    });
    await expect(root).toHaveAttribute('data-status', 'ready', { timeout: 30_000 });
    expect(requests).toBeGreaterThan(before);
    await expect(root.getByRole('alert')).toHaveCount(0);
    await expect(root).toHaveAttribute('data-labels', '0,1,2,3,4,5,6,7,8,9');
    expect((await inkPixels(page)).ink).toBeGreaterThan(1000);
    // Labs that needed the digits may report the (intended) failure; nothing else may log errors.
    expect(con.errors.filter((e) => !expectedFetchError(e) && !/MNIST/.test(e))).toEqual([]);

    // Fits a 375 px wide screen.
    await page.setViewportSize({ width: 375, height: 800 });
    await root.scrollIntoViewIfNeeded();
    const fit = await root.evaluate((el) => {
      const r = el.getBoundingClientRect();
      return { left: r.left, right: r.right, scroll: el.scrollWidth, client: el.clientWidth, vw: document.documentElement.clientWidth };
    });
    expect(fit.left).toBeGreaterThanOrEqual(0);
    expect(fit.right).toBeLessThanOrEqual(fit.vw);
    expect(fit.scroll).toBeLessThanOrEqual(fit.client);
  });
});
