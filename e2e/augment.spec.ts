import { expect, test, type Page } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, tensorsFlatAcrossResets, waitForLab, watchConsole,
} from './helpers';

const SLUG = '08-regularization';
const ID = 'augment';

/** Pixels of one preview grid (by its canvas' accessible name), once painted. */
function gridPixels(page: Page, name: RegExp): Promise<string> {
  return page.evaluate((src) => {
    const re = new RegExp(src);
    const c = [...document.querySelectorAll<HTMLCanvasElement>(`[data-lab="augment"] canvas[role="img"]`)].find((el) => re.test(el.getAttribute('aria-label') ?? ''));
    return c ? c.toDataURL() : '';
  }, name.source);
}

test.describe('Lecture 8 — data augmentation lab', () => {
  test('previews follow the sliders; both runs train and their curves update; exports, link, tensors', async ({ page }) => {
    test.setTimeout(180_000);
    const con = watchConsole(page);
    // A small run (100 digits, 5 epochs) keeps the test short.
    await page.goto(`./#/lecture/${SLUG}/${ID}?${ID}.n=100&${ID}.ep=5`);
    await waitForLab(page, ID, (p) => p.status === 'idle', 90_000);
    const lab = page.locator(`[data-lab="${ID}"]`);
    const digits = lab.getByRole('img', { name: /A digit 2 and 15 augmented versions/ });
    const photo = lab.getByRole('img', { name: /The photo and 15 augmented 112×112 versions/ });
    await expect(digits).toBeVisible({ timeout: 30_000 });
    await expect(photo).toBeVisible({ timeout: 30_000 });
    await expect(lab.getByRole('img', { name: /ten test crops/ })).toBeVisible();
    await expect(lab.locator('[data-mnist-progress]')).toHaveCount(0);

    // The previews change when a strength slider moves (and the run restarts).
    await expect.poll(() => gridPixels(page, /A digit 2/)).not.toBe('');
    const digitsBefore = await gridPixels(page, /A digit 2/);
    const photoBefore = await gridPixels(page, /The photo/);
    await nudgeSlider(page, ID, 'ros');
    expect((await labProbe(page, ID))!.params.rotateS).toBe(15);
    await expect.poll(() => gridPixels(page, /A digit 2/)).not.toBe(digitsBefore);
    await expect.poll(() => gridPixels(page, /The photo/)).not.toBe(photoBefore);
    // Switching the flip on shows the warning and changes the previews too.
    const beforeFlip = await gridPixels(page, /A digit 2/);
    await lab.locator('input[type="checkbox"][data-param="fl"]').check();
    await expect(lab.getByRole('note')).toContainText('a mirrored 2 is not a 2');
    await expect.poll(() => gridPixels(page, /A digit 2/)).not.toBe(beforeFlip);
    await lab.locator('input[type="checkbox"][data-param="fl"]').uncheck();
    await expect(lab.getByRole('note')).toHaveCount(0);

    // Train: both models are scored every epoch; both curves move.
    await lab.getByRole('button', { name: 'Reset' }).first().click();
    await waitForLab(page, ID, (p) => p.status === 'idle' && p.step === 0);
    await lab.getByRole('button', { name: 'Play' }).click();
    const early = await waitForLab(page, ID, (p) => p.metrics.epoch >= 1 && Number.isFinite(p.metrics.loss_aug), 60_000);
    const end = await waitForLab(page, ID, (p) => p.status === 'done', 90_000);
    expect(end.metrics.epoch).toBe(5);
    expect(end.metrics.loss_plain).not.toBe(early.metrics.loss_plain);
    expect(end.metrics.loss_aug).not.toBe(early.metrics.loss_aug);
    for (const k of ['acc_plain', 'acc_aug']) {
      expect(end.metrics[k]).toBeGreaterThan(0.3); // chance is 0.1
      expect(end.metrics[k]).toBeLessThanOrEqual(1);
    }
    expect(end.metrics.test_views).toBe(5);
    expect(end.metrics.n_train).toBe(100);
    // Without augmentation the network fits its 100 digits better than the augmented one fits its harder batches.
    expect(end.metrics.train_plain).toBeGreaterThan(end.metrics.train_aug);
    await expect(page.getByTestId('augment-results')).toContainText('After epoch 5 of 5');
    // Four curves (validation and training, with and without), each with a drawn path.
    const chart = lab.locator('figure.chart', { hasText: 'Accuracy with and without augmentation' });
    await expect(chart.locator('.recharts-line path.recharts-curve')).toHaveCount(4);
    const csv = (await checkExports(page, ID, 'Accuracy with and without augmentation', 'lecture08')).CSV.toString('utf8');
    expect(csv.trim().split(/\r?\n/)).toHaveLength(6); // header + 5 epochs
    await checkExports(page, ID, 'Augmented digits', 'lecture08');
    await checkExports(page, ID, 'Augmented photo', 'lecture08');
    await expectNoKatexErrors(page);
    await linkReproduces(page, SLUG, ID);
    await tensorsFlatAcrossResets(page, ID);
    con.assertClean();
  });
});
