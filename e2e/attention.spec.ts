import { expect, test } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, tensorsFlatAcrossResets, waitForLab, watchConsole,
} from './helpers';

const SLUG = '11-rnn-transformers';
const ID = 'attention';
const SAT_TITLE = 'Softmax saturation: mean largest weight';

test.describe('Lecture 11 — scaled dot-product attention', () => {
  test('edit Q, √d_k saturation, causal mask, heads, exports, link, tensors', async ({ page }) => {
    test.setTimeout(240_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    // Soft indexing: q₁ = k₂ = 3e₂ → logit 9/√4 = 4.5 → e^4.5/(e^4.5 + 3) = 0.96775.
    const p0 = await waitForLab(page, ID, (p) => Number.isFinite(p.metrics.w1_2));
    expect(p0.metrics.w1_2).toBeCloseTo(0.96775, 4);
    expect(p0.metrics.w4_1).toBeCloseTo(0.47629, 4);
    expect(p0.metrics.divisor).toBe(2);
    await expect(lab.getByTestId('attention-weights').locator('[data-cell="1,2"]')).toHaveAttribute('data-value', /^0\.9677/);
    await expectNoKatexErrors(page);

    // Editing Q₄₃ from 2 to 0: query 4 now matches key 1 alone, e³/(e³ + 3) = 0.87002.
    const runBefore = p0.runId;
    await lab.getByRole('textbox', { name: 'Q row 4, column 3' }).fill('0');
    const p1 = await waitForLab(page, ID, (p) => p.runId > runBefore && p.metrics.w4_3 < 0.1);
    expect(p1.metrics.w4_1).toBeCloseTo(Math.exp(3) / (Math.exp(3) + 3), 6);
    expect(p1.metrics.row_sum_err).toBeLessThan(1e-12);
    // A bad entry is refused with a message; the old value stays.
    await lab.getByRole('textbox', { name: 'Q row 4, column 3' }).fill('abc');
    await expect(lab.getByRole('alert').filter({ hasText: 'is not a number' })).toBeVisible();
    expect(((await labProbe(page, ID))!.params.q as number[])[3 * 8 + 2]).toBe(0);
    await expect(lab.getByTestId('attention-cell')).toBeVisible();

    // Saturation Monte Carlo with √d_k scaling: the largest weight stays far from one-hot at d_k = 512.
    const sat = () => lab.locator('figure', { hasText: SAT_TITLE }).locator('.chart-body').innerHTML();
    // (A changed input restarts the run and plays it, so the edit above has started it already.)
    await lab.getByLabel('Training speed').selectOption('Infinity');
    const scaled = await waitForLab(page, ID, (p) => p.runId === p1.runId && p.status === 'done');
    expect(scaled.metrics.sat_dk).toBe(512);
    expect(scaled.metrics.sat_maxw).toBeLessThan(0.6);
    expect(scaled.metrics.sat_std).toBeGreaterThan(0.9);
    expect(scaled.metrics.sat_std).toBeLessThan(1.1);
    await expect.poll(async () => (await sat()).includes('recharts-line')).toBe(true);
    const satScaled = await sat();
    await checkExports(page, ID, SAT_TITLE, 'lecture11');

    // Without the scaling the softmax saturates: max weight → 1, logit std ≈ √512 ≈ 22.6.
    await lab.locator('input[data-param="scale"]').uncheck();
    const raw = await waitForLab(page, ID, (p) => p.runId > scaled.runId && p.status === 'done');
    expect(raw.metrics.divisor).toBe(1);
    expect(raw.metrics.sat_maxw).toBeGreaterThan(0.9);
    expect(raw.metrics.sat_jac).toBeLessThan(0.2 * scaled.metrics.sat_jac);
    expect(raw.metrics.sat_std).toBeGreaterThan(20);
    await expect.poll(sat).not.toBe(satScaled);
    await lab.locator('input[data-param="scale"]').check();

    // Causal mask: the upper triangle of the weights is 0 and drawn greyed; rows still sum to 1.
    expect((await labProbe(page, ID))!.metrics.upper_max).toBeGreaterThan(0.5);
    await lab.locator('input[data-param="causal"]').check();
    const causal = await waitForLab(page, ID, (p) => p.params.causal === true && p.metrics.upper_max === 0);
    expect(causal.metrics.w1_1).toBe(1);
    expect(causal.metrics.mh_upper_max).toBe(0);
    expect(causal.metrics.row_sum_err).toBeLessThan(1e-12);
    const maskedCells = lab.getByTestId('attention-weights').locator('[data-masked="true"]');
    await expect(maskedCells).toHaveCount(6);
    expect(new Set(await maskedCells.evaluateAll((els) => els.map((e) => e.getAttribute('data-value'))))).toEqual(new Set(['0']));
    await expect(lab.getByTestId('attention-masked')).toBeVisible();
    await checkExports(page, ID, 'Attention weights', 'lecture11');

    // Heads: 2 → 3 adds a heatmap (d_k = 12/3 = 4).
    await expect(lab.getByTestId('attention-head-map')).toHaveCount(2);
    await nudgeSlider(page, ID, 'h', 'ArrowRight');
    await expect(lab.getByTestId('attention-head-map')).toHaveCount(3);
    const h3 = await waitForLab(page, ID, (p) => p.metrics.heads === 3);
    expect(h3.metrics.head_dk).toBe(4);
    await expect(lab.getByTestId('attention-concat')).toHaveAttribute('data-cols', '12');

    await expectNoKatexErrors(page);
    await linkReproduces(page, SLUG, ID);
    await tensorsFlatAcrossResets(page, ID);
    con.assertClean();
  });
});
