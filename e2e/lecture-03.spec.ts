import { expect, test, type Page } from '@playwright/test';
import {
  checkExports, expectBackendBadge, expectNoAxeViolations, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn,
  resetLab, waitForLab, watchConsole,
} from './helpers';
import { checkMlpLab } from './mlp';

const SLUG = '03-neural-networks';
const ROUTE = `./#/lecture/${SLUG}`;
const openLab = (page: Page, id: string) => openLabOn(page, SLUG, id);
const copiedLinkReproduces = (page: Page, id: string) => linkReproduces(page, SLUG, id);


test.describe('Lecture 3 — Introduction to Neural Networks', () => {
  test('loads with formulas, labs and the backend badge, no errors', async ({ page }) => {
    const con = watchConsole(page);
    await page.goto(ROUTE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Introduction to Neural Networks');
    for (const id of ['mlp', 'graph-nn', 'losses']) await expect(page.locator(`[data-lab="${id}"]`)).toBeVisible();
    expect(await page.locator('.katex').count()).toBeGreaterThan(20);
    await expect(page.locator('.erratum')).toHaveCount(4);
    await expectNoKatexErrors(page);
    // No lab on this page needs tfjs: it is never loaded, and the badge says when it would be.
    await expectBackendBadge(page, 'idle');
    await waitForLab(page, 'losses', (p) => p.status === 'idle');
    await waitForLab(page, 'graph-nn', (p) => p.status === 'idle');
    await expectNoAxeViolations(page);
    con.assertClean();
  });

  test('losses: a slider changes the curves, Play lowers the loss, export works, link reproduces', async ({ page }) => {
    const con = watchConsole(page);
    const lab = await openLab(page, 'losses');
    await nudgeSlider(page, 'losses', 'y');
    const start = await resetLab(page, 'losses');
    expect(Number.isFinite(start.metrics.loss)).toBe(true);
    await lab.getByRole('button', { name: 'Play' }).click();
    const end = await waitForLab(page, 'losses', (p) => p.step >= 30 && Number.isFinite(p.metrics.loss));
    expect(end.metrics.loss).toBeLessThan(start.metrics.loss);
    await checkExports(page, 'losses', 'Loss against the prediction', 'lecture03');
    await copiedLinkReproduces(page, 'losses');
    con.assertClean();
  });

  test('losses: choosing binary cross-entropy shows its controls, formula and a falling loss', async ({ page }) => {
    const lab = await openLab(page, 'losses');
    const runBefore = (await labProbe(page, 'losses'))!.runId;
    await lab.locator('select[data-param="loss"]').selectOption('bce');
    await waitForLab(page, 'losses', (p) => p.runId > runBefore && p.params.loss === 'bce');
    await expect(lab.locator('select[data-param="lab"]')).toBeVisible();
    await expect(lab.locator('input[data-param="p0"]')).toBeVisible();
    await expect(lab.locator('input[data-param="y"]')).toHaveCount(0);
    await lab.locator('select[data-param="axis"]').selectOption('logit');
    await waitForLab(page, 'losses', (p) => p.params.axis === 'logit');
    const start = await resetLab(page, 'losses');
    expect(start.metrics.grad).toBeLessThan(-0.8); // σ(−2) − 1: far from vanishing while wrong
    await lab.getByRole('button', { name: 'Play' }).click();
    const end = await waitForLab(page, 'losses', (p) => p.step >= 30);
    expect(end.metrics.loss).toBeLessThan(start.metrics.loss);
    await expectNoKatexErrors(page);
  });

  test('graph-nn: the notes’ network by default, a width change redraws, the pass reaches the loss', async ({ page }) => {
    const con = watchConsole(page);
    const lab = await openLab(page, 'graph-nn');
    const tex = await lab.locator('.lab-views .katex annotation').first().textContent();
    expect(tex).toContain('\\sigma(\\mathbf{W}_{4} \\tanh(\\mathbf{W}_{3} \\max(0, \\mathbf{W}_{2} \\max(0, \\mathbf{W}_{1} \\mathbf{x}))))');
    await expect(lab.getByRole('img', { name: /Computational graph/ })).toBeVisible();
    await lab.getByTestId('node-select').selectOption('W2');
    await expect(lab.getByTestId('node-details')).toContainText('W₂: 4×3');
    await expect(lab.getByRole('heading', { name: 'Parameters: 64' })).toBeVisible();
    await nudgeSlider(page, 'graph-nn', 'n2');
    await expect(lab.getByRole('heading', { name: 'Parameters: 72' })).toBeVisible();
    await resetLab(page, 'graph-nn');
    await lab.getByRole('button', { name: 'Step' }).click();
    await waitForLab(page, 'graph-nn', (p) => p.step === 1 && p.metrics.evaluated === 1);
    await lab.getByRole('button', { name: 'Play' }).click();
    const done = await waitForLab(page, 'graph-nn', (p) => p.status === 'done');
    expect(done.step).toBe(15);
    expect(Number.isFinite(done.metrics.loss)).toBe(true);
    await checkExports(page, 'graph-nn', 'Computational graph', 'lecture03');
    await copiedLinkReproduces(page, 'graph-nn');
    con.assertClean();
  });

  test('graph-nn: fewer layers shorten the formula and the graph', async ({ page }) => {
    await page.goto(`${ROUTE}/graph-nn?graph-nn.L=1&graph-nn.a1=tanh&graph-nn.d=3`);
    const lab = page.locator('[data-lab="graph-nn"]');
    await waitForLab(page, 'graph-nn', (p) => p.status === 'idle' && p.params.layers === 1);
    const tex = await lab.locator('.lab-views .katex annotation').first().textContent();
    expect(tex).toBe('f = \\mathbf{W}_{2} \\tanh(\\mathbf{W}_{1} \\mathbf{x})');
    await expect(lab.getByRole('heading', { name: 'Parameters: 16' })).toBeVisible();
    await expect(lab.locator('input[data-param="n2"]')).toHaveCount(0);
  });

  test('mlp: the neural-network playground', async ({ page }) => {
    await checkMlpLab(page);
  });
});
