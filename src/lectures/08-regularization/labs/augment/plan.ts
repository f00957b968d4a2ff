/** The experiment's plan, without tfjs (the lab component imports this; the engine loads lazily). */
import type { Values } from '../../../../params/schema';
import { IDENTITY_DRAW, testCropDraws, type AugmentConfig, type AugmentDraw } from '../../../../ml/augment';
import { MNIST_SIDE } from '../../../../ml/data/mnist';
import { BATCH_SIZE, EVAL_CHUNK, VAL_PER_CLASS, type AUGMENT_PARAMS } from './params';

export type AugmentParams = Values<typeof AUGMENT_PARAMS>;

/** The transforms the parameters switch on. */
export function augmentConfig(p: AugmentParams): AugmentConfig {
  return {
    brightness: p.bright ? p.brightS : null,
    contrast: p.contrast ? p.contrastS : null,
    flip: p.flip ? p.flipP : null,
    crop: p.crop ? p.cropS : null,
    rotation: p.rotate ? p.rotateS : null,
  };
}

/**
 * How the augmented model is tested (the notes: "Testing: fixed set of crops"). With crops on:
 * the 4 corners + centre of the digit resized to N = Lmin, × 2 flips when flipping is on; with the
 * fixed crops off, the centre crop alone. Without crops: the digit (and its mirror image when
 * flipping and test crops are on). The plain model always sees the digit as it is.
 */
export function testViews(p: AugmentParams, S = MNIST_SIDE): AugmentDraw[] {
  const flips = p.flip && p.tta;
  if (p.crop) {
    const crops = testCropDraws(S, S, S, flips).map((c) => c.draw);
    return p.tta ? crops : [crops[4]];
  }
  return flips ? [IDENTITY_DRAW, { ...IDENTITY_DRAW, flip: true }] : [IDENTITY_DRAW];
}

export interface EpochScores {
  epoch: number;
  valPlain: number;
  valAug: number;
  trainPlain: number;
  trainAug: number;
  lossPlain: number;
  lossAug: number;
}

export interface AugmentView {
  history: EpochScores[];
  /** Steps done / steps planned. */
  progress: number;
  nTrain: number;
  nVal: number;
  views: number;
  msPerBatch: number;
}

export function stepsPerEpoch(p: Pick<AugmentParams, 'nTrain'>): number {
  const n = Math.round(p.nTrain / 10) * 10;
  return Math.ceil(n / BATCH_SIZE) + Math.ceil((VAL_PER_CLASS * 10) / EVAL_CHUNK);
}

export function totalSteps(p: Pick<AugmentParams, 'nTrain' | 'epochs'>): number {
  return stepsPerEpoch(p) * Math.round(p.epochs);
}

