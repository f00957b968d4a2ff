import { expect, test } from '@playwright/test';
import { expectBackendBadge, expectLectureOrder, expectNoAxeViolations, expectNoKatexErrors, waitForLab, watchConsole } from './helpers';

const LABS = ['softmax', 'dead-relu', 'activations', 'init'];

test('Lecture 7 — the page in the lecture\'s order with its four labs, worked numbers and corrections, no errors', async ({ page }) => {
  test.setTimeout(180_000);
  const con = watchConsole(page);
  await page.goto('./#/lecture/07-training-2');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Training Neural Networks II');
  // The notes' 4×4 regression example: L2 = 33, L1 = 11, computed from the two grids.
  const losses = page.locator('#regression-losses');
  await expect(losses.locator('td.notes-diff')).toHaveCount(8);
  // The worked sums are computed in code, so they are typeset in the browser once on screen.
  await losses.locator('.tex-display').last().scrollIntoViewIfNeeded();
  await expect.poll(async () => {
    const tex = await losses.locator('.katex-display annotation').allTextContents();
    return tex.some((t) => t.includes('9 + 16 + 4 + 4') && t.includes('= 33') && t.includes('3 + 4 + 2 + 2') && t.includes('= 11'));
  }).toBe(true);
  await expect(page.locator('.lecture-section .erratum')).toHaveCount(4);
  await expect(page.locator('#activations-summary')).toContainText('0.01x');
  await expectLectureOrder(page, LABS, [['full-loss', 'softmax'], ['kaiming', 'init']]);
  expect(await page.locator('.katex').count()).toBeGreaterThan(60);
  await expectNoKatexErrors(page);
  await expectBackendBadge(page);
  for (const id of LABS) await waitForLab(page, id, (p) => p.status !== 'loading', 60_000);
  await expectNoAxeViolations(page);
  con.assertClean();
});
