import { expect, test, type Page } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, tensorsFlatAcrossResets, viewFingerprint, waitForLab, watchConsole,
} from './helpers';

const SLUG = '12-advanced';
const ID = 'diffusion';
// A short run (T = 50, 2 × 64 units, 1000 iterations) so the whole story fits the time box.
const QUERY = 'diffusion.T=50&diffusion.layers=2&diffusion.width=64&diffusion.iters=1000&diffusion.t=10';

const chartSvg = (page: Page, title: string) =>
  page.locator(`[data-lab="${ID}"] figure.chart`, { hasText: title }).locator('svg.recharts-surface').first().innerHTML();

test.describe('Lecture 12 — diffusion', () => {
  test('forward process scrubbing, schedules, training, step-by-step sampling, exports, link, tensors', async ({ page }) => {
    test.setTimeout(180_000);
    const con = watchConsole(page);
    await page.goto(`./#/lecture/${SLUG}/${ID}?${QUERY}`);
    const lab = page.locator(`[data-lab="${ID}"]`);
    const start = await waitForLab(page, ID, (p) => p.status === 'idle' && Number.isFinite(p.metrics.loss));
    expect(start.params).toMatchObject({ T: 50, layers: 2, width: '64', iters: 1000, t: 10, schedule: 'linear' });
    expect(start.metrics.iter).toBe(0);
    await expect(lab.getByText('Correction to the notes:')).toHaveCount(3);
    await expectNoKatexErrors(page);

    // The t slider is view-only: the noised swiss roll and digit change, the run does not.
    const digit = page.getByTestId('diffusion-digit');
    await expect(digit).toHaveAttribute('data-t', '10', { timeout: 60_000 });
    const before = await viewFingerprint(page, ID);
    const slider = lab.locator('input[type="range"][data-param="t"]');
    await slider.focus();
    for (let i = 0; i < 5; i++) await slider.press('ArrowRight');
    await expect(digit).toHaveAttribute('data-t', '15');
    await expect.poll(() => viewFingerprint(page, ID)).not.toBe(before);
    const afterScrub = (await labProbe(page, ID))!;
    expect(afterScrub.params.t).toBe(15);
    expect(afterScrub.runId).toBe(start.runId);
    expect(afterScrub.step).toBe(0);
    await expect(lab.locator('.katex').filter({ hasText: '0.631' }).first()).toBeVisible(); // √ᾱ_15 for the scaled linear schedule, T = 50

    // The schedule select redraws the ᾱ chart (chosen schedule solid) and starts a new run.
    const sched0 = await chartSvg(page, 'Noise schedule');
    await lab.locator('select[data-param="sched"]').selectOption('cosine');
    await waitForLab(page, ID, (p) => p.runId > start.runId && p.params.schedule === 'cosine');
    await expect.poll(() => chartSvg(page, 'Noise schedule')).not.toBe(sched0);
    await lab.getByRole('button', { name: /^(Pause|Reset)$/ }).first().click();
    await lab.getByRole('button', { name: 'Reset' }).first().click();
    const cos = await waitForLab(page, ID, (p) => p.status === 'idle' && p.step === 0);

    // Sampling from the untrained model, step by step (the t read-out counts down), then its quality.
    await lab.getByRole('button', { name: /^Sample/ }).click();
    const seen = new Set<number>();
    await expect.poll(async () => {
      const m = (await labProbe(page, ID))!.metrics;
      if (m.sampling === 1) seen.add(m.sample_t);
      return m.samplings >= 1;
    }, { timeout: 60_000, intervals: [50] }).toBe(true);
    expect(seen.size, [...seen].join(',')).toBeGreaterThan(3);
    const untrained = (await labProbe(page, ID))!;
    expect(untrained.metrics.iter).toBe(0);
    expect(untrained.runId).toBe(cos.runId);
    expect(untrained.metrics.quality).toBeGreaterThan(untrained.metrics.quality_noise);
    await expect(page.getByTestId('diffusion-sample-t')).toContainText('Done');

    // Play trains: the loss falls; the run ends with the reverse process, closer to the data than noise.
    await lab.getByLabel('Training speed').selectOption('Infinity');
    await lab.getByRole('button', { name: 'Play' }).click();
    const mid = await waitForLab(page, ID, (p) => p.metrics.iter >= 300);
    expect(mid.metrics.loss).toBeLessThan(mid.metrics.loss0);
    const end = await waitForLab(page, ID, (p) => p.status === 'done', 120_000);
    expect(end.metrics.iter).toBe(1000);
    expect(end.step).toBeGreaterThan(1000); // training iterations plus the sampling's steps
    expect(end.metrics.loss).toBeLessThan(0.85 * end.metrics.loss0);
    expect(end.metrics.samplings).toBe(2);
    expect(end.metrics.quality, JSON.stringify(end.metrics)).toBeLessThan(end.metrics.quality_noise);
    expect(end.metrics.quality).toBeLessThan(untrained.metrics.quality);
    await expect(page.getByTestId('diffusion-quality')).toContainText(end.metrics.quality.toFixed(3));

    await checkExports(page, ID, 'Noise schedule: ᾱ_t and β_t', 'lecture12');
    await checkExports(page, ID, 'Samples of the reverse process', 'lecture12');
    await checkExports(page, ID, 'Training loss', 'lecture12');

    await linkReproduces(page, SLUG, ID);
    await tensorsFlatAcrossResets(page, ID);
    await expectNoKatexErrors(page);
    con.assertClean();
  });
});
