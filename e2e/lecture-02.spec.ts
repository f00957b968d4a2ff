import { expect, test, type Page } from '@playwright/test';
import {
  checkExports, expectBackendBadge, expectNoAxeViolations, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn,
  playLowersLoss, waitForLab, watchConsole,
} from './helpers';

const SLUG = '02-ml-basics';
const ROUTE = `./#/lecture/${SLUG}`;
const openLab = (page: Page, id: string) => openLabOn(page, SLUG, id);

test.describe('Lecture 2 — Machine Learning Basics', () => {
  test('loads with formulas, labs and the backend badge, no errors', async ({ page }) => {
    const con = watchConsole(page);
    await page.goto(ROUTE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Machine Learning Basics');
    for (const id of ['knn', 'linreg', 'logreg']) await expect(page.locator(`[data-lab="${id}"]`)).toBeVisible();
    expect(await page.locator('.katex').count()).toBeGreaterThan(20);
    await expectNoKatexErrors(page);
    await expectBackendBadge(page);
    await waitForLab(page, 'logreg', (p) => p.status === 'idle');
    await expectNoAxeViolations(page);
    con.assertClean();
  });

  test('the notes’ temperature example gives 25.2 and −4.8, and is editable', async ({ page }) => {
    await openLab(page, 'linreg');
    await expect(page.getByTestId('yhat-1')).toHaveText('25.20');
    await expect(page.getByTestId('yhat-2')).toHaveText('-4.80');
    const cell = page.getByLabel('Building 2 people');
    await cell.fill('3');
    await cell.press('Enter');
    await expect(page.getByTestId('yhat-2')).toHaveText('-1.80');
    await cell.fill('abc');
    await cell.press('Enter');
    await expect(cell).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByTestId('yhat-2')).toHaveText('-1.80');
  });

  for (const [id, slider, loss, chart] of [
    ['knn', 'k', 'valError', 'Accuracy against k'],
    ['linreg', 'n', 'mseGD', 'Training loss (MSE)'],
    ['logreg', 'noise', 'trainLoss', 'Binary cross-entropy'],
  ] as const) {
    test(`${id}: slider retrains, play lowers the loss, export works, link reproduces`, async ({ page }) => {
      const con = watchConsole(page);
      await openLab(page, id);
      await nudgeSlider(page, id, slider);
      await playLowersLoss(page, id, loss);
      await checkExports(page, id, chart);
      await linkReproduces(page, SLUG, id);
      con.assertClean();
    });
  }

  test('a diverging run stops with a message and a reset', async ({ page }) => {
    await page.goto(`${ROUTE}/linreg?linreg.lr=1`);
    const lab = page.locator('[data-lab="linreg"]');
    await waitForLab(page, 'linreg', (p) => p.status === 'idle');
    await lab.getByRole('button', { name: 'Play' }).click();
    await waitForLab(page, 'linreg', (p) => p.status === 'diverged');
    await expect(lab.getByRole('alert')).toContainText('diverged');
    await expect(lab.locator('.recharts-surface').first()).toBeVisible();
    await lab.getByRole('alert').getByRole('button', { name: 'Reset' }).click();
    await waitForLab(page, 'linreg', (p) => p.status === 'idle' && p.step === 0);
  });

  test('bad link values are clamped or replaced, with a notice', async ({ page }) => {
    await page.goto(`${ROUTE}/knn?knn.k=999&knn.d=cosine&knn.seed=abc&knn.pts=garbage`);
    const probe = await waitForLab(page, 'knn', (p) => p.status !== 'loading');
    expect(probe.params.k).toBe(30);
    expect(probe.params.metric).toBe('l2');
    expect(probe.params.seed).toBe(1);
    await expect(page.locator('[data-lab="knn"] .notice')).toContainText('clamped to 30');
  });

  test('clicking the kNN plot adds a training point of the chosen class', async ({ page }) => {
    await openLab(page, 'knn');
    const canvas = page.locator('[data-lab="knn"] canvas').first();
    await page.locator('[data-lab="knn"]').getByRole('radio', { name: /Class B/ }).check();
    const box = (await canvas.boundingBox())!;
    await canvas.click({ position: { x: box.width * 0.5, y: box.height * 0.5 } });
    const probe = await waitForLab(page, 'knn', (p) => Array.isArray(p.params.points) && (p.params.points as unknown[]).length === 1);
    expect((probe.params.points as { label: number }[])[0].label).toBe(1);
  });

  test('?backend=cpu forces the CPU backend', async ({ page }) => {
    await page.goto('./?backend=cpu#/lecture/02-ml-basics');
    await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'cpu');
    await waitForLab(page, 'logreg', (p) => p.status === 'idle');
  });
});

test('a lost WebGL context falls back to another backend without freezing', async ({ page }) => {
  test.slow();
  const con = watchConsole(page);
  await page.goto('./?backend=webgl#/lecture/02-ml-basics/logreg');
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', 'webgl', { timeout: 60_000 });
  await waitForLab(page, 'logreg', (p) => p.status === 'idle', 60_000);
  const before = (await labProbe(page, 'logreg'))!.runId;
  const lost = await page.evaluate(() => (window as unknown as { __backend: { loseWebglContext: () => boolean } }).__backend.loseWebglContext());
  expect(lost).toBe(true);
  await expect(page.getByTestId('backend-badge')).toHaveAttribute('data-backend', /wasm|cpu/, { timeout: 30_000 });
  await waitForLab(page, 'logreg', (p) => p.runId > before && p.status === 'idle');
  await page.locator('[data-lab="logreg"]').getByRole('button', { name: 'Play' }).click();
  await waitForLab(page, 'logreg', (p) => p.step >= 20);
  // WebGL may log its own context-loss warning; nothing else may fail.
  expect(con.errors.filter((e) => !/context lost|CONTEXT_LOST/i.test(e))).toEqual([]);
});

test('retraining and resetting free every tensor', async ({ page }) => {
  await page.goto('./#/lecture/02-ml-basics/logreg');
  await waitForLab(page, 'logreg', (p) => p.status === 'idle');
  await waitForLab(page, 'linreg', (p) => p.status === 'idle');
  const count = () => page.evaluate(() => (window as unknown as { __backend: { numTensors: () => number } }).__backend.numTensors());
  const before = await count();
  for (let i = 0; i < 10; i++) {
    for (const [id, param] of [['logreg', 'noise'], ['linreg', 'sigma']] as const) {
      const slider = page.locator(`[data-lab="${id}"] input[type="range"][data-param="${param}"]`);
      await slider.focus();
      await slider.press(i % 2 ? 'ArrowLeft' : 'ArrowRight');
    }
  }
  for (const id of ['logreg', 'linreg']) {
    await page.locator(`[data-lab="${id}"]`).getByRole('button', { name: /^(Pause|Reset)$/ }).first().click();
    await page.locator(`[data-lab="${id}"]`).getByRole('button', { name: 'Reset' }).first().click();
    await waitForLab(page, id, (p) => p.status === 'idle' && p.step === 0);
  }
  expect(await count()).toBe(before);
});
