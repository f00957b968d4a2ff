/**
 * Lecture 11 — sinusoidal positional encoding. Plain TypeScript lab; the tensor check still runs
 * (every lecture page starts tfjs) and must stay flat.
 */
import { expect, test, type Page } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, tensorsFlatAcrossResets, waitForLab, watchConsole,
} from './helpers';

const SLUG = '11-rnn-transformers';
const ID = 'positional';
const pe = (pos: number, dim: number, d: number) => {
  const a = pos / 10000 ** ((2 * Math.floor(dim / 2)) / d);
  return dim % 2 ? Math.cos(a) : Math.sin(a);
};
const simAt = (k: number, d: number) => {
  let s = 0;
  for (let i = 0; i < d / 2; i++) s += Math.cos(k / 10000 ** ((2 * i) / d));
  return s;
};

async function readout(page: Page) {
  const r = page.getByTestId('positional-readout');
  return { pos: Number(await r.getAttribute('data-pos')), dim: Number(await r.getAttribute('data-dim')), value: Number(await r.getAttribute('data-value')) };
}

test.describe('Lecture 11 — positional encoding', () => {
  test('formula values, hover and keyboard read-out, similarity by offset, sliders, sweep, exports, link, tensors', async ({ page }) => {
    test.setTimeout(120_000);
    const con = watchConsole(page);
    await openLabOn(page, SLUG, ID);
    await expectNoKatexErrors(page);

    // Defaults L = 64, d = 64, p = 16.
    let p = (await labProbe(page, ID))!;
    expect(p.metrics.pe_0_0).toBe(0);
    expect(p.metrics.pe_0_1).toBe(1);
    expect(p.metrics.pe_1_0).toBeCloseTo(Math.sin(1), 6);
    expect(p.metrics.self_sim).toBeCloseTo(32, 4);
    expect(p.metrics.sim_argmax).toBe(16);
    expect(p.metrics.offset_dev).toBeLessThan(1e-4);

    // Default read-out: position 16, dimension 2.
    let r = await readout(page);
    expect([r.pos, r.dim]).toEqual([16, 2]);
    expect(r.value).toBeCloseTo(pe(16, 2, 64), 10);
    await expect(page.getByTestId('positional-readout')).toContainText(pe(16, 2, 64).toFixed(4));

    // Keyboard: right → dimension 3 (cosine), down → position 17; Enter chooses position 17.
    const heat = page.getByTestId('positional-pe');
    await heat.focus();
    await heat.press('ArrowRight');
    await heat.press('ArrowDown');
    r = await readout(page);
    expect([r.pos, r.dim]).toEqual([17, 3]);
    expect(r.value).toBeCloseTo(pe(17, 3, 64), 10);
    const run = (await labProbe(page, ID))!.runId;
    await heat.press('Enter');
    p = await waitForLab(page, ID, (q) => q.runId > run && q.status !== 'loading');
    expect(p.params.pos).toBe(17);
    expect(p.metrics.sim_argmax).toBe(17);

    // Hover: the cell under the mouse (position 40, dimension 10) is read out.
    const canvas = heat.locator('canvas');
    const box = (await canvas.boundingBox())!;
    const W = 40 + 360 + 8;
    const H = 6 + 288 + 30;
    await page.mouse.move(box.x + ((40 + (10.5 / 64) * 360) / W) * box.width, box.y + ((6 + (40.5 / 64) * 288) / H) * box.height);
    await expect.poll(async () => (await readout(page)).pos).toBe(40);
    r = await readout(page);
    expect(r.dim).toBe(10);
    expect(r.value).toBeCloseTo(pe(40, 10, 64), 10);

    // Similarity read-out equals Σ cos((q − p)ω_i): a function of the offset only.
    const sim = page.getByTestId('positional-sim');
    await sim.focus();
    await sim.press('ArrowRight');
    await sim.press('ArrowRight');
    const sr = page.getByTestId('positional-sim-readout');
    await expect(sr).toContainText('offset');
    const text = (await sr.textContent()) ?? '';
    const m = /Positions (\d+) and (\d+)/.exec(text)!;
    expect(Number(await sr.getAttribute('data-value'))).toBeCloseTo(simAt(Number(m[2]) - Number(m[1]), 64), 3);

    // Sliders: d 64 → 66 (self-similarity d/2 = 33), L 64 → 65; the heatmaps change.
    await nudgeSlider(page, ID, 'd');
    p = (await labProbe(page, ID))!;
    expect(p.metrics.d).toBe(66);
    expect(p.metrics.self_sim).toBeCloseTo(33, 4);
    await nudgeSlider(page, ID, 'L');
    p = (await labProbe(page, ID))!;
    expect(p.metrics.L).toBe(65);
    expect(p.metrics.offset_dev).toBeLessThan(1e-4);

    // Step moves the chosen position by one; the similarity still peaks there.
    const lab = page.locator(`[data-lab="${ID}"]`);
    await lab.getByRole('button', { name: 'Step', exact: true }).click();
    p = await waitForLab(page, ID, (q) => q.step === 1);
    expect(p.metrics.pos).toBe(18);
    expect(p.metrics.sim_argmax).toBe(18);

    await checkExports(page, ID, 'Positional encoding (positions × dimensions)', 'lecture11');
    await checkExports(page, ID, 'Similarity PE·PEᵀ between positions', 'lecture11');
    await linkReproduces(page, SLUG, ID);
    // Plain TypeScript: 5 resets are enough to show the count stays flat (keeps the spec short).
    await tensorsFlatAcrossResets(page, ID);
    await expectNoKatexErrors(page);
    con.assertClean();
  });
});
