import { expect, test, type Page } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, tensorsFlatAcrossResets, waitForLab, watchConsole,
} from './helpers';

const SLUG = '12-advanced';
const ID = 'rl';
const VI_MAP = 'Values V_k and greedy policy';
const Q_MAP = 'Values max_a Q(s, a) and greedy policy';
/** The default grid, one number per row (digits: 0 empty, 1 wall, 2 goal, 3 pit, 4 start). */
const DEFAULT_GRID = [2, 1101103, 100010, 101000, 1310, 40000000];

const cell = (page: Page, r: number, c: number) => page.locator(`[data-lab="${ID}"] [data-testid="rl-grid"] [data-cell="${r},${c}"]`);

test.describe('Lecture 12 — reinforcement learning on a gridworld', () => {
  test('value iteration: sweeps shrink the residual, γ, editing by click and keyboard, exports', async ({ page }) => {
    test.setTimeout(120_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    const p0 = await waitForLab(page, ID, (p) => p.status === 'idle' && p.step === 0);
    expect(p0.params.grid).toEqual(DEFAULT_GRID);
    expect(p0.metrics.v_start).toBe(0);
    expect(p0.metrics.agree).toBeLessThan(0.2);
    await expect(lab.getByTestId('rl-mdp')).toContainText('38');
    await expectNoKatexErrors(page);

    // Step = one sweep: after one sweep only the goal's neighbours have values.
    const step = lab.getByRole('button', { name: 'Step', exact: true });
    await step.click();
    const s1 = await waitForLab(page, ID, (p) => p.step === 1);
    expect(Number(await cell(page, 1, 7).getAttribute('data-value'))).toBeGreaterThan(0.5);
    expect(Number(await cell(page, 6, 1).getAttribute('data-value'))).toBeCloseTo(-0.04, 12); // V_1 = r_step
    await step.click();
    await step.click();
    const s3 = await waitForLab(page, ID, (p) => p.step === 3);
    expect(s3.metrics.residual).toBeLessThan(s1.metrics.residual);

    // Play to convergence: residual < 1e-10, the greedy arrows lead from S to the goal.
    await lab.getByLabel('Training speed').selectOption('10');
    await lab.getByRole('button', { name: 'Play' }).click();
    const done = await waitForLab(page, ID, (p) => p.status === 'done');
    expect(done.metrics.residual).toBeLessThan(1e-10);
    expect(done.metrics.reaches_goal).toBe(1);
    expect(done.metrics.agree).toBe(1);
    expect(done.metrics.v_start).toBeCloseTo(done.metrics.v_start_star, 8);
    await expect(cell(page, 1, 7)).toHaveAttribute('data-action', 'right');
    await expect(cell(page, 2, 7)).toHaveAttribute('data-action', 'up');
    await expect(lab.locator('figure', { hasText: 'Bellman residual per sweep' }).locator('.recharts-line')).toHaveCount(1);

    // γ down: values change (a new run plays to convergence at once).
    const v17 = Number(await cell(page, 1, 6).getAttribute('data-value'));
    await nudgeSlider(page, ID, 'g', 'ArrowLeft');
    const g = await waitForLab(page, ID, (p) => p.params.gamma === 0.89 && p.status === 'done');
    expect(g.metrics.v_start_star).toBeLessThan(done.metrics.v_start_star);
    expect(Number(await cell(page, 1, 6).getAttribute('data-value'))).toBeLessThan(v17);

    // Clicking an empty cell (cycle tool) makes it a wall and reruns; V(start) drops (a detour).
    const before = (await labProbe(page, ID))!;
    await cell(page, 3, 2).click();
    const walled = await waitForLab(page, ID, (p) => p.runId > before.runId && p.status === 'done');
    expect((walled.params.grid as number[])[2]).toBe(1100010);
    await expect(cell(page, 3, 2)).toHaveAttribute('data-kind', 'wall');
    // Clicking the start is refused with a message.
    await cell(page, 6, 1).click();
    await expect(lab.getByRole('alert').filter({ hasText: 'start' })).toBeVisible();
    // Keyboard: focus the grid (cursor on the start), up, then W places a wall at (5, 1).
    await lab.getByRole('group', { name: /arrow keys move the cursor/ }).focus();
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('w');
    const kb = await waitForLab(page, ID, (p) => (p.params.grid as number[])[4] === 10001310 && p.status === 'done');
    expect(kb.metrics.reaches_goal).toBe(1);
    await expect(cell(page, 5, 1)).toHaveAttribute('data-kind', 'wall');

    await checkExports(page, ID, VI_MAP, 'lecture12');
    await checkExports(page, ID, 'Bellman residual per sweep', 'lecture12');
    await expectNoKatexErrors(page);
    con.assertClean();
  });

  test('Q-learning: reward per episode and agreement with value iteration rise; exports, link, tensors', async ({ page }) => {
    test.setTimeout(120_000);
    const con = watchConsole(page);
    await page.goto(`./#/lecture/${SLUG}/${ID}?rl.m=q&rl.n=1000`);
    const lab = page.locator(`[data-lab="${ID}"]`);
    await waitForLab(page, ID, (p) => p.status === 'idle' && p.params.method === 'q');
    await expect(lab.locator('input[type="range"][data-param="e"]')).toBeVisible();
    await lab.getByRole('button', { name: 'Play' }).click();
    // Early: one episode per frame; record the moving average after 10 episodes.
    const early = await waitForLab(page, ID, (p) => p.metrics.episode >= 10);
    await lab.getByLabel('Training speed').selectOption('Infinity');
    const late = await waitForLab(page, ID, (p) => p.metrics.episode >= 800);
    expect(late.metrics.ret_ma).toBeGreaterThan(early.metrics.ret_ma + 0.5);
    expect(late.metrics.goal_rate).toBeGreaterThan(0.7);
    expect(late.metrics.agree).toBeGreaterThan(early.metrics.agree + 0.2);
    expect(late.metrics.reaches_goal).toBe(1);
    await waitForLab(page, ID, (p) => p.status === 'done');
    await expect(lab.getByTestId('rl-path')).toBeVisible();
    await expect(lab.locator('figure', { hasText: 'Reward per episode' }).locator('.recharts-line')).toHaveCount(2);
    await expectNoKatexErrors(page);

    await checkExports(page, ID, 'Reward per episode', 'lecture12');
    await checkExports(page, ID, Q_MAP, 'lecture12');
    await linkReproduces(page, SLUG, ID);
    await tensorsFlatAcrossResets(page, ID);
    con.assertClean();
  });

  test('a corrupt grid in the link gets a notice and the default grid', async ({ page }) => {
    const con = watchConsole(page);
    await page.goto(`./#/lecture/${SLUG}/${ID}?rl.grid=2,9,0,0,0,40000000`);
    const lab = page.locator(`[data-lab="${ID}"]`);
    const p = await waitForLab(page, ID, (q) => q.status === 'idle' && q.notices.length > 0);
    expect(p.notices.join(' ')).toMatch(/unknown cell code 9.*default grid/);
    expect(p.params.grid).toEqual(DEFAULT_GRID);
    await expect(lab.getByRole('alert').filter({ hasText: 'default grid' })).toBeVisible();
    await expect(cell(page, 2, 2)).toHaveAttribute('data-kind', 'wall');
    con.assertClean();
  });
});
