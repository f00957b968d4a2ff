import { expect, test, type Locator, type Page } from '@playwright/test';
import { checkExports, expectNoKatexErrors, labProbe, linkReproduces, openLabOn, waitForLab, watchConsole } from './helpers';

// Plain TypeScript lab (no tfjs), so there is no tensorsFlatAcrossResets check.
const SLUG = '09-cnn';
const ID = 'pooling';

const cellsOf = async (table: Locator) => (await table.locator('td').allInnerTexts()).map((t) => t.trim());
const texSources = (page: Page) => page.locator(`[data-lab="${ID}"] [data-testid="pooling-size"] annotation`).allTextContents();

/** Move a view-only slider by keyboard (it changes the view, not the run). */
async function pressSlider(page: Page, key: string, dir: 'ArrowRight' | 'ArrowLeft') {
  const s = page.locator(`[data-lab="${ID}"] input[type="range"][data-param="${key}"]`);
  await s.focus();
  await s.press(dir);
}

test.describe('Lecture 9 — max and average pooling', () => {
  test('the notes’ example, windows on focus, editing, F and S, the photo maps, exports, link', async ({ page }) => {
    test.setTimeout(90_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    const maxT = lab.getByTestId('pooling-max');
    const avgT = lab.getByTestId('pooling-avg');
    await expect(maxT).toBeVisible();
    expect(await cellsOf(maxT)).toEqual(['6', '9', '3', '4']);
    expect(await cellsOf(avgT)).toEqual(['2.5', '6', '1.75', '3']);
    expect((await texSources(page)).join('\n')).toContain('W_{out} = \\frac{4 - 2}{2} + 1 = 2');

    // Focusing an output cell highlights its window; for max, the winning cell.
    await maxT.getByRole('button').nth(1).focus();
    const input = lab.getByTestId('pooling-input');
    await expect(input.locator('td[data-lit="1"]')).toHaveCount(4);
    await expect(input.locator('td.pooling-arg input')).toHaveValue('9');
    await avgT.getByRole('button').nth(2).hover();
    await expect(input.locator('td[data-lit="1"]')).toHaveCount(4);
    await expect(input.locator('td.pooling-arg')).toHaveCount(0);

    // Editing a cell; bad input gets a message and keeps the previous value.
    const first = input.getByRole('spinbutton', { name: 'Input row 1, column 1' });
    await first.fill('10');
    await expect.poll(() => cellsOf(maxT)).toEqual(['10', '9', '3', '4']);
    expect((await cellsOf(avgT))[0]).toBe('4.25');
    await first.fill('500');
    await first.blur();
    await expect(lab.getByTestId('pooling-cell-msg')).toContainText('kept 10');
    await expect(first).toHaveValue('10');
    await first.fill('');
    await first.press('Enter');
    await expect(lab.getByTestId('pooling-cell-msg')).toContainText('empty is not a number; kept 10');
    await expect(first).toHaveValue('10');
    await expect.poll(async () => (await labProbe(page, ID))!.params.cells).toEqual(expect.arrayContaining([10]));

    // Stride 2 → 1: overlapping 3×3 output; the size formula follows.
    await pressSlider(page, 'S', 'ArrowLeft');
    await expect.poll(() => cellsOf(maxT)).toEqual(['10', '7', '9', '6', '7', '9', '3', '4', '4']);
    expect((await texSources(page)).join('\n')).toContain('W_{out} = \\frac{4 - 2}{1} + 1 = 3');
    await expect(lab.getByTestId('pooling-size')).toContainText('overlap by F − S = 1');
    // F = 3, S = 2 on the 4×4: (4 − 3)/2 + 1 = 1.5 is flagged and floored.
    await lab.getByRole('button', { name: 'F = 3, S = 2 on the 4×4' }).click();
    await expect(lab.getByTestId('pooling-illegal')).toContainText('Not a whole number');
    expect((await texSources(page)).join('\n')).toContain('= 1.5 \\;\\to\\; \\lfloor\\cdot\\rfloor = 1');
    expect(await cellsOf(maxT)).toEqual(['10']);
    // The notes' overlapping setting on a 5×5 input.
    await lab.getByRole('button', { name: 'Overlapping: 5×5, F = 3, S = 2' }).click();
    await expect.poll(() => cellsOf(maxT)).toHaveLength(4);
    expect((await texSources(page)).join('\n')).toContain('W_{out} = \\frac{5 - 3}{2} + 1 = 2');
    await maxT.getByRole('button').nth(3).focus();
    await expect(input.locator('td[data-lit="1"]')).toHaveCount(9);
    // Back to the notes' numbers.
    await lab.getByRole('button', { name: /Notes’ example/ }).click();
    await expect.poll(() => cellsOf(maxT)).toEqual(['6', '9', '3', '4']);
    expect(await cellsOf(avgT)).toEqual(['2.5', '6', '1.75', '3']);

    // The photo: sizes follow ⌊(W − F)/S⌋ + 1, max ≥ average; a new photo is a new run.
    const checkMaps = (m: Record<string, number>) => {
      expect(m.act_w).toBe(m.photo_w - 2);
      expect(m.act_h).toBe(m.photo_h - 2);
      for (const f of [2, 4]) {
        expect(m[`max${f}_w`]).toBe(Math.floor((m.act_w - f) / f) + 1);
        expect(m[`avg${f}_h`]).toBe(Math.floor((m.act_h - f) / f) + 1);
        expect(m[`max${f}_max`]).toBeCloseTo(m.act_max, 9);
        expect(m[`avg${f}_max`]).toBeLessThan(m[`max${f}_max`]);
        expect(m[`max${f}_mean`]).toBeGreaterThan(m[`avg${f}_mean`]);
      }
    };
    const cam = await waitForLab(page, ID, (p) => p.metrics.act_w > 0);
    checkMaps(cam.metrics);
    await expect(lab.getByTestId('pooling-photo-sizes')).toContainText(`${cam.metrics.act_w}×${cam.metrics.act_h}`);
    await lab.locator('select[data-param="photo"]').selectOption('chelsea');
    const cat = await waitForLab(page, ID, (p) => p.runId > cam.runId && p.metrics.photo_w > 0 && p.metrics.photo_w !== cam.metrics.photo_w);
    checkMaps(cat.metrics);
    await lab.locator('select[data-param="edge"]').selectOption('horizontal');
    const hor = await waitForLab(page, ID, (p) => p.runId > cat.runId && p.params.edge === 'horizontal' && p.metrics.act_max > 0);
    checkMaps(hor.metrics);
    expect(hor.metrics.act_mean).not.toBe(cat.metrics.act_mean);

    // The input-size slider: a 5×5 input with F = S = 2 leaves a remainder.
    await pressSlider(page, 'W', 'ArrowRight');
    await expect(input.locator('td')).toHaveCount(25);
    await expect(lab.getByTestId('pooling-illegal')).toContainText('the output is 2×2');

    await checkExports(page, ID, 'Pooling a single depth slice', 'lecture09');
    const photo = await checkExports(page, ID, 'An activation map, max- and average-pooled', 'lecture09');
    expect(photo.CSV.toString('utf8')).toContain('max pool 4×4');
    await linkReproduces(page, SLUG, ID);
    await expectNoKatexErrors(page);
    con.assertClean();
  });
});
