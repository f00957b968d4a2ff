import { expect, test, type Page } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, tensorsFlatAcrossResets, waitForLab, watchConsole,
} from './helpers';

const SLUG = '07-training-2';
const ID = 'init';

/** Change a select, wait for the new run (a change starts it) to finish, return the probe. */
async function runWith(page: Page, param: string, value: string) {
  const before = (await labProbe(page, ID))!.runId;
  await page.locator(`[data-lab="${ID}"] select[data-param="${param}"]`).selectOption(value);
  return waitForLab(page, ID, (p) => p.runId > before && p.status === 'done', 80_000);
}

test.describe('Lecture 7 — weight initialisation', () => {
  test('N(0, 0.01²) collapses, Xavier keeps the scale, N(0, 1) saturates; zero init keeps units identical; exports; link; tensors', async ({ page }) => {
    test.setTimeout(240_000);
    const con = watchConsole(page);
    await openLabOn(page, SLUG, ID);
    // The notes' network (10 layers × 500 neurons), on a batch of 200 samples to keep the test short.
    await page.goto('about:blank');
    await page.goto(`./#/lecture/${SLUG}/${ID}?${ID}.N=200`);
    const lab = page.locator(`[data-lab="${ID}"]`);
    const start = await waitForLab(page, ID, (p) => p.status === 'idle' && p.params.samples === 200);
    expect(start.params).toMatchObject({ init: 'small', act: 'tanh', layers: 10, width: 500 });
    await expectNoKatexErrors(page);
    await lab.getByLabel('Training speed').selectOption('Infinity');
    await lab.getByRole('button', { name: 'Play' }).click();
    const small = await waitForLab(page, ID, (p) => p.status === 'done', 80_000);
    expect(small.metrics.progress).toBe(1);
    expect(small.metrics.std_l1).toBeGreaterThan(0.15);
    expect(small.metrics.std_last).toBeLessThan(1e-5);
    expect(small.metrics.grad_last).toBeLessThan(1e-6);
    expect(small.metrics.sym_spread_zero).toBe(0);
    expect(small.metrics.sym_spread_random).toBeGreaterThan(0.5);
    expect(small.metrics.sym_acc_random).toBeGreaterThan(small.metrics.sym_acc_zero + 0.1);
    await expect(page.getByTestId('init-symmetry')).toContainText('largest difference between two units 0,');
    await expect(lab.getByRole('img', { name: /Histograms of the activations of 10 layers/ })).toBeVisible();

    const xavier = await runWith(page, 'init', 'xavier');
    expect(xavier.metrics.std_last).toBeGreaterThan(0.15);
    expect(xavier.metrics.std_last / small.metrics.std_last).toBeGreaterThan(1e4);
    expect(Math.abs(xavier.metrics.std_last / xavier.metrics.theory_std_last - 1)).toBeLessThan(0.15);
    expect(xavier.metrics.grad_last).toBeGreaterThan(1e-3);

    const big = await runWith(page, 'init', 'big');
    expect(big.metrics.sat_last).toBeGreaterThan(0.85);
    expect(big.metrics.std_last).toBeGreaterThan(0.95);
    expect(big.metrics.slope_last).toBeLessThan(0.1);
    await expect(page.getByTestId('init-slope')).toContainText('Saturated units pass almost no gradient');

    const kaiming = await runWith(page, 'act', 'relu').then(() => runWith(page, 'init', 'kaiming'));
    // E[a²] = 1 in theory; a finite random network drifts a little from layer to layer (Xavier + ReLU would give 2⁻¹⁰).
    expect(kaiming.metrics.second_last).toBeGreaterThan(0.5);
    expect(kaiming.metrics.second_last).toBeLessThan(2);

    // A slider: one layer fewer, a new run and a new picture.
    await nudgeSlider(page, ID, 'L', 'ArrowLeft');
    const fewer = await waitForLab(page, ID, (p) => p.status === 'done', 80_000);
    expect(fewer.params.layers).toBe(9);
    expect(fewer.metrics.std_l10).toBeUndefined();

    await checkExports(page, ID, 'Activations per layer', 'lecture07');
    await checkExports(page, ID, 'Mean and standard deviation per layer', 'lecture07');
    await checkExports(page, ID, 'Gradient size per layer', 'lecture07');
    await checkExports(page, ID, 'Hidden units after training', 'lecture07');
    await linkReproduces(page, SLUG, ID);
    await expectNoKatexErrors(page);
    await tensorsFlatAcrossResets(page, ID);
    con.assertClean();
  });
});
