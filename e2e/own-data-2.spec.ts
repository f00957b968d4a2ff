import { expect, test, type Locator, type Page } from '@playwright/test';
import { labProbe, linkReproduces, openLabOn, waitForLab, watchConsole } from './helpers';

/**
 * The learner's own points in the four 2-D labs of Lectures 6 and 7 (softmax, dead ReLUs,
 * cross-validation, hyperparameter search): a CSV picked with the file input becomes the data the
 * lab trains or evaluates on; a malformed one is refused by line and the points stay.
 */

type Pt = { x: number; y: number; label: number };

/** n points of `classes` classes, each class a tight cluster on a circle of radius r (inside every lab's plot). */
function clustersCsv(n: number, classes: number, r = 0.8): string {
  const rows = ['x1,x2,label'];
  for (let i = 0; i < n; i++) {
    const c = i % classes;
    const a = (2 * Math.PI * c) / classes + 0.3;
    rows.push(`${(r * Math.cos(a) + 0.08 * Math.sin(3.1 * i)).toFixed(3)},${(r * Math.sin(a) + 0.08 * Math.cos(1.7 * i)).toFixed(3)},${c}`);
  }
  return rows.join('\n') + '\n';
}

const points = async (page: Page, id: string) => (await labProbe(page, id))!.params.points as Pt[];

async function pick(lab: Locator, id: string, name: string, text: string) {
  await lab.getByTestId(`${id}-owndata-file`).setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(text) });
}

/** Load a malformed file: the alert names the line, and the points are exactly what they were. */
async function refused(page: Page, lab: Locator, id: string, text: string, lines: string[]) {
  const before = JSON.stringify(await points(page, id));
  await pick(lab, id, 'bad.csv', text);
  const alert = lab.getByTestId(`${id}-owndata-alert`);
  await expect(alert).toContainText('bad.csv was not loaded; your points are unchanged.');
  for (const l of lines) await expect(alert).toContainText(l);
  expect(JSON.stringify(await points(page, id))).toBe(before);
  await alert.getByRole('button', { name: 'Dismiss' }).click();
}

test.describe('Your own data in Lectures 6 and 7', () => {
  test('softmax: a four-class file trains both classifiers on it; a label out of range is refused by line', async ({ page }) => {
    test.setTimeout(120_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, '07-training-2', 'softmax');
    await lab.getByLabel('Training speed').selectOption('Infinity');
    const start = await waitForLab(page, 'softmax', (p) => p.metrics.train_points === 12);
    expect(start.metrics.train_classes).toBe(3);

    await pick(lab, 'softmax', 'four.csv', clustersCsv(24, 4, 1.8));
    await expect(lab.getByTestId('softmax-owndata-status')).toHaveText('Loaded 24 points from four.csv.');
    const done = await waitForLab(page, 'softmax', (p) => p.params.dataset === 'own' && p.status === 'done' && p.metrics.train_points === 24, 60_000);
    expect(done.metrics.train_classes).toBe(4);
    expect(done.metrics.ce_acc).toBe(1);
    await expect(lab.getByTestId('softmax-train-data')).toHaveText('24 training points in 4 classes.');
    await expect(lab.getByRole('img', { name: /Training points and decision regions/ })).toBeVisible();

    await refused(page, lab, 'softmax', 'x1,x2,label\n0.1,0.2,0\n0.3,0.4,7\n', ['line 3: label ‘7’ must be a whole number from 0 to 4']);
    expect((await points(page, 'softmax')).length).toBe(24);

    // Remove them all: "Your points only" with none left says so and does not diverge.
    await lab.getByRole('button', { name: 'Remove my 24 points' }).click();
    await expect(lab.getByTestId('softmax-train')).toContainText('No training points yet');
    const empty = await waitForLab(page, 'softmax', (p) => p.metrics.train_points === 0);
    expect(empty.status).not.toBe('diverged');
    await lab.getByRole('button', { name: 'Undo' }).click();
    await waitForLab(page, 'softmax', (p) => p.metrics.train_points === 24);
    con.assertClean();
  });

  test('dead ReLUs: the runs train on the loaded points; too few get a message, not a crash', async ({ page }) => {
    test.setTimeout(120_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, '07-training-2', 'dead-relu');
    await lab.getByLabel('Training speed').selectOption('Infinity');
    expect((await labProbe(page, 'dead-relu'))!.metrics.points).toBe(200);

    await pick(lab, 'dead-relu', 'two.csv', clustersCsv(40, 2));
    await expect(lab.getByTestId('dead-relu-owndata-status')).toHaveText('Loaded 40 points from two.csv.');
    const done = await waitForLab(page, 'dead-relu', (p) => p.params.dataset === 'own' && p.metrics.points === 40 && p.status === 'done', 90_000);
    expect(done.metrics.acc_normal).toBe(1);
    await expect(lab).toContainText('learn the same 40 points of yours');
    await expect(lab.getByRole('img', { name: /Training data of every run/ })).toBeVisible();

    await refused(page, lab, 'dead-relu', 'x1,x2,label\n0.1,0.2,0\n0.3,oops,1\n', ['line 3: ‘oops’ is not a number in column x2']);

    // A link with two points of its own: a clear message, the plot to add more, no run.
    await page.goto('about:blank');
    await page.goto('./#/lecture/07-training-2/dead-relu?dead-relu.data=own&dead-relu.pts=0.100_0.200_0~-0.500_0.500_1');
    const few = await waitForLab(page, 'dead-relu', (p) => p.status !== 'loading' && p.metrics.too_few === 1);
    expect(few.status).not.toBe('error');
    await expect(page.getByTestId('dead-relu-owndata-notice')).toContainText('Only 2 points: the runs need at least 4');
    con.assertClean();
  });

  test('cross-validation: the folds are over the loaded points; fewer points than folds cut the folds; the link carries them', async ({ page }) => {
    test.setTimeout(120_000);
    const con = watchConsole(page);
    const lab = await openLabOn(page, '06-training-1', 'crossval');
    await lab.getByLabel('Training speed').selectOption('Infinity');

    await pick(lab, 'crossval', 'thirty.csv', clustersCsv(30, 2));
    await expect(lab.getByTestId('crossval-owndata-status')).toHaveText('Loaded 30 points from thirty.csv.');
    const done = await waitForLab(page, 'crossval', (p) => p.params.dataset === 'own' && p.status === 'done' && p.metrics.nDev + p.metrics.nTest === 30, 60_000);
    expect(done.metrics.nTest).toBe(6);
    expect(done.metrics.folds).toBe(5);
    expect(done.metrics.testAcc).toBe(1);
    await expect(page.getByTestId('crossval-folds').locator('[data-fold]')).toHaveCount(5);
    await expect(page.getByTestId('crossval-test')).toHaveText('100.0 %');
    await linkReproduces(page, '06-training-1', 'crossval');

    // Eight points and k = 10: six development points, so six folds of one point, and a note saying why.
    await page.goto('about:blank');
    await page.goto('./#/lecture/06-training-1/crossval?crossval.k=10');
    const lab2 = page.locator('[data-lab="crossval"]');
    await waitForLab(page, 'crossval', (p) => p.status !== 'loading' && p.params.folds === 10);
    await pick(lab2, 'crossval', 'eight.csv', clustersCsv(8, 2));
    const cut = await waitForLab(page, 'crossval', (p) => p.params.dataset === 'own' && p.metrics.nDev === 6 && p.status === 'done', 60_000);
    expect(cut.metrics.folds).toBe(6);
    expect(cut.metrics.foldMax).toBe(1);
    await expect(page.getByTestId('crossval-owndata-notice')).toContainText('too few for 10 folds');
    await expect(page.getByTestId('crossval-folds').locator('[data-fold]')).toHaveCount(6);

    // Three points: nothing to cross-validate, a clear message, the points still shown.
    await pick(lab2, 'crossval', 'three.csv', clustersCsv(3, 2));
    await waitForLab(page, 'crossval', (p) => p.metrics.tooFew === 1 && p.status !== 'loading');
    await expect(page.getByTestId('crossval-owndata-notice')).toContainText('cross-validation needs at least 5 of your points');
    expect((await points(page, 'crossval')).length).toBe(3);
    await expect(page.getByTestId('crossval-folds')).toHaveCount(0);
    con.assertClean();
  });

  test('hyperparameter search: the trials train on the loaded points; a wrong label is refused by line', async ({ page }) => {
    test.setTimeout(180_000);
    const con = watchConsole(page);
    await page.goto('./#/lecture/06-training-1/hparam-search?hparam-search.mode=random&hparam-search.N=4&hparam-search.ep=2&hparam-search.refine=0');
    await waitForLab(page, 'hparam-search', (p) => p.status === 'idle');
    const lab = page.locator('[data-lab="hparam-search"]');
    await lab.getByLabel('Training speed').selectOption('Infinity');
    await expect(lab.getByTestId('hparam-search-data')).toContainText('240 training points and 120 validation points');

    await refused(page, lab, 'hparam-search', 'x1,x2,label\n0.1,0.2,0\n0.3,0.4,3\n,0.5,1\n', [
      'line 3: label ‘3’ must be a whole number from 0 to 2', 'line 4: column x1 is empty',
    ]);
    expect(await points(page, 'hparam-search')).toEqual([]);

    await pick(lab, 'hparam-search', 'three.csv', clustersCsv(45, 3));
    await expect(lab.getByTestId('hparam-search-owndata-status')).toHaveText('Loaded 45 points from three.csv.');
    await expect(lab.getByTestId('hparam-search-data')).toContainText('Your points: 30 training points and 15 validation points');
    const done = await waitForLab(page, 'hparam-search', (p) => p.params.dataset === 'own' && p.status === 'done' && p.metrics.trials_done === 4, 120_000);
    expect(done.metrics.trials_total).toBe(4);
    await expect(lab.getByTestId('hparam-search-table').locator('tbody tr')).toHaveCount(4);
    con.assertClean();
  });
});
