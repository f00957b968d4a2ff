/** End-to-end checks of Lecture 3's neural-network playground (called from lecture-03.spec.ts). */
import { expect, type Page } from '@playwright/test';
import { checkExports, labProbe, viewFingerprint, waitForLab, watchConsole } from './helpers';

const ROUTE = './#/lecture/03-neural-networks/mlp';

/** The spiral preset: x₁, x₂, sin πx₁, sin πx₂ → 8 → 8 → 1 tanh, α = 0.1, batch 10, 1,000 epochs. */
export const SPIRAL_QUERY = [
  'mlp.prob=classification', 'mlp.data=spiral', 'mlp.noise=0', 'mlp.n=500', 'mlp.tr=50', 'mlp.bs=10',
  'mlp.x1=1', 'mlp.x2=1', 'mlp.x1sq=0', 'mlp.x2sq=0', 'mlp.x1x2=0', 'mlp.sin1=1', 'mlp.sin2=1',
  'mlp.layers=2', 'mlp.w1=8', 'mlp.w2=8', 'mlp.act=tanh', 'mlp.lr=0.1', 'mlp.reg=none', 'mlp.epochs=1000', 'mlp.seed=1',
].join('&');

async function open(page: Page, query = '') {
  await page.goto('about:blank');
  await page.goto(query ? `${ROUTE}?${query}` : ROUTE);
  await waitForLab(page, 'mlp', (p) => p.status === 'idle');
  return page.locator('[data-lab="mlp"]');
}

async function sliderRetrains(page: Page) {
  const before = await viewFingerprint(page, 'mlp');
  const runBefore = (await labProbe(page, 'mlp'))!.runId;
  const slider = page.locator('[data-lab="mlp"] input[type="range"][data-param="n"]');
  await slider.focus();
  await slider.press('ArrowRight');
  await waitForLab(page, 'mlp', (p) => p.runId > runBefore && p.params.n === 550);
  await expect.poll(() => viewFingerprint(page, 'mlp'), { timeout: 20_000 }).not.toBe(before);
}

async function diagramShowsWeights(page: Page) {
  const lab = page.locator('[data-lab="mlp"]');
  // TF Playground's default 2 → 4 → 2 → 1: 8 + 8 + 2 edges, 9 units, 25 parameters.
  await expect(lab.locator('.mlp-edge')).toHaveCount(18);
  await expect(lab.locator('.mlp-unit-canvas')).toHaveCount(9);
  await expect(lab.getByTestId('mlp-param-count')).toHaveText('25');
  await lab.locator('.mlp-edge').first().focus();
  await expect(lab.locator('.mlp-tip')).toContainText(/Weight from x₁ to unit 1 of hidden layer 1: -?\d\.\d{3}/);
}

async function clickAddsPoint(page: Page) {
  const lab = page.locator('[data-lab="mlp"]');
  await lab.getByRole('radio', { name: /Class A/ }).check();
  const canvas = lab.locator('canvas.chart-canvas').first();
  const box = (await canvas.boundingBox())!;
  await canvas.click({ position: { x: box.width * 0.55, y: box.height * 0.45 } });
  const probe = await waitForLab(page, 'mlp', (p) => Array.isArray(p.params.points) && (p.params.points as unknown[]).length === 1);
  expect((probe.params.points as { label: number }[])[0].label).toBe(0);
}

async function spiralLearns(page: Page) {
  const lab = await open(page, SPIRAL_QUERY);
  await expect(lab.getByTestId('mlp-param-count')).toHaveText('121'); // 8·4+8 + 8·8+8 + 1·8+1
  await lab.locator('select[aria-label="Training speed"]').selectOption({ label: 'Fast (as many as fit)' });
  await lab.getByRole('button', { name: 'Play' }).click();
  const done = await waitForLab(page, 'mlp', (p) => p.status === 'done', 60_000);
  expect(done.step).toBe(1000);
  expect(done.metrics.testLoss).toBeLessThan(0.1);
}

async function copiedLinkReproduces(page: Page) {
  const lab = page.locator('[data-lab="mlp"]');
  await lab.getByRole('button', { name: 'Copy link' }).click();
  const link = await lab.locator('input.share-link').inputValue();
  expect(link).toContain('#/lecture/03-neural-networks/mlp?');
  const params = (await labProbe(page, 'mlp'))!.params;
  const other = await page.context().newPage();
  await other.goto(link);
  const probe = await waitForLab(other, 'mlp', (p) => p.status !== 'loading');
  expect(probe.params).toEqual(params);
  await other.close();
}

/** Slider retrains, the diagram reads out weights, clicks add points, the spiral is learnt, exports and links work. */
export async function checkMlpLab(page: Page) {
  const con = watchConsole(page);
  await open(page);
  await sliderRetrains(page);
  await diagramShowsWeights(page);
  await clickAddsPoint(page);
  await spiralLearns(page);
  await checkExports(page, 'mlp', 'Training and test loss', 'lecture03');
  await copiedLinkReproduces(page);
  con.assertClean();
}
