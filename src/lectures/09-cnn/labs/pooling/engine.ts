/**
 * The photo part of the pooling lab: load the photo once, compute the activation map and its four
 * pooled versions (plain TypeScript, a few million multiply-adds once per photo; no tfjs). The small
 * editable example is pooled in the component (its parameters are view-only).
 */
import type { LabEngine } from '../../../../labs/types';
import type { Values } from '../../../../params/schema';
import { loadPhoto } from '../../../../labs/photos';

/** The photo's short side in pixels (as in Lecture 8's augmentation lab). */
const PHOTO_SHORT_SIDE = 240;
import { computeMaps, panelStats, type MapPanel } from './maps';
import type { POOLING_PARAMS } from './params';

export type PoolingParams = Values<typeof POOLING_PARAMS>;

export interface PoolingView {
  photo: string;
  panels: MapPanel[];
}

export async function createPoolingEngine(p: PoolingParams): Promise<LabEngine<PoolingView>> {
  const img = await loadPhoto(p.photo, PHOTO_SHORT_SIDE);
  const panels = computeMaps(img, p.edge);
  const metrics: Record<string, number> = {};
  for (const q of panels) {
    const st = panelStats(q);
    metrics[`${q.key}_w`] = q.width;
    metrics[`${q.key}_h`] = q.height;
    metrics[`${q.key}_mean`] = st.mean;
    metrics[`${q.key}_max`] = st.max;
  }
  const view: PoolingView = { photo: p.photo, panels };
  return {
    step: () => undefined,
    read: (withView) => (withView ? { metrics, view } : { metrics }),
    isDone: () => true,
    dispose: () => undefined,
  };
}
