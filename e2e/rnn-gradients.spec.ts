import { expect, test, type Page } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, tensorsFlatAcrossResets, waitForLab, watchConsole,
} from './helpers';

const SLUG = '11-rnn-transformers';
const ID = 'rnn-gradients';

const normEnd = async (page: Page) => Number(await page.getByTestId('rnn-gradients-recurrence').getAttribute('data-norm-end'));

test.describe('Lecture 11 — vanishing and exploding gradients', () => {
  test('‖A_t‖ follows the eigenvalues; the LSTM learns the long-range task and the RNN does not; T slider, exports, link', async ({ page }) => {
    test.setTimeout(240_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    const start = (await labProbe(page, ID))!;
    expect(start.params).toMatchObject({ l1: 0.9, l2: 0.6, T: 40, H: 16, scale: 0.8, clip: false });
    await expectNoKatexErrors(page);

    // Part 1: λ = (0.9, 0.6) → the state vanishes; closed form and repeated multiplication agree.
    const rec = page.getByTestId('rnn-gradients-recurrence');
    const decay = await normEnd(page);
    expect(decay).toBeLessThan(0.05);
    expect(decay).toBeGreaterThan(0);
    expect(Number(await rec.getAttribute('data-max-diff'))).toBeLessThan(1e-9);
    // The λ₁ slider (view only: no new training run) moves the curve.
    const l1 = lab.locator('input[type="range"][data-param="l1"]');
    await l1.focus();
    for (let i = 0; i < 5; i++) await l1.press('ArrowRight');
    await expect.poll(() => normEnd(page)).toBeGreaterThan(decay);
    expect((await labProbe(page, ID))!.params.l1).toBeCloseTo(0.95, 10);

    // Part 2: train with the default T = 40 for a fixed number of steps.
    await lab.getByLabel('Training speed').selectOption('Infinity');
    await lab.getByRole('button', { name: 'Play' }).click();
    const m = (await waitForLab(page, ID, (p) => p.metrics.iter_lstm >= 200, 150_000)).metrics;
    const pause = lab.getByRole('button', { name: 'Pause' });
    if (await pause.isVisible()) await pause.click({ timeout: 2_000 }).catch(() => undefined);
    expect(m.acc_lstm, JSON.stringify(m)).toBeGreaterThan(0.9);
    expect(m.acc_rnn, JSON.stringify(m)).toBeLessThan(0.7);
    // Far less of the gradient reaches step 1 in the RNN than in the LSTM at initialisation.
    expect(m.gratio_rnn_init).toBeLessThan(1e-3);
    expect(m.gratio_lstm_init).toBeGreaterThan(1e-2);
    await checkExports(page, ID, 'Gradient reaching each step (T = 40)', 'lecture11');
    await checkExports(page, ID, '‖Aₜ‖ against t', 'lecture11');

    // T slider: a new run whose gradient chart has T points.
    await nudgeSlider(page, ID, 'T', 'ArrowLeft');
    await waitForLab(page, ID, (p) => p.metrics.T === 39 && p.metrics.iter_rnn >= 1);
    await expect(lab.getByText('Gradient reaching each step (T = 39)')).toBeVisible();
    if (await pause.isVisible()) await pause.click({ timeout: 2_000 }).catch(() => undefined);

    await linkReproduces(page, SLUG, ID);
    await expectNoKatexErrors(page);
    con.assertClean();
  });

  test('eigenvalue above 1 grows ‖A_t‖; clipping caps the exploding RNN gradient; tensors flat', async ({ page }) => {
    test.setTimeout(90_000);
    const con = watchConsole(page);
    // λ₁ = 1.1 from the link: ‖A_40‖ grows (and with λ₁ = 0.9 it decays, as in the first test).
    await page.goto(`./#/lecture/${SLUG}/${ID}?${ID}.l1=1.1&${ID}.T=20&${ID}.act=linear&${ID}.s=1.3&${ID}.opt=sgd&${ID}.tau=1`);
    const lab = page.locator(`[data-lab="${ID}"]`);
    await waitForLab(page, ID, (p) => ['idle', 'running', 'done'].includes(p.status));
    expect(await normEnd(page)).toBeGreaterThan(1);

    // Linear RNN with scale 1.3: its gradient explodes (one step, no clipping).
    await lab.getByRole('button', { name: 'Step', exact: true }).click();
    const off = (await waitForLab(page, ID, (p) => p.metrics.iter_rnn >= 1)).metrics;
    expect(off.gnorm_rnn).toBeGreaterThan(100);
    expect(off.gapplied_rnn).toBe(off.gnorm_rnn);

    // Clipping on: every applied step has norm ≤ τ = 1 while the raw norm stays large; the loss stays finite.
    const runBefore = (await labProbe(page, ID))!.runId;
    await lab.getByLabel('Clip the gradient norm').check();
    await lab.getByRole('button', { name: /^(Pause|Reset)$/ }).first().click();
    await lab.getByRole('button', { name: 'Reset', exact: true }).first().click();
    await waitForLab(page, ID, (p) => p.runId > runBefore && p.status === 'idle');
    await lab.getByRole('button', { name: 'Play' }).click();
    const on = (await waitForLab(page, ID, (p) => p.metrics.iter_rnn >= 20)).metrics;
    expect(on.max_gnorm_rnn).toBeGreaterThan(1);
    expect(on.max_applied_rnn).toBeLessThanOrEqual(1 + 1e-9);
    expect(Number.isFinite(on.loss_rnn)).toBe(true);
    await expect(lab.getByTestId('rnn-gradients-stats')).toContainText('clipped to τ = 1');

    await tensorsFlatAcrossResets(page, ID);
    con.assertClean();
  });
});
