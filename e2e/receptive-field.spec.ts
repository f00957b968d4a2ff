import { expect, test, type Page } from '@playwright/test';
import { checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, waitForLab, watchConsole } from './helpers';

const SLUG = '09-cnn';
const ID = 'receptive-field';

/** The shaded region's size (rows × cols) in each layer's grid. */
function regionSizes(page: Page): Promise<string[]> {
  return page.evaluate((id) => [...document.querySelectorAll(`[data-lab="${id}"] svg.rf-grid`)].map((svg) => {
    const r = svg.querySelector('.rf-region');
    return r ? `${r.getAttribute('data-rows')}x${r.getAttribute('data-cols')}` : '';
  }), ID);
}

function regionOrigin(page: Page, layer: number): Promise<string> {
  return page.evaluate(([id, l]) => {
    const r = document.querySelector(`[data-lab="${id}"] svg.rf-grid[data-layer="${l}"] .rf-region`);
    return r ? `${r.getAttribute('x')},${r.getAttribute('y')}` : '';
  }, [ID, layer] as const);
}

test.describe('Lecture 9 — receptive fields', () => {
  test('three 3×3 convs see 7×7; hover and keys move the region; presets; table; exports; link', async ({ page }) => {
    test.setTimeout(90_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    await expectNoKatexErrors(page);
    let p = await waitForLab(page, ID, (q) => Number.isFinite(q.metrics.rf));
    expect([p.metrics.rf, p.metrics.jump, p.metrics.n_out]).toEqual([7, 1, 10]);
    expect(await regionSizes(page)).toEqual(['7x7', '5x5', '3x3', '1x1']);
    await expect(page.getByTestId('rf-status')).toContainText('7 × 7');
    await expect(page.getByTestId('rf-params')).toContainText('110,592');
    await expect(page.getByTestId('rf-params')).toContainText('200,704');

    // Hover a corner output pixel: the input region moves to the corner, still 7 × 7.
    await lab.locator('[data-out="0,0"]').hover();
    await expect(page.getByTestId('rf-status')).toContainText('Output pixel (0, 0)');
    await expect(page.getByTestId('rf-status')).toContainText('rows 0–6, columns 0–6');
    expect(await regionOrigin(page, 0)).toBe('0,0');
    // Keyboard: focus the output grid and move right twice.
    await page.mouse.move(0, 0);
    await page.getByTestId('rf-output').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(page.getByTestId('rf-status')).toContainText('Output pixel (0, 2)');
    await expect(page.getByTestId('rf-status')).toContainText('rows 0–6, columns 2–8');
    expect(await regionSizes(page)).toEqual(['7x7', '5x5', '3x3', '1x1']);

    // conv-pool-conv-pool: RF 10, jump 4.
    const before = (await labProbe(page, ID))!.runId;
    await lab.locator('select[data-param="pre"]').selectOption('cpcp');
    p = await waitForLab(page, ID, (q) => q.runId > before && q.status === 'idle');
    expect([p.metrics.rf_1, p.metrics.rf_2, p.metrics.rf_3, p.metrics.rf_4]).toEqual([3, 4, 8, 10]);
    expect(p.metrics.jump).toBe(4);
    await expect.poll(() => regionSizes(page)).toEqual(['10x10', '8x8', '4x4', '2x2', '1x1']);
    await expect(page.getByTestId('rf-table')).toContainText('2×2 pool, stride 2');

    // A layer edit makes it custom; the input-size slider changes the grids.
    const b2 = (await labProbe(page, ID))!.runId;
    await lab.locator('select[data-param="l2"]').selectOption('conv3s2');
    p = await waitForLab(page, ID, (q) => q.runId > b2 && q.status === 'idle');
    expect(p.params.preset).toBe('custom');
    expect(p.metrics.rf_2).toBe(5); // 3 + (3 − 1)·1
    await nudgeSlider(page, ID, 'N');
    expect((await labProbe(page, ID))!.params.n).toBe(17);

    const files = await checkExports(page, ID, 'Receptive field, layer by layer', 'lecture09');
    expect(files.CSV.toString('utf8')).toContain('layer,type,k,s,size,jump_j,receptive_field_r');
    await linkReproduces(page, SLUG, ID);
    await expectNoKatexErrors(page);
    con.assertClean();
  });
});
