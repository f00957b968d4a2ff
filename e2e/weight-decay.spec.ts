import { expect, test } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, tensorsFlatAcrossResets, waitForLab, watchConsole,
} from './helpers';

const SLUG = '08-regularization';
const ID = 'weight-decay';

test.describe('Lecture 8 — L2 regularisation against weight decay', () => {
  test('weight-decay: SGD pair identical, Adam pair apart; sliders, exports, link, tensors', async ({ page }) => {
    test.setTimeout(240_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    await expect(lab.getByRole('group', { name: 'Export Weight norm per epoch' })).toBeVisible();
    await expectNoKatexErrors(page);

    // Train a few minibatches (4 engine steps each: one per run).
    const start = await labProbe(page, ID);
    if (start!.status !== 'running') await lab.getByRole('button', { name: 'Play' }).click();
    const m = (await waitForLab(page, ID, (p) => p.step >= 12 && p.metrics.diff_adam > 0, 120_000)).metrics;
    await lab.getByRole('button', { name: 'Pause' }).click();
    // Same update, written two ways: the trajectories agree to float32 rounding …
    expect(m.max_diff_sgd).toBeLessThan(1e-5);
    // … while L2 inside Adam is not AdamW.
    expect(m.diff_adam).toBeGreaterThan(1e-3);
    expect(m.train_loss_sgdL2).toBe(m.train_loss_sgdWd);
    await expect(page.getByTestId('weight-decay-summary')).toContainText('SGD pair');

    // Sliders start a new run and change the views (λ and the L2 coefficients in the formulas).
    await nudgeSlider(page, ID, 'wd');
    await nudgeSlider(page, ID, 'lrA', 'ArrowLeft');
    const p = (await labProbe(page, ID))!.params;
    expect(p.decay).not.toBe(3e-4);
    expect(p.lrAdam).toBeLessThan(3e-3);

    await checkExports(page, ID, 'Difference between the paired runs', 'lecture08');
    await checkExports(page, ID, 'Weight norm per epoch', 'lecture08');
    await linkReproduces(page, SLUG, ID);
    await tensorsFlatAcrossResets(page, ID);
    await expectNoKatexErrors(page);
    con.assertClean();
  });
});
