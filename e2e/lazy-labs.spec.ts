import { expect, test } from '@playwright/test';
import { labProbe, waitForLab, watchConsole } from './helpers';

// Without the tests' "all labs at once" switch: a lecture opens as text, and labs mount as the learner nears them.
test.use({ storageState: { cookies: [], origins: [] } });

test('labs mount when the learner scrolls near them, or follows a link to one', async ({ page }) => {
  const con = watchConsole(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('./#/lecture/05-optimization');
  await expect(page.locator('.lecture-section').first()).toBeVisible();
  // The last lab of the page is far below the first screen: still a placeholder, no engine.
  const last = page.locator('#lab-second-order');
  await expect(last).toHaveClass(/lab-placeholder/);
  await page.waitForTimeout(1500);
  expect(await labProbe(page, 'second-order')).toBeNull();
  await last.scrollIntoViewIfNeeded();
  await waitForLab(page, 'second-order', (p) => p.status !== 'loading');
  await expect(page.locator('[data-lab="second-order"]')).toBeVisible();
  // A deep link mounts its lab even though it is far down.
  await page.goto('./#/lecture/12-advanced/rl');
  await waitForLab(page, 'rl', (p) => p.status !== 'loading');
  // "Load it now" mounts a placeholder on request.
  await page.goto('./#/lecture/12-advanced');
  const btn = page.locator('#lab-diffusion').getByRole('button', { name: 'Load it now' });
  await expect(btn).toHaveCount(1);
  await btn.dispatchEvent('click'); // a click without scrolling there first

  await waitForLab(page, 'diffusion', (p) => p.status !== 'loading');
  con.assertClean();
});
