import { expect, test, type Page } from '@playwright/test';
import {
  checkExports, expectNoKatexErrors, labProbe, linkReproduces, nudgeSlider, openLabOn, tensorsFlatAcrossResets, waitForLab, watchConsole,
} from './helpers';

const SLUG = '08-regularization';
const ID = 'ensemble';

/** A fresh load of the lab with these URL parameters, waiting until its model is built. */
async function openWith(page: Page, query: string) {
  await page.goto('about:blank');
  await page.goto(`./#/lecture/${SLUG}/${ID}?${query}`);
  await waitForLab(page, ID, (p) => p.status === 'idle' && p.step === 0);
  return page.locator(`[data-lab="${ID}"]`);
}

test.describe('Lecture 8 — bagging and ensembles', () => {
  test('the k slider redraws every view; the highlighted member only changes the view', async ({ page }) => {
    const con = watchConsole(page);
    const lab = await openLabOn(page, SLUG, ID);
    await expect(lab.getByRole('img', { name: /Members and their average: 25 training points \(\d+ out of bag for member 1\), 10 member curves/ })).toBeVisible();
    await expect(page.getByTestId('ensemble-bars')).toHaveAttribute('data-members', '10');
    await nudgeSlider(page, ID, 'k');
    expect((await labProbe(page, ID))!.params.k).toBe(11);
    await expect(page.getByTestId('ensemble-bars')).toHaveAttribute('data-members', '11');
    await expect(lab.getByRole('img', { name: /11 member curves and their average/ })).toBeVisible();
    const run = (await labProbe(page, ID))!.runId;
    await lab.locator('input[type="range"][data-param="show"]').focus();
    await page.keyboard.press('ArrowRight');
    await expect(lab.getByRole('img', { name: /out of bag for member 2\)/ })).toBeVisible();
    expect((await labProbe(page, ID))!.runId).toBe(run);
    await expectNoKatexErrors(page);
    con.assertClean();
  });

  test('after training the ensemble beats the mean member; about 1/e of the points are out of bag', async ({ page }) => {
    test.setTimeout(150_000);
    const con = watchConsole(page);
    const lab = await openWith(page, `${ID}.k=11&${ID}.epochs=300`);
    await lab.getByLabel('Training speed').selectOption('Infinity');
    await lab.getByRole('button', { name: 'Play' }).click();
    const done = await waitForLab(page, ID, (p) => p.status === 'done', 120_000);
    const m = done.metrics;
    expect(done.step).toBe(300);
    expect(m.epoch).toBe(300);
    expect(m.ens_val).toBeLessThanOrEqual(m.member_val);
    expect(m.ens_val).toBeLessThan(0.9 * m.member_val);
    expect(m.ens_val).toBeLessThan(m.ens_size_1);
    expect(Math.abs(m.ens_formula - m.ens_val)).toBeLessThan(1e-9);
    expect(m.rho).toBeGreaterThan(0);
    expect(m.rho).toBeLessThan(1);
    expect(m.oob_theory).toBeCloseTo((1 - 1 / 25) ** 25, 9);
    expect(Math.abs(m.oob_many - m.oob_theory)).toBeLessThan(0.01);
    expect(Math.abs(m.oob_members - m.oob_theory)).toBeLessThan(0.1);
    await expect(page.getByTestId('ensemble-bootstrap')).toContainText('2000 bootstrap samples');
    await expect(page.getByTestId('ensemble-why')).toContainText('not perfectly correlated');
    await expect(page.getByTestId('ensemble-headline')).toContainText(`ensemble ${m.ens_val.toFixed(3)}`);
    await expectNoKatexErrors(page);
    con.assertClean();
  });

  test('exports, link and memory', async ({ page }) => {
    test.setTimeout(150_000);
    const con = watchConsole(page);
    const lab = await openWith(page, `${ID}.k=4&${ID}.epochs=100&${ID}.seed=3`);
    await lab.getByRole('button', { name: 'Step', exact: true }).click();
    await waitForLab(page, ID, (p) => p.step === 1 && Number.isFinite(p.metrics.ens_val));
    await checkExports(page, ID, 'Members and their average', 'lecture08');
    await checkExports(page, ID, 'Validation error of each member', 'lecture08');
    await checkExports(page, ID, 'Validation error against ensemble size', 'lecture08');
    await checkExports(page, ID, 'Validation error per epoch', 'lecture08');
    await linkReproduces(page, SLUG, ID);
    await tensorsFlatAcrossResets(page, ID);
    con.assertClean();
  });

  test('members that differ only by initialisation have no out-of-bag points', async ({ page }) => {
    const con = watchConsole(page);
    const lab = await openWith(page, `${ID}.div=init&${ID}.k=4&${ID}.epochs=100`);
    const p = (await labProbe(page, ID))!;
    expect(p.params.diversity).toBe('init');
    expect(p.metrics.oob_members).toBe(0);
    await expect(page.getByTestId('ensemble-bootstrap')).toContainText('no bootstrap');
    await expect(lab.getByRole('img', { name: /0 out of bag/ })).toBeVisible();
    con.assertClean();
  });
});
