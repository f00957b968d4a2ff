import { expect, test } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, tensorsFlatAcrossResets, waitForLab, watchConsole,
} from './helpers';

const SLUG = '11-rnn-transformers';
const ID = 'lstm';

test.describe('Lecture 11 — an LSTM cell at work', () => {
  test('gradient check, step picking, live training, exports, link', async ({ page }) => {
    test.setTimeout(150_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    const start = (await labProbe(page, ID))!;
    expect(start.params).toMatchObject({ T: 12, K: 4, H: 8, st: 1, unit: 1, gc: 1 });
    expect(start.metrics.loss).toBeGreaterThan(1.2); // ≈ ln 4 at initialisation
    const eqs = page.getByTestId('lstm-equations');
    await expect(eqs).toBeVisible();
    await expectNoKatexErrors(page);

    // Gradient check: the corrected backward passes, the notes' version fails (dprev_c is unaffected).
    const err = async (grad: string, version: string) =>
      Number(await lab.locator(`td[data-grad="${grad}"][data-version="${version}"]`).getAttribute('data-err'));
    const checkTable = async () => {
      for (const g of ['dx', 'dprev_h', 'dprev_c', 'dWx', 'dWh', 'db']) expect(await err(g, 'fixed'), g).toBeLessThan(1e-6);
      for (const g of ['dx', 'dprev_h', 'dWx', 'dWh', 'db']) expect(await err(g, 'notes'), g).toBeGreaterThan(1e-2);
      expect(await err('dprev_c', 'notes')).toBeLessThan(1e-6);
    };
    await checkTable();
    await expect(page.getByTestId('lstm-mutated')).toHaveText('yes');
    const dWxBefore = await err('dWx', 'notes');
    await lab.getByRole('button', { name: 'New random check' }).click();
    await expect.poll(() => err('dWx', 'notes')).not.toBe(dWxBefore);
    expect((await labProbe(page, ID))!.params.gc).toBe(2);
    await checkTable();

    // Picking a step: click the 5th column of the heatmaps, then → on the keyboard.
    const eqText0 = await eqs.textContent();
    const heat = page.getByTestId('lstm-heatmaps');
    const box = (await heat.boundingBox())!;
    const cw = (box.width - 22 - 1) / 12;
    await heat.click({ position: { x: 22 + 4.5 * cw, y: box.height / 2 } });
    await expect.poll(async () => (await labProbe(page, ID))!.params.st).toBe(5);
    await expect(eqs).toContainText('t=5');
    const eqText5 = await eqs.textContent();
    expect(eqText5).not.toBe(eqText0);
    await heat.press('ArrowRight');
    await expect.poll(async () => (await labProbe(page, ID))!.params.st).toBe(6);
    await expect(eqs).not.toHaveText(eqText5!);
    await page.getByTestId('lstm-unit').selectOption('3');
    await expect(eqs).toContainText('k=3');

    // Editing the sequence: bad input is reported, good input is used.
    const seqInput = page.getByTestId('lstm-seq');
    await seqInput.fill('1 2 3');
    await expect(lab.getByRole('alert').filter({ hasText: 'exactly T = 12' })).toBeVisible();
    await seqInput.fill('3 1 *2 0 1 3 0 0 1 2 3 1');
    await expect(lab.getByRole('alert').filter({ hasText: 'exactly T = 12' })).toHaveCount(0);
    await expect(page.getByTestId('lstm-pred')).toContainText('Marked digit 2');

    // Training: the held-out loss falls and the accuracy rises well above chance (1/4).
    const eqBefore = await eqs.textContent();
    await lab.getByLabel('Training speed').selectOption('Infinity');
    await lab.getByRole('button', { name: 'Play' }).click();
    const trained = await waitForLab(page, ID, (p) => p.metrics.acc > 0.6 && p.metrics.loss < 0.6 * start.metrics.loss, 90_000);
    expect(trained.metrics.loss).toBeLessThan(0.6 * start.metrics.loss);
    await lab.getByRole('button', { name: 'Pause' }).click({ timeout: 5_000 }).catch(() => undefined);
    await expect(eqs).not.toHaveText(eqBefore!);
    await expect(page.getByTestId('lstm-pred')).toContainText(/the network answers [0-3] with/);
    await expectNoKatexErrors(page);

    await checkExports(page, ID, 'Loss', 'lecture11');
    await checkExports(page, ID, 'Gates and states over time', 'lecture11');

    // A structural slider starts a new run whose view differs.
    await nudgeSlider(page, ID, 'H', 'ArrowLeft');
    expect((await labProbe(page, ID))!.params.H).toBe(7);
    await lab.getByRole('button', { name: 'Pause' }).click({ timeout: 5_000 }).catch(() => undefined);

    await linkReproduces(page, SLUG, ID);
    await tensorsFlatAcrossResets(page, ID);
    con.assertClean();
  });
});
