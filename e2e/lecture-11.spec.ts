import { expect, test } from '@playwright/test';
import { expectBackendBadge, expectLectureOrder, expectNoAxeViolations, expectNoKatexErrors, waitForLab, watchConsole } from './helpers';

const LABS = ['transfer', 'rnn-gradients', 'lstm', 'attention', 'positional', 'complexity', 'transformer'];

test('Lecture 11 — the page in the lecture\'s order with its seven labs, worked numbers and corrections, no errors', async ({ page }) => {
  test.setTimeout(180_000);
  const con = watchConsole(page);
  await page.goto('./#/lecture/11-rnn-transformers');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Recurrent Neural Networks and Transformers');
  // Worked numbers, computed on the page: 0.9^50 and 1.1^50, the complexity example, the paper's peak learning rate.
  const annotations = async (id: string) => (await page.locator(`#${id} annotation`).allTextContents()).join(' ');
  await expect.poll(() => annotations('long-term-dependencies'), { timeout: 30_000 }).toContain('0.0052');
  expect(await annotations('long-term-dependencies')).toContain('117.4');
  await expect.poll(() => annotations('self-attention-complexity')).toContain('1{,}280{,}000');
  expect(await annotations('self-attention-complexity')).toContain('13{,}107{,}200');
  await expect.poll(() => annotations('training-tricks')).toContain('6.99\\cdot 10^{-4}');
  await expect(page.getByTestId('complexity-table')).toContainText('Self-attention (restricted)');
  // Two corrections: the eigendecomposition (Q orthogonal, not θ) and the LSTM backward code.
  await expect(page.locator('.lecture-section .erratum')).toHaveCount(2);
  await expect(page.locator('#lstm-code .erratum')).toContainText('dprev_h = da.dot(Wh.T)');
  for (const id of LABS) await waitForLab(page, id, (p) => p.status !== 'loading', 90_000);
  await expectLectureOrder(page, LABS, [
    ['when-transfer', 'transfer'],
    ['long-term-dependencies', 'rnn-gradients'],
    ['lstm-code', 'lstm'],
    ['multi-head-attention', 'attention'],
    ['positional-encoding', 'positional'],
    ['self-attention-complexity', 'complexity'],
    ['training-tricks', 'transformer'],
  ]);
  expect(await page.locator('.katex').count()).toBeGreaterThan(40);
  await expectNoKatexErrors(page);
  await expectBackendBadge(page);
  await expectNoAxeViolations(page);
  con.assertClean();
});
