import { expect, test, type Page } from '@playwright/test';
import {
  checkExports, expectBackendBadge, expectNoAxeViolations, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn,
  playLowersLoss, waitForLab, watchConsole,
} from './helpers';

const SLUG = '04-backprop';
const ROUTE = `./#/lecture/${SLUG}`;
const openLab = (page: Page, id: string) => openLabOn(page, SLUG, id);
const copiedLinkReproduces = (page: Page, id: string) => linkReproduces(page, SLUG, id);


test.describe('Lecture 4 — Optimization and Back-propagation', () => {
  test('loads with formulas, labs and the backend badge, no errors', async ({ page }) => {
    const con = watchConsole(page);
    await page.goto(ROUTE);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/Back-?propagation/i);
    for (const id of ['backprop', 'gradcheck', 'chain']) await expect(page.locator(`[data-lab="${id}"]`)).toBeVisible();
    expect(await page.locator('.katex').count()).toBeGreaterThan(30);
    await expect(page.locator('.erratum')).toHaveCount(3);
    await expectNoKatexErrors(page);
    await expectBackendBadge(page);
    await waitForLab(page, 'gradcheck', (p) => p.status === 'idle');
    await waitForLab(page, 'chain', (p) => p.status === 'idle');
    await expectNoAxeViolations(page);
    con.assertClean();
  });

  test('backprop: stepping through shows f = −8 and the gradients 4, 4, −2; inputs retrain; export; link', async ({ page }) => {
    const con = watchConsole(page);
    const lab = await openLab(page, 'backprop');
    const step = lab.getByRole('button', { name: 'Step' });
    for (let i = 1; i <= 4; i++) {
      await step.click();
      await waitForLab(page, 'backprop', (p) => p.step === i);
    }
    const done = await waitForLab(page, 'backprop', (p) => p.status === 'done');
    expect(done.metrics).toEqual({ stage: 4, f: -8, dfdx: 4, dfdy: 4, dfdz: -2 });
    const result = page.getByTestId('bp-result');
    await expect(result).toContainText('f=−8');
    await expect(result.locator('.katex-mathml')).toHaveCount(4);
    await expect(lab.locator('svg.bp-graph')).toContainText('−8');
    await expect(lab.locator('svg.bp-graph')).toContainText('−2');
    await nudgeSlider(page, 'backprop', 'x');
    expect((await labProbe(page, 'backprop'))!.params.x).toBe(1.5);
    await checkExports(page, 'backprop', 'Computational graph', 'lecture04');
    await copiedLinkReproduces(page, 'backprop');
    // A parameter change starts again at stage 0; Play runs the sigmoid graph through all its stages.
    await lab.locator('select[data-param="g"]').selectOption('sigmoid');
    await waitForLab(page, 'backprop', (p) => p.params.graph === 'sigmoid' && p.status === 'idle' && p.step === 0);
    await lab.getByRole('button', { name: 'Play' }).click();
    const sig = await waitForLab(page, 'backprop', (p) => p.params.graph === 'sigmoid' && p.status === 'done');
    expect(sig.step).toBe(16);
    expect(sig.metrics.f).toBeCloseTo(0.7311, 4);
    await expectNoKatexErrors(page);
    con.assertClean();
  });

  test('chain: the notes’ numbers, the slider retrains, play lowers the loss, export, link', async ({ page }) => {
    const con = watchConsole(page);
    const lab = await openLab(page, 'chain');
    const start = (await labProbe(page, 'chain'))!;
    expect(start.metrics.yHat).toBeCloseTo(2 / 3, 10);
    expect(start.metrics.loss).toBeCloseTo(4 / 9, 10);
    expect(start.metrics.dLdw1).toBeCloseTo(8 / 3, 10);
    expect(start.metrics.dLdw2).toBeCloseTo(4 / 9, 10);
    await nudgeSlider(page, 'chain', 'lr', 'ArrowLeft');
    await playLowersLoss(page, 'chain');
    await expect(lab.locator('.katex').first()).toBeVisible();
    await checkExports(page, 'chain', 'Loss during gradient descent', 'lecture04');
    await checkExports(page, 'chain', 'Path of (w₁, w₂)', 'lecture04');
    await copiedLinkReproduces(page, 'chain');
    con.assertClean();
  });

  test('chain: without the ReLU a large learning rate diverges with a message', async ({ page }) => {
    await page.goto(`${ROUTE}/chain?chain.act=linear&chain.lr=1`);
    const lab = page.locator('[data-lab="chain"]');
    await waitForLab(page, 'chain', (p) => p.status === 'idle');
    await lab.getByRole('button', { name: 'Play' }).click();
    await waitForLab(page, 'chain', (p) => p.status === 'diverged');
    await expect(lab.getByRole('alert')).toContainText('diverged');
  });

  test('gradcheck: all gradients agree; breaking the formula is flagged in red; export; link', async ({ page }) => {
    const con = watchConsole(page);
    const lab = await openLab(page, 'gradcheck');
    const verdict = page.getByTestId('gradcheck-verdict');
    await expect(verdict).toContainText('All gradients agree');
    await expect(lab.locator('tr.flagged')).toHaveCount(0);
    await nudgeSlider(page, 'gradcheck', 'h');
    await waitForLab(page, 'gradcheck', (p) => p.params.hidden === 4 && p.status !== 'loading');
    await expect(lab.locator('tbody tr')).toHaveCount(2 * 4 + 4 + 4 * 2 + 2);
    const runBefore = (await labProbe(page, 'gradcheck'))!.runId;
    await lab.getByLabel(/Break one formula/).check();
    await waitForLab(page, 'gradcheck', (p) => p.runId > runBefore && p.status !== 'loading' && p.params.broken === true);
    const broken = await playLowersLoss(page, 'gradcheck');
    expect(broken.metrics.maxErrHand).toBeGreaterThan(1e-2);
    await expect(verdict).toContainText('Gradient check failed');
    expect(await lab.locator('tr.flagged').count()).toBeGreaterThan(0);
    await expect(lab.locator('tr.flagged td').first()).toHaveCSS('color', 'rgb(130, 7, 30)');
    await checkExports(page, 'gradcheck', 'Training loss', 'lecture04');
    await copiedLinkReproduces(page, 'gradcheck');
    con.assertClean();
  });
});

test('twenty resets of the tfjs gradient check leave the tensor count flat', async ({ page }) => {
  await page.goto('./#/lecture/04-backprop/gradcheck');
  await waitForLab(page, 'gradcheck', (p) => p.status === 'idle');
  const count = () => page.evaluate(() => (window as unknown as { __backend: { numTensors: () => number } }).__backend.numTensors());
  const lab = page.locator('[data-lab="gradcheck"]');
  await lab.getByRole('button', { name: 'Play' }).click();
  await waitForLab(page, 'gradcheck', (p) => p.step >= 5);
  await lab.getByRole('button', { name: 'Pause' }).click();
  await lab.getByRole('button', { name: 'Reset', exact: true }).first().click();
  let last = await waitForLab(page, 'gradcheck', (p) => p.status === 'idle' && p.step === 0);
  const before = await count();
  for (let i = 0; i < 20; i++) {
    await lab.getByRole('button', { name: 'Step', exact: true }).click();
    await waitForLab(page, 'gradcheck', (p) => p.runId === last.runId && p.step === 1);
    await lab.getByRole('button', { name: 'Reset', exact: true }).first().click();
    last = await waitForLab(page, 'gradcheck', (p) => p.runId > last.runId && p.status === 'idle' && p.step === 0);
  }
  expect(await count()).toBe(before);
});
