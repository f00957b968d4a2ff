import { defineParams, seedParam, select } from '../../../../params/schema';

/** Minibatch size of both models. */
export const BATCH_SIZE = 32;
/** Hidden units of the 784 → H → 10 MLP. */
export const HIDDEN = 64;
/** Adam's learning rate. */
export const LEARNING_RATE = 2e-3;
/** Held-out validation digits per class (never augmented, never trained on). */
export const VAL_PER_CLASS = 50;
/** Validation digits scored per engine step (× the number of test views for the augmented model). */
export const EVAL_CHUNK = 100;
/** Augmented samples shown next to the original in each preview. */
export const PREVIEW_COUNT = 15;
/** Crop size of the photo preview: the notes' 224 halved (scales [128, 240]). */
export const PHOTO_CROP = 112;
/** The photo is shrunk once so its short side is the largest training scale. */
export const PHOTO_SHORT_SIDE = 240;

export const PHOTOS = ['chelsea', 'coffee', 'astronaut'] as const;

export const AUGMENT_PARAMS = defineParams({
  bright: { kind: 'bool', label: 'Brightness', urlKey: 'br', default: true },
  brightS: {
    kind: 'number', label: 'Brightness strength', symbol: 's_b', urlKey: 'brs', min: 0, max: 0.9, step: 0.05, default: 0.2,
    help: 'Pixels are multiplied by f ~ U[1 − s, 1 + s], then clipped to [0, 1].',
  },
  contrast: { kind: 'bool', label: 'Contrast', urlKey: 'ct', default: true },
  contrastS: {
    kind: 'number', label: 'Contrast strength', symbol: 's_c', urlKey: 'cts', min: 0, max: 0.9, step: 0.05, default: 0.2,
    help: 'Pixels move away from (f > 1) or towards (f < 1) the mean brightness, f ~ U[1 − s, 1 + s].',
  },
  flip: { kind: 'bool', label: 'Horizontal flip', urlKey: 'fl', default: false },
  flipP: {
    kind: 'number', label: 'Flip probability', symbol: 'p', urlKey: 'flp', min: 0, max: 1, step: 0.05, default: 0.5,
    help: 'Each sample is mirrored left–right with this probability.',
  },
  crop: { kind: 'bool', label: 'Random crop', urlKey: 'cr', default: true },
  cropS: {
    kind: 'number', label: 'Crop scale range', symbol: 's', urlKey: 'crs', min: 0, max: 1, step: 0.05, default: 0.1,
    help: 'Short side resized to L ~ U{Lmin … Lmin + s·(Lmax − Lmin)}, then a random crop; s = 1 is the notes’ full range.',
  },
  rotate: { kind: 'bool', label: 'Rotation', urlKey: 'ro', default: true },
  rotateS: {
    kind: 'number', label: 'Largest angle (°)', symbol: '\\theta_{\\max}', urlKey: 'ros', min: 0, max: 180, step: 5, default: 10,
    help: 'Rotation by θ ~ U[−θmax, θmax] about the centre; corners that come from outside are black.',
  },
  tta: {
    kind: 'bool', label: 'Test on the fixed crops', urlKey: 'tta', default: true,
    help: 'Score the augmented model on the notes’ fixed test crops (4 corners + centre, × 2 flips if flipping), averaging the softmax.',
  },
  nTrain: {
    kind: 'number', label: 'Training digits', symbol: 'n', urlKey: 'n', min: 100, max: 1000, step: 100, default: 300,
    help: 'A stratified subset of MNIST: n/10 digits of each class.',
  },
  epochs: { kind: 'number', label: 'Epochs', urlKey: 'ep', min: 5, max: 100, step: 5, default: 60 },
  digit: { kind: 'number', label: 'Preview digit', urlKey: 'dg', min: 0, max: 9, step: 1, default: 2 },
  photo: select({
    label: 'Photo', urlKey: 'ph', options: PHOTOS, default: 'chelsea',
    optionLabels: { chelsea: 'Chelsea the cat', coffee: 'a coffee cup', astronaut: 'an astronaut' },
  }),
  seed: seedParam(),
});
