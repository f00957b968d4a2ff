import { expect, test } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, tensorsFlatAcrossResets, waitForLab, watchConsole,
} from './helpers';

const SLUG = '12-advanced';
const ID = 'gnn';

test.describe('Lecture 12 — message passing on the karate club', () => {
  test('stepping a round, training, aggregation, shuffle, exports, link', async ({ page }) => {
    test.setTimeout(150_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    const start = (await labProbe(page, ID))!;
    expect(start.status).toBe('idle');
    expect(start.params).toMatchObject({ agg: 'mean', feat: 'onehot', rounds: 2, hidden: 4, extra: 0, node: 0 });
    expect(start.metrics.labelled).toBe(2);
    expect(start.metrics.loss).toBeGreaterThan(0.3); // ≈ ln 2 before training
    await expect(page.getByTestId('gnn-graph').locator('[data-node]')).toHaveCount(34);
    await expectNoKatexErrors(page);

    // One round step by step: node to edge (all 78 friendships light up), then Φ over node 0's 16 edges, then N_v.
    const steps = page.getByTestId('gnn-steps');
    const graph = page.getByTestId('gnn-graph');
    await expect(steps).toHaveAttribute('data-stage', 'input');
    await steps.getByRole('button', { name: 'Next stage' }).click();
    await expect(steps).toHaveAttribute('data-stage', 'node-to-edge');
    await expect(steps).toHaveAttribute('data-round', '1');
    await expect(graph).toHaveAttribute('data-lit', '78');
    await expect(steps.locator('.katex').first()).toBeVisible();
    await steps.getByRole('button', { name: 'Next stage' }).click();
    await expect(steps).toHaveAttribute('data-stage', 'edge-to-node');
    await expect(graph).toHaveAttribute('data-lit', '16');
    const table = page.getByTestId('gnn-agg-table');
    await expect(table.locator('tbody tr')).toHaveCount(17); // 16 neighbours + the Φ row
    // Φ = mean: the last row is the column mean of the 16 edge vectors above it.
    const cols = await table.evaluate((t) => {
      const rows = [...t.querySelectorAll('tbody tr')].map((r) => [...r.querySelectorAll('td')].map((c) => Number(c.textContent)));
      const phi = rows.pop()!;
      return phi.map((v, c) => [v, rows.reduce((a, r) => a + r[c], 0) / rows.length]);
    });
    for (const [phi, mean] of cols) expect(Math.abs(phi - mean)).toBeLessThan(2e-3);
    await steps.getByRole('button', { name: 'Next stage' }).click();
    await expect(steps).toHaveAttribute('data-stage', 'node-update');
    await expect(graph).toHaveAttribute('data-lit', '0');
    await expectNoKatexErrors(page);
    // Clicking a node in the graph picks it for the panel.
    await graph.locator('[data-node="33"]').click();
    await expect.poll(async () => (await labProbe(page, ID))!.params.node).toBe(33);
    await steps.getByRole('button', { name: 'Previous stage' }).click();
    await expect(graph).toHaveAttribute('data-lit', '17');

    // Play: trains to the end; from the two leaders alone, ≥ 90 % of the 32 others (seed 1).
    await lab.getByLabel('Training speed').selectOption('Infinity');
    await lab.getByRole('button', { name: 'Play' }).click();
    const done = await waitForLab(page, ID, (p) => p.status === 'done', 60_000);
    expect(done.step).toBe(200);
    expect(done.metrics.loss).toBeLessThan(0.1 * start.metrics.loss);
    expect(done.metrics.acc).toBeGreaterThanOrEqual(0.9);
    expect(done.metrics.acc).toBeGreaterThan(start.metrics.acc);
    await expect(page.getByTestId('gnn-summary')).toContainText(`of 32 (${(100 * done.metrics.acc).toFixed(1)} %)`);

    // Shuffle: same outputs per node to rounding, no prediction changes.
    const shuffle = page.getByTestId('gnn-shuffle');
    for (const n of [1, 2]) {
      await shuffle.getByRole('button', { name: 'Shuffle node order' }).click();
      await expect(shuffle).toHaveAttribute('data-shuffles', String(n));
      expect(Number(await shuffle.getAttribute('data-maxdiff'))).toBeLessThan(1e-12);
      expect(Number(await shuffle.getAttribute('data-probdiff'))).toBeLessThan(1e-12);
      expect(await shuffle.getAttribute('data-predchanges')).toBe('0');
    }

    await checkExports(page, ID, 'Accuracy', 'lecture12');
    await checkExports(page, ID, 'Node embeddings h_i^(L)', 'lecture12');

    // The aggregation select retrains (a new run that plays at once).
    const runBefore = done.runId;
    await lab.locator('select[data-param="agg"]').selectOption('max');
    const maxRun = await waitForLab(page, ID, (p) => p.runId > runBefore && p.params.agg === 'max' && p.step >= 20);
    expect(Number.isFinite(maxRun.metrics.loss)).toBe(true);
    await lab.getByRole('button', { name: 'Pause' }).click({ timeout: 5_000 }).catch(() => undefined);

    await nudgeSlider(page, ID, 'd', 'ArrowLeft');
    expect((await labProbe(page, ID))!.params.hidden).toBe(3);
    await lab.getByRole('button', { name: 'Pause' }).click({ timeout: 5_000 }).catch(() => undefined);

    await linkReproduces(page, SLUG, ID);
    await tensorsFlatAcrossResets(page, ID);
    await expectNoKatexErrors(page);
    con.assertClean();
  });
});
