import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { labProbe, openLabOn, waitForLab, watchConsole } from './helpers';

/** Axe on one lab only (the whole lecture page is slow to scan on a busy machine). */
async function expectLabAxeClean(page: Page, id: string) {
  const r = await new AxeBuilder({ page }).include(`[data-lab="${id}"]`).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = r.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary, summary.join('\n')).toEqual([]);
}

type Pt = { x: number; y: number; label: number };

/** Two separable blobs: class 0 around (−0.6, −0.6), class 1 around (0.6, 0.6). */
function blobsCsv(n = 40): string {
  const rows = ['# two blobs', 'x1,x2,label'];
  for (let i = 0; i < n; i++) {
    const c = i % 2;
    const s = c ? 0.6 : -0.6;
    rows.push(`${(s + 0.2 * Math.sin(i * 1.7)).toFixed(3)},${(s + 0.2 * Math.cos(i * 2.3)).toFixed(3)},${c}`);
  }
  return rows.join('\r\n') + '\r\n';
}

/** Drop a file built in the page on the element matching `selector` (dragenter, dragover, drop). */
async function dropFile(page: Page, selector: string, name: string, text: string, type = 'text/csv') {
  await page.evaluate(({ selector, name, text, type }) => {
    const el = document.querySelector(selector)!;
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type }));
    for (const t of ['dragenter', 'dragover', 'drop']) el.dispatchEvent(new DragEvent(t, { bubbles: true, cancelable: true, dataTransfer: dt }));
  }, { selector, name, text, type });
}

const points = async (page: Page, id: string) => (await labProbe(page, id))!.params.points as Pt[];

test.describe('Your own data', () => {
  test('a CSV dropped on logistic regression trains on it; a malformed one is refused by line; keyboard adds a point; axe clean', async ({ page }) => {
    test.setTimeout(120_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, '02-ml-basics', 'logreg');
    expect(await points(page, 'logreg')).toEqual([]);

    // A valid file dropped on the plot becomes the data set.
    await dropFile(page, '[data-lab="logreg"] [data-testid="owndata-plot-drop"] canvas', 'blobs.csv', blobsCsv());
    await expect(lab.getByTestId('logreg-owndata-status')).toHaveText('Loaded 40 points from blobs.csv.');
    const loaded = await waitForLab(page, 'logreg', (p) => (p.params.points as Pt[]).length === 40 && p.params.dataset === 'own');
    expect((loaded.params.points as Pt[])[1]).toEqual({ x: 0.798, y: 0.467, label: 1 }); // row 2: 0.6 + 0.2 sin 1.7, 0.6 + 0.2 cos 2.3
    await lab.getByLabel('Training speed').selectOption('Infinity');
    // A parameter change starts training at once (Play only if it has already stopped).
    const play = lab.getByRole('button', { name: 'Play' });
    if (await play.isEnabled()) await play.click();
    const trained = await waitForLab(page, 'logreg', (p) => p.status === 'done');
    expect(trained.metrics.trainAcc).toBe(1);
    expect(trained.metrics.theta1 + trained.metrics.theta2).toBeGreaterThan(1);

    // A malformed file, picked with the file input: an alert names the lines; the points stay as they were.
    const before = JSON.stringify(await points(page, 'logreg'));
    await lab.getByTestId('logreg-owndata-file').setInputFiles({
      name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('x1,x2,label\n0.1,0.2,0\n0.3,0.4,1\n0.3,abc,1\n0.5,0.5,7\n1,2\n'),
    });
    const alert = lab.getByTestId('logreg-owndata-alert');
    await expect(alert).toHaveAttribute('role', 'alert');
    await expect(alert).toContainText('bad.csv was not loaded; your points are unchanged.');
    await expect(alert).toContainText('line 4: ‘abc’ is not a number in column x2');
    await expect(alert).toContainText('line 5: label ‘7’ must be 0 or 1');
    await expect(alert).toContainText('line 6: expected 3 values');
    expect(JSON.stringify(await points(page, 'logreg'))).toBe(before);
    await expectLabAxeClean(page, 'logreg');

    // The keyboard form adds a point; Undo takes it back.
    await lab.getByLabel('New point x₁').fill('0.5');
    await lab.getByLabel('New point x₂').fill('-0.25');
    await lab.getByLabel('New point class').selectOption({ label: 'Class A (y = 0)' });
    await lab.getByLabel('New point x₂').press('Enter');
    await expect.poll(async () => (await points(page, 'logreg')).at(-1)).toEqual({ x: 0.5, y: -0.25, label: 0 });
    expect((await points(page, 'logreg')).length).toBe(41);
    await lab.getByLabel('New point x₁').fill('5');
    await lab.getByRole('button', { name: 'Add point' }).click();
    await expect(lab.getByRole('alert').filter({ hasText: 'Enter x₁ from' })).toBeVisible();
    expect((await points(page, 'logreg')).length).toBe(41);
    await lab.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(async () => (await points(page, 'logreg')).length).toBe(40);
    con.assertClean();
  });

  test('a link carries the points; k-NN takes a three-class file and scales points outside the plot', async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto('./#/lecture/02-ml-basics/knn?knn.data=own&knn.pts=0.100_0.200_0~-0.500_0.500_1~0.700_-0.700_1~-0.300_-0.900_0');
    const fromLink = await waitForLab(page, 'knn', (p) => p.status !== 'loading');
    expect(fromLink.params.dataset).toBe('own');
    expect((fromLink.params.points as Pt[]).length).toBe(4);
    const lab = page.locator('[data-lab="knn"]');
    const rows = ['x1;x2;label'];
    for (let i = 0; i < 30; i++) rows.push(`${(10 * Math.cos(i)).toFixed(2).replace('.', ',')};${(5 * Math.sin(i)).toFixed(2).replace('.', ',')};${i % 3}`);
    await lab.getByTestId('knn-owndata-file').setInputFiles({ name: 'three.csv', mimeType: 'text/csv', buffer: Buffer.from(rows.join('\n')) });
    await expect(lab.getByTestId('knn-owndata-status')).toContainText('Loaded 30 points from three.csv; some lay outside the plot, so all were shifted and scaled');
    const probe = await waitForLab(page, 'knn', (p) => (p.params.points as Pt[]).length === 30);
    expect(probe.params.classes).toBe(3);
    for (const q of probe.params.points as Pt[]) expect(Math.abs(q.x) <= 1.2 && Math.abs(q.y) <= 1.2).toBe(true);
  });

  test('an image dropped on the digit pad is classified; a file that is not an image is refused', async ({ page }) => {
    test.setTimeout(90_000);
    await openLabOn(page, '09-cnn', 'cnn-mnist');
    const drawing = page.getByTestId('cnn-mnist-drawing');
    await expect(drawing).not.toHaveAttribute('data-predicted');
    // A '1' as a dark stroke on white paper, made in the page and dropped as a PNG.
    await page.evaluate(async () => {
      const c = document.createElement('canvas');
      c.width = 120;
      c.height = 160;
      const ctx = c.getContext('2d')!;
      ctx.fillStyle = '#f4f4f4';
      ctx.fillRect(0, 0, 120, 160);
      ctx.strokeStyle = '#111';
      ctx.lineWidth = 14;
      ctx.lineCap = 'round';
      ctx.beginPath();
      ctx.moveTo(55, 20);
      ctx.lineTo(65, 140);
      ctx.stroke();
      const blob = await new Promise<Blob>((r) => c.toBlob((b) => r(b!), 'image/png'));
      const dt = new DataTransfer();
      dt.items.add(new File([blob], 'one.png', { type: 'image/png' }));
      const el = document.querySelector('[data-testid="cnn-mnist-draw"]')!;
      for (const t of ['dragenter', 'dragover', 'drop']) el.dispatchEvent(new DragEvent(t, { bubbles: true, cancelable: true, dataTransfer: dt }));
    });
    await expect(drawing).toHaveAttribute('data-predicted', /^[0-9]$/);
    await expect(drawing).toContainText('The network says');
    await expect(drawing).toContainText('Loaded one.png (light background, so inverted');
    const predicted = await drawing.getAttribute('data-predicted');
    // Not an image, and an undecodable "PNG": clear messages, the drawing stays.
    await dropFile(page, '[data-testid="cnn-mnist-draw"]', 'notes.txt', 'hello', 'text/plain');
    await expect(page.getByTestId('cnn-mnist-image-alert')).toContainText('notes.txt is not an image');
    await page.getByTestId('cnn-mnist-image-file').setInputFiles({ name: 'broken.png', mimeType: 'image/png', buffer: Buffer.from('not really a png') });
    await expect(page.getByTestId('cnn-mnist-image-alert')).toContainText('broken.png could not be decoded');
    await expect(drawing).toHaveAttribute('data-predicted', predicted!);
  });
});
