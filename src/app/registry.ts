/**
 * The lecture registry: every lecture 2-12 with its outline from the notes, the labs that are
 * built, and (lazily) its page. A lecture without a page shows its outline.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { LECTURES } from './courseOutline';
import type { LectureInfo } from './courseTypes';

export interface LabRef {
  id: string;
  title: string;
}

export interface LecturePageProps {
  info: LectureInfo;
}

export interface TocItem {
  id: string;
  title: string;
}

export interface LectureEntry {
  info: LectureInfo;
  labs: LabRef[];
  /** Sections of a built page (its own order); outline pages use the notes' sections. */
  toc: TocItem[];
  page?: LazyExoticComponent<ComponentType<LecturePageProps>>;
}

type PageModule = { default: ComponentType<LecturePageProps> };

const PAGES: Record<string, { labs: LabRef[]; toc: TocItem[]; load: () => Promise<PageModule> }> = {
  '02-ml-basics': {
    toc: [
      { id: 'nearest-neighbour', title: 'A simple classifier: nearest neighbours' },
      { id: 'data-splits', title: 'Learning from experience: splitting the data' },
      { id: 'learning-types', title: 'Supervised and unsupervised learning' },
      { id: 'linear-prediction', title: 'Linear regression: a linear model' },
      { id: 'loss-and-optimisation', title: 'Loss function and optimisation' },
      { id: 'least-squares', title: 'Linear least squares in closed form' },
      { id: 'maximum-likelihood', title: 'Maximum likelihood' },
      { id: 'regression-vs-classification', title: 'Regression against classification' },
      { id: 'logistic-regression', title: 'Logistic regression' },
    ],
    labs: [
      { id: 'knn', title: 'Nearest-neighbour classifier' },
      { id: 'linreg', title: 'Linear regression' },
      { id: 'logreg', title: 'Logistic regression' },
    ],
    load: () => import('../lectures/02-ml-basics'),
  },
};

export const REGISTRY: LectureEntry[] = LECTURES.map((info) => ({
  info,
  labs: PAGES[info.slug]?.labs ?? [],
  toc: PAGES[info.slug]?.toc ?? info.sections.map((s) => ({ id: s.id, title: s.title })),
  page: PAGES[info.slug] ? lazy(PAGES[info.slug].load) : undefined,
}));

/**
 * Start fetching a lecture's page chunk before React asks for it, so the route's chunks load in
 * parallel instead of one after another (module imports are cached, so this costs nothing twice).
 */
export function preloadLecture(slug: string): void {
  void PAGES[slug]?.load().catch(() => undefined);
}

export function findLecture(slug: string): { entry: LectureEntry; index: number } | null {
  const index = REGISTRY.findIndex((e) => e.info.slug === slug);
  return index < 0 ? null : { entry: REGISTRY[index], index };
}

export const TOTAL_LABS = REGISTRY.reduce((n, e) => n + e.labs.length, 0);
