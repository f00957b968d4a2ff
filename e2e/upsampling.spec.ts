import { expect, test, type Page } from '@playwright/test';
import { checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, waitForLab, watchConsole } from './helpers';

// Plain TypeScript lab (no tfjs), so there is no tensorsFlatAcrossResets check.
const SLUG = '10-cnn-2';
const ID = 'upsampling';

const sizeTex = (page: Page) => page.locator(`[data-lab="${ID}"] [data-testid="upsampling-sizes"] annotation`).allTextContents();

test.describe('Lecture 10 — upsampling', () => {
  test('sizes follow K, S, P; checkerboard; the learned kernel’s loss falls; scatter example; exports; link', async ({ page }) => {
    test.setTimeout(150_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    const p0 = await waitForLab(page, ID, (p) => Number.isFinite(p.metrics.loss));
    expect(p0.metrics).toMatchObject({ in_size: 14, out_size: 28 });
    expect((await sizeTex(page)).join('\n')).toContain('(14 - 1)\\cdot 2 - 2\\cdot 1 + 4 + 0 = 28');
    await expect(lab.getByTestId('upsampling-checker')).toContainText('is a multiple of');
    await expectNoKatexErrors(page);

    // The 2×2 → 4×4 scatter example with numbers.
    const demo = lab.getByTestId('upsampling-demo');
    const sum = demo.locator('table').last();
    expect((await sum.locator('td').allInnerTexts()).map((t) => t.trim())).toEqual(
      ['1', '4', '4', '0', '3', '11', '10', '0', '0', '5', '9', '2', '0', '6', '11', '4'],
    );

    // Play: gradient descent on the kernel lowers the loss towards the optimum.
    await lab.getByLabel('Training speed').selectOption('Infinity');
    await lab.getByRole('button', { name: 'Play' }).click();
    const end = await waitForLab(page, ID, (p) => p.status === 'done');
    expect(end.metrics.loss).toBeLessThan(0.6 * p0.metrics.loss);
    expect(end.metrics.loss).toBeGreaterThanOrEqual(end.metrics.loss_opt - 1e-9);
    await expect(lab.getByText('learned, after 300 steps')).toBeVisible();

    await checkExports(page, ID, 'Interpolation and unpooling', 'lecture10');
    await checkExports(page, ID, 'Transposed convolution', 'lecture10');
    await checkExports(page, ID, 'Learning the kernel: loss per step', 'lecture10');

    // K 4 → 3 with S = 2: 27 pixels, and a checkerboard.
    await nudgeSlider(page, ID, 'K', 'ArrowLeft');
    await waitForLab(page, ID, (p) => p.metrics.out_size === 27);
    expect((await sizeTex(page)).join('\n')).toContain('(14 - 1)\\cdot 2 - 2\\cdot 1 + 3 + 0 = 27');
    await expect(lab.getByTestId('upsampling-checker')).toContainText('checkerboard');
    // S 2 → 3: 13·3 − 2 + 3 = 40.
    await nudgeSlider(page, ID, 'S', 'ArrowRight');
    await waitForLab(page, ID, (p) => p.metrics.out_size === 40);
    // P 1 → 2: 13·3 − 4 + 3 = 38.
    await nudgeSlider(page, ID, 'P', 'ArrowRight');
    await waitForLab(page, ID, (p) => p.metrics.out_size === 38);
    expect((await sizeTex(page)).join('\n')).toContain('(14 - 1)\\cdot 3 - 2\\cdot 2 + 3 + 0 = 38');

    // A custom kernel is typed in; the kernel choice only changes the view (no new run).
    const runBefore = (await labProbe(page, ID))!.runId;
    await lab.getByLabel('Transposed-conv kernel').selectOption('custom');
    const w = lab.getByRole('textbox', { name: 'Kernel weight, row 2, column 2' });
    await w.fill('0.5');
    await expect.poll(async () => ((await labProbe(page, ID))!.params.custom as number[])[8]).toBe(0.5);
    await w.fill('abc');
    await expect(lab.getByRole('alert').filter({ hasText: 'is not a number' })).toBeVisible();
    expect((await labProbe(page, ID))!.runId).toBe(runBefore);

    await linkReproduces(page, SLUG, ID);
    await expectNoKatexErrors(page);
    con.assertClean();
  });
});
