#!/usr/bin/env node
/**
 * Lighthouse (12, Node 20) on the production build: performance and accessibility of the home page
 * and of every lecture page before a lab is started (labs mount idle; nothing is pressed).
 *
 *   node scripts/lighthouse.mjs                 # builds nothing: serves dist/ (run `npm run build` first)
 *   LH_DIST=/tmp/x-dist LH_PORT=4399 node scripts/lighthouse.mjs
 *   LH_ONLY=home,09-cnn node scripts/lighthouse.mjs
 *   LH_RUNS=5 node scripts/lighthouse.mjs       # runs per page (default 3)
 *
 * Each page is measured LH_RUNS times and the run with the median performance score is reported
 * (Lighthouse's own advice: one run varies by several points with the machine's load; the runs'
 * scores are printed too).
 *
 * Prints one line per page and a summary; exits 1 if a page is below the targets (performance ≥ 90,
 * accessibility 100) unless LH_NO_FAIL=1. Chrome: CHROME_PATH or /usr/bin/chromium.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const dist = resolve(process.env.LH_DIST || process.env.BENCH_DIST || 'dist');
const port = Number(process.env.LH_PORT || 4399);
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';
const TARGET_PERF = 90;
const TARGET_A11Y = 100;
const RUNS = Math.max(1, Number(process.env.LH_RUNS || 3));

const SLUGS = ['02-ml-basics', '03-neural-networks', '04-backprop', '05-optimization', '06-training-1', '07-training-2',
  '08-regularization', '09-cnn', '10-cnn-2', '11-rnn-transformers', '12-advanced'];
const only = process.env.LH_ONLY ? process.env.LH_ONLY.split(',') : null;
const pages = [{ name: 'home', path: '#/' }, ...SLUGS.map((s) => ({ name: s, path: `#/lecture/${s}` }))]
  .filter((p) => !only || only.includes(p.name));

async function waitFor(url, ms) {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch { /* not up yet */ }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server at ${url} did not start`);
}

if (!existsSync(resolve(dist, 'index.html'))) {
  console.error(`lighthouse: no build in ${dist} (run npm run build, or set LH_DIST)`);
  process.exit(2);
}
const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort', '--outDir', dist],
  { stdio: 'ignore', detached: true });
const base = `http://127.0.0.1:${port}/`;
let failed = false;
let chrome;
try {
  await waitFor(base, 30_000);
  chrome = await chromeLauncher.launch({
    chromePath,
    chromeFlags: ['--headless=new', '--no-sandbox', '--enable-unsafe-swiftshader', '--disable-gpu-sandbox'],
  });
  const rows = [];
  for (const p of pages) {
    // Lighthouse's default: mobile emulation with simulated throttling (slow 4G, 4× CPU slowdown).
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const result = await lighthouse(base + p.path, {
        port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'],
      });
      runs.push(result.lhr);
    }
    runs.sort((x, y) => (x.categories.performance.score ?? 0) - (y.categories.performance.score ?? 0));
    const lhr = runs[Math.floor((runs.length - 1) / 2)];
    const scores = runs.map((r) => Math.round((r.categories.performance.score ?? 0) * 100));
    const perf = Math.round((lhr.categories.performance.score ?? 0) * 100);
    const a11y = Math.round((lhr.categories.accessibility.score ?? 0) * 100);
    const a = lhr.audits;
    const ms = (id) => Math.round(a[id]?.numericValue ?? NaN);
    const ok = perf >= TARGET_PERF && a11y >= TARGET_A11Y;
    if (!ok) failed = true;
    const failing = Object.values(a).filter((x) => x.score === 0 && lhr.categories.accessibility.auditRefs.some((r) => r.id === x.id)).map((x) => x.id);
    rows.push({ page: p.name, perf, a11y, FCP: ms('first-contentful-paint'), LCP: ms('largest-contentful-paint'), TBT: ms('total-blocking-time'), CLS: a['cumulative-layout-shift']?.numericValue?.toFixed(3), ok, failing });
    console.log(`lighthouse ${p.name.padEnd(20)} performance ${String(perf).padStart(3)}  accessibility ${String(a11y).padStart(3)}  FCP ${ms('first-contentful-paint')} ms  LCP ${ms('largest-contentful-paint')} ms  TBT ${ms('total-blocking-time')} ms  CLS ${rows.at(-1).CLS}${RUNS > 1 ? `  (runs: ${scores.join(', ')})` : ''}${ok ? '' : '  BELOW TARGET'}${failing.length ? `  a11y failing: ${failing.join(', ')}` : ''}`);
  }
  const minPerf = Math.min(...rows.map((r) => r.perf));
  const minA11y = Math.min(...rows.map((r) => r.a11y));
  console.log(`lighthouse summary: ${rows.length} pages, lowest performance ${minPerf} (target ${TARGET_PERF}), lowest accessibility ${minA11y} (target ${TARGET_A11Y})`);
} finally {
  if (chrome) await chrome.kill();
  try { process.kill(-server.pid); } catch { /* already gone */ }
}
process.exit(failed && !process.env.LH_NO_FAIL ? 1 : 0);
