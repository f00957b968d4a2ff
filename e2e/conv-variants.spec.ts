/**
 * Lecture 10 — 1×1, Inception and depthwise-separable convolutions. A plain-TypeScript lab (closed
 * forms, no tfjs), so there is no tensor-count test here.
 */
import { expect, test, type Page } from '@playwright/test';
import { checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, waitForLab, watchConsole } from './helpers';

const SLUG = '10-cnn-2';
const ID = 'conv-variants';

async function changed(page: Page, act: () => Promise<unknown>) {
  const before = (await labProbe(page, ID))!.runId;
  await act();
  return waitForLab(page, ID, (p) => p.runId > before && p.status !== 'loading');
}

test.describe('Lecture 10 — conv variants', () => {
  test('Inception example, sliders update costs and shapes, groups validity, depthwise = groups C_in, tour, exports, link', async ({ page }) => {
    test.setTimeout(120_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    await expectNoKatexErrors(page);
    const shapes = page.getByTestId('conv-variants-shapes');
    const bars = page.getByTestId('conv-variants-bars');

    // Defaults: 28×28×256, 3×3, 256 → 256; Inception 128/192/96 with 64-wide bottlenecks.
    let p = (await labProbe(page, ID))!;
    expect(p.metrics.std_params).toBe(3 * 3 * 256 * 256 + 256);
    expect(p.metrics.std_macs).toBe(28 * 28 * 9 * 256 * 256);
    expect(p.metrics.incN_macs).toBe(854196224);
    expect(p.metrics.incN_outc).toBe(672);
    expect(p.metrics.incR_macs).toBe(271351808);
    expect(p.metrics.incR_outc).toBe(480);
    expect(p.metrics.dws_ratio).toBeCloseTo(1 / 256 + 1 / 9, 12);
    expect(p.metrics.grp_macs).toBe(p.metrics.std_macs / 4);
    await expect(page.getByTestId('conv-variants-inception')).toContainText('854,196,224');
    await expect(page.getByTestId('conv-variants-inception')).toContainText('271,351,808');
    await expect(shapes).toContainText('28×28×672');
    await expect(page.getByTestId('conv-variants-formulas')).toContainText('590,080');

    // k 3 → 5: the standard conv's cost scales with k², the bars and formulas follow.
    await nudgeSlider(page, ID, 'k');
    p = (await labProbe(page, ID))!;
    expect(p.params.k).toBe(5);
    expect(p.metrics.std_macs).toBe(28 * 28 * 25 * 256 * 256);
    expect(p.metrics.dws_ratio).toBeCloseTo(1 / 256 + 1 / 25, 12);
    await expect(bars).toHaveAttribute('aria-label', /standard 5×5 conv/);

    // H 28 → 29: every output is 29×28 now.
    await nudgeSlider(page, ID, 'H');
    await expect(shapes).toContainText('29×28×256');
    p = (await labProbe(page, ID))!;
    expect(p.metrics.pw_macs).toBe(29 * 28 * 256 * 256);

    // groups 4 → 5 does not divide 256: said so, no grouped bar.
    await nudgeSlider(page, ID, 'g');
    p = (await labProbe(page, ID))!;
    expect(p.metrics.grp_ok).toBe(0);
    await expect(page.getByTestId('conv-variants-groups-problem')).toContainText('does not divide C_in = 256 or C_out = 256');
    await expect(bars.locator('[data-variant="grp"]')).toContainText('not possible');

    // groups = C_in = C_out = 256 is the depthwise convolution: its cost is the depthwise half of depthwise-separable.
    p = await changed(page, async () => {
      const box = lab.getByRole('textbox', { name: 'Groups of the grouped conv value' });
      await box.fill('256');
      await box.press('Enter');
    });
    expect(p.metrics.grp_ok).toBe(1);
    expect(p.metrics.grp_macs).toBe(29 * 28 * 25 * 256);
    expect(p.metrics.grp_params).toBe(25 * 256 + 256);
    expect(p.metrics.dws_macs - p.metrics.pw_macs).toBe(p.metrics.grp_macs);

    // Step tours the variants: the first highlights the standard conv.
    await lab.getByRole('button', { name: 'Step', exact: true }).click();
    await waitForLab(page, ID, (q) => q.metrics.focus === 1);
    await expect(bars.locator('[data-variant="std"]')).toHaveAttribute('data-focus', 'true');

    await checkExports(page, ID, 'Parameters and multiply-adds (log scale)', 'lecture10');
    await checkExports(page, ID, 'Costs of the convolution variants', 'lecture10');
    await checkExports(page, ID, 'Inception module, branch by branch', 'lecture10');
    await linkReproduces(page, SLUG, ID);
    await expectNoKatexErrors(page);
    con.assertClean();
  });
});
