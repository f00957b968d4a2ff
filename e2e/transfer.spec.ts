import { expect, test } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, tensorsFlatAcrossResets, waitForLab, watchConsole,
} from './helpers';

const SLUG = '11-rnn-transformers';
const ID = 'transfer';
// Small for the test: one source epoch (160 steps), n = 1, 5, 25 and 40 steps per target network.
const QUICK = 'transfer.se=1&transfer.ns=quick&transfer.T=40';

test.describe('Lecture 11 — transfer learning lab', () => {
  test('trains the source on 0–4, sweeps n on 5–9 (frozen beats scratch at n = 1), reruns phase 2 only; exports, link, tensors', async ({ page }) => {
    test.setTimeout(240_000);
    const con = watchConsole(page);
    await page.goto(`./#/lecture/${SLUG}/${ID}?${QUICK}`);
    const p0 = await waitForLab(page, ID, (p) => p.status === 'idle', 60_000);
    expect(p0.params).toMatchObject({ srcEpochs: 1, ns: 'quick', steps: 40 });
    const lab = page.locator(`[data-lab="${ID}"]`);
    await expectNoKatexErrors(page);
    await expect(lab.getByText('When transfer learning makes sense')).toBeVisible();

    await lab.getByRole('button', { name: 'Play' }).click();
    // Phase 1 progresses with a progress bar and a status line.
    await waitForLab(page, ID, (p) => p.metrics.srcStep >= 5);
    await expect(lab.locator('progress.transfer-progress')).toBeVisible();
    await expect(page.getByTestId('transfer-status')).toContainText(/Phase 1: training the source network/);
    const src = await waitForLab(page, ID, (p) => p.metrics.sourceDone === 1, 120_000);
    expect(src.metrics.srcSteps).toBe(160);
    expect(src.metrics.sourceFromCache).toBe(0);
    expect(src.metrics.srcAcc).toBeGreaterThan(0.9);
    await expect(page.getByTestId('transfer-source')).toContainText(/validation accuracy \d+\.\d %/);
    await expect(lab.getByRole('figure', { name: /First-layer filters/ })).toBeVisible();

    const done = await waitForLab(page, ID, (p) => p.status === 'done', 150_000);
    const m = done.metrics;
    expect(m.runsDone).toBe(9);
    for (const n of [1, 5, 25]) for (const s of ['frozen', 'finetune', 'scratch']) expect(m[`acc_${s}_${n}`]).toBeGreaterThan(0.2);
    expect(m.acc_frozen_1).toBeGreaterThan(m.acc_scratch_1);
    expect(m.acc_frozen_25).toBeGreaterThan(0.8);
    await expect(page.getByTestId('transfer-table')).toContainText('%');
    const csv = (await checkExports(page, ID, 'Validation accuracy against labelled examples per class', 'lecture11')).CSV.toString('utf8');
    expect(csv.trim().split(/\r?\n/)).toHaveLength(4); // header + n = 1, 5, 25

    // A target setting reruns phase 2 only: the source network is reused from the cache.
    await nudgeSlider(page, ID, 'T');
    const again = await waitForLab(page, ID, (p) => p.status === 'done', 150_000);
    expect(again.params.steps).toBe(50);
    expect(again.metrics.sourceFromCache).toBe(1);
    expect(again.metrics.srcStep).toBe(0);
    expect(again.metrics.srcAcc).toBe(src.metrics.srcAcc);
    expect(again.metrics.runsDone).toBe(9);

    await expectNoKatexErrors(page);
    await linkReproduces(page, SLUG, ID);
    await tensorsFlatAcrossResets(page, ID);
    expect((await labProbe(page, ID))!.status).toBe('idle');
    con.assertClean();
  });
});
