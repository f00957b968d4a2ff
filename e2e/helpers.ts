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

export async function expectBackendBadge(page: Page) {
  const badge = page.getByTestId('backend-badge');
  await expect(badge).toBeVisible();
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
