import { expect, test } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, tensorsFlatAcrossResets, waitForLab, watchConsole,
} from './helpers';

const SLUG = '07-training-2';
const ID = 'dead-relu';

test.describe('Lecture 7 — dead ReLUs', () => {
  test('the high learning rate kills more units; leaky ReLU none; sliders; exports; link; tensors', async ({ page }) => {
    test.setTimeout(240_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    await expectNoKatexErrors(page);
    await lab.getByLabel('Training speed').selectOption('Infinity');
    const start = (await labProbe(page, ID))!;
    expect(start.params).toMatchObject({ lr: 0.1, lrHigh: 2, bias: 0.01, width: 16, depth: 2, epochs: 100 });
    await lab.getByRole('button', { name: 'Play' }).click();
    const end = await waitForLab(page, ID, (p) => p.status === 'done');
    expect(end.step).toBe(100);
    expect(end.metrics.deadn_high).toBeGreaterThan(end.metrics.deadn_normal + 5);
    expect(end.metrics.deadn_leaky).toBe(0);
    // Leaky units can have z ≤ 0 on every input and still learn.
    expect(end.metrics.negn_leaky).toBeGreaterThan(0);
    expect(end.metrics.loss_normal).toBeLessThan(0.1);
    await expect(lab.getByRole('img', { name: /Hidden units of 5 runs after epoch 100/ })).toBeVisible();
    await expect(page.getByTestId('dead-relu-summary')).toContainText(`ReLU, α = 2, b = 0: ${end.metrics.deadn_high} of 32 units dead`);

    // Sliders start a new run and redraw: a lower high rate, then wider layers.
    await nudgeSlider(page, ID, 'lrh', 'ArrowLeft');
    expect((await labProbe(page, ID))!.params.lrHigh).toBeLessThan(2);
    await nudgeSlider(page, ID, 'w');
    const wide = await waitForLab(page, ID, (p) => p.status === 'done' && p.params.width === 20);
    expect(Number.isFinite(wide.metrics.loss_normal)).toBe(true);
    await expect(lab.getByRole('img', { name: /of 40 dead/ })).toBeVisible();

    await checkExports(page, ID, 'Dead units per epoch', 'lecture07');
    await checkExports(page, ID, 'Training loss per epoch', 'lecture07');
    await checkExports(page, ID, 'Which units are dead', 'lecture07');
    await linkReproduces(page, SLUG, ID);
    await expectNoKatexErrors(page);
    // The page's tfjs labs install the tensor counter; this lab itself is plain TypeScript.
    await page.waitForFunction(() => 'numTensors' in ((window as unknown as { __backend?: object }).__backend ?? {}));
    await tensorsFlatAcrossResets(page, ID);
    con.assertClean();
  });
});
