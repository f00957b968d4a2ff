import { expect, test, type Page } from '@playwright/test';
import { labProbe, waitForLab, watchConsole } from './helpers';

/**
 * Phones: every page at 375 px wide. No horizontal page overflow (wide tables and formulas scroll
 * inside their own container), sliders big enough to hit with a finger, labs stacked, a full-page
 * screenshot per lecture in test-results/mobile/<slug>.png to look at, and one lab trains.
 */
const SLUGS = [
  '02-ml-basics', '03-neural-networks', '04-backprop', '05-optimization', '06-training-1', '07-training-2',
  '08-regularization', '09-cnn', '10-cnn-2', '11-rnn-transformers', '12-advanced',
];
const WIDTH = 375;
/** Where the screenshots go (MOBILE_SHOTS overrides, e.g. outside test-results/, which each run empties). */
const SHOTS = process.env.MOBILE_SHOTS ?? 'test-results/mobile';

test.use({ viewport: { width: WIDTH, height: 800 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 });

/** Elements that stick out past the right edge of the page and are not inside a scrolling box. */
function overflowing(page: Page) {
  return page.evaluate((width) => {
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        const s = getComputedStyle(p);
        if (s.overflowX !== 'visible' || p.classList.contains('visually-hidden')) return true;
      }
      return false;
    };
    const out: string[] = [];
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= width + 1 || clipped(el)) continue;
      if (el.parentElement && el.parentElement.getBoundingClientRect().right > width + 1 && el.parentElement !== document.body) continue;
      const name = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}.${[...el.classList].join('.')}`;
      const lab = el.closest('[data-lab]')?.getAttribute('data-lab') ?? el.closest('section')?.id ?? '';
      out.push(`${name} in ${lab}: right ${Math.round(r.right)}`);
      if (out.length > 12) break;
    }
    return { scrollWidth: document.documentElement.scrollWidth, out };
  }, WIDTH);
}

async function checkPage(page: Page, name: string) {
  const { scrollWidth, out } = await overflowing(page);
  expect.soft(scrollWidth, `page wider than ${WIDTH} px:\n${out.join('\n')}`).toBeLessThanOrEqual(WIDTH);
  // WCAG 2.5.8: targets at least 24 px; our sliders aim for a 44 px tall hit area on touch screens.
  const small = await page.locator('input[type="range"]').evaluateAll((els) =>
    els.filter((e) => (e as HTMLElement).offsetParent !== null)
      .map((e) => ({ h: e.getBoundingClientRect().height, w: e.getBoundingClientRect().width, p: e.getAttribute('data-param') ?? e.getAttribute('aria-label') ?? e.id, lab: e.closest('[data-lab]')?.getAttribute('data-lab') }))
      .filter((r) => r.h < 44 || r.w < 24));
  expect.soft(small, `sliders smaller than 44 px tall: ${JSON.stringify(small)}`).toEqual([]);
  // Scroll through once so every lazily rendered section (content-visibility: auto) is laid out.
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += 700) {
      window.scrollTo(0, y);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 30)));
    }
    window.scrollTo(0, 0);
  });
  await page.waitForTimeout(300);
  // A box that scrolls sideways must be reachable by keyboard (axe scrollable-region-focusable, WCAG 2.1.1).
  const unreachable = await page.evaluate(() => [...document.querySelectorAll('main *')].filter((el) => {
    const h = el as HTMLElement;
    if (h.scrollWidth <= h.clientWidth + 1 || h.clientWidth === 0 || !['auto', 'scroll'].includes(getComputedStyle(h).overflowX)) return false;
    return h.tabIndex < 0 && !h.querySelector('a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])');
  }).map((el) => `${el.tagName.toLowerCase()}.${[...el.classList].join('.')} in ${el.closest('[data-lab]')?.getAttribute('data-lab') ?? el.closest('section')?.id ?? ''}`));
  expect.soft(unreachable, `sideways-scrolling boxes the keyboard cannot reach:\n${unreachable.join('\n')}`).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

test('home at 375 px: no sideways scrolling, cards stack', async ({ page }) => {
  const con = watchConsole(page);
  await page.goto('./');
  await expect(page.locator('.lecture-card')).toHaveCount(11);
  const xs = await page.locator('.lecture-card').evaluateAll((els) => els.map((e) => Math.round(e.getBoundingClientRect().left)));
  expect(new Set(xs).size).toBe(1); // one column
  await checkPage(page, 'home');
  con.assertClean();
});

for (const slug of SLUGS) {
  test(`lecture ${slug} at 375 px: no sideways scrolling, labs stacked, touch-sized sliders`, async ({ page }) => {
    test.setTimeout(100_000);
    const con = watchConsole(page);
    await page.goto(`./#/lecture/${slug}`);
    await expect(page.locator('section.lab[data-lab]').first()).toBeVisible({ timeout: 45_000 });
    await expect(page.locator('.lab-placeholder')).toHaveCount(0, { timeout: 45_000 });
    const ids = await page.locator('section.lab[data-lab]').evaluateAll((els) => els.map((e) => e.getAttribute('data-lab')!));
    for (const id of ids) await waitForLab(page, id, (p) => p.status !== 'loading', 40_000);
    await page.waitForTimeout(500);
    // Labs stack: the controls column sits above the views, both as wide as the lab.
    const bad = await page.locator('.lab-body').evaluateAll((els) => els.flatMap((b) => {
      const c = b.querySelector(':scope > .lab-controls')?.getBoundingClientRect();
      const v = b.querySelector(':scope > .lab-views')?.getBoundingClientRect();
      return c && v && !(c.bottom <= v.top + 1) ? [b.closest('[data-lab]')?.getAttribute('data-lab')] : [];
    }));
    expect(bad, 'labs whose controls do not sit above their views').toEqual([]);
    await checkPage(page, slug);
    con.assertClean();
  });
}

test('a lab trains on a phone: Play at 375 px raises the step count', async ({ page }) => {
  const con = watchConsole(page);
  await page.goto('./#/lecture/02-ml-basics/logreg');
  const lab = page.locator('[data-lab="logreg"]');
  await waitForLab(page, 'logreg', (p) => p.status === 'idle');
  const play = lab.getByRole('button', { name: 'Play' });
  await play.scrollIntoViewIfNeeded();
  await play.tap();
  await waitForLab(page, 'logreg', (p) => p.step >= 20);
  expect((await labProbe(page, 'logreg'))!.step).toBeGreaterThanOrEqual(20);
  const { scrollWidth } = await overflowing(page);
  expect(scrollWidth).toBeLessThanOrEqual(WIDTH);
  con.assertClean();
});
