import { expect, test } from '@playwright/test';
import { checkExports, expectNoKatexErrors, labProbe, linkReproduces, tensorsFlatAcrossResets, waitForLab, watchConsole } from './helpers';

const SLUG = '06-training-1';
const ID = 'hparam-search';

test.describe('Lecture 6 — hyperparameter search lab', () => {
  test('grid against random search runs to N/N, stays responsive, finds a good model; export, link, memory', async ({ page }) => {
    test.setTimeout(240_000);
    const con = watchConsole(page);
    // A short search keeps the test quick: 12 grid + 6 random trials of 3 epochs (the refinement is unit-tested).
    await page.goto(`./#/lecture/${SLUG}/${ID}?${ID}.N=6&${ID}.ep=3&${ID}.refine=0`);
    await waitForLab(page, ID, (p) => p.status === 'idle');
    const lab = page.locator(`[data-lab="${ID}"]`);
    await expect(lab.getByRole('img', { name: /Validation accuracy over \(α, λ\): grid search/ })).toBeVisible();
    await expect(lab.getByRole('img', { name: /Validation accuracy over \(α, λ\): random search/ })).toBeVisible();
    await expectNoKatexErrors(page);
    const start = (await labProbe(page, ID))!;
    expect(start.metrics.trials_total).toBe(18);
    expect(start.metrics.grid_distinct_lr).toBe(4);
    expect(start.metrics.random_distinct_lr).toBe(6);
    await expect(lab.getByTestId('hparam-search-trial')).toHaveText('Trial 0 of 18');

    await lab.getByRole('button', { name: 'Play' }).click();
    const mid = await waitForLab(page, ID, (p) => p.status === 'running' && p.metrics.trials_done >= 2);
    // Responsive while searching: a view-only control is handled at once and the search carries on.
    await lab.locator('select[data-param="col"]').selectOption('points');
    await expect(lab).toContainText('Only the trials are drawn');
    const after = await waitForLab(page, ID, (p) => p.step > mid.step + 5);
    expect(after.runId).toBe(mid.runId);
    expect(after.params.colour).toBe('points');
    // Pause and resume are handled within a frame or two.
    await lab.getByRole('button', { name: 'Pause' }).click();
    const paused = await waitForLab(page, ID, (p) => p.status === 'paused', 5_000);
    await page.waitForTimeout(300);
    expect((await labProbe(page, ID))!.step).toBe(paused.step);
    await lab.getByRole('button', { name: 'Play' }).click();

    const end = await waitForLab(page, ID, (p) => p.status === 'done', 90_000);
    const m = end.metrics;
    expect(m.trials_total).toBe(18);
    expect(m.trials_done).toBe(18);
    expect(m.phase).toBe(3);
    await expect(lab.getByTestId('hparam-search-trial')).toHaveText(`Trial ${m.trials_total} of ${m.trials_total}`);
    const bar = lab.locator('progress');
    await expect(bar).toHaveAttribute('max', String(m.trials_total));
    await expect(bar).toHaveAttribute('value', String(m.trials_total));
    // The best trial is well above chance (1/3) and reported as such.
    expect(m.best_acc).toBeGreaterThan(0.8);
    await expect(lab.getByTestId('hparam-search-best')).toContainText(m.best_acc.toFixed(3));
    const firstRow = lab.getByTestId('hparam-search-table').locator('tbody tr').first();
    await expect(firstRow.locator('td').nth(5)).toHaveText(m.best_acc.toFixed(3));
    await expect(lab.getByTestId('hparam-search-table').locator('tbody tr')).toHaveCount(m.trials_total);
    await expect(lab.getByTestId('hparam-search-counts')).toContainText('Grid search: 12 trials, 4 distinct learning rates');
    await expect(lab.getByTestId('hparam-search-counts')).toContainText('Random search: 6 trials, 6 distinct learning rates');
    await expect(lab.getByTestId('hparam-search-timing')).toContainText(/Measured on (wasm|webgl|cpu): \d+\.\d\d s of compute per coarse trial/);
    console.log(`search: ${m.trials_total} trials, ${m.elapsed_s.toFixed(1)} s wall, ${m.s_per_coarse_trial.toFixed(3)} s/coarse trial, ` +
      `${m.ms_per_batch.toFixed(2)} ms/minibatch, best ${m.best_acc.toFixed(3)}`);

    await checkExports(page, ID, 'Validation accuracy over (α, λ): random search', 'lecture06');
    const files = await checkExports(page, ID, 'Validation accuracy against the learning rate', 'lecture06');
    expect(files.CSV.toString('utf8').trim().split(/\r?\n/)).toHaveLength(m.trials_total + 1);
    await expectNoKatexErrors(page);
    await linkReproduces(page, SLUG, ID);
    await tensorsFlatAcrossResets(page, ID);
    con.assertClean();
  });

  test('grid mode from a link: only the notes’ 12 grid points, no random-trial control', async ({ page }) => {
    const con = watchConsole(page);
    await page.goto(`./#/lecture/${SLUG}/${ID}?${ID}.mode=grid&${ID}.refine=0&${ID}.ep=2`);
    const lab = page.locator(`[data-lab="${ID}"]`);
    const p = await waitForLab(page, ID, (q) => q.status === 'idle' && q.params.mode === 'grid');
    expect(p.metrics.trials_total).toBe(12);
    expect(p.metrics.random_distinct_lr).toBe(0);
    await expect(lab.locator('input[data-param="N"]')).toHaveCount(0);
    await expect(lab.getByRole('img', { name: /random search/ })).toHaveCount(0);
    await expect(lab.locator('tbody tr')).toHaveCount(12);
    con.assertClean();
  });
});
