import { expect, test, type Page } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, tensorsFlatAcrossResets, viewFingerprint, waitForLab,
  watchConsole,
} from './helpers';

const SLUG = '07-training-2';
const ID = 'softmax';

async function changed(page: Page, act: () => Promise<unknown>) {
  const before = (await labProbe(page, ID))!.runId;
  await act();
  return waitForLab(page, ID, (p) => p.runId > before && p.status !== 'loading');
}

test.describe('Lecture 7 — softmax, cross-entropy and hinge loss', () => {
  test('scores and true class update the losses; scores × 1000 overflow the naive float32 form only; hinge reaches 0 while CE stays > 0; exports; link; tensors', async ({ page }) => {
    test.setTimeout(240_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    await expectNoKatexErrors(page);
    await lab.getByLabel('Training speed').selectOption('Infinity');
    let p = await waitForLab(page, ID, (q) => Number.isFinite(q.metrics.ce_i));
    // The cat/car/frog scores (3.2, 5.1, −1.7), true class cat.
    expect(p.metrics.hinge_i).toBeCloseTo(2.9, 9);
    expect(p.metrics.ce_i).toBeCloseTo(2.0404, 3);
    expect(p.metrics.p_true).toBeCloseTo(0.13, 3);
    await expect(lab.getByRole('img', { name: /Softmax probabilities: cat 0\.130, car 0\.869, frog 0\.001/ })).toBeVisible();

    // A score slider: cat 3.2 → 3.3 lowers the hinge loss by 0.1.
    await nudgeSlider(page, ID, 's1');
    p = (await labProbe(page, ID))!;
    expect((p.params.scores as number[])[0]).toBeCloseTo(3.3, 9);
    expect(p.metrics.hinge_i).toBeCloseTo(2.8, 9);

    // True class car: every margin is met, hinge is exactly 0, cross-entropy is not.
    p = await changed(page, () => lab.locator('select[data-param="y"]').selectOption('2'));
    expect(p.metrics.hinge_i).toBe(0);
    expect(p.metrics.ce_i).toBeGreaterThan(0.1);
    await expect(page.getByTestId('softmax-losses')).toContainText('exactly 0');

    // The scale slider moves the scores (and the view).
    const before = await viewFingerprint(page, ID);
    await nudgeSlider(page, ID, 'scale');
    p = (await labProbe(page, ID))!;
    expect(p.params.scale).toBeGreaterThan(1);
    expect(await viewFingerprint(page, ID)).not.toBe(before);

    // Scores × 1000 (typed into the scale box): the naive float32 softmax gives NaN, the stable one stays finite.
    await changed(page, async () => {
      const box = lab.getByRole('textbox', { name: 'Scale the scores by value' });
      await box.fill('1000');
      await box.press('Enter');
    });
    p = await waitForLab(page, ID, (q) => q.params.scale === 1000 && q.status !== 'loading');
    expect(p.metrics.max_score).toBeCloseTo(5100, 6); // (3.3, 5.1, −1.7) × 1000
    expect(p.metrics.naive32_nan).toBeGreaterThanOrEqual(1);
    expect(p.metrics.naive64_nan).toBeGreaterThanOrEqual(1);
    expect(p.metrics.stable_nonfinite).toBe(0);
    expect(p.metrics.stable_sum).toBeCloseTo(1, 9);
    expect(p.metrics.stable32_sum).toBeCloseTo(1, 5);
    await expect(page.getByTestId('naive32-1')).toHaveText('NaN');
    await expect(page.getByTestId('stable32-1')).toHaveText('1');
    await expect(page.getByTestId('softmax-steps')).toContainText('Overflow');

    // Training from the link's defaults: hinge's data loss reaches exactly 0 and its weights stop; CE stays > 0 and keeps growing ‖W‖.
    const done = await waitForLab(page, ID, (q) => q.status === 'done', 60_000);
    expect(done.metrics.hinge_data).toBe(0);
    expect(done.metrics.hinge_delta).toBe(0);
    expect(done.metrics.hinge_zero_at).toBeGreaterThan(0);
    expect(done.metrics.ce_data).toBeGreaterThan(0);
    expect(done.metrics.ce_delta).toBeGreaterThan(0);
    expect(done.metrics.ce_w).toBeGreaterThan(done.metrics.hinge_w);
    await expect(page.getByTestId('softmax-train')).toContainText('hit exactly 0 at iteration');

    // λ slider: the regularisation loss appears and is λ‖W‖².
    await nudgeSlider(page, ID, 'lambda');
    const reg = await waitForLab(page, ID, (q) => q.status === 'done', 60_000);
    expect(reg.params.lambda).toBeCloseTo(0.001, 9);
    expect(reg.metrics.ce_reg).toBeCloseTo(0.001 * reg.metrics.ce_w ** 2, 9);
    expect(reg.metrics.ce_total).toBeCloseTo(reg.metrics.ce_data + reg.metrics.ce_reg, 9);

    await checkExports(page, ID, 'Softmax probabilities', 'lecture07');
    await checkExports(page, ID, 'Loss as the true-class score rises', 'lecture07');
    await checkExports(page, ID, 'Data loss per iteration', 'lecture07');
    await linkReproduces(page, SLUG, ID);
    await page.waitForFunction(() => 'numTensors' in ((window as unknown as { __backend?: object }).__backend ?? {}));
    await tensorsFlatAcrossResets(page, ID);
    await expectNoKatexErrors(page);
    con.assertClean();
  });
});
