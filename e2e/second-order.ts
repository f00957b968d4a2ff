import { expect, type Page } from '@playwright/test';
import { checkExports, linkReproduces, nudgeSlider, openLabOn, playLowersLoss, waitForLab } from './helpers';

const SLUG = '05-optimization';
const ID = 'second-order';

/** Iterations to converge from the probe; −1 (not yet) counts as never. */
const conv = (m: Record<string, number>, k: string) => (m[`conv_${k}`] >= 0 ? m[`conv_${k}`] : Infinity);

/**
 * The second-order lab of Lecture 5: retrains on a slider change, Play lowers the LM loss,
 * Gauss–Newton and LM converge in fewer iterations than gradient descent, Newton 1D walks to a
 * stationary point, the loss chart exports, and the copied link reproduces the parameters.
 */
export async function checkSecondOrderLab(page: Page) {
  const lab = await openLabOn(page, SLUG, ID);
  await expect(lab.getByRole('figure', { name: 'Data and current fits' })).toBeVisible();

  await nudgeSlider(page, ID, 'sd');

  const start = await playLowersLoss(page, ID, 'loss_lm');
  const end = await waitForLab(page, ID, (p) => p.step >= 30 && conv(p.metrics, 'gn') < Infinity && conv(p.metrics, 'lm') < Infinity);
  const m = end.metrics;
  expect(conv(m, 'gn')).toBeLessThan(conv(m, 'gd'));
  expect(conv(m, 'lm')).toBeLessThan(conv(m, 'gd'));
  expect(conv(m, 'lm')).toBeLessThan(30);
  expect(m.loss_gn).toBeLessThan(m.loss_gd);
  await expect(lab.getByTestId('conv-lm')).toHaveText(String(m.conv_lm));
  await expect(lab.getByTestId('conv-gn')).toHaveText(/^\d+$/);

  // Newton 1D: x moves from x₀ to a point where f'(x) ≈ 0.
  expect(end.metrics.newton_x).not.toBeCloseTo(start.metrics.newton_x, 2);
  expect(Math.abs(end.metrics.newton_grad)).toBeLessThan(1e-6);
  expect(Math.abs(end.metrics.newton_grad)).toBeLessThan(Math.abs(start.metrics.newton_grad));
  await expect(lab.getByTestId('newton1d')).toContainText('Step');

  await checkExports(page, ID, 'Loss per iteration', 'lecture05');
  await linkReproduces(page, SLUG, ID);
}
