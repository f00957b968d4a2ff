import { expect, test } from '@playwright/test';
import { checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, tensorsFlatAcrossResets, waitForLab, watchConsole } from './helpers';

const SLUG = '08-regularization';

test('mc-dropout: sliders, the band is wider in the gap, exports, link, tensors', async ({ page }) => {
  test.setTimeout(240_000);
  const con = watchConsole(page);
  await page.goto(`./#/lecture/${SLUG}/mc-dropout?mc-dropout.epochs=300`);
  const lab = page.locator('[data-lab="mc-dropout"]');
  await waitForLab(page, 'mc-dropout', (p) => ['idle', 'running', 'done'].includes(p.status), 120_000);
  await expect(lab.getByRole('img', { name: /Monte Carlo dropout: mean ± 2 std/ })).toBeVisible();
  await nudgeSlider(page, 'mc-dropout', 'p');
  expect((await labProbe(page, 'mc-dropout'))!.params.drop).toBeCloseTo(0.25, 10);
  await nudgeSlider(page, 'mc-dropout', 'T');
  expect((await labProbe(page, 'mc-dropout'))!.params.passes).toBe(55);

  // A fresh load with the defaults (the hash router keeps a mounted lab's parameters on a hash-only change).
  await page.goto('about:blank');
  await page.goto(`./#/lecture/${SLUG}/mc-dropout`);
  await waitForLab(page, 'mc-dropout', (p) => p.status === 'idle', 120_000);
  await lab.getByRole('button', { name: 'Play' }).click();
  const end = await waitForLab(page, 'mc-dropout', (p) => p.status === 'done', 150_000);
  const m = end.metrics;
  expect(m.epoch).toBe(2000);
  expect(m.band_epoch).toBe(2000);
  for (const k of ['loss', 'mse_eval', 'width_data', 'width_gap', 'width_outside']) expect(Number.isFinite(m[k])).toBe(true);
  expect(m.mse_eval).toBeLessThan(0.05);
  // Mean band width 4σ: clearly wider where there are no data.
  expect(m.width_gap).toBeGreaterThan(1.3 * m.width_data);
  expect(m.width_outside).toBeGreaterThan(m.width_data);
  await expect(lab.getByTestId('mc-dropout-widths')).toContainText(`${m.width_gap.toFixed(3)}`);
  await expectNoKatexErrors(page);

  await checkExports(page, 'mc-dropout', 'Monte Carlo dropout: mean ± 2 std', 'lecture08');
  await checkExports(page, 'mc-dropout', 'Band width along x', 'lecture08');
  await linkReproduces(page, SLUG, 'mc-dropout');
  await tensorsFlatAcrossResets(page, 'mc-dropout');
  con.assertClean();
});
