import { expect, test } from '@playwright/test';
import { checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, waitForLab, watchConsole } from './helpers';

// Plain TypeScript lab (no tfjs), so there is no tensorsFlatAcrossResets check.
const SLUG = '10-cnn-2';
const ID = 'resnet';

test.describe('Lecture 10 — plain against residual networks', () => {
  test('deep plain nets end above residual ones at the default depth; sweep, gradients, sliders, exports, link', async ({ page }) => {
    test.setTimeout(180_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    const start = (await labProbe(page, ID))!;
    expect(start.params).toMatchObject({ depth: 16, width: 16, init: 'xavier', block: 'identity', iters: 400, sweep: true });
    await expectNoKatexErrors(page);

    await lab.getByLabel('Training speed').selectOption('Infinity');
    await lab.getByRole('button', { name: 'Play' }).click();
    // The chosen depth runs first: its plain and residual nets finish before the sweep.
    const m = (await waitForLab(page, ID, (p) => Number.isFinite(p.metrics.final_res), 120_000)).metrics;
    expect(m.final_plain, JSON.stringify(m)).toBeGreaterThan(m.final_res + 0.3);
    expect(m.final_res).toBeLessThan(0.2);
    // Xavier init: the plain net's gradient vanishes on its way down, the residual net's does not.
    expect(m.gratio_plain_init).toBeLessThan(1e-2);
    expect(m.gratio_res_init).toBeGreaterThan(0.1);
    await expect(page.getByTestId('resnet-progress')).toHaveAttribute('value', /[1-9]/);

    // The sweep follows with shallower depths; its results fill the table.
    const sw = await waitForLab(page, ID, (p) => Number.isFinite(p.metrics.final_res_d2), 120_000);
    expect(sw.metrics.runs_done).toBeGreaterThanOrEqual(4);
    await expect(page.getByTestId('resnet-results').locator('tbody tr')).toHaveCount(4);
    // Pause if it is still running (on a quiet machine the sweep may already be done); never Reset,
    // which would clear the charts that are exported next.
    const pause = lab.getByRole('button', { name: 'Pause' });
    if (await pause.isVisible()) await pause.click({ timeout: 2_000 }).catch(() => undefined);

    await checkExports(page, ID, 'Training loss per step', 'lecture10');
    await checkExports(page, ID, 'Final training loss against depth', 'lecture10');
    await checkExports(page, ID, 'Gradient reaching each layer (D = 16)', 'lecture10');

    // Depth 16 → 14: a new run, the gradient chart follows the new depth.
    await nudgeSlider(page, ID, 'D', 'ArrowLeft');
    expect((await labProbe(page, ID))!.params.depth).toBe(14);
    await waitForLab(page, ID, (p) => Number.isFinite(p.metrics.gratio_plain_init), 60_000);
    await expect(lab.getByText('Gradient reaching each layer (D = 14)')).toBeVisible();
    await nudgeSlider(page, ID, 'w', 'ArrowRight');
    expect((await labProbe(page, ID))!.params.width).toBe(20);
    if (await pause.isVisible()) await pause.click({ timeout: 2_000 }).catch(() => undefined);

    await linkReproduces(page, SLUG, ID);
    await expectNoKatexErrors(page);
    con.assertClean();
  });
});
