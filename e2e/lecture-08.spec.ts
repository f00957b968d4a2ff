import { expect, test } from '@playwright/test';
import { expectBackendBadge, expectLectureOrder, expectNoAxeViolations, expectNoKatexErrors, waitForLab, watchConsole } from './helpers';

const LABS = ['augment', 'weight-decay', 'early-stop', 'ensemble', 'dropout', 'mc-dropout', 'batchnorm'];

test('Lecture 8 — the page in the lecture\'s order with its seven labs, formulas and corrections, no errors', async ({ page }) => {
  test.setTimeout(180_000);
  const con = watchConsole(page);
  await page.goto('./#/lecture/08-regularization');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Training Neural Networks III');
  // The notes' weight-scaling example: four masks, E[z] = ½(θ₁x₁ + θ₂x₂).
  // (polled: KaTeX typesets after the text paints, later still on a loaded machine)
  await expect
    .poll(async () => {
      const tex = await page.locator('#dropout-section .katex-display annotation').allTextContents();
      return tex.some((t) => t.includes('\\frac14') && t.includes('\\theta_1 x_1 + \\theta_2 x_2') && t.includes('\\frac12'));
    }, { timeout: 30_000 })
    .toBe(true);
  await expect(page.locator('.lecture-section .erratum')).toHaveCount(2);
  for (const id of LABS) await waitForLab(page, id, (p) => p.status !== 'loading', 90_000);
  await expectLectureOrder(page, LABS, [['augmentation', 'augment'], ['batch-normalisation', 'batchnorm']]);
  expect(await page.locator('.katex').count()).toBeGreaterThan(30);
  await expectNoKatexErrors(page);
  await expectBackendBadge(page);
  await expectNoAxeViolations(page);
  con.assertClean();
});
