import { expect, test } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, tensorsFlatAcrossResets, viewFingerprint, waitForLab,
  watchConsole,
} from './helpers';

const SLUG = '07-training-2';
const ID = 'activations';

test.describe('Lecture 7 — activation-function gallery', () => {
  test('switching activations changes the plot; sliders; zero-centred path is shorter; exports; link; tensors', async ({ page }) => {
    test.setTimeout(240_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    await expectNoKatexErrors(page);
    let p = (await labProbe(page, ID))!;
    expect(p.metrics.f_m2).toBeCloseTo(1 / (1 + Math.exp(2)), 9);
    await expect(page.getByTestId('activations-sat')).toHaveText('[−6, −4.59] ∪ [4.59, 6]');

    const pick = async (act: string) => {
      const fp = await viewFingerprint(page, ID);
      const run = (await labProbe(page, ID))!.runId;
      await lab.locator('select[data-param="act"]').selectOption(act);
      await waitForLab(page, ID, (q) => q.runId > run && q.status !== 'loading' && q.params.act === act);
      await expect.poll(() => viewFingerprint(page, ID)).not.toBe(fp);
      return (await labProbe(page, ID))!;
    };
    p = await pick('relu');
    expect(p.metrics.f_m2).toBe(0);
    expect(p.metrics.df_p2).toBe(1);
    await expect(page.getByTestId('activations-sat')).toHaveText('[−6, 0.00]');
    p = await pick('leaky');
    expect(p.metrics.f_m2).toBeCloseTo(-0.02, 12);
    await expect(page.getByTestId('activations-sat')).toHaveText('nowhere');
    p = await pick('swish');
    expect(p.metrics.f_p2).toBeCloseTo(4 / (1 + Math.exp(-2)), 9);
    await nudgeSlider(page, ID, 'beta');
    p = (await labProbe(page, ID))!;
    expect(p.params.beta).toBeCloseTo(1.1, 9);
    expect(p.metrics.f_p2).toBeCloseTo(4 / (1 + Math.exp(-2.2)), 9);
    await expect(page.getByTestId('activations-formula')).toContainText('usual definition');
    await pick('maxout');
    await nudgeSlider(page, ID, 'w2', 'ArrowLeft');
    p = (await labProbe(page, ID))!;
    expect(p.metrics.f_m2).toBeCloseTo(1.2, 9); // max(−2, 0.6·2)
    await expectNoKatexErrors(page);

    // Zero-centring: train both runs live until both reach w*.
    await nudgeSlider(page, ID, 'lr', 'ArrowLeft');
    const done = await waitForLab(page, ID, (q) => q.status === 'done', 60_000);
    expect(done.metrics.pos_same).toBe(1);
    expect(done.metrics.cen_same).toBeGreaterThan(0.25);
    expect(done.metrics.cen_same).toBeLessThan(0.75);
    expect(done.metrics.cen_len).toBeLessThan(done.metrics.pos_len / 2);
    expect(done.metrics.pos_reached).toBeGreaterThan(0);
    expect(done.metrics.cen_reached).toBeGreaterThan(0);
    await expect(page.getByTestId('activations-zero')).toContainText('100 %');

    await checkExports(page, ID, 'Activation and its derivative', 'lecture07');
    await checkExports(page, ID, 'SGD paths on the w₁–w₂ plane', 'lecture07');
    await linkReproduces(page, SLUG, ID);
    await page.waitForFunction(() => 'numTensors' in ((window as unknown as { __backend?: object }).__backend ?? {}));
    await tensorsFlatAcrossResets(page, ID);
    con.assertClean();
  });
});
