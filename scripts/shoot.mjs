// Screenshots of routes for a visual check: node scripts/shoot.mjs <baseUrl> <outDir> <route>...
import { chromium } from '@playwright/test';

const [base, out, ...routes] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH || '/usr/bin/chromium', args: ['--no-sandbox', '--enable-unsafe-swiftshader'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
// Mount every lab of a page at once (they normally mount when scrolled near: src/labs/LabSlot.tsx).
await page.addInitScript(() => localStorage.setItem('i2dl-labs-eager', '1'));
page.on('console', (m) => m.type() === 'error' && console.log('console error:', m.text()));
page.on('pageerror', (e) => console.log('pageerror:', e.message));
for (const [i, r] of routes.entries()) {
  const [route, wait = '1500', sel] = r.split('|');
  await page.goto(`${base}${route}`);
  await page.waitForTimeout(Number(wait));
  const path = `${out}/shot-${i}.png`;
  if (sel) await page.locator(sel).first().screenshot({ path });
  else await page.screenshot({ path, fullPage: false });
  console.log(path, route);
}
console.log(JSON.stringify(await page.evaluate(() => Object.fromEntries(Object.entries(window.__labs ?? {}).map(([k, v]) => [k, { status: v.status, step: v.step, metrics: v.metrics, error: v.error }])))));
await browser.close();
