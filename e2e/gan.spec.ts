import { expect, test } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, tensorsFlatAcrossResets, viewFingerprint, waitForLab,
  watchConsole,
} from './helpers';

const SLUG = '12-advanced';
const ID = 'gan';

test.describe('Lecture 12 — a GAN on 2-D distributions', () => {
  test('seeded ring reaches the ring within its budget; targets, sliders, drawing, exports, link, tensors', async ({ page }) => {
    test.setTimeout(420_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    // The page's MNIST lab decodes its data on load; start once the page is quiet.
    await waitForLab(page, 'autoencoder', (p) => p.status !== 'loading', 60_000).catch(() => undefined);
    const start = (await labProbe(page, ID))!;
    expect(start.params).toMatchObject({ dist: 'ring', loss: 'nonsat', k: 1, steps: 1500, seed: 1 });
    expect(start.status).toBe('idle');
    expect(start.metrics.distRel).toBeGreaterThan(0.3);
    await expect(lab.getByTestId('gan-losses')).toContainText('non-saturating');
    await expectNoKatexErrors(page);

    // Play to the default budget: the mean distance of G(z) to the ring ends below 10 % of its radius.
    await lab.getByLabel('Training speed').selectOption('Infinity');
    await lab.getByRole('button', { name: 'Play' }).click();
    const end = await waitForLab(page, ID, (p) => p.status === 'done', 240_000);
    expect(end.step).toBe(1500);
    expect(end.metrics.distRel).toBeLessThan(0.1);
    expect(end.metrics.lossD).toBeGreaterThan(0.5);
    await expect(lab.getByTestId('gan-ring-dist')).toContainText('Mean distance to the ring');
    await expectNoKatexErrors(page);

    await checkExports(page, ID, 'Real and generated samples over D(x)', 'lecture12');
    await checkExports(page, ID, 'D and G losses', 'lecture12');

    // Another target: the real samples change, the grid's modes are counted.
    const before = await viewFingerprint(page, ID);
    const run0 = (await labProbe(page, ID))!.runId;
    await lab.locator('select[data-param="dist"]').selectOption('grid');
    const grid = await waitForLab(page, ID, (p) => p.runId > run0 && p.params.dist === 'grid' && p.metrics.modesTotal === 9);
    expect(grid.metrics.modes).toBeLessThanOrEqual(9);
    await expect.poll(() => viewFingerprint(page, ID)).not.toBe(before);
    await lab.getByRole('button', { name: /^(Pause|Reset)$/ }).first().click();

    // A slider starts a new run whose view differs.
    await nudgeSlider(page, ID, 'lrG');
    await nudgeSlider(page, ID, 'k');
    expect((await labProbe(page, ID))!.params.k).toBe(2);
    await lab.getByRole('button', { name: 'Pause' }).click({ timeout: 5_000 }).catch(() => undefined);

    // Drawing: an empty drawing is refused with a message, three clicks make a target.
    await lab.locator('select[data-param="dist"]').selectOption('drawn');
    await expect(lab.getByRole('alert').filter({ hasText: 'Nothing drawn' })).toBeVisible();
    const plane = lab.getByTestId('gan-plane');
    const box = (await plane.boundingBox())!;
    for (const [fx, fy] of [[0.3, 0.3], [0.6, 0.4], [0.5, 0.7]]) {
      await plane.click({ position: { x: fx * box.width, y: fy * box.height } });
    }
    await expect.poll(async () => ((await labProbe(page, ID))!.params.points as unknown[]).length).toBe(3);
    await expect(lab.getByRole('alert').filter({ hasText: 'Nothing drawn' })).toHaveCount(0);
    await waitForLab(page, ID, (p) => Number.isFinite(p.metrics.dist));

    // Back to the ring with the minimax loss (the notes' J^(G) = −J^(D)).
    await lab.locator('select[data-param="dist"]').selectOption('ring');
    await lab.locator('select[data-param="loss"]').selectOption('minimax');
    await expect(lab.getByTestId('gan-losses')).toContainText('minimax');
    await lab.getByRole('button', { name: 'Pause' }).click({ timeout: 5_000 }).catch(() => undefined);
    await expectNoKatexErrors(page);

    await linkReproduces(page, SLUG, ID);
    await tensorsFlatAcrossResets(page, ID, 20);
    con.assertClean();
  });
});
