import { expect, test } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, tensorsFlatAcrossResets, waitForLab, watchConsole,
} from './helpers';

const SLUG = '06-training-1';
const ID = 'lr-schedules';
const KINDS = ['inverse', 'step', 'exponential', 'invsqrt', 'constant'];


test.describe('Lecture 6 — learning-rate schedules', () => {
  test("the notes' decay numbers, sliders, training with every schedule, exports, link, memory", async ({ page }) => {
    test.setTimeout(240_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    await expect(lab.getByRole('img', { name: /Learning rate per epoch/ })).toBeVisible();
    await expectNoKatexErrors(page);

    // Defaults: inverse time with α₀ = 2, decay 1 → 2, 1, 0.667, 0.5.
    let probe = await waitForLab(page, ID, (p) => Number.isFinite(p.metrics.alpha0));
    expect(probe.metrics.alpha1).toBeCloseTo(1, 10);

    // The notes' example: α₀ = 0.1, decay_rate = 1.0 → 0.1, 0.05, 0.033, 0.025.
    await lab.getByRole('button', { name: /Notes' example/ }).click();
    probe = await waitForLab(page, ID, (p) => p.params.alpha0 === 0.1 && p.status !== 'loading' && Number.isFinite(p.metrics.alpha3));
    expect(probe.params.schedule).toBe('inverse');
    expect(probe.params.decay).toBe(1);
    expect([0, 1, 2, 3].map((e) => probe.metrics[`alpha${e}`])).toEqual([0.1, 0.05, 0.1 / 3, 0.025].map((v) => expect.closeTo(v, 10)));
    const panel = page.getByTestId('lr-schedules-alpha');
    for (const v of ['0.1', '0.05', '0.033', '0.025']) await expect(panel).toContainText(v);

    // Sliders change the views (the α curves, the loss curves).
    await nudgeSlider(page, ID, 'a0');
    await nudgeSlider(page, ID, 'decay', 'ArrowLeft');
    await nudgeSlider(page, ID, 'w');
    expect((await labProbe(page, ID))!.params.warmup).toBe(1);
    // With one warm-up epoch the chosen schedule starts at α₀/2.
    probe = await waitForLab(page, ID, (p) => p.params.warmup === 1 && Number.isFinite(p.metrics.alpha0));
    expect(probe.metrics.alpha0).toBeCloseTo((probe.params.alpha0 as number) / 2, 10);

    // Changing the schedule resets the decay rate to that rule's usual value.
    await lab.locator('select[data-param="sch"]').selectOption('step');
    probe = await waitForLab(page, ID, (p) => p.params.schedule === 'step' && p.status !== 'loading');
    expect(probe.params.decay).toBe(0.5);

    // Back to the defaults by link: train all five schedules to the end.
    await page.goto('about:blank');
    await page.goto(`./#/lecture/${SLUG}/${ID}?${ID}.epochs=60`);
    const start = await waitForLab(page, ID, (p) => p.status === 'idle' && p.step === 0 && p.params.epochs === 60);
    await page.locator(`[data-lab="${ID}"]`).getByRole('button', { name: 'Play' }).click();
    const end = await waitForLab(page, ID, (p) => p.status === 'done' && p.metrics.epoch === 60, 60_000);
    for (const k of KINDS) {
      expect(Number.isFinite(end.metrics[`loss_${k}`])).toBe(true);
      expect(end.metrics[`loss_${k}`]).toBeLessThan(start.metrics[`loss_${k}`]);
    }
    // α₀ = 2 is large: the constant rate stays noisy and ends above the best decayed schedule.
    const bestDecayed = Math.min(...KINDS.filter((k) => k !== 'constant').map((k) => end.metrics[`loss_${k}`]));
    expect(bestDecayed).toBeLessThan(end.metrics.loss_constant);
    await expect(page.locator(`[data-lab="${ID}"] h4`, { hasText: 'Final training loss per schedule (epoch 60)' })).toBeVisible();
    await expect(page.getByTestId('lr-schedules-table').locator('tr[data-schedule]')).toHaveCount(5);

    await checkExports(page, ID, 'Learning rate per epoch', 'lecture06');
    await checkExports(page, ID, 'Training loss per epoch', 'lecture06');
    await linkReproduces(page, SLUG, ID);
    await tensorsFlatAcrossResets(page, ID);
    await expectNoKatexErrors(page);
    con.assertClean();
  });
});
