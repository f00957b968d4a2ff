import { expect, test } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, linkReproduces, nudgeSlider, openLabOn, tensorsFlatAcrossResets, waitForLab, watchConsole,
} from './helpers';

const SLUG = '08-regularization';
const ID = 'early-stop';

test.describe('Lecture 8 — Early stopping', () => {
  test('early-stop: best epoch before the stop, restored model equals the best; slider, exports, link, tensors', async ({ page }) => {
    test.setTimeout(240_000);
    const con = watchConsole(page);
    await openLabOn(page, SLUG, ID);
    await expectNoKatexErrors(page);
    // A fast-overfitting setting, so the rule fires within a few epochs.
    await page.goto('about:blank');
    await page.goto(`./#/lecture/${SLUG}/${ID}?${ID}.lr=0.01&${ID}.pat=3&${ID}.epochs=40`);
    const lab = page.locator(`[data-lab="${ID}"]`);
    const first = await waitForLab(page, ID, (p) => p.params.patience === 3 && ['idle', 'running'].includes(p.status));
    if (first.status !== 'running') await lab.getByRole('button', { name: 'Play' }).click();
    const m = (await waitForLab(page, ID, (p) => p.metrics.stop_epoch > 0 && Number.isFinite(p.metrics.restored_val_loss), 150_000)).metrics;
    expect(m.best_epoch).toBeGreaterThanOrEqual(1);
    expect(m.best_epoch).toBeLessThan(m.stop_epoch);
    expect(m.stop_epoch - m.best_epoch).toBe(3);
    // The restored weights score exactly what the best epoch scored.
    expect(m.restored_epoch).toBe(m.best_epoch);
    expect(m.restored_val_loss).toBe(m.best_val_loss);
    expect(m.restored_val_acc).toBe(m.best_val_acc);
    await expect(page.getByTestId('early-stop-restored')).toContainText('exactly the best epoch’s');
    await expect(page.getByTestId('early-stop-best')).toHaveText(String(m.best_epoch));
    await expect(page.getByTestId('early-stop-stop')).toHaveText(String(m.stop_epoch));
    await expect(lab.getByRole('img', { name: /Loss per epoch/ })).toBeVisible();
    await lab.getByRole('button', { name: 'Pause' }).click();

    await checkExports(page, ID, 'Loss per epoch', 'lecture08');
    await checkExports(page, ID, 'Accuracy per epoch', 'lecture08');
    await nudgeSlider(page, ID, 'pat');
    await waitForLab(page, ID, (p) => p.params.patience === 4);
    await linkReproduces(page, SLUG, ID);
    await tensorsFlatAcrossResets(page, ID);
    await expectNoKatexErrors(page);
    con.assertClean();
  });
});
