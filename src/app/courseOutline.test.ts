import { describe, expect, it } from 'vitest';
import katex from 'katex';
import { LECTURES } from './courseOutline';

const EXPECTED_SLUGS: Record<number, string> = {
  2: '02-ml-basics',
  3: '03-neural-networks',
  4: '04-backprop',
  5: '05-optimization',
  6: '06-training-1',
  7: '07-training-2',
  8: '08-regularization',
  9: '09-cnn',
  10: '10-cnn-2',
  11: '11-rnn-transformers',
  12: '12-advanced',
};

describe('course outline', () => {
  it('lists lectures 2..12 in order with the agreed slugs', () => {
    expect(LECTURES.map((l) => l.number)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    for (const lecture of LECTURES) {
      expect(lecture.slug).toBe(EXPECTED_SLUGS[lecture.number]);
      expect(lecture.title.trim()).not.toBe('');
    }
  });

  it('gives every lecture 4-8 topics and at least 4 sections', () => {
    for (const lecture of LECTURES) {
      expect(lecture.topics.length, lecture.slug).toBeGreaterThanOrEqual(4);
      expect(lecture.topics.length, lecture.slug).toBeLessThanOrEqual(8);
      for (const topic of lecture.topics) expect(topic.trim(), lecture.slug).not.toBe('');
      expect(lecture.sections.length, lecture.slug).toBeGreaterThanOrEqual(4);
    }
  });

  it('uses unique kebab-case section ids within each lecture', () => {
    for (const lecture of LECTURES) {
      const ids = lecture.sections.map((s) => s.id);
      expect(new Set(ids).size, lecture.slug).toBe(ids.length);
      for (const id of ids) expect(id, lecture.slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
    }
  });

  it('has a non-empty plain-text summary and title for every section', () => {
    for (const lecture of LECTURES) {
      for (const section of lecture.sections) {
        const where = `${lecture.slug}#${section.id}`;
        expect(section.title.trim(), where).not.toBe('');
        expect(section.summary.trim(), where).not.toBe('');
        // Plain text: no LaTeX commands or math delimiters, no markdown emphasis.
        expect(section.summary, where).not.toMatch(/\\[a-zA-Z]+|\$|\*\*|`/);
        if (section.erratum !== undefined) expect(section.erratum.trim(), where).not.toBe('');
      }
    }
  });

  it('renders every formula with KaTeX', () => {
    let count = 0;
    for (const lecture of LECTURES) {
      for (const section of lecture.sections) {
        for (const formula of section.formulas ?? []) {
          const where = `${lecture.slug}#${section.id}: ${formula}`;
          expect(formula.trim(), where).not.toBe('');
          expect(() => katex.renderToString(formula, { displayMode: true, throwOnError: true, strict: 'ignore', trust: false }), where).not.toThrow();
          count += 1;
        }
      }
    }
    expect(count).toBeGreaterThan(0);
  });
});
