import { expect, test } from '@playwright/test';
import { expectBackendBadge, expectLectureOrder, expectNoAxeViolations, expectNoKatexErrors, waitForLab, watchConsole } from './helpers';

const LABS = ['gnn', 'autoencoder', 'gan', 'diffusion', 'rl'];

test('Lecture 12 — the page in the lecture\'s order with its five labs, worked numbers, corrections and the course map, no errors', async ({ page }) => {
  test.setTimeout(180_000);
  const con = watchConsole(page);
  await page.goto('./#/lecture/12-advanced');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Advanced DL topics');
  const annotations = async (id: string) => (await page.locator(`#${id} annotation`).allTextContents()).join(' ');
  // Worked numbers computed on the page: the karate club's mean degree, log 2, DDPM's ᾱ, a discounted reward.
  await expect.poll(() => annotations('message-passing'), { timeout: 30_000 }).toContain('4.59');
  await expect.poll(() => annotations('gan-loss')).toContain('\\log 2 \\approx 0.693');
  await expect.poll(() => annotations('forward-diffusion')).toContain('\\bar\\alpha_{500} \\approx 0.079');
  expect(await annotations('forward-diffusion')).toContain('4.0\\cdot 10^{-5}');
  await expect.poll(() => annotations('rl-formulation')).toContain('0.349');
  // Corrections: ᾱ's product and the chain's second line; the L_VLB bracket.
  await expect(page.locator('.lecture-section .erratum')).toHaveCount(2);
  // The course map links every lab of every lecture, and a link opens its lab.
  const map = page.getByTestId('course-map');
  const hrefs = await page.evaluate(() => [...document.querySelectorAll('[data-testid="course-map"] a.course-map-lab')].map((a) => a.getAttribute('href')));
  const unique = new Set(hrefs);
  expect(unique.size).toBe(51);
  await expect(map).toContainText('51 labs across lectures 2–12');
  await expect(map.getByRole('link', { name: /Transfer learning on MNIST/ })).toHaveAttribute('href', '#/lecture/11-rnn-transformers/transfer');
  for (const id of LABS) await waitForLab(page, id, (p) => p.status !== 'loading', 90_000);
  await expectLectureOrder(page, LABS, [
    ['message-passing', 'gnn'],
    ['variational-autoencoders', 'autoencoder'],
    ['gan-loss', 'gan'],
    ['training-diffusion', 'diffusion'],
    ['rl-formulation', 'rl'],
  ]);
  expect(await page.locator('.katex').count()).toBeGreaterThan(40);
  await expectNoKatexErrors(page);
  await expectBackendBadge(page);
  await expectNoAxeViolations(page);
  con.assertClean();
  await map.getByRole('link', { name: /Nearest-neighbour classifier/ }).first().click();
  await expect(page).toHaveURL(/#\/lecture\/02-ml-basics\/knn$/);
  await expect(page.locator('[data-lab="knn"]')).toBeVisible({ timeout: 30_000 });
});
