import { expect, test, type Page } from '@playwright/test';
import { expectNoKatexErrors, labProbe, waitForLab, watchConsole } from './helpers';

// Without the tests' "all labs at once" switch: a lecture opens as text, and labs mount as the learner nears them.
test.use({ storageState: { cookies: [], origins: [] } });

test('labs mount when the learner scrolls near them, or follows a link to one', async ({ page }) => {
  const con = watchConsole(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./#/lecture/05-optimization');
  await expect(page.locator('.lecture-section').first()).toBeVisible();
  // The last lab of the page is far below the first screen: still a placeholder, no engine.
  const last = page.locator('#lab-second-order');
  await expect(last).toHaveClass(/lab-placeholder/);
  await page.waitForTimeout(1500);
  expect(await labProbe(page, 'second-order')).toBeNull();
  await last.scrollIntoViewIfNeeded();
  await waitForLab(page, 'second-order', (p) => p.status !== 'loading');
  await expect(page.locator('[data-lab="second-order"]')).toBeVisible();
  // A deep link mounts its lab even though it is far down.
  await page.goto('./#/lecture/12-advanced/rl');
  await waitForLab(page, 'rl', (p) => p.status !== 'loading');
  // "Load it now" mounts a placeholder on request.
  await page.goto('./#/lecture/12-advanced');
  const btn = page.locator('#lab-diffusion').getByRole('button', { name: 'Load it now' });
  await expect(btn).toHaveCount(1);
  await btn.dispatchEvent('click'); // a click without scrolling there first

  await waitForLab(page, 'diffusion', (p) => p.status !== 'loading');
  con.assertClean();
});

/** Whether the page has loaded KaTeX's JavaScript (formulas written out in the source come typeset from the build). */
const katexLoaded = (page: Page) => page.evaluate(() => performance.getEntriesByType('resource').some((r) => /katexRender-[\w-]+\.js$/.test(r.name)));

test('on a phone the contents fill the first screen: sections wait for the learner or a few quiet seconds; formulas come typeset from the build', async ({ page }) => {
  const con = watchConsole(page);
  await page.setViewportSize({ width: 412, height: 823 });
  await page.goto('./#/lecture/11-rnn-transformers');
  const sections = page.locator('.lecture-section');
  // Every section's heading is there at once (the contents and the page's outline work from the start).
  await expect.poll(() => sections.count()).toBeGreaterThan(15);
  const count = await sections.count();
  await page.waitForTimeout(1000);
  expect(await page.locator('.section-pending').count(), 'no section is on screen, none is filled in while the page loads').toBe(count);
  expect(await katexLoaded(page), 'nothing needs KaTeX yet').toBe(false);
  // Without any scrolling or key, every section gets its content after a few quiet seconds.
  await expect(page.locator('.section-pending')).toHaveCount(0, { timeout: 30_000 });
  await expect(page.locator('.lecture-section[aria-busy]')).toHaveCount(0);
  for (let i = 0; i < count; i++) expect(await sections.nth(i).locator('> :not(h2)').count(), `section ${i} is empty`).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  // The formulas near the top are in place, typeset at build time.
  await expect.poll(() => sections.first().locator('.katex').count()).toBeGreaterThan(0);
  // Far below the first screen, formulas wait to be typeset until the learner comes near.
  const lastSection = sections.last();
  expect(await lastSection.locator('.tex-pending').count()).toBeGreaterThan(0);
  // Scrolling down the page typesets them all.
  // (The page grows as labs mount and formulas are typeset: go on until the bottom is reached.)
  for (let y = 0; y < (await page.evaluate(() => document.documentElement.scrollHeight)); y += 600) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    await page.waitForTimeout(60);
  }
  await expect.poll(() => page.locator('.lecture-section .tex-pending').count(), { timeout: 30_000 }).toBe(0);
  expect(await page.locator('.katex').count()).toBeGreaterThan(100);
  await expectNoKatexErrors(page);
  con.assertClean();
});

test.describe('without the quiet-time fallback', () => {
  // Only the learner (or a section on screen) can start the filling-in here.
  test.beforeEach(async ({ page }) => {
    await page.addInitScript((key) => localStorage.setItem(key, '600000'), 'i2dl-background-fill-ms');
  });

  test('on a laptop the first section is on screen and fills in at once', async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.goto('./#/lecture/07-training-2');
    await expect(page.locator('.lecture-section').first().locator('p').first()).toBeVisible();
    await expect(page.locator('.section-pending')).toHaveCount(0, { timeout: 30_000 });
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
  });

  test('on a phone a first key press starts filling in the page and loads KaTeX for the formulas computed at run time', async ({ page }) => {
    await page.setViewportSize({ width: 412, height: 823 });
    await page.goto('./#/lecture/11-rnn-transformers');
    await expect.poll(() => page.locator('.lecture-section').count()).toBeGreaterThan(15);
    await page.waitForTimeout(1500);
    expect(await page.locator('.section-pending').count()).toBe(await page.locator('.lecture-section').count());
    await page.keyboard.press('Shift');
    await expect.poll(() => katexLoaded(page), { timeout: 15_000 }).toBe(true);
    await expect(page.locator('.section-pending')).toHaveCount(0, { timeout: 30_000 });
    // Printing now typesets every formula, the computed ones too, straight away.
    const after = await page.evaluate(() => {
      window.dispatchEvent(new Event('beforeprint'));
      return {
        pendingFormulas: document.querySelectorAll('.lecture-section .tex-pending').length,
        source: document.querySelectorAll('.tex-source').length,
      };
    });
    expect(after).toEqual({ pendingFormulas: 0, source: 0 });
    await expectNoKatexErrors(page);
  });
});

test('printing typesets every formula and fills in every section first', async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  await page.goto('./#/lecture/11-rnn-transformers');
  await expect.poll(() => page.locator('.lecture-section').count()).toBeGreaterThan(15);
  // Counted in the same task as the event: nothing may be left for after the print snapshot.
  const after = await page.evaluate(() => {
    const waiting = document.querySelectorAll('.section-pending, .lecture-section .tex-pending').length;
    window.dispatchEvent(new Event('beforeprint'));
    return {
      waiting,
      pendingSections: document.querySelectorAll('.section-pending').length,
      pendingFormulas: document.querySelectorAll('.lecture-section .tex-pending').length,
      formulas: document.querySelectorAll('.lecture-section .katex').length,
    };
  });
  expect(after.waiting, 'nothing was left to do before printing').toBeGreaterThan(0);
  expect(after.pendingSections).toBe(0);
  expect(after.pendingFormulas).toBe(0);
  expect(after.formulas).toBeGreaterThan(100);
  await expectNoKatexErrors(page);
});

test('a link to a section far down lands on it and it stays put while the page fills in', async ({ page }) => {
  await page.setViewportSize({ width: 412, height: 823 });
  await page.goto('./#/lecture/11-rnn-transformers/training-tricks');
  const target = page.locator('#training-tricks');
  await expect(target.locator('p').first()).toBeVisible();
  const top = () => target.evaluate((el) => Math.round(el.getBoundingClientRect().top));
  await expect.poll(top, { timeout: 15_000 }).toBeLessThan(120);
  const first = await top();
  await page.waitForTimeout(1500);
  expect(Math.abs((await top()) - first)).toBeLessThan(8);
  expect(first).toBeGreaterThanOrEqual(-8);
  // Every section was rendered with the page, so nothing above it can push it down.
  await expect(page.locator('.section-pending')).toHaveCount(0);
  // A table-of-contents link within the same lecture does the same.
  await page.goto('./#/lecture/11-rnn-transformers');
  await page.locator('nav.toc a[href$="/self-attention-complexity"]').click();
  const t2 = page.locator('#self-attention-complexity');
  await expect.poll(() => t2.evaluate((el) => Math.round(el.getBoundingClientRect().top)), { timeout: 15_000 }).toBeLessThan(120);
  await expect(page.locator('.section-pending')).toHaveCount(0);
});
