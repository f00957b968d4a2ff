import { expect, test } from '@playwright/test';
import { checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, tensorsFlatAcrossResets, waitForLab, watchConsole } from './helpers';

const SLUG = '08-regularization';
// A small run (100 training digits, 32 hidden units, 10 epochs = 40 minibatches) keeps the spec quick.
const SMALL = 'dropout.H=32&dropout.n=10&dropout.epochs=10&dropout.lr=0.005';

test('dropout: slider, weight-scaling rule by Monte Carlo, eval against train mode, exports, link, tensors', async ({ page }) => {
  test.setTimeout(300_000);
  const con = watchConsole(page);
  await page.goto(`./#/lecture/${SLUG}/dropout?${SMALL}`);
  const lab = page.locator('[data-lab="dropout"]');
  await waitForLab(page, 'dropout', (p) => ['idle', 'running', 'done'].includes(p.status), 120_000);
  await expect(lab.getByTestId('dropout-scaling')).toBeVisible();
  await expect(lab.getByRole('img', { name: /Network sketch/ })).toBeVisible();
  // The notes' convention is flagged: p here is the drop probability.
  await expect(lab.locator('.dropout-convention')).toContainText('drop probability');

  // The drop probability changes the run and what is drawn; the unit's input count too.
  await nudgeSlider(page, 'dropout', 'p', 'ArrowLeft');
  expect((await labProbe(page, 'dropout'))!.params.drop).toBeCloseTo(0.45, 10);
  await nudgeSlider(page, 'dropout', 'p');
  expect((await labProbe(page, 'dropout'))!.params.drop).toBeCloseTo(0.5, 10);

  // Train to the end.
  await lab.getByRole('button', { name: /^(Pause|Reset)$/ }).first().click();
  await lab.getByRole('button', { name: 'Reset', exact: true }).first().click();
  await waitForLab(page, 'dropout', (p) => p.status === 'idle' && p.step === 0);
  await lab.getByRole('button', { name: 'Play' }).click();
  const end = await waitForLab(page, 'dropout', (p) => p.status === 'done', 180_000);
  const m = end.metrics;
  expect(m.epoch).toBe(10);
  for (const k of ['do_train_loss', 'do_val_loss', 'plain_train_loss', 'plain_val_loss', 'mc_mean', 'inv_mean']) expect(Number.isFinite(m[k])).toBe(true);
  // Weight scaling: the mean of z̃ over 2000 masks meets q·z (q = 1 − p = 0.5); inverted dropout's mean meets z.
  expect(m.mc_masks).toBe(2000);
  expect(m.mc_target).toBeCloseTo(0.5 * m.z, 10);
  expect(m.mc_diff).toBeLessThan(m.mc_tol);
  expect(m.mc_diff).toBeLessThan(0.1 * Math.abs(m.z));
  expect(Math.abs(m.mc_mean - m.z)).toBeGreaterThan(0.3 * Math.abs(m.z)); // …and clearly not z itself
  expect(m.inv_diff).toBeLessThan(2 * m.mc_tol);
  // Forgetting model.eval(): predicting with dropout on is noisier and less accurate.
  expect(m.do_val_acc).toBeGreaterThanOrEqual(m.do_val_acc_trainmode);
  expect(m.do_val_loss).toBeLessThan(m.do_val_loss_trainmode);
  await expect(lab.getByTestId('dropout-forgot')).toContainText('%');
  await expect(lab.getByTestId('dropout-modes')).toBeVisible();
  await expectNoKatexErrors(page);

  await checkExports(page, 'dropout', 'Loss: training and validation', 'lecture08');
  await checkExports(page, 'dropout', 'Monte Carlo mean of z over masks', 'lecture08');
  await linkReproduces(page, SLUG, 'dropout');
  await tensorsFlatAcrossResets(page, 'dropout');
  con.assertClean();
});
