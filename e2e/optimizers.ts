import { expect, type Page } from '@playwright/test';
import { checkExports, resetLab, waitForLab } from './helpers';

const ID = 'optimizers';
const CONTOUR = 'Contours of log f with the optimizers’ paths';
/** κ = 50 quadratic with GD, momentum, Adam (with and without bias correction) and Newton. */
const QUERY = ['surf=quadratic', 'kappa=50', 'x0=-1.8', 'y0=1.2', 'gd=1', 'sgd=0', 'momentum=1', 'nesterov=0', 'rmsprop=0',
  'adam=1', 'adamNoBias=1', 'newton=1', 'lbfgs=0', 'lr=0.5', 'lra=0.1', 'beta=0.9', 'iters=600'].map((q) => `${ID}.${q}`).join('&');

/** The optimizer lab of Lecture 5: toggles, Newton in one step, momentum vs GD, Adam's bias correction, export. */
export async function checkOptimizersLab(page: Page) {
  await page.goto(`./#/lecture/05-optimization/${ID}?${QUERY}`);
  await waitForLab(page, ID, (p) => p.status !== 'loading');
  const lab = page.locator(`[data-lab="${ID}"]`);
  const legend = lab.getByRole('figure', { name: CONTOUR }).getByRole('list', { name: 'Legend' }).getByRole('listitem');
  await resetLab(page, ID);

  // One step: Newton is at the minimum; Adam's first step is α·sign(g), without bias correction ≈ 3.16 α.
  await lab.getByRole('button', { name: 'Step' }).click();
  const s1 = await waitForLab(page, ID, (p) => p.step === 1);
  expect(s1.metrics.loss_newton).toBeLessThan(1e-10);
  expect(s1.metrics.x_adam).toBeCloseTo(-1.7, 6);
  expect(s1.metrics.y_adam).toBeCloseTo(1.1, 6);
  expect(Math.abs(s1.metrics.x_adamNoBias - s1.metrics.x_adam)).toBeGreaterThan(0.1);
  expect(Math.abs(s1.metrics.y_adamNoBias - s1.metrics.y_adam)).toBeGreaterThan(0.1);
  await expect(legend).toHaveCount(6); // five paths and the minimum

  // Momentum reaches f − f_min ≤ 1e-6 while gradient descent is still far off.
  await lab.getByRole('button', { name: 'Play' }).click();
  const run = await waitForLab(page, ID, (p) => p.metrics.reach_momentum > 0);
  expect(run.metrics.reach_gd === -1 || run.metrics.reach_gd > run.metrics.reach_momentum).toBe(true);
  expect(run.metrics.loss_momentum).toBeLessThan(run.metrics.loss_gd);
  await lab.getByRole('button', { name: 'Pause' }).click();

  // Toggling an optimizer removes and restores its path.
  const box = lab.locator('input[type="checkbox"][data-param="newton"]');
  await box.uncheck();
  await waitForLab(page, ID, (p) => p.params.newton === false && p.metrics.loss_newton === undefined);
  await expect(legend).toHaveCount(5);
  await box.check();
  await waitForLab(page, ID, (p) => p.params.newton === true && p.metrics.loss_newton !== undefined);
  await expect(legend).toHaveCount(6);

  // Dragging on the contour plot moves the start point; the runs restart from where it is let go.
  const canvas = lab.getByRole('img', { name: /Contours of log f/ });
  const r = (await canvas.boundingBox())!;
  await page.mouse.move(r.x + r.width * 0.3, r.y + r.height * 0.3);
  await page.mouse.down();
  await page.mouse.move(r.x + r.width * 0.6, r.y + r.height * 0.45, { steps: 5 });
  await page.mouse.move(r.x + r.width * 0.7, r.y + r.height * 0.6, { steps: 5 });
  await page.mouse.up();
  const dragged = await waitForLab(page, ID, (p) => p.status !== 'loading' && (p.params.x0 as number) > 0);
  expect(dragged.params.x0 as number).toBeGreaterThan(0);
  expect(dragged.params.y0 as number).toBeLessThan(0);

  await checkExports(page, ID, CONTOUR, 'lecture05');
  await checkExports(page, ID, 'Loss gap f − f_min + 10⁻¹² per iteration', 'lecture05');
}
