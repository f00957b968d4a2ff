import AxeBuilder from '@axe-core/playwright';
import { expect, type Download, type Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

/** Collects console errors and uncaught exceptions; call `assertClean()` at the end of a test. */
export function watchConsole(page: Page) {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  return {
    errors,
    assertClean: () => expect(errors, errors.join('\n')).toEqual([]),
  };
}

export async function expectNoKatexErrors(page: Page) {
  await expect(page.locator('.katex-error')).toHaveCount(0);
}

export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary, summary.join('\n')).toEqual([]);
}

/**
 * Sections and labs interleave as in the lecture: every lab in `labs` is on the page, in that order,
 * and each [section, lab] pair in `after` has the lab placed after its section.
 */
export async function expectLectureOrder(page: Page, labs: readonly string[], after: readonly [string, string][]) {
  const order = await page.locator('.lecture-section, section.lab, [data-lab]').evaluateAll((els) =>
    els.map((e) => e.getAttribute('data-lab') ?? e.id.replace(/^lab-/, '')).filter((v, i, a) => v && a.indexOf(v) === i));
  const labPos = labs.map((id) => order.indexOf(id));
  expect(labPos.every((p) => p >= 0)).toBe(true);
  expect([...labPos].sort((a, b) => a - b)).toEqual(labPos);
  for (const [section, lab] of after) expect(order.indexOf(section)).toBeLessThan(order.indexOf(lab));
}

/**
 * The header badge names the running tfjs backend. tfjs starts only with the first lab that needs
 * it: on a page without one (`'idle'`) the badge says so and tfjs is never loaded.
 */
export async function expectBackendBadge(page: Page, expected: 'started' | 'idle' = 'started') {
  const badge = page.getByTestId('backend-badge');
  await expect(badge).toBeVisible();
  if (expected === 'idle') {
    await expect(badge).toHaveText('ML engine: starts with the first lab that needs it');
    expect(await page.evaluate(() => Boolean((window as unknown as { __backend?: unknown }).__backend)), 'tfjs was started on a page that does not need it').toBe(false);
    return;
  }
  await expect(badge).toHaveAttribute('data-backend', /^(webgl|wasm|cpu)$/);
  await expect(badge).toContainText(/Backend: (WebGL|WebAssembly|CPU)/);
}

declare global {
  interface Window {
    __labs?: Record<string, unknown>;
  }
}

type Probe = { params: Record<string, unknown>; status: string; step: number; metrics: Record<string, number>; runId: number; notices: string[] };

export function labProbe(page: Page, id: string): Promise<Probe | null> {
  return page.evaluate((labId) => (window.__labs?.[labId] as unknown as Probe) ?? null, id);
}

/** Wait until the lab's probe satisfies `pred`. */
export async function waitForLab(page: Page, id: string, pred: (p: Probe) => boolean, timeout = 45_000): Promise<Probe> {
  let last: Probe | null = null;
  await expect
    .poll(async () => {
      last = await labProbe(page, id);
      return last !== null && pred(last);
    }, { timeout, message: `lab ${id} never reached the expected state` })
    .toBe(true);
  return last!;
}

/** A fingerprint of everything a lab draws: canvas pixels and chart SVG markup. */
export function viewFingerprint(page: Page, id: string): Promise<string> {
  return page.evaluate((labId) => {
    const root = document.querySelector(`[data-lab="${labId}"] .lab-views`);
    if (!root) return '';
    const canvases = [...root.querySelectorAll('canvas')].map((c) => c.toDataURL());
    const svgs = [...root.querySelectorAll('svg.recharts-surface')].map((s) => s.innerHTML);
    return JSON.stringify([canvases, svgs, root.textContent]);
  }, id);
}

export async function downloadText(d: Download): Promise<Buffer> {
  const path = await d.path();
  return readFile(path);
}

/** Press a chart's export button and check the file that comes out. */
export async function checkExports(page: Page, labId: string, chartTitle: string, prefix = 'lecture02') {
  const group = page.locator(`[data-lab="${labId}"]`).getByRole('group', { name: `Export ${chartTitle}` });
  const files: Record<string, Buffer> = {};
  for (const fmt of ['PNG', 'SVG', 'CSV']) {
    const [download] = await Promise.all([page.waitForEvent('download'), group.getByRole('button', { name: new RegExp(`as ${fmt}$`) }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^${prefix}-${labId}-.*\\.${fmt.toLowerCase()}$`));
    files[fmt] = await downloadText(download);
    expect(files[fmt].length).toBeGreaterThan(50);
  }
  expect([...files.PNG.subarray(1, 4)].map((c) => String.fromCharCode(c)).join('')).toBe('PNG');
  const svg = files.SVG.toString('utf8');
  expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
  expect(svg).toContain('</svg>');
  const csvLines = files.CSV.toString('utf8').trim().split(/\r?\n/);
  expect(csvLines.length).toBeGreaterThan(1);
  return files;
}

/** Open a lab by its deep link and wait until its model is built. */
export async function openLabOn(page: Page, slug: string, id: string) {
  await page.goto(`./#/lecture/${slug}/${id}`);
  await waitForLab(page, id, (p) => ['idle', 'running', 'done'].includes(p.status));
  return page.locator(`[data-lab="${id}"]`);
}

/** Move a slider by keyboard, as a learner would, and wait for a new run whose view differs. */
export async function nudgeSlider(page: Page, id: string, param: string, key: 'ArrowRight' | 'ArrowLeft' = 'ArrowRight') {
  const before = await viewFingerprint(page, id);
  const runBefore = (await labProbe(page, id))!.runId;
  const slider = page.locator(`[data-lab="${id}"] input[type="range"][data-param="${param}"]`);
  await slider.focus();
  await slider.press(key);
  await waitForLab(page, id, (p) => p.runId > runBefore && p.status !== 'loading');
  await expect.poll(() => viewFingerprint(page, id), { timeout: 20_000 }).not.toBe(before);
}

/** Bring a lab back to step 0, idle (parameter changes may have started it). */
export async function resetLab(page: Page, id: string) {
  await page.locator(`[data-lab="${id}"]`).getByRole('button', { name: 'Reset' }).first().click();
  return waitForLab(page, id, (p) => p.status === 'idle' && p.step === 0);
}

/** Reset, then Play, and check that the loss metric went down. */
export async function playLowersLoss(page: Page, id: string, loss = 'loss') {
  const lab = page.locator(`[data-lab="${id}"]`);
  await lab.getByRole('button', { name: /^(Pause|Reset)$/ }).first().click();
  await lab.getByRole('button', { name: 'Reset' }).first().click();
  const start = await waitForLab(page, id, (p) => p.status === 'idle' && p.step === 0 && Number.isFinite(p.metrics[loss]));
  await lab.getByRole('button', { name: 'Play' }).click();
  const end = await waitForLab(page, id, (p) => p.step >= 30 && Number.isFinite(p.metrics[loss]));
  expect(end.metrics[loss]).toBeLessThan(start.metrics[loss]);
  return start;
}

/** Copy the lab's link, open it in a new page, and check the parameters come back the same. */
export async function linkReproduces(page: Page, slug: string, id: string) {
  const lab = page.locator(`[data-lab="${id}"]`);
  await lab.getByRole('button', { name: 'Copy link' }).click();
  const link = await lab.locator('input.share-link').inputValue();
  expect(link).toContain(`#/lecture/${slug}/${id}?`);
  const params = (await labProbe(page, id))!.params;
  const other = await page.context().newPage();
  await other.goto(link);
  const probe = await waitForLab(other, id, (p) => p.status !== 'loading');
  expect(probe.params).toEqual(params);
  await other.close();
}

/**
 * Train a lab a little, then reset it twenty times (one Step in between each time) and check that
 * `tf.memory().numTensors` comes back to where it started: no tensor leaks per run.
 */
export async function tensorsFlatAcrossResets(page: Page, id: string, resets = 20) {
  // tfjs starts with the page's first lab that needs it (the specs mount every lab at once).
  const hooked = () => page.evaluate(() => Boolean((window as unknown as { __backend?: unknown }).__backend));
  await expect.poll(hooked, { timeout: 60_000, message: 'tfjs never loaded on this page' }).toBe(true);
  const count = () => page.evaluate(() => (window as unknown as { __backend: { numTensors: () => number } }).__backend.numTensors());
  const lab = page.locator(`[data-lab="${id}"]`);
  await lab.getByRole('button', { name: /^(Pause|Reset)$/ }).first().click();
  await lab.getByRole('button', { name: 'Reset', exact: true }).first().click();
  let last = await waitForLab(page, id, (p) => p.status === 'idle' && p.step === 0);
  await lab.getByRole('button', { name: 'Step', exact: true }).click();
  await waitForLab(page, id, (p) => p.runId === last.runId && p.step >= 1);
  await lab.getByRole('button', { name: 'Reset', exact: true }).first().click();
  last = await waitForLab(page, id, (p) => p.runId > last.runId && p.status === 'idle' && p.step === 0);
  const before = await count();
  for (let i = 0; i < resets; i++) {
    await lab.getByRole('button', { name: 'Step', exact: true }).click();
    await waitForLab(page, id, (p) => p.runId === last.runId && p.step >= 1);
    await lab.getByRole('button', { name: 'Reset', exact: true }).first().click();
    last = await waitForLab(page, id, (p) => p.runId > last.runId && p.status === 'idle' && p.step === 0);
  }
  expect(await count()).toBe(before);
}
