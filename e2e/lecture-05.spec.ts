import { expect, test, type Page } from '@playwright/test';
import {
  checkExports, expectBackendBadge, expectNoAxeViolations, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn,
  playLowersLoss, waitForLab, watchConsole,
} from './helpers';
import { checkOptimizersLab } from './optimizers';
import { checkSecondOrderLab } from './second-order';

const SLUG = '05-optimization';
const ROUTE = `./#/lecture/${SLUG}`;
const openLab = (page: Page, id: string) => openLabOn(page, SLUG, id);
const copiedLinkReproduces = (page: Page, id: string) => linkReproduces(page, SLUG, id);

test.describe('Lecture 5 — Scaling Optimization', () => {
  test('loads with formulas, four labs and the backend badge, no errors', async ({ page }) => {
    const con = watchConsole(page);
    await page.goto(ROUTE);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/Optimi[sz]ation/i);
    for (const id of ['lr', 'minibatch', 'optimizers', 'second-order']) await expect(page.locator(`[data-lab="${id}"]`)).toBeVisible();
    expect(await page.locator('.katex').count()).toBeGreaterThan(40);
    await expect(page.locator('.lecture-section .erratum')).toHaveCount(5);
    await expectNoKatexErrors(page);
    // No lab on this page needs tfjs: it is never loaded, and the badge says when it would be.
    await expectBackendBadge(page, 'idle');
    await waitForLab(page, 'lr', (p) => p.status !== 'loading');
    await waitForLab(page, 'minibatch', (p) => p.status !== 'loading');
    await expectNoAxeViolations(page);
    con.assertClean();
  });

  test('lr: three rates and the line search; the too-high run diverges alone; slider, play, export, link', async ({ page }) => {
    const con = watchConsole(page);
    const lab = await openLab(page, 'lr');
    await nudgeSlider(page, 'lr', 'kappa');
    await nudgeSlider(page, 'lr', 'lr', 'ArrowLeft');
    await playLowersLoss(page, 'lr', 'loss_right');
    const end = await waitForLab(page, 'lr', (p) => p.status === 'done');
    expect(end.metrics.high_diverged).toBeGreaterThan(0);
    expect(end.metrics.loss_line).toBeLessThan(end.metrics.loss_low);
    await expect(lab.getByRole('img', { name: /Paths on the loss surface/ })).toBeVisible();
    await expect(lab).toContainText('too high α = 2.2 (diverged)');
    expect(await lab.locator('.katex-error').count()).toBe(0);
    await checkExports(page, 'lr', 'Loss per iteration', 'lecture05');
    await checkExports(page, 'lr', 'Paths on the loss surface', 'lecture05');
    await copiedLinkReproduces(page, 'lr');
    con.assertClean();
  });

  test('minibatch: the gradient cloud shrinks with B; slider, play, Robbins–Monro, export, link', async ({ page }) => {
    const con = watchConsole(page);
    const lab = await openLab(page, 'minibatch');
    await expect(lab.getByRole('img', { name: /Minibatch gradients around the full gradient/ })).toBeVisible();
    await nudgeSlider(page, 'minibatch', 'B');
    expect((await labProbe(page, 'minibatch'))!.params.batch).toBe(17);
    await playLowersLoss(page, 'minibatch', 'loss');
    const small = await waitForLab(page, 'minibatch', (p) => p.status === 'done' && Number.isFinite(p.metrics.spread));
    // A fresh load: the hash router keeps a mounted lab's parameters on a hash-only change.
    await page.goto('about:blank');
    await page.goto(`${ROUTE}/minibatch?minibatch.B=100&minibatch.rm=1`);
    const large = await waitForLab(page, 'minibatch', (p) => p.params.batch === 100 && p.params.rm === true && Number.isFinite(p.metrics.spread) && p.status !== 'loading');
    expect(large.metrics.spread_law).toBeLessThan(small.metrics.spread_law);
    await expect(page.getByTestId('minibatch-spread')).toContainText('Robbins–Monro schedule is on');
    await playLowersLoss(page, 'minibatch', 'loss');
    await checkExports(page, 'minibatch', 'Excess loss per epoch', 'lecture05');
    await checkExports(page, 'minibatch', 'Minibatch gradients around the full gradient', 'lecture05');
    await copiedLinkReproduces(page, 'minibatch');
    await expectNoKatexErrors(page);
    con.assertClean();
  });

  test('optimizers: the optimizer race', async ({ page }) => {
    test.setTimeout(180_000);
    await checkOptimizersLab(page);
  });

  test('second-order: Newton and its relatives', async ({ page }) => {
    test.setTimeout(180_000);
    await checkSecondOrderLab(page);
  });
});
