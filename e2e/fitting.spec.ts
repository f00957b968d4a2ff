import { expect, test, type Page } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, tensorsFlatAcrossResets, waitForLab, watchConsole,
} from './helpers';

const SLUG = '06-training-1';
const ID = 'fitting';
/** FIT_CODE in src/ml/diagnosis.ts. */
const FIT = { untrained: 0, underfitting: 1, good: 2, overfitting: 3 };

const diagnosis = (page: Page) => page.getByTestId('fitting-diagnosis');

/** Open the lab with these URL parameters (fresh load), train at full speed to the end. */
async function trainWith(page: Page, query: string) {
  await page.goto('about:blank');
  await page.goto(`./#/lecture/${SLUG}/${ID}?${query}`);
  const lab = page.locator(`[data-lab="${ID}"]`);
  await waitForLab(page, ID, (p) => p.status === 'idle' && p.step === 0);
  await lab.getByLabel('Training speed').selectOption('Infinity');
  await lab.getByRole('button', { name: 'Play' }).click();
  return waitForLab(page, ID, (p) => p.status === 'done', 120_000);
}


test.describe('Lecture 6 — under- and overfitting', () => {
  test('defaults train to a good fit; sliders update the charts; exports; link; memory', async ({ page }) => {
    test.setTimeout(300_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    await expect(diagnosis(page)).toContainText('Not trained yet');
    await expect(lab.getByRole('img', { name: /Data and fitted curve: 30 training and 200 validation points/ })).toBeVisible();
    await lab.getByRole('button', { name: 'Play' }).click();
    const done = await waitForLab(page, ID, (p) => p.status === 'done', 60_000);
    expect(done.step).toBe(1500);
    expect(done.metrics.fit).toBe(FIT.good);
    expect(done.metrics.train_loss).toBeLessThan(1.5 * done.metrics.floor);
    expect(done.metrics.val_loss - done.metrics.train_loss).toBeLessThan(done.metrics.floor);
    expect(done.metrics.sweep_best_capacity).toBeGreaterThanOrEqual(4);
    expect(done.metrics.lc_val_largest).toBeLessThan(done.metrics.lc_val_smallest);
    await expect(diagnosis(page)).toContainText('Good fit');
    await expect(diagnosis(page)).toHaveAttribute('data-kind', 'good');

    // Sliders restart the run and redraw: noise, then the degree.
    await nudgeSlider(page, ID, 'sigma');
    expect((await labProbe(page, ID))!.params.sigma).toBeCloseTo(0.21, 6);
    await nudgeSlider(page, ID, 'd', 'ArrowLeft');
    expect((await labProbe(page, ID))!.params.degree).toBe(4);
    await nudgeSlider(page, ID, 'n');
    expect((await labProbe(page, ID))!.params.n).toBe(31);
    await expect(lab.getByRole('img', { name: /Data and fitted curve: 31 training/ })).toBeVisible();

    await checkExports(page, ID, 'Data and fitted curve', 'lecture06');
    await checkExports(page, ID, 'Loss per epoch', 'lecture06');
    await checkExports(page, ID, 'Loss against degree', 'lecture06');
    await checkExports(page, ID, 'Learning curves', 'lecture06');
    await linkReproduces(page, SLUG, ID);
    await tensorsFlatAcrossResets(page, ID);
    await expectNoKatexErrors(page);
    con.assertClean();
  });

  test('degree 1 underfits; degree 15 with 15 points overfits; a one-unit MLP underfits, a wide one on few points overfits', async ({ page }) => {
    test.setTimeout(300_000);
    const con = watchConsole(page);
    const under = await trainWith(page, `${ID}.d=1`);
    expect(under.metrics.fit).toBe(FIT.underfitting);
    expect(under.metrics.train_loss).toBeGreaterThan(3 * under.metrics.floor);
    await expect(diagnosis(page)).toContainText('Underfitting');
    await expect(diagnosis(page)).toContainText('Both losses are high');

    const over = await trainWith(page, `${ID}.d=15&${ID}.n=15`);
    expect(over.metrics.fit).toBe(FIT.overfitting);
    expect(over.metrics.val_loss).toBeGreaterThan(5 * over.metrics.train_loss);
    expect(over.metrics.val_loss).toBeGreaterThan(over.metrics.val_best);
    await expect(diagnosis(page)).toContainText('Overfitting');
    await expect(diagnosis(page)).toContainText('validation loss increases');

    const mlpUnder = await trainWith(page, `${ID}.model=mlp&${ID}.H=1&${ID}.epochs=600`);
    expect(mlpUnder.metrics.fit).toBe(FIT.underfitting);
    await expect(page.locator(`[data-lab="${ID}"]`).getByRole('img', { name: /Loss against hidden units/ })).toBeVisible();
    const mlpOver = await trainWith(page, `${ID}.model=mlp&${ID}.H=32&${ID}.n=15&${ID}.epochs=800`);
    expect(mlpOver.metrics.fit).toBe(FIT.overfitting);
    await expect(diagnosis(page)).toContainText('Overfitting');
    await expectNoKatexErrors(page);
    con.assertClean();
  });
});
