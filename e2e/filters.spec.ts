import { expect, test, type Page } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, waitForLab, watchConsole,
} from './helpers';

const SLUG = '09-cnn';
const ID = 'filters';

/** Pixels of one figure's canvas (by the figure's title), once painted. */
function figurePixels(page: Page, title: string): Promise<string> {
  return page.evaluate(([id, t]) => {
    const fig = [...document.querySelectorAll(`[data-lab="${id}"] figure`)].find((f) => f.querySelector('figcaption')?.textContent === t);
    const c = fig?.querySelector('canvas');
    return c ? c.toDataURL() : '';
  }, [ID, title] as const);
}

/** Change something and wait for the new run's metrics. */
async function changed(page: Page, act: () => Promise<unknown>) {
  const before = (await labProbe(page, ID))!.runId;
  await act();
  return waitForLab(page, ID, (p) => p.runId > before && p.status === 'idle');
}

test.describe('Lecture 9 — image filters and activation maps', () => {
  test('kernels, photos and the editor change the output; RGB sum over channels; the stack; exports; link', async ({ page }) => {
    test.setTimeout(120_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    await expectNoKatexErrors(page);
    let p = await waitForLab(page, ID, (q) => q.status === 'idle' && Number.isFinite(q.metrics.out_min));
    // Chelsea shrunk to short side 128: 192 × 128 (451 × 300 → 192), Sobel x valid → 190 × 126, signed.
    expect([p.metrics.in_w, p.metrics.in_h]).toEqual([192, 128]);
    expect([p.metrics.out_w, p.metrics.out_h]).toEqual([190, 126]);
    expect(p.metrics.out_min).toBeLessThan(0);
    expect(p.metrics.out_diverging).toBe(1);
    await expect(page.getByTestId('filters-range')).toContainText('190 × 126');
    await expect.poll(() => figurePixels(page, 'Filtered photo')).not.toBe('');

    // A preset: Gaussian blur keeps the image in [0, 1]; the output picture changes.
    let before = await figurePixels(page, 'Filtered photo');
    p = await changed(page, () => lab.locator('select[data-param="k"]').selectOption('gauss'));
    expect(p.params.weights).toEqual([0.0625, 0.125, 0.0625, 0.125, 0.25, 0.125, 0.0625, 0.125, 0.0625]);
    expect(p.metrics.out_min).toBeGreaterThanOrEqual(0);
    expect(p.metrics.out_max).toBeLessThanOrEqual(1);
    expect(p.metrics.out_diverging).toBe(0);
    await expect.poll(() => figurePixels(page, 'Filtered photo')).not.toBe(before);

    // The kernel editor: a valid entry makes it a custom kernel; a bad one is rejected with a message and the value kept.
    const cell = (r: number, c: number) => lab.getByLabel(`Kernel weight, row ${r}, column ${c}`, { exact: true });
    before = await figurePixels(page, 'Filtered photo');
    p = await changed(page, () => cell(2, 2).fill('1/2'));
    expect(p.params.kernel).toBe('custom');
    expect((p.params.weights as number[])[4]).toBe(0.5);
    await expect.poll(() => figurePixels(page, 'Filtered photo')).not.toBe(before);
    const runId = p.runId;
    await cell(1, 1).fill('abc');
    await expect(lab.getByTestId('filters-kernel-editor').getByRole('alert')).toContainText('“abc” is not a number');
    await expect(cell(1, 1)).toHaveAttribute('aria-invalid', 'true');
    await cell(1, 3).fill('1000');
    await expect(lab.getByTestId('filters-kernel-editor').getByRole('alert')).toContainText('between −100 and 100');
    p = (await labProbe(page, ID))!;
    expect(p.runId).toBe(runId);
    expect((p.params.weights as number[])[0]).toBe(0.0625);
    expect((p.params.weights as number[])[2]).toBe(0.0625);
    await cell(1, 3).blur();
    await expect(cell(1, 1)).toHaveValue('0.0625');

    // Another photo changes the input and the output.
    before = await figurePixels(page, 'Filtered photo');
    p = await changed(page, () => lab.locator('select[data-param="ph"]').selectOption('camera'));
    expect([p.metrics.in_w, p.metrics.in_h]).toEqual([128, 128]);
    await expect.poll(() => figurePixels(page, 'Filtered photo')).not.toBe(before);

    // RGB: one map = Σ over channels + b; the bias slider shifts it; a preset changes the picture.
    p = (await labProbe(page, ID))!;
    expect(p.metrics.z_centre).toBeCloseTo(p.metrics.z_r + p.metrics.z_g + p.metrics.z_b + p.metrics.bias, 4);
    const z0 = p.metrics.z_centre;
    await nudgeSlider(page, ID, 'b');
    p = (await labProbe(page, ID))!;
    expect(p.metrics.bias).toBeCloseTo(0.05, 9);
    expect(p.metrics.z_centre).toBeCloseTo(z0 + 0.05, 4);
    before = await figurePixels(page, 'One RGB filter, one activation map');
    p = await changed(page, () => lab.locator('select[data-param="rf"]').selectOption('greenness'));
    expect(p.metrics.z_centre).toBeCloseTo(p.metrics.z_r + p.metrics.z_g + p.metrics.z_b + p.metrics.bias, 4);
    await expect.poll(() => figurePixels(page, 'One RGB filter, one activation map')).not.toBe(before);
    await expect(page.getByTestId('filters-centre')).toBeVisible();

    // Stack: K checked filters → H' × W' × K.
    expect(p.metrics.stack_k).toBe(4);
    await expect(page.getByTestId('filters-shape')).toContainText('126×126×4');
    p = await changed(page, () => lab.locator('input[type="checkbox"][data-param="ssx"]').check());
    expect(p.metrics.stack_k).toBe(5);
    expect([p.metrics.stack_w, p.metrics.stack_h]).toEqual([126, 126]);
    await expect(page.getByTestId('filters-shape')).toContainText('126×126×5');

    await checkExports(page, ID, 'Filtered photo', 'lecture09');
    await checkExports(page, ID, 'One RGB filter, one activation map', 'lecture09');
    const files = await checkExports(page, ID, 'Activation maps of the layer', 'lecture09');
    expect(files.CSV.toString('utf8').split('\r\n')[0]).toBe('row,col,horizontal edges,vertical edges,Gaussian blur,Sobel x,all edges (8 − neighbours)');
    await linkReproduces(page, SLUG, ID);
    await expectNoKatexErrors(page);
    con.assertClean();
  });
});
