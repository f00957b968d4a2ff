import { describe, expect, it } from 'vitest';
import { COURSE_MAP, resolveCourseMap, unmappedLabs } from './courseMap';

describe('the course map (the notes\' I2DL overview)', () => {
  it('links only labs that exist, with their lecture and route', () => {
    const groups = resolveCourseMap();
    expect(groups.map((g) => g.title)).toEqual(['Machine learning basics', 'Introduction to neural networks', 'Training neural networks', 'Typology of neural networks']);
    const knn = groups[0].topics[0].labs[0];
    expect(knn).toEqual({ slug: '02-ml-basics', labId: 'knn', lecture: 2, title: 'Nearest-neighbour classifier', href: '#/lecture/02-ml-basics/knn' });
  });

  it('links every lab of every lecture', () => {
    expect(unmappedLabs()).toEqual([]);
  });

  it('rejects a lab the registry does not have', () => {
    expect(() => resolveCourseMap([{ title: 'x', topics: [{ topic: 'y', labs: [['02-ml-basics', 'nope']] }] }])).toThrow(/no lab 02-ml-basics\/nope/);
    expect(unmappedLabs([...COURSE_MAP.slice(1)])).toContain('02-ml-basics/linreg');
  });
});
