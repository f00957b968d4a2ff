import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, expectNoKatexErrors, watchConsole } from './helpers';

test('home shows every lecture with its topics and the progress', async ({ page }) => {
  const con = watchConsole(page);
  await page.goto('./');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const cards = page.locator('.lecture-card');
  await expect(cards).toHaveCount(11);
  for (let n = 2; n <= 12; n++) await expect(cards.nth(n - 2)).toContainText(`Lecture ${n}`);
  await expect(cards.first()).toContainText('Machine Learning Basics');
  expect(await cards.first().locator('.topics li').count()).toBeGreaterThanOrEqual(4);
  await expect(page.getByTestId('backend-badge')).toBeVisible();
  await expect(page.getByTestId('progress-visited')).toHaveText('0');
  await expectNoKatexErrors(page);
  await expectNoAxeViolations(page);
  con.assertClean();
});

test('progress persists, and resets', async ({ page }) => {
  await page.goto('./#/lecture/02-ml-basics');
  await expect(page.locator('[data-lab="knn"]')).toBeVisible();
  await page.goto('./#/');
  await expect(page.getByTestId('progress-visited')).toHaveText('1');
  await page.reload();
  await expect(page.getByTestId('progress-visited')).toHaveText('1');
  await page.getByRole('button', { name: 'Reset progress' }).click();
  await expect(page.getByTestId('progress-visited')).toHaveText('0');
});

test('corrupt saved progress is discarded with a notice', async ({ page }) => {
  await page.goto('./');
  await page.evaluate(() => localStorage.setItem('i2dl-progress', '{"state": {"visited": "oops"'));
  await page.reload();
  await expect(page.getByRole('alert')).toContainText('could not be read');
  await expect(page.getByTestId('progress-visited')).toHaveText('0');
});

test('arrow keys move between lectures, and unknown routes say so', async ({ page }) => {
  const con = watchConsole(page);
  await page.goto('./#/lecture/03-neural-networks');
  await expect(page.locator('.lecture-header')).toContainText('Lecture 3');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.lecture-header')).toContainText('Lecture 4');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('.lecture-header')).toContainText('Lecture 2');
  await page.getByRole('link', { name: /Lecture 3:/ }).click();
  await expect(page.locator('.lecture-header')).toContainText('Lecture 3');
  await page.goto('./#/lecture/99-nothing');
  await expect(page.getByText('is not a lecture of this course')).toBeVisible();
  await page.goto('./#/somewhere/else/entirely/x');
  await expect(page.getByText('Page not found')).toBeVisible();
  con.assertClean();
});
