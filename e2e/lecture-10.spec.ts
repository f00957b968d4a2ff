import { expect, test } from '@playwright/test';
import { expectBackendBadge, expectLectureOrder, expectNoAxeViolations, expectNoKatexErrors, waitForLab, watchConsole } from './helpers';

const LABS = ['architectures', 'resnet', 'conv-variants', 'upsampling', 'segmentation'];

test('Lecture 10 — the page in the lecture\'s order with its five labs, worked numbers and corrections, no errors', async ({ page }) => {
  test.setTimeout(180_000);
  const con = watchConsole(page);
  await page.goto('./#/lecture/10-cnn-2');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Convolutional Neural Networks II');
  // LeNet-5 from its layer definitions: 61,706 parameters (the notes' "60k").
  await expect(page.getByTestId('lenet-table')).toContainText('61,706');
  await expect(page.getByTestId('lenet-table')).toContainText('5 × 5 × 16');
  // The bottleneck example: 120,422,400 multiplications naive, 12,443,648 with a 1×1 bottleneck.
  await expect
    .poll(async () => (await page.locator('#inception annotation').allTextContents()).join(' '), { timeout: 30_000 })
    .toContain('120{,}422{,}400');
  await expect(page.getByTestId('inception-cost')).toContainText('12,443,648');
  await expect(page.locator('.lecture-section .erratum')).toHaveCount(2);
  for (const id of LABS) await waitForLab(page, id, (p) => p.status !== 'loading', 90_000);
  await expectLectureOrder(page, LABS, [['vggnet', 'architectures'], ['why-resnet-works', 'resnet'], ['u-net', 'segmentation']]);
  expect(await page.locator('.katex').count()).toBeGreaterThan(15);
  await expectNoKatexErrors(page);
  await expectBackendBadge(page);
  await expectNoAxeViolations(page);
  con.assertClean();
});
