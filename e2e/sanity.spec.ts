import { expect, test, type Page } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, tensorsFlatAcrossResets, viewFingerprint, waitForLab, watchConsole,
} from './helpers';

const SLUG = '06-training-1';
const ID = 'sanity';

/** Open the lab's deep link with extra parameters (shorter runs keep the spec quick) and wait until it is built. */
async function open(page: Page, query: string) {
  await page.goto(`./#/lecture/${SLUG}/${ID}?${query}`);
  await waitForLab(page, ID, (p) => p.status === 'idle' && Number.isFinite(p.metrics.init_loss));
  return page.locator(`[data-lab="${ID}"]`);
}

/** Set a mistake's checkbox; the lab retrains at once. Wait until the new run is done. */
async function setMistake(page: Page, key: string, on: boolean) {
  const before = (await labProbe(page, ID))!.runId;
  await page.locator(`[data-lab="${ID}"] input[type="checkbox"][data-param="${key}"]`).setChecked(on);
  return waitForLab(page, ID, (p) => p.runId > before && p.status === 'done');
}

test.describe('Lecture 6 — sanity checks and common mistakes', () => {
  test('one sample is memorised; the initial loss follows log C; exports; link', async ({ page }) => {
    test.setTimeout(240_000);
    const con = watchConsole(page);
    const lab = await open(page, `${ID}.S=100`);
    let p = (await labProbe(page, ID))!;
    expect(p.params.classes).toBe(4);
    expect(Math.abs(p.metrics.init_loss - Math.log(4))).toBeLessThan(0.02);
    await expect(page.getByTestId('sanity-init')).toContainText('Check passed.');
    // Change C: the measured initial loss moves to log 5.
    await nudgeSlider(page, ID, 'C');
    p = await waitForLab(page, ID, (q) => q.params.classes === 5 && Number.isFinite(q.metrics.init_loss));
    expect(p.metrics.log_c).toBeCloseTo(Math.log(5), 6);
    expect(Math.abs(p.metrics.init_loss - Math.log(5))).toBeLessThan(0.02);
    await expect(page.getByTestId('sanity-init')).toContainText('log 5');
    expect(p.metrics.init_loss_large).toBeGreaterThan(Math.log(5) + 1);
    // The wrong initialisation fails the check.
    await lab.locator('select[data-param="init"]').selectOption('large');
    await expect(page.getByTestId('sanity-init-verdict')).toContainText('Check failed');
    // The recipe's first stage: one sample, 100% training accuracy.
    let run = (await labProbe(page, ID))!.runId;
    await lab.locator('select[data-param="init"]').selectOption('small');
    await waitForLab(page, ID, (q) => q.runId > run);
    run = (await labProbe(page, ID))!.runId;
    await lab.locator('select[data-param="n"]').selectOption('1');
    p = await waitForLab(page, ID, (q) => q.runId > run && q.status === 'done');
    expect(p.metrics.acc_train).toBe(1);
    expect(p.metrics.stage_acc_train_1).toBe(1);
    expect(p.metrics.loss).toBeLessThan(0.01);
    await expect(page.getByTestId('sanity-stages').locator('tr[data-n="1"]')).toContainText('100.0%');
    await checkExports(page, ID, 'Loss per iteration', 'lecture06');
    await checkExports(page, ID, 'Accuracy per iteration', 'lecture06');
    await checkExports(page, ID, 'Initial loss against the number of classes', 'lecture06');
    await linkReproduces(page, SLUG, ID);
    await expectNoKatexErrors(page);
    con.assertClean();
  });

  test('each mistake changes the curves and moves its metric the expected way', async ({ page }) => {
    test.setTimeout(300_000);
    const con = watchConsole(page);
    const lab = await open(page, `${ID}.n=100&${ID}.S=100`);
    await lab.getByRole('button', { name: 'Play' }).click();
    const correct = await waitForLab(page, ID, (q) => q.status === 'done');
    expect(correct.metrics.acc_val).toBeGreaterThan(0.6);
    let shown = await viewFingerprint(page, ID);

    // (a) softmax outputs into softmaxCrossEntropy: stuck above the floor, far above the correct loss.
    const a = await setMistake(page, 'ma', true);
    expect(a.metrics.loss).toBeCloseTo(correct.metrics.loss, 4); // same seed and data: the correct run is unchanged
    expect(a.metrics.loss_softmax).toBeGreaterThan(a.metrics.floor_softmax);
    expect(a.metrics.loss_softmax).toBeGreaterThan(a.metrics.loss + 0.2);
    expect(a.metrics.ce_softmax).toBeGreaterThan(a.metrics.loss);
    await expect.poll(() => viewFingerprint(page, ID)).not.toBe(shown);
    await expect(page.getByTestId('sanity-a')).toContainText('Final loss as printed');
    await setMistake(page, 'ma', false);
    shown = await viewFingerprint(page, ID);

    // (b) no zero_grad: accumulated gradients overshoot, the loss ends far higher.
    const b = await setMistake(page, 'mb', true);
    expect(b.metrics.loss_zerograd).toBeGreaterThan(b.metrics.loss + 0.2);
    expect(b.metrics.acc_zerograd).toBeLessThan(b.metrics.acc_train);
    await expect.poll(() => viewFingerprint(page, ID)).not.toBe(shown);
    await setMistake(page, 'mb', false);
    shown = await viewFingerprint(page, ID);

    // (c) validating in train mode: lower and noisy validation accuracy.
    const c = await setMistake(page, 'mc', true);
    expect(c.metrics.acc_val_trainmode).toBeLessThan(c.metrics.acc_val);
    expect(c.metrics.acc_val_trainmode_sd).toBeGreaterThan(0);
    await expect.poll(() => viewFingerprint(page, ID)).not.toBe(shown);
    await expect(page.getByTestId('sanity-c')).toContainText('in eval mode');
    await expectNoKatexErrors(page);
    con.assertClean();
  });

  test('no tensors leak across resets, with every mistake on', async ({ page }) => {
    test.setTimeout(240_000);
    const con = watchConsole(page);
    await open(page, `${ID}.n=10&${ID}.S=50&${ID}.ma=1&${ID}.mb=1&${ID}.mc=1`);
    await tensorsFlatAcrossResets(page, ID);
    con.assertClean();
  });
});
