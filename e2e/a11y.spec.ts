import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, waitForLab, watchConsole } from './helpers';

/** axe (WCAG 2 / 2.1, A and AA) on every route with its labs mounted, and a keyboard walk. */
const SLUGS = [
  '02-ml-basics', '03-neural-networks', '04-backprop', '05-optimization', '06-training-1', '07-training-2',
  '08-regularization', '09-cnn', '10-cnn-2', '11-rnn-transformers', '12-advanced',
];

async function labsMounted(page: Page) {
  await expect(page.locator('section.lab[data-lab]').first()).toBeVisible({ timeout: 45_000 });
  await expect(page.locator('.lab-placeholder')).toHaveCount(0, { timeout: 45_000 });
}

test('axe: home and unknown routes', async ({ page }) => {
  test.setTimeout(180_000);
  const con = watchConsole(page);
  await page.goto('./');
  await expect(page.locator('.lecture-card')).toHaveCount(11);
  await expectNoAxeViolations(page);
  await page.goto('./#/lecture/99-nothing');
  await expect(page.getByText('is not a lecture of this course')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.goto('./#/somewhere/else');
  await expect(page.getByText('Page not found')).toBeVisible();
  await expectNoAxeViolations(page);
  con.assertClean();
});

for (const slug of SLUGS) {
  test(`axe: lecture ${slug} with its labs mounted`, async ({ page }) => {
    test.setTimeout(180_000);
    const con = watchConsole(page);
    await page.goto(`./#/lecture/${slug}`);
    await labsMounted(page);
    await expectNoAxeViolations(page);
    con.assertClean();
  });
}

test('axe: a lab deep link, after a parameter change', async ({ page }) => {
  test.setTimeout(180_000);
  const con = watchConsole(page);
  await page.goto('./#/lecture/05-optimization/lr?lr=0.2');
  await waitForLab(page, 'lr', (p) => p.status !== 'loading');
  await expect(page.locator('[data-lab="lr"]')).toBeInViewport();
  await expectNoAxeViolations(page);
  con.assertClean();
});

/** What has the focus: its tag, role, name and whether its outline shows. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    const s = getComputedStyle(el);
    return {
      tag: el.tagName.toLowerCase(),
      cls: el.className && typeof el.className === 'string' ? el.className : '',
      text: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40),
      inToc: !!el.closest('nav.toc'),
      lab: el.closest('[data-lab]')?.getAttribute('data-lab') ?? null,
      visible: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0,
    };
  });
}

test('keyboard: Tab reaches the skip link, the lecture contents and a lab\'s Play button, focus always visible', async ({ page }) => {
  test.setTimeout(180_000);
  const con = watchConsole(page);
  await page.goto('./#/lecture/02-ml-basics');
  await labsMounted(page);
  await waitForLab(page, 'knn', (p) => p.status !== 'loading');
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Tab');
  let f = await focused(page);
  expect(f?.text).toBe('Skip to content');
  expect(f?.visible).toBe(true);
  await expect(page.locator('.skip-link')).toBeInViewport();
  const seen: NonNullable<typeof f>[] = [];
  let reachedToc = false;
  for (let i = 0; i < 250; i++) {
    await page.keyboard.press('Tab');
    f = await focused(page);
    if (!f) continue;
    seen.push(f);
    if (f.inToc) reachedToc = true;
    if (f.tag === 'button' && f.text === 'Play' && f.lab) break;
  }
  expect(reachedToc, 'Tab never reached the lecture contents').toBe(true);
  expect(seen.at(-1), 'Tab never reached a lab\'s Play button').toMatchObject({ tag: 'button', text: 'Play' });
  const invisible = seen.filter((s) => !s.visible);
  expect(invisible, `focus not visible on: ${JSON.stringify(invisible)}`).toEqual([]);
  // Enter on Play starts the lab without the mouse.
  await page.keyboard.press('Enter');
  await waitForLab(page, seen.at(-1)!.lab!, (p) => p.step > 0);
  con.assertClean();
});

test('keyboard: the skip link moves the focus to the content', async ({ page }) => {
  await page.goto('./#/lecture/03-neural-networks');
  await labsMounted(page);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page.locator('#main')).toBeFocused();
  await page.keyboard.press('Tab');
  const f = await focused(page);
  expect(f?.inToc || f?.lab !== null || f?.tag === 'a').toBe(true);
});
