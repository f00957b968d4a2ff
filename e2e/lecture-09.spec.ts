import { expect, test } from '@playwright/test';
import { expectBackendBadge, expectLectureOrder, expectNoAxeViolations, expectNoKatexErrors, waitForLab, watchConsole } from './helpers';

const LABS = ['filters', 'conv-arith', 'pooling', 'cnn-mnist', 'receptive-field'];

test('Lecture 9 — the page in the lecture\'s order with its five labs, worked numbers and correction, no errors', async ({ page }) => {
  test.setTimeout(180_000);
  const con = watchConsole(page);
  await page.goto('./#/lecture/09-cnn');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Convolutional Neural Networks');
  // The 1-D box-filter example, computed on the page: 3, 0, 0, 1, 10/3, 4, 4, 16/3.
  await expect(page.getByTestId('conv1d-example')).toContainText('10/3');
  await expect(page.getByTestId('conv1d-example')).toContainText('16/3');
  // The notes' output sizes: 5, 3, 2.3̄ (illegal) and 7 with padding.
  // (polled: KaTeX typesets after the text paints)
  await expect
    .poll(async () => (await page.locator('#stride-output-size .katex-display annotation, #padding annotation').allTextContents()).join(' '), { timeout: 30_000 })
    .toContain('2.\\bar{3}');
  const tex = (await page.locator('#stride-output-size .katex-display annotation, #padding annotation').allTextContents()).join(' ');
  expect(tex).toContain('S = 1: \\tfrac{7-3}{1} + 1 = 5');
  expect(tex).toContain('S = 2: \\tfrac{7-3}{2} + 1 = 3');
  expect(tex).toContain('2.\\bar{3}');
  expect(tex).toContain('7 \\times 7');
  // The notes' pooling example: max [[6, 9], [3, 4]], average [[2.5, 6], [1.75, 3]].
  const cells = async (id: string) => (await page.getByTestId(id).locator('table').nth(1).locator('td').allTextContents()).map(Number);
  expect(await cells('max-pool-example')).toEqual([6, 9, 3, 4]);
  expect(await cells('avg-pool-example')).toEqual([2.5, 6, 1.75, 3]);
  await expect(page.getByTestId('conv-layer-example')).toContainText('760');
  await expect(page.locator('.lecture-section .erratum')).toHaveCount(1);
  for (const id of LABS) await waitForLab(page, id, (p) => p.status !== 'loading', 90_000);
  await expectLectureOrder(page, LABS, [['padding', 'conv-arith'], ['average-pooling', 'pooling'], ['receptive-fields', 'receptive-field']]);
  expect(await page.locator('.katex').count()).toBeGreaterThan(30);
  await expectNoKatexErrors(page);
  await expectBackendBadge(page);
  await expectNoAxeViolations(page);
  con.assertClean();
});
