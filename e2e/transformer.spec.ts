import { expect, test } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, tensorsFlatAcrossResets, waitForLab, watchConsole,
} from './helpers';

const SLUG = '11-rnn-transformers';
const ID = 'transformer';

test.describe('Lecture 11 — a tiny transformer trained live', () => {
  test('learns to reverse digits within its default budget; attention maps, schedule, input, slider, exports, link, tensors', async ({ page }) => {
    test.setTimeout(240_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    const start = (await labProbe(page, ID))!;
    expect(start.params).toMatchObject({ task: 'reverse', len: 6, layers: 2, heads: '2', dModel: 32, warmup: 50, steps: 200, smoothing: 0 });
    await expectNoKatexErrors(page);
    // Before training: chance level on the held-out set, and every head of every layer is drawn.
    await waitForLab(page, ID, (p) => Number.isFinite(p.metrics.val_tok_acc));
    expect((await labProbe(page, ID))!.metrics.val_tok_acc).toBeLessThan(0.3);
    await expect(page.getByTestId('transformer-attn')).toHaveAttribute('data-maps', '4');

    // Play to the end of the default budget: held-out token accuracy above 90 %.
    await lab.getByLabel('Training speed').selectOption('Infinity');
    await lab.getByRole('button', { name: 'Play' }).click();
    const end = await waitForLab(page, ID, (p) => p.status === 'done' && p.metrics.val_step === 200, 180_000);
    expect(end.step).toBe(200);
    expect(end.metrics.steps_done).toBe(200);
    expect(end.metrics.val_tok_acc, JSON.stringify(end.metrics)).toBeGreaterThan(0.9);
    // The learning rate the last step used is the notes' schedule at step 200: 32^−0.5 · 200^−0.5.
    expect(end.metrics.lr).toBeCloseTo(32 ** -0.5 * 200 ** -0.5, 6);
    await expect(page.getByTestId('transformer-progress')).toHaveAttribute('value', '200');

    // The model's output for the default input 314159 is its reverse (digits marked right).
    await expect(page.getByTestId('transformer-output').locator('.transformer-tok.right')).toHaveCount(6);
    // Bad input is rejected with a message; a good one is taken.
    const input = page.getByTestId('transformer-input');
    await input.fill('12a456');
    await expect(lab.getByText('Use the digits 0–9 only.')).toBeVisible();
    await input.fill('12345');
    await expect(lab.getByText('Type exactly 6 digits (got 5).')).toBeVisible();
    await input.fill('907254');
    await expect.poll(async () => (await labProbe(page, ID))!.params.input).toEqual([9, 0, 7, 2, 5, 4, 2, 6, 5, 3]);
    expect((await labProbe(page, ID))!.runId).toBe(end.runId); // the input is view-only: no retraining

    await checkExports(page, ID, 'Loss', 'lecture11');
    await checkExports(page, ID, 'Learning-rate schedule', 'lecture11');
    await checkExports(page, ID, 'Attention maps (every layer and head)', 'lecture11');

    // More heads: a new run, and 2 layers × 4 heads = 8 maps.
    await lab.locator('select[data-param="h"]').selectOption('4');
    await waitForLab(page, ID, (p) => p.runId > end.runId && p.params.heads === '4');
    await expect(page.getByTestId('transformer-attn')).toHaveAttribute('data-maps', '8');
    // A slider change (warm-up) resets and retrains with the new schedule.
    const pause = lab.getByRole('button', { name: 'Pause' });
    if (await pause.isVisible()) await pause.click({ timeout: 2_000 }).catch(() => undefined);
    await nudgeSlider(page, ID, 'L', 'ArrowRight');
    expect((await labProbe(page, ID))!.params.len).toBe(7);
    await waitForLab(page, ID, (p) => p.metrics.steps_done >= 1);
    if (await pause.isVisible()) await pause.click({ timeout: 2_000 }).catch(() => undefined);

    await linkReproduces(page, SLUG, ID);
    await tensorsFlatAcrossResets(page, ID);
    await expectNoKatexErrors(page);
    con.assertClean();
  });
});
