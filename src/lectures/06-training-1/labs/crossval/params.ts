import { DATASET_2D_KINDS, type Dataset2DKind } from '../../../../ml/data/datasets2d';
import { defineParams, seedParam, select, type Values } from '../../../../params/schema';

/** Share of the data held out as the test set (never seen by cross-validation). */
export const TEST_SHARE = 0.2;
/** Candidate numbers of neighbours, from the most flexible model (1) to the smoothest. Odd: no ties between two classes. */
export const K_NN_CANDIDATES: readonly number[] = [1, 3, 5, 7, 9, 13, 17, 21, 25, 31, 41];

export const CROSSVAL_PARAMS = defineParams({
  folds: {
    kind: 'number', label: 'Folds', symbol: 'k', urlKey: 'k', min: 2, max: 10, step: 1, default: 5,
    help: 'The development data are cut into k folds; each fold is the validation set once.',
  },
  dataset: select({
    label: 'Dataset', urlKey: 'data', options: [...DATASET_2D_KINDS, 'own'] as readonly (Dataset2DKind | 'own')[], default: 'moons',
    optionLabels: { blobs: 'Gaussian blobs', circles: 'Circles', xor: 'XOR', spiral: 'Spiral', moons: 'Moons', own: 'Your points only' },
  }),
  n: { kind: 'number', label: 'Points', urlKey: 'n', min: 60, max: 400, step: 20, default: 200, help: `${TEST_SHARE * 100} % of them are the test set.` },
  noise: { kind: 'number', label: 'Noise', urlKey: 'noise', min: 0, max: 1, step: 0.05, default: 0.7 },
  points: { kind: 'points', label: 'Your points', urlKey: 'pts', maxCount: 200, classes: 2, default: [] },
  seed: seedParam(1),
});

export type CrossvalParams = Values<typeof CROSSVAL_PARAMS>;

/** Development (train + validation) and test sizes, as splitDataset cuts them. */
export function splitSizes(n: number): { dev: number; test: number } {
  const dev = Math.round(n * (1 - TEST_SHARE));
  return { dev, test: n - dev };
}

/** Fewest of the learner's own points the lab cross-validates: 1 test point and 4 development points in at least 2 folds. */
export const MIN_OWN_POINTS = 5;

/** How a run cuts its data: the number of points, the folds actually used, and why they differ from the slider. */
export interface CvPlan {
  /** Points in the data (test set included). */
  n: number;
  /** Folds used: the slider's k, or fewer when there are fewer development points than folds. */
  folds: number;
  /** The folds the slider asks for. */
  requested: number;
  /** "Your points only" with fewer than MIN_OWN_POINTS points: nothing is cross-validated. */
  tooFew: boolean;
  /** Why the run differs from what the controls say, or null. */
  notice: string | null;
}

/**
 * The data size and folds of a run. Generated data: n points plus the learner's; "Your points
 * only": the learner's points alone, with the folds cut down to the development points when there
 * are fewer of them than folds (every fold must hold a point), and no run below MIN_OWN_POINTS.
 */
export function cvPlan(p: Pick<CrossvalParams, 'n' | 'folds' | 'dataset' | 'points'>): CvPlan {
  const requested = Math.round(p.folds);
  const own = p.dataset === 'own';
  const n = own ? p.points.length : Math.round(p.n) + p.points.length;
  if (own && n < MIN_OWN_POINTS) {
    return {
      n, folds: requested, requested, tooFew: true,
      notice: `${n === 0 ? 'No points yet' : `Only ${n} point${n === 1 ? '' : 's'}`}: cross-validation needs at least ${MIN_OWN_POINTS} of your points (one for the test set, the rest cut into at least 2 folds). Add ${MIN_OWN_POINTS - n} more, or pick a generated data set.`,
    };
  }
  const { dev } = splitSizes(n);
  const folds = Math.max(2, Math.min(requested, dev));
  const notice = folds < requested
    ? `Your ${n} points leave ${dev} for development: too few for ${requested} folds (every fold needs a point), so this run uses ${folds} folds${folds === dev ? ', one point each (leave-one-out)' : ''}.`
    : null;
  return { n, folds, requested, tooFew: false, notice };
}

/** Candidates that fit in the smallest training part (k − 1 folds). */
export function candidatesFor(p: Pick<CrossvalParams, 'n' | 'folds'>): number[] {
  const { dev } = splitSizes(p.n);
  const k = Math.round(p.folds);
  const smallestTrain = dev - Math.ceil(dev / k);
  return K_NN_CANDIDATES.filter((c) => c <= smallestTrain);
}

/** One step = one (candidate, fold) round (pass a CvPlan for the learner's points). */
export function totalRounds(p: Pick<CrossvalParams, 'n' | 'folds'> & { tooFew?: boolean }): number {
  if (p.tooFew) return 0;
  return candidatesFor(p).length * Math.round(p.folds);
}
