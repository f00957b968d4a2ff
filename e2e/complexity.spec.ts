/**
 * Lecture 11 — the self-attention complexity table, evaluated. Plain TypeScript lab; the tensor check
 * still runs (every lecture page starts tfjs) and must stay flat.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, tensorsFlatAcrossResets, waitForLab, watchConsole,
} from './helpers';

const SLUG = '11-rnn-transformers';
const ID = 'complexity';

async function typeValue(page: Page, label: string, value: string) {
  const before = (await labProbe(page, ID))!.runId;
  const box = page.locator(`[data-lab="${ID}"]`).getByRole('textbox', { name: `${label} value` });
  await box.fill(value);
  await box.press('Enter');
  return waitForLab(page, ID, (p) => p.runId > before && p.status !== 'loading');
}

test.describe('Lecture 11 — complexity', () => {
  test('table evaluated, crossover at n = d, restricted = full at r = n, sliders, tour, exports, link, tensors', async ({ page }) => {
    test.setTimeout(120_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    await expectNoKatexErrors(page);
    const table = page.getByTestId('complexity-lab-table');
    const verdict = page.getByTestId('complexity-verdict');

    // Defaults n = 30, d = 512, k = 3, r = 16.
    let p = (await labProbe(page, ID))!;
    expect(p.metrics.cost_self).toBe(30 * 30 * 512);
    expect(p.metrics.cost_recurrent).toBe(30 * 512 * 512);
    expect(p.metrics.cost_conv).toBe(3 * 30 * 512 * 512);
    expect(p.metrics.cost_restricted).toBe(16 * 30 * 512);
    expect(p.metrics.seq_recurrent).toBe(30);
    expect(p.metrics.crossover).toBe(512);
    await expect(table).toContainText('460,800');
    await expect(table).toContainText('7,864,320');
    await expect(verdict).toHaveAttribute('data-cheaper', 'self');
    await expect(page.getByTestId('complexity-crossover')).toContainText('Self-attention is cheaper than recurrence while n < d');

    // The n slider moves the costs and the chart.
    await nudgeSlider(page, ID, 'n');
    p = (await labProbe(page, ID))!;
    expect(p.metrics.n).toBe(Math.round(p.params.n as number));
    expect(p.metrics.n).toBeGreaterThan(30);
    expect(p.metrics.cost_self).toBe(p.metrics.n ** 2 * 512);

    // n = d exactly: the two cost the same; one more and recurrence is cheaper.
    p = await typeValue(page, 'Sequence length', '512');
    expect(p.metrics.cost_self).toBe(p.metrics.cost_recurrent);
    await expect(verdict).toHaveAttribute('data-cheaper', 'tie');
    p = await typeValue(page, 'Sequence length', '600');
    expect(p.metrics.cost_self).toBeGreaterThan(p.metrics.cost_recurrent);
    expect(p.metrics.self_cheaper).toBe(0);
    await expect(verdict).toHaveAttribute('data-cheaper', 'recurrent');

    // Restricted self-attention with r = n is full self-attention (path length 1).
    p = await typeValue(page, 'Neighbourhood size', '600');
    expect(p.metrics.cost_restricted).toBe(p.metrics.cost_self);
    expect(p.metrics.path_restricted).toBe(1);

    // d slider: the crossover follows d.
    await nudgeSlider(page, ID, 'd');
    p = (await labProbe(page, ID))!;
    expect(p.metrics.crossover).toBe(p.metrics.d);
    expect(p.metrics.d).toBeGreaterThan(512);

    // The notes' typical numbers.
    const run = (await labProbe(page, ID))!.runId;
    await lab.getByRole('button', { name: 'Use n = 30, d = 512' }).click();
    p = await waitForLab(page, ID, (q) => q.runId > run && q.status !== 'loading');
    expect([p.metrics.n, p.metrics.d]).toEqual([30, 512]);
    expect(p.metrics.self_over_recurrent).toBeCloseTo(30 / 512, 12);

    // Step tours the rows.
    await lab.getByRole('button', { name: 'Step', exact: true }).click();
    await waitForLab(page, ID, (q) => q.metrics.focus === 1);
    await expect(table.locator('tr[data-type="self"]')).toHaveAttribute('data-focus', 'true');

    await checkExports(page, ID, 'Cost per layer against sequence length (log–log)', 'lecture11');
    await checkExports(page, ID, 'The complexity table, evaluated', 'lecture11');
    await linkReproduces(page, SLUG, ID);
    // Plain TypeScript: 5 resets are enough to show the count stays flat (keeps the spec short).
    await tensorsFlatAcrossResets(page, ID);
    await expectNoKatexErrors(page);
    con.assertClean();
  });
});
