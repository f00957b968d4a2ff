import { expect, test, type Page } from '@playwright/test';
import { checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, waitForLab, watchConsole } from './helpers';

// Plain TypeScript lab (no tfjs), so there is no tensorsFlatAcrossResets check.
const SLUG = '09-cnn';
const ID = 'conv-arith';

/** The TeX sources of the lab's formulas (KaTeX keeps them in the MathML annotation). */
const texSources = (page: Page) =>
  page.locator(`[data-lab="${ID}"] [data-testid="conv-arith-size"] annotation`).allTextContents();

async function expectSize(page: Page, out: number) {
  await waitForLab(page, ID, (p) => p.metrics.out === out);
  await expect.poll(async () => (await texSources(page)).join('\n')).toContain(`= ${out} \\quad\\Rightarrow\\quad ${out}\\times ${out}`);
}

test.describe('Lecture 9 — convolution arithmetic', () => {
  test('sizes, the notes’ examples, the illegal stride, same padding, animation, exports, link', async ({ page }) => {
    test.setTimeout(90_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    const svg = lab.getByTestId('conv-arith-svg');
    const pos = lab.getByTestId('conv-arith-position');
    await expectSize(page, 5);
    await expect(svg).toContainText('output 5×5');
    await expect(pos).toHaveText('window 1 of 25');

    // Sliders: stride 1 → 2 gives ⌊4/2⌋ + 1 = 3; padding 0 → 1 with S = 2 gives ⌊6/2⌋ + 1 = 4.
    await nudgeSlider(page, ID, 'S');
    await expectSize(page, 3);
    await expect(svg).toContainText('output 3×3');
    await nudgeSlider(page, ID, 'P');
    await expectSize(page, 4);
    await expect(svg).toContainText('padding 1 → 9×9');

    // The notes' examples.
    const example = (name: RegExp) => lab.getByRole('button', { name }).click();
    await example(/^N = 7, F = 3, S = 1 → 5$/);
    await expectSize(page, 5);
    await example(/^N = 7, F = 3, S = 2 → 3$/);
    await expectSize(page, 3);
    await expect(lab.getByTestId('conv-arith-illegal')).toHaveCount(0);
    await example(/illegal/);
    await expectSize(page, 2);
    const illegal = (await labProbe(page, ID))!.metrics;
    expect(illegal).toMatchObject({ legal: 0, remainder: 1, windows: 4 });
    expect(illegal.exact).toBeCloseTo(7 / 3, 12);
    await expect(lab.getByTestId('conv-arith-illegal')).toContainText('Illegal stride for this input and filter size');
    expect((await texSources(page)).join('\n')).toContain('+ 1 = 2.\\overline{3}');
    // At the end of a row the next stride would hang over the edge.
    await expect(svg).not.toContainText('does not fit');
    await lab.getByRole('button', { name: 'Step ▶' }).click();
    await expect(svg).toContainText('does not fit');
    await example(/same\)$/);
    await expectSize(page, 7);
    expect((await labProbe(page, ID))!.metrics).toMatchObject({ padded: 9, legal: 1, windows: 49 });
    await expect(svg).toContainText('padding 1 → 9×9');
    await expect(lab.getByRole('button', { name: 'valid (P = 0)' })).toHaveAttribute('aria-pressed', 'false');
    await lab.getByRole('button', { name: 'valid (P = 0)' }).click();
    await expectSize(page, 5);

    // Same padding needs an odd F.
    await nudgeSlider(page, ID, 'F');
    await waitForLab(page, ID, (p) => p.params.f === 4);
    await lab.getByRole('button', { name: 'same (P = (F − 1)/2)' }).click();
    await expect(lab.getByTestId('conv-arith-same-msg')).toContainText('Same padding needs an odd F');
    expect((await labProbe(page, ID))!.params.p).toBe(0);
    await example(/^N = 7, F = 3, S = 1 → 5$/);
    await expectSize(page, 5);

    // The animation: step, back, scrub, play and pause; each written sum matches its products.
    const sumValue = async () => {
      const expr = await lab.getByTestId('conv-arith-sum').locator('.conv-arith-expr').innerText();
      const [lhs, rhs] = expr.split(' = ');
      const num = (t: string) => Number(t.replace(/[()]/g, '').replace('−', '-'));
      const total = lhs.split(' + ').reduce((a, term) => a + term.split('·').map(num).reduce((x, y) => x * y, 1), 0);
      expect(total).toBe(num(rhs));
      return num(rhs);
    };
    await sumValue();
    await lab.getByRole('button', { name: 'Step ▶' }).click();
    await expect(pos).toHaveText('window 2 of 25');
    await expect(lab.getByTestId('conv-arith-sum')).toContainText('Output row 1, column 2');
    await sumValue();
    await lab.getByTestId('conv-arith-scrubber').fill('25');
    await expect(pos).toHaveText('window 25 of 25');
    await expect(lab.getByTestId('conv-arith-sum')).toContainText('Output row 5, column 5');
    const last = await sumValue();
    await expect(lab.getByRole('button', { name: 'Step ▶' })).toBeDisabled();
    await lab.getByRole('button', { name: '◀ Back' }).click();
    await expect(pos).toHaveText('window 24 of 25');
    await lab.getByTestId('conv-arith-scrubber').fill('3');
    await lab.getByRole('button', { name: 'Play', exact: true }).click();
    await expect(pos).toHaveText(/window (5|6|7|8|9) of 25/, { timeout: 5000 });
    await lab.getByRole('button', { name: 'Pause', exact: true }).click();
    const paused = await pos.innerText();
    await page.waitForTimeout(1000);
    await expect(pos).toHaveText(paused);

    // The CSV holds all 25 sums, the last one as shown.
    const files = await checkExports(page, ID, 'Sliding window: padded input, filter, output', 'lecture09');
    const rows = files.CSV.toString('utf8').trim().split(/\r?\n/);
    expect(rows.length).toBe(26);
    expect(rows[25].split(',')[4]).toBe(String(last));
    expect(files.SVG.toString('utf8')).toContain('output 5×5');
    await linkReproduces(page, SLUG, ID);
    await expectNoKatexErrors(page);
    con.assertClean();
  });
});
