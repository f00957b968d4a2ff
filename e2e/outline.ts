import { expect, test } from '@playwright/test';
import { expectBackendBadge, expectNoKatexErrors, watchConsole } from './helpers';

/** The shared checks for a lecture whose labs are on the way: its outline renders cleanly. */
export function outlineLectureSpec(slug: string, number: number) {
  test(`lecture ${number} loads its outline with no console error`, async ({ page }) => {
    const con = watchConsole(page);
    await page.goto(`./#/lecture/${slug}`);
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.locator('.lecture-number').first()).toContainText(`Lecture ${number}`);
    await expect(page.getByText('labs for this lecture are on the way')).toBeVisible();
    const sections = page.locator('.lecture-section');
    expect(await sections.count()).toBeGreaterThanOrEqual(4);
    await expect(page.locator('nav.toc a').first()).toBeVisible();
    await expectNoKatexErrors(page);
    await expectBackendBadge(page);
    con.assertClean();
  });
}
