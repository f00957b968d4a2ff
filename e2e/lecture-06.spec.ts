import { expect, test } from '@playwright/test';
import { expectBackendBadge, expectLectureOrder, expectNoAxeViolations, expectNoKatexErrors, waitForLab, watchConsole } from './helpers';

const LABS = ['lr-schedules', 'crossval', 'fitting', 'hparam-search', 'sanity'];

test('Lecture 6 — the page in the lecture\'s order with its five labs, formulas and correction, no errors', async ({ page }) => {
  test.setTimeout(180_000);
  const con = watchConsole(page);
  await page.goto('./#/lecture/06-training-1');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Training Neural Networks I');
  // The notes' inverse-time decay example: 0.1, 0.05, 0.033, 0.025.
  const table = page.locator('#lr-decay table.notes-table');
  await expect(table.locator('tbody tr')).toHaveCount(4);
  expect((await table.locator('tbody tr td:nth-child(2)').allTextContents()).map(Number)).toEqual([0.1, 0.05, 0.033, 0.025]);
  await expect(page.locator('.lecture-section .erratum')).toHaveCount(1);
  await expect(page.locator('#lr-and-grid')).toContainText('2.30 for ten classes');
  await expectLectureOrder(page, LABS, [['lr-decay', 'lr-schedules'], ['debugging', 'sanity']]);
  expect(await page.locator('.katex').count()).toBeGreaterThan(25);
  await expectNoKatexErrors(page);
  await expectBackendBadge(page);
  for (const id of LABS) await waitForLab(page, id, (p) => p.status !== 'loading', 60_000);
  await expectNoAxeViolations(page);
  con.assertClean();
});
