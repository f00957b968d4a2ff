import { expect, test } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, tensorsFlatAcrossResets, waitForLab, watchConsole,
} from './helpers';

const SLUG = '08-regularization';
const ID = 'batchnorm';

test.describe('Lecture 8 — batch normalisation', () => {
  test('BN trains at the default high α where the plain net does not; single-sample modes; sweep; sliders; exports; link; tensors', async ({ page }) => {
    test.setTimeout(360_000);
    const con = watchConsole(page);
    // A shorter main run on a shallower net keeps the test quick; the learning rate stays at its default.
    await page.goto(`./#/lecture/${SLUG}/${ID}?${ID}.it=100&${ID}.L=4&${ID}.B=32`);
    const lab = page.locator(`[data-lab="${ID}"]`);
    const start = await waitForLab(page, ID, (p) => p.status === 'idle' && p.params.iters === 100, 90_000);
    expect(start.params).toMatchObject({ lr: 0.5, depth: 4, batch: 32, betaM: 0.9 });
    await expectNoKatexErrors(page);
    await expect(lab.getByRole('img', { name: /Quantile bands .* with BN \(iteration 0\)/ })).toBeVisible();

    await lab.getByLabel('Training speed').selectOption('Infinity');
    await lab.getByRole('button', { name: 'Play' }).click();
    const end = await waitForLab(page, ID, (p) => p.metrics.iter >= 100 && Number.isFinite(p.metrics.final_loss_bn), 200_000);
    const m = end.metrics;
    expect(m.final_loss_bn).toBeLessThan(1);
    const plainFailed = m.plain_diverged_at > 0 || m.final_loss_plain > m.final_loss_bn + 0.3;
    expect(plainFailed, JSON.stringify(m)).toBe(true);
    // BN keeps every layer's ReLU inputs at about unit spread
    for (let l = 1; l <= 4; l++) expect(Math.abs(m[`std_bn_l${l}`] - 1)).toBeLessThan(0.5);

    // One digit: in a batch, alone in train mode (σ²_B = 0 → y = β), in test mode (running statistics).
    expect(m.alone_var).toBe(0);
    expect(m.alone_minus_beta).toBeLessThan(1e-6);
    expect(m.single_alone_y).toBeCloseTo(m.single_beta, 6);
    expect(m.alone_same).toBeLessThan(1e-6);
    expect(m.single_eval_var).toBeGreaterThan(0);
    expect(Math.abs(m.single_eval_y - m.single_alone_y)).toBeGreaterThan(1e-3);
    expect(m.eval_check_err).toBeLessThan(1e-4);
    expect(m.batch_check_err).toBeLessThan(1e-4);
    expect(m.running_err).toBeLessThan(1e-4);
    const single = page.getByTestId('batchnorm-single');
    await expect(single).toContainText('train mode, alone (B = 1)');
    await expect(single).toContainText('test mode (running statistics)');
    await expect(single).toContainText('gives the very same probabilities');
    // the alone rows show σ² used = 0 for every unit
    const aloneVar = await single.locator('tbody tr').nth(3).locator('td').nth(3).textContent();
    expect(aloneVar).toBe('0');

    // The learning-rate sweep starts after the main runs, with progress.
    const sw = await waitForLab(page, ID, (p) => p.metrics.sweep_done >= 1, 120_000);
    expect(sw.metrics.sweep_total).toBe(24);
    await expect(page.getByTestId('batchnorm-sweep-progress')).toHaveAttribute('value', /[1-9]/);

    await checkExports(page, ID, 'Training loss, with and without BN', 'lecture08');
    await checkExports(page, ID, 'Inputs to the ReLUs per layer', 'lecture08');
    await checkExports(page, ID, 'γ and β of layer 1', 'lecture08');
    await checkExports(page, ID, 'Final loss against the learning rate', 'lecture08');

    // The layer shown only changes the view (no new run).
    const runBefore = (await labProbe(page, ID))!.runId;
    const layerSlider = lab.locator('input[type="range"][data-param="l"]');
    await layerSlider.focus();
    await layerSlider.press('ArrowRight');
    await expect(lab.getByText('γ and β of layer 2')).toBeVisible();
    await expect(lab.getByText('Batch and running statistics, layer 2, unit 1')).toBeVisible();
    expect((await labProbe(page, ID))!.runId).toBe(runBefore);

    // Sliders that retrain: depth and β_m.
    await nudgeSlider(page, ID, 'L', 'ArrowRight');
    const deeper = await waitForLab(page, ID, (p) => p.params.depth === 5 && Number.isFinite(p.metrics.std_bn_l5));
    expect(deeper.metrics.std_bn_l5).toBeGreaterThan(0);
    await nudgeSlider(page, ID, 'bm', 'ArrowLeft');
    expect((await labProbe(page, ID))!.params.betaM).toBeCloseTo(0.89, 10);

    await linkReproduces(page, SLUG, ID);
    await expectNoKatexErrors(page);
    await tensorsFlatAcrossResets(page, ID);
    con.assertClean();
  });
});
