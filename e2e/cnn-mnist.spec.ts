import { expect, test, type Page } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, tensorsFlatAcrossResets, waitForLab, watchConsole,
} from './helpers';

const SLUG = '09-cnn';
const ID = 'cnn-mnist';
const ASSET = '**/data/mnist-10k.bin';

/** Distinct colours (ignoring pure white) on the canvas whose accessible name starts with `name`: 0–2 means blank. */
function canvasColours(page: Page, name: string): Promise<number> {
  return page.evaluate(({ id, name }) => {
    const c = [...document.querySelectorAll<HTMLCanvasElement>(`[data-lab="${id}"] canvas[role="img"]`)]
      .find((el) => (el.getAttribute('aria-label') ?? '').startsWith(name));
    if (!c || !c.width) return 0;
    const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < d.length; i += 4) {
      const key = (d[i] << 16) | (d[i + 1] << 8) | d[i + 2];
      if (key !== 0xffffff) seen.add(key);
    }
    return seen.size;
  }, { id: ID, name });
}

test.describe('Lecture 9 — a CNN trained live on MNIST', () => {
  test('loads MNIST, draws filters and activation maps, predicts a drawing, reaches 95 % within 3 epochs; exports, link, tensors', async ({ page }) => {
    test.setTimeout(300_000);
    const con = watchConsole(page);
    // Hold the digits back a little so the progress bar is observable.
    await page.route(ASSET, async (route) => {
      await new Promise((r) => setTimeout(r, 700));
      await route.continue();
    });
    await page.goto(`./#/lecture/${SLUG}/${ID}`);
    const lab = page.locator(`[data-lab="${ID}"]`);
    await expect(lab.getByRole('progressbar', { name: 'Loading MNIST digits' })).toBeVisible({ timeout: 60_000 });
    await expect(lab).toContainText('Loading MNIST digits…');
    const ready = await waitForLab(page, ID, (p) => p.status === 'idle', 120_000);
    await expect(lab.locator('[data-mnist-progress]')).toHaveCount(0);
    expect(ready.metrics).toMatchObject({ step: 0, nTrain: 8000, nVal: 2000, params: 5994 });

    // The parameter table: 208 + 3,216 conv, 2,570 FC.
    const table = page.getByTestId('cnn-mnist-params');
    await expect(table).toContainText('3,216');
    await expect(page.getByTestId('cnn-mnist-total')).toHaveText('5,994');

    // Filters and every layer's activation maps are drawn (non-blank) from the initial weights.
    for (const name of ['First-layer filters', 'Input 24×24', 'Conv 1 + ReLU', 'Max pool 2', 'Conv 2 + ReLU', 'Max pool 3']) {
      await expect.poll(() => canvasColours(page, name), { message: `${name} is blank` }).toBeGreaterThan(8);
    }

    // Drawing with the mouse produces a prediction (class probabilities for the drawing).
    const drawing = page.getByTestId('cnn-mnist-drawing');
    await expect(drawing).not.toHaveAttribute('data-predicted');
    const pad = page.getByTestId('cnn-mnist-draw');
    await pad.scrollIntoViewIfNeeded();
    const box = (await pad.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.15);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.85, { steps: 12 });
    await page.mouse.up();
    await expect(drawing).toHaveAttribute('data-predicted', /^[0-9]$/);
    await expect(drawing).toContainText('The network says');
    await expect(lab.getByRole('img', { name: /^Your digit as the network sees it/ })).toBeVisible();
    // The activation maps can show the drawing instead.
    await lab.locator('select[data-param="src"]').selectOption('drawing');
    await expect(lab.getByRole('img', { name: /^Input 24×24: 1 image of 24×24 pixels .*labelled drawing/ })).toBeVisible();
    await lab.locator('select[data-param="src"]').selectOption('digit');

    // A slider rebuilds the network: one more first-layer filter, then back.
    await nudgeSlider(page, ID, 'f1');
    expect((await labProbe(page, ID))!.params.f1).toBe(9);
    await expect(lab.getByRole('img', { name: /^First-layer filters \(5×5\): 9 images/ })).toBeVisible();
    await nudgeSlider(page, ID, 'f1', 'ArrowLeft');
    expect((await labProbe(page, ID))!.params.f1).toBe(8);
    await lab.getByRole('button', { name: /^(Pause|Reset)$/ }).first().click();
    await lab.getByRole('button', { name: 'Reset' }).first().click();
    await waitForLab(page, ID, (p) => p.status === 'idle' && p.step === 0);

    // Train at the defaults: the curves update, and validation reaches 95 % within 3 epochs (counted in steps).
    await lab.getByRole('button', { name: 'Play' }).click();
    const t0 = Date.now();
    const first = await waitForLab(page, ID, (p) => Number.isFinite(p.metrics.valAcc), 150_000);
    expect(first.metrics.valEpoch).toBeCloseTo(0.25, 6);
    const acc = lab.locator('figure.chart', { hasText: 'Accuracy' }).first();
    await expect(acc.locator('.recharts-line path.recharts-curve')).toHaveCount(2);
    const reached = await waitForLab(page, ID, (p) => Number.isFinite(p.metrics.epochTo95) || p.status === 'done', 240_000);
    const secs = (Date.now() - t0) / 1000;
    console.log(`cnn-mnist: ${reached.metrics.stepTo95} steps to 95 % (epoch ${reached.metrics.epochTo95}); ${(reached.step / secs).toFixed(1)} engine steps/s, ` +
      `${reached.metrics.msPerStep.toFixed(1)} ms per minibatch`);
    expect(reached.metrics.epochTo95).toBeLessThanOrEqual(3);
    expect(reached.metrics.stepTo95).toBeLessThanOrEqual(3 * reached.metrics.stepsPerEpoch);
    expect(reached.metrics.bestValAcc).toBeGreaterThanOrEqual(0.95);
    expect(reached.metrics.trainLoss).toBeLessThan(1);
    await lab.getByRole('button', { name: 'Pause' }).click();
    await waitForLab(page, ID, (p) => p.status === 'paused');

    // The confusion matrix and the misclassified digits follow the last scoring.
    const conf = lab.getByRole('img', { name: /^Confusion matrix \(validation\): 2000 validation digits/ });
    await expect(conf).toBeVisible();
    const wrong = (await labProbe(page, ID))!.metrics.wrong;
    expect(wrong).toBeGreaterThan(0);
    await expect(lab.getByRole('img', { name: /^Misclassified validation digits/ })).toBeVisible();
    expect(await canvasColours(page, 'Misclassified validation digits')).toBeGreaterThan(8);

    const csv = (await checkExports(page, ID, 'Confusion matrix (validation)', 'lecture09')).CSV.toString('utf8').trim().split(/\r?\n/);
    expect(csv).toHaveLength(11);
    const counts = csv.slice(1).map((l) => l.split(',').slice(1).map(Number));
    expect(counts.flat().reduce((a, b) => a + b, 0)).toBe(2000);
    expect(2000 - counts.reduce((s, row, i) => s + row[i], 0)).toBe(wrong);
    await checkExports(page, ID, 'Accuracy', 'lecture09');
    await checkExports(page, ID, 'Loss', 'lecture09');
    await checkExports(page, ID, 'First-layer filters (5×5)', 'lecture09');

    await expectNoKatexErrors(page);
    await linkReproduces(page, SLUG, ID);
    await tensorsFlatAcrossResets(page, ID);
    con.assertClean();
  });
});
