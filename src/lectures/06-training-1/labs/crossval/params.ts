import { DATASET_2D_KINDS } from '../../../../ml/data/datasets2d';
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
    label: 'Dataset', urlKey: 'data', options: DATASET_2D_KINDS, default: 'moons',
    optionLabels: { blobs: 'Gaussian blobs', circles: 'Circles', xor: 'XOR', spiral: 'Spiral', moons: 'Moons' },
  }),
  n: { kind: 'number', label: 'Points', urlKey: 'n', min: 60, max: 400, step: 20, default: 200, help: `${TEST_SHARE * 100} % of them are the test set.` },
  noise: { kind: 'number', label: 'Noise', urlKey: 'noise', min: 0, max: 1, step: 0.05, default: 0.7 },
  seed: seedParam(1),
});

export type CrossvalParams = Values<typeof CROSSVAL_PARAMS>;

/** Development (train + validation) and test sizes, as splitDataset cuts them. */
export function splitSizes(n: number): { dev: number; test: number } {
  const dev = Math.round(n * (1 - TEST_SHARE));
  return { dev, test: n - dev };
}

/** Candidates that fit in the smallest training part (k − 1 folds). */
export function candidatesFor(p: Pick<CrossvalParams, 'n' | 'folds'>): number[] {
  const { dev } = splitSizes(p.n);
  const k = Math.round(p.folds);
  const smallestTrain = dev - Math.ceil(dev / k);
  return K_NN_CANDIDATES.filter((c) => c <= smallestTrain);
}

/** One step = one (candidate, fold) round. */
export function totalRounds(p: Pick<CrossvalParams, 'n' | 'folds'>): number {
  return candidatesFor(p).length * Math.round(p.folds);
}
