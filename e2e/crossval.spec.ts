import { expect, test } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, tensorsFlatAcrossResets, waitForLab, watchConsole,
} from './helpers';

const SLUG = '06-training-1';
const ID = 'crossval';


test.describe('Lecture 6 — k-fold cross-validation', () => {
  test('folds drawn for k = 5 and after a change, one round per step, CV selects, test scored once, exports, link', async ({ page }) => {
    test.setTimeout(240_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    const folds = page.getByTestId('crossval-folds');
    await expect(folds).toBeVisible();
    await expect(folds.locator('[data-fold]')).toHaveCount(5);
    let probe = (await labProbe(page, ID))!;
    expect(probe.metrics.folds).toBe(5);
    expect(probe.metrics.foldMax - probe.metrics.foldMin).toBeLessThanOrEqual(1);
    expect(probe.metrics.nDev + probe.metrics.nTest).toBe(200);
    expect(probe.metrics.testAcc).toBeNaN();
    await expect(page.getByTestId('crossval-result')).toContainText('held out');

    // One step is one round: fold 1 of the first candidate, then fold 2.
    await lab.getByRole('button', { name: 'Step', exact: true }).click();
    probe = await waitForLab(page, ID, (p) => p.step === 1);
    expect(probe.metrics.fold).toBe(0);
    expect(probe.metrics.foldsScored).toBe(1);
    await expect(folds.locator('[data-fold="0"][data-active="true"]')).toHaveCount(1);
    await lab.getByRole('button', { name: 'Step', exact: true }).click();
    probe = await waitForLab(page, ID, (p) => p.step === 2);
    expect(probe.metrics.fold).toBe(1);
    await expect(folds.locator('[data-fold="1"][data-active="true"]')).toHaveCount(1);

    // The k slider: one more fold (and the views change).
    await nudgeSlider(page, ID, 'k');
    probe = await waitForLab(page, ID, (p) => p.params.folds === 6 && p.status !== 'loading');
    await expect(folds.locator('[data-fold]')).toHaveCount(6);
    expect(probe.metrics.foldMax - probe.metrics.foldMin).toBeLessThanOrEqual(1);
    await nudgeSlider(page, ID, 'noise', 'ArrowLeft');

    // Run to the end: every candidate cross-validated, a selection, and one test score.
    const end = await waitForLab(page, ID, (p) => p.status === 'done', 60_000);
    expect(end.step).toBe(end.metrics.rounds);
    expect(Number.isFinite(end.metrics.bestK)).toBe(true);
    expect(end.metrics.kNN).toBe(end.metrics.bestK);
    expect(end.metrics.foldsScored).toBe(6);
    expect(end.metrics.std).toBeGreaterThanOrEqual(0);
    expect(end.metrics.testAcc).toBeGreaterThan(0.5);
    await expect(page.getByTestId('crossval-pick')).toContainText(`CV picks ${end.metrics.bestK} neighbours`);
    await expect(page.getByTestId('crossval-test')).toHaveText(`${(100 * end.metrics.testAcc).toFixed(1)} %`);
    await expect(page.getByTestId('crossval-stats')).toContainText('sample standard deviation');

    await checkExports(page, ID, 'Folds and the accuracy of each fold', 'lecture06');
    await checkExports(page, ID, 'Cross-validation accuracy against the number of neighbours', 'lecture06');
    await linkReproduces(page, SLUG, ID);
    await tensorsFlatAcrossResets(page, ID);
    await expectNoKatexErrors(page);
    con.assertClean();
  });
});
