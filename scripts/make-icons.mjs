#!/usr/bin/env node
/**
 * Renders the app icons (public/icons/*.png) from public/favicon.svg with the system Chromium, since
 * the project has no image library: each icon is the SVG drawn at its size and screenshotted.
 *   node scripts/make-icons.mjs
 * Plain icons keep the favicon's rounded, transparent corners; the maskable one fills the whole square
 * with the favicon's blue and keeps the drawing inside the central 80 % safe zone, so a launcher may
 * cut it to any shape. Re-run after changing favicon.svg and commit the PNGs.
 */
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const svg = readFileSync(`${root}public/favicon.svg`, 'utf8');
const bg = /<rect[^>]*fill="([^"]+)"/.exec(svg)?.[1] ?? '#1f4e8c';
// The favicon's drawing without its background square, for the maskable icon.
const inner = svg.replace(/^<svg[^>]*>/, '').replace(/<\/svg>\s*$/, '').replace(/<rect[^>]*\/>/, '');

const icons = [
  { file: 'icon-192.png', size: 192, markup: svg },
  { file: 'icon-512.png', size: 512, markup: svg },
  { file: 'apple-touch-icon-180.png', size: 180, markup: svg.replace(/ rx="[^"]*"/, '') },
  {
    file: 'maskable-512.png',
    size: 512,
    // 32-unit drawing scaled to 75 % of the square, centred: well inside the 80 % safe circle.
    markup: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${bg}"/><g transform="translate(4 4) scale(0.75)">${inner}</g></svg>`,
  },
];

const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ deviceScaleFactor: 1 });
for (const { file, size, markup } of icons) {
  await page.setViewportSize({ width: size, height: size });
  const sized = markup.replace('<svg ', `<svg width="${size}" height="${size}" `);
  await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${sized}</body></html>`);
  await page.locator('svg').screenshot({ path: `${root}public/icons/${file}`, omitBackground: true });
  console.log(`public/icons/${file} (${size}×${size})`);
}
await browser.close();
