import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { checkExports, labProbe, nudgeSlider, openLabOn, waitForLab, watchConsole } from './helpers';

const SLUG = '05-optimization';
const ID = 'lr';
const CHART = 'Runs compared: loss right';
const fmt = (v: number) => String(Number(v.toPrecision(6)));

/** expectNoAxeViolations (same rules), on the lab only: the whole lecture page takes minutes on a busy machine. */
async function expectLabAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).include(`[data-lab="${ID}"]`).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary, summary.join('\n')).toEqual([]);
}

async function runToEnd(page: Page) {
  const lab = page.locator(`[data-lab="${ID}"]`);
  const p = (await labProbe(page, ID))!;
  if (p.status === 'idle' || p.status === 'paused') await lab.getByRole('button', { name: 'Play' }).click();
  return waitForLab(page, ID, (q) => q.runId === p.runId && q.status === 'done', 150_000);
}

test.describe('Run history and comparison (lab kit)', () => {
  test('pin two runs of the lr lab and find both in the overlay: legend, hover read-out, CSV, axe; kept across a reload', async ({ page }) => {
    test.setTimeout(300_000);
    const con = watchConsole(page);
    // One iteration per frame (the lab's default): a point per iteration on every curve.
    await openLabOn(page, SLUG, ID);
    const first = await runToEnd(page);
    expect(first.params.lr).toBe(1);

    const panel = page.getByTestId(`runs-${ID}`);
    await expect(panel.locator('summary')).toHaveText('Runs (1)');
    await panel.locator('summary').click();
    const pin1 = panel.getByRole('button', { name: 'Pin run 1' });
    await expect(pin1).toHaveAttribute('aria-pressed', 'false');
    await pin1.click();
    await expect(pin1).toHaveAttribute('aria-pressed', 'true');
    await expect(panel.locator('summary')).toHaveText('Runs (1, 1 pinned)');
    // Only the current run besides: nothing to overlay yet.
    await expect(panel.getByRole('figure')).toHaveCount(0);

    // A new learning rate retrains at once; the finished run is recorded as run 2.
    await nudgeSlider(page, ID, 'lr', 'ArrowLeft');
    const second = await runToEnd(page);
    const lr2 = fmt(second.params.lr as number);
    expect(lr2).not.toBe('1');
    await expect(panel.getByRole('list', { name: /Recent runs/ }).getByRole('listitem').filter({ hasText: 'Run 1' })).toContainText('differs: α = 1');
    const pinCurrent = panel.getByRole('button', { name: 'Pin current run' });
    await pinCurrent.click();
    await expect(pinCurrent).toHaveAttribute('aria-pressed', 'true');
    await expect(panel.getByRole('button', { name: 'Pin run 2' })).toHaveAttribute('aria-pressed', 'true');

    // The overlay: both runs, named by what differed; the rest listed once.
    const figure = panel.getByRole('figure', { name: CHART });
    await expect(figure).toBeVisible();
    const legend = figure.locator('.recharts-legend-item-text');
    await expect(legend).toHaveText(['Run 1: α = 1', `Run 2 (current): α = ${lr2}`]);
    await expect(panel).toContainText('Same in all: κ = 20, iterations 100, seed 1');
    await expect(figure.getByRole('img', { name: /Run 1: α = 1: \d+ points/ })).toBeVisible();

    // Hover read-out with exact values.
    const surface = figure.locator('.recharts-wrapper > svg');
    const box = (await surface.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.4);
    const tip = figure.locator('.recharts-tooltip-wrapper');
    await expect(tip).toBeVisible();
    await expect(tip).toContainText(/iteration: \d+/);
    await expect(tip).toContainText('Run 1: α = 1');
    await expect(tip).toContainText(`Run 2 (current): α = ${lr2}`);

    // Export like any chart; the CSV has one column per run.
    const files = await checkExports(page, ID, CHART, 'lecture05');
    const [header, ...rows] = files.CSV.toString('utf8').trim().split(/\r?\n/);
    expect(header).toBe(`x,Run 1: α = 1,Run 2 (current): α = ${lr2}`);
    expect(rows.length).toBeGreaterThan(20);
    expect(rows.some((r) => r.split(',').every((f) => f !== ''))).toBe(true);

    // The metric picker and the log switch are ordinary labelled controls.
    await expect(panel.getByLabel('Curve')).toHaveValue('loss_right');
    await panel.getByLabel('Curve').selectOption('loss_low');
    await expect(panel.getByRole('figure', { name: 'Runs compared: loss low' })).toBeVisible();
    await panel.getByLabel('Curve').selectOption('loss_right');
    await expectLabAxeClean(page);

    // The history lives for the session: a reload brings both pinned runs back, beside the new current run.
    await page.reload();
    await waitForLab(page, ID, (p) => p.status === 'idle');
    await expect(panel.locator('summary')).toHaveText('Runs (2, 2 pinned)');
    await expect(panel).toHaveAttribute('open', '');
    await expect(panel.getByRole('figure', { name: CHART }).locator('.recharts-legend-item-text')).toHaveText([
      // Recharts lists legend entries by name.
      `Current run: α = ${lr2}`, 'Run 1: α = 1', `Run 2: α = ${lr2}`,
    ]);
    // Unpinning run 1 takes it out of the overlay.
    await panel.getByRole('button', { name: 'Pin run 1' }).click();
    await expect(panel.getByRole('figure', { name: CHART }).locator('.recharts-legend-item-text')).toHaveText(['Current run', 'Run 2']);
    await expect(panel).toContainText(`Same in all: κ = 20, α = ${lr2}, iterations 100, seed 1`);
    con.assertClean();
  });

  test('corrupt stored history is ignored; labs without training runs show no panel', async ({ page }) => {
    const con = watchConsole(page);
    await page.goto('./');
    await page.evaluate(() => sessionStorage.setItem('i2dl.runs.lr', '{"v":1,"nextNumber":2,"runs":[{"key":3}]}'));
    const lab = await openLabOn(page, SLUG, ID);
    await lab.getByLabel('Training speed').selectOption('Infinity');
    await runToEnd(page);
    await expect(page.getByTestId(`runs-${ID}`).locator('summary')).toHaveText('Runs (1)');
    // Lecture 9's convolution arithmetic computes everything at once (runControls off): no runs panel.
    await page.goto('./#/lecture/09-cnn');
    await expect(page.locator('[data-lab] .run-controls').first()).toBeVisible({ timeout: 30_000 });
    const noRunLabs = page.locator('[data-lab]:not(:has(.run-controls))');
    expect(await noRunLabs.count()).toBeGreaterThan(0);
    await expect(noRunLabs.locator('details.runs')).toHaveCount(0);
    con.assertClean();
  });
});
