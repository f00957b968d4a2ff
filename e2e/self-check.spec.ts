import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { expectNoAxeViolations, expectNoKatexErrors, nudgeSlider, waitForLab, watchConsole } from './helpers';

/** axe on the self-check section only (the whole lecture page is checked by its own spec, and slow here). */
async function expectSectionAxeClean(page: Page) {
  const results = await new AxeBuilder({ page }).include('#self-check').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  const summary = results.violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  expect(summary, summary.join('\n')).toEqual([]);
}

test.describe('Self-check questions', () => {
  test('answer right and wrong, follow the lab, count on the home page', async ({ page }) => {
    test.setTimeout(180_000); // axe on a page with three live labs is slow on a loaded machine
    const con = watchConsole(page);
    await page.goto('./#/lecture/02-ml-basics');
    await waitForLab(page, 'knn', (p) => p.status !== 'loading');
    const section = page.locator('#self-check');
    await expect(section.getByRole('heading', { name: 'Check yourself' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Lecture contents' }).getByRole('link', { name: 'Check yourself' })).toBeVisible();

    // A lab-derived numeric question, answered right with Enter.
    const vote = section.locator('[data-question="knn-vote"]');
    await expect(vote.getByTestId('selfcheck-from-knn-vote')).toContainText('From your settings in the Nearest-neighbour classifier lab');
    await expect(vote.getByTestId('selfcheck-from-knn-vote')).toContainText('3 classes');
    const voteInput = vote.getByRole('textbox', { name: 'Your answer' });
    await voteInput.fill('2');
    await voteInput.press('Enter');
    const voteFb = vote.getByTestId('selfcheck-feedback-knn-vote');
    await expect(voteFb).toContainText('Right!');
    await expect(voteFb).toContainText('spreading the votes as evenly as possible');

    // A choice question answered wrong, then right after "Try again".
    const test1 = section.locator('[data-question="test-set"]');
    const fb = test1.getByTestId('selfcheck-feedback-test-set');
    await test1.getByRole('radio', { name: 'The training set' }).check();
    await test1.getByRole('button', { name: 'Check' }).click();
    await expect(fb).toContainText('Not right.');
    await expect(fb).not.toContainText('used only once');
    await test1.getByRole('button', { name: 'Try again' }).click();
    await expect(fb).toBeEmpty();
    await test1.getByRole('radio', { name: 'The test set' }).check();
    await test1.getByRole('button', { name: 'Check' }).click();
    await expect(fb).toContainText('Right!');
    await expect(fb).toContainText('the test set is used only once');

    // Unreadable input gets a message; revealing shows the answer but does not count.
    const bce = section.locator('[data-question="bce-value"]');
    const bceInput = bce.getByRole('textbox', { name: 'Your answer' });
    await bceInput.fill('1,000');
    await bceInput.press('Enter');
    await expect(bce.getByTestId('selfcheck-feedback-bce-value')).toContainText('ambiguous');
    await expect(bceInput).toHaveAttribute('aria-invalid', 'true');
    await bce.getByRole('button', { name: 'Show the answer' }).click();
    await expect(bce.getByTestId('selfcheck-feedback-bce-value')).toContainText('The answer:');
    await expectNoKatexErrors(page);
    await expectSectionAxeClean(page);

    // The lab changes: the question follows and the old feedback is withdrawn; at k = 7 the answer moves to ⌈7/3⌉ = 3.
    await nudgeSlider(page, 'knn', 'k');
    await expect(voteFb).toContainText('The question changed');
    await expect(voteInput).toHaveValue('');
    await nudgeSlider(page, 'knn', 'k');
    await expect(vote.getByTestId('selfcheck-from-knn-vote')).toContainText('k = 7');
    await voteInput.fill('2');
    await vote.getByRole('button', { name: 'Check' }).click();
    await expect(voteFb).toContainText('Not right.');
    await vote.getByRole('button', { name: 'Try again' }).click();
    await voteInput.fill('3');
    await voteInput.press('Enter');
    await expect(voteFb).toContainText('Right!');
    await expect(section.getByTestId('selfcheck-score')).toContainText('2 of 7 answered right');

    // Home: the count per lecture and in total; reset clears it.
    await page.goto('./#/');
    await expect(page.getByTestId('questions-02-ml-basics')).toContainText('2/7 questions right');
    await expect(page.getByTestId('progress-questions')).toHaveText('2');
    await expectNoAxeViolations(page);
    await page.getByRole('button', { name: 'Reset progress' }).click();
    await expect(page.getByTestId('progress-questions')).toHaveText('0');
    await expect(page.getByTestId('questions-02-ml-basics')).toContainText('0/7 questions right');
    con.assertClean();
  });
});
