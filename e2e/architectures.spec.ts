/**
 * Lecture 10 — classic architectures. A plain-TypeScript lab (no tfjs: nothing is trained, the
 * counts come from layer lists), so there is no tensor-count test here.
 */
import { expect, test, type Page } from '@playwright/test';
import { checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, waitForLab, watchConsole } from './helpers';

const SLUG = '10-cnn-2';
const ID = 'architectures';

async function changed(page: Page, act: () => Promise<unknown>) {
  const before = (await labProbe(page, ID))!.runId;
  await act();
  return waitForLab(page, ID, (p) => p.runId > before && p.status !== 'loading');
}

test.describe('Lecture 10 — classic architectures', () => {
  test('network select updates the totals, figure and table; the known counts; BN and shortcuts; walk; input side; top-1/top-5 toy; exports; link', async ({ page }) => {
    test.setTimeout(150_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    await expectNoKatexErrors(page);
    const totals = page.getByTestId('architectures-totals');
    const figure = page.getByTestId('architectures-shapes');
    const table = page.getByTestId('architectures-table');
    const net = lab.locator('select[data-param="net"]');

    // VGG-16 by default: 138,357,544 exactly, 15.5 G multiply-adds, 16 weight layers; 224 → 7 before the fc layers.
    let p = (await labProbe(page, ID))!;
    expect(p.metrics.params).toBe(138357544);
    expect(p.metrics.weight_layers).toBe(16);
    expect(p.metrics.macs / 1e9).toBeCloseTo(15.47, 2);
    await expect(totals).toContainText('138,357,544');
    await expect(totals).toContainText('the notes: ≈138M');
    await expect(table.locator('tr[data-row="pool5"]')).toContainText('7×7×512');
    await expect(table.locator('tr[data-row="fc6"]')).toContainText('102,764,544');

    // ResNet-152: the notes' 60M (60,192,808 with projections and BN), figure and table follow.
    p = await changed(page, () => net.selectOption('resnet152'));
    expect(p.metrics.params).toBe(60192808);
    expect(p.metrics.weight_layers).toBe(152);
    await expect(totals).toContainText('60,192,808');
    await expect(totals).toContainText('the notes: ≈60M');
    await expect(figure.locator('[data-layer="conv4_x"]')).toHaveCount(1);
    await expect(table.locator('tr[data-row="conv5_x"]')).toContainText('7×7×2048');

    // ResNet-50 = 25,557,032; without BN γ, β 25,503,912; zero-padded shortcuts drop the four projections.
    p = await changed(page, () => net.selectOption('resnet50'));
    expect(p.metrics.params).toBe(25557032);
    expect(p.metrics.bn_params).toBe(53120);
    p = await changed(page, () => lab.locator('input[type="checkbox"][data-param="bn"]').uncheck());
    expect(p.metrics.params).toBe(25503912);
    await expect(totals).toContainText('25,503,912');
    p = await changed(page, () => lab.locator('select[data-param="sc"]').selectOption('zeropad'));
    expect(p.metrics.params).toBe(22735016);
    // Table detail is view-only: every layer inside the blocks appears without a new run.
    const runId = p.runId;
    const rowsBefore = await table.locator('tbody tr').count();
    await lab.locator('select[data-param="rows"]').selectOption('layers');
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(rowsBefore + 60);
    expect((await labProbe(page, ID))!.runId).toBe(runId);

    // LeNet-5 and AlexNet, with the notes' figures.
    p = await changed(page, () => net.selectOption('lenet5'));
    expect(p.metrics.params).toBe(61706);
    await expect(table.locator('tr[data-row="C3"]')).toContainText('10×10×16');
    p = await changed(page, () => net.selectOption('alexnet'));
    expect(p.metrics.params).toBe(62378344);
    await expect(page.getByTestId('architectures-notes')).toContainText('60,965,224');
    await expect(table.locator('tr[data-row="pool5"]')).toContainText('6×6×256');
    p = await changed(page, () => net.selectOption('alexnet2gpu'));
    expect(p.metrics.params).toBe(60965224);

    // Step walks the image through the network: conv1 is the current layer.
    await lab.getByRole('button', { name: 'Step', exact: true }).click();
    await waitForLab(page, ID, (q) => q.metrics.walk === 1);
    await expect(figure.locator('[data-layer="conv1"]')).toHaveAttribute('data-state', 'current');
    await expect(page.getByTestId('architectures-walk')).toContainText('227×227×3 into 55×55×96');

    // The input-side slider: 0 → 1 is far too small, and the lab says where it breaks.
    await nudgeSlider(page, ID, 'side');
    p = (await labProbe(page, ID))!;
    expect(p.metrics.ok).toBe(0);
    await expect(page.getByTestId('architectures-error')).toContainText('too small');
    // VGG at 448×448: fc6 sees 14×14×512, so the parameter count grows.
    await changed(page, () => net.selectOption('vgg16'));
    p = await changed(page, async () => {
      const box = lab.getByRole('textbox', { name: /^Input side/ });
      await box.fill('448');
      await box.press('Enter');
    });
    expect(p.metrics.params).toBe(138357544 + (14 * 14 - 7 * 7) * 512 * 4096);

    // Top-1/top-5 toy: 3 of 6 wrong at top-1, 1 of 6 at top-5; image 6 labelled "speedboat" makes it right.
    expect(p.metrics.top1_err).toBeCloseTo(3 / 6, 12);
    expect(p.metrics.top5_err).toBeCloseTo(1 / 6, 12);
    const errors = page.getByTestId('architectures-topk-errors');
    await expect(errors).toContainText('50.0');
    p = await changed(page, () => lab.getByLabel('True class of image 6: a boat').selectOption({ label: 'speedboat' }));
    expect(p.metrics.top1_err).toBeCloseTo(2 / 6, 12);
    expect(p.metrics.top5_err).toBe(0);
    await expect(errors).toContainText('33.3');
    // … and "tripod" for the camera is in the top 5 but not first.
    p = await changed(page, () => lab.getByLabel('True class of image 3: a camera').selectOption({ label: 'tripod' }));
    expect(p.metrics.top1_err).toBeCloseTo(3 / 6, 12);
    expect(p.metrics.top5_err).toBe(0);

    await checkExports(page, ID, 'Width × height shrink, channels grow', 'lecture10');
    await checkExports(page, ID, 'Layer table', 'lecture10');
    await checkExports(page, ID, 'Top-1 and top-5 error on six images', 'lecture10');
    await linkReproduces(page, SLUG, ID);
    await expectNoKatexErrors(page);
    con.assertClean();
  });
});
