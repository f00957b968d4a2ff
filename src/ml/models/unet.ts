/**
 * A mini U-Net in tfjs-core: two encoder levels (3×3 conv + ReLU, twice, then 2×2 max-pool), a
 * bottleneck, two decoder levels (2×2 up-convolution, optional concatenation of the encoder's feature
 * map at the same size, 3×3 conv + ReLU twice) and a final 1×1 conv to the class scores.
 *
 * tfjs because this is real tensor work (convolutions over 32×32 maps, autodiff through them,
 * Adam); plain TypeScript would be far slower. Convolutions use 'same' padding so the skip tensors
 * match the decoder's without cropping (the original U-Net uses unpadded convs and crops the copy).
 *
 * Nothing here reads a tensor back: training returns the loss as a tensor and evaluation returns a
 * confusion matrix, both left on the device for the caller's one read.
 */
import * as tf from '../tf';
import { createRng, randomNormalTensorInit } from '../rng';


export interface UNetConfig {
  /** Input channels (3 for RGB). */
  inChannels: number;
  /** Channels of the first level; the next levels have 2c and 4c. */
  width: number;
  classes: number;
  /** Concatenate the encoder's feature maps into the decoder (U-Net) or not (plain encoder–decoder). */
  skips: boolean;
  /** Batch normalisation after every 3×3 conv (before its ReLU). */
  bn?: boolean;
  seed: number;
}

/** One row of the architecture table: a layer's name and its output shape (H, W, C). */
export interface LayerShape {
  name: string;
  /** 'enc1' … level of the U (0 top, 2 bottom) for drawing. */
  level: number;
  side: 'enc' | 'bottom' | 'dec' | 'out';
  h: number;
  w: number;
  c: number;
}

interface ConvVar {
  w: tf.Variable;
  b: tf.Variable;
  /** BN scale γ (the bias b is BN's β); running mean and variance for evaluation. */
  g?: tf.Variable;
  rm?: tf.Variable;
  rv?: tf.Variable;
}

const BN_EPS = 1e-5;
const BN_MOMENTUM = 0.9;

/** The layers and shapes of the network for an input of side × side pixels. */
export function unetShapes(cfg: Pick<UNetConfig, 'inChannels' | 'width' | 'classes' | 'skips'>, side: number): LayerShape[] {
  const c = cfg.width;
  const s2 = side / 2;
  const s4 = side / 4;
  const rows: LayerShape[] = [
    { name: 'input', level: 0, side: 'enc', h: side, w: side, c: cfg.inChannels },
    { name: 'enc1: conv 3×3 + ReLU, ×2', level: 0, side: 'enc', h: side, w: side, c },
    { name: 'max-pool 2×2', level: 1, side: 'enc', h: s2, w: s2, c },
    { name: 'enc2: conv 3×3 + ReLU, ×2', level: 1, side: 'enc', h: s2, w: s2, c: 2 * c },
    { name: 'max-pool 2×2', level: 2, side: 'bottom', h: s4, w: s4, c: 2 * c },
    { name: 'bottleneck: conv 3×3 + ReLU, ×2', level: 2, side: 'bottom', h: s4, w: s4, c: 4 * c },
    { name: 'up-conv 2×2', level: 1, side: 'dec', h: s2, w: s2, c: 2 * c },
  ];
  if (cfg.skips) rows.push({ name: 'concat enc2', level: 1, side: 'dec', h: s2, w: s2, c: 4 * c });
  rows.push(
    { name: 'dec2: conv 3×3 + ReLU, ×2', level: 1, side: 'dec', h: s2, w: s2, c: 2 * c },
    { name: 'up-conv 2×2', level: 0, side: 'dec', h: side, w: side, c },
  );
  if (cfg.skips) rows.push({ name: 'concat enc1', level: 0, side: 'dec', h: side, w: side, c: 2 * c });
  rows.push(
    { name: 'dec1: conv 3×3 + ReLU, ×2', level: 0, side: 'dec', h: side, w: side, c },
    { name: 'conv 1×1 → class scores', level: 0, side: 'out', h: side, w: side, c: cfg.classes },
  );
  return rows;
}

/** Number of trainable parameters (weights, biases and BN scales). */
export function unetParamCount(cfg: Pick<UNetConfig, 'inChannels' | 'width' | 'classes' | 'skips' | 'bn'>): number {
  const c = cfg.width;
  // BN adds a scale γ per channel of every 3×3 conv (its shift β is the conv's bias).
  const bn = cfg.bn ? 20 * c : 0;
  const conv = (k: number, i: number, o: number) => k * k * i * o + o;
  return (
    conv(3, cfg.inChannels, c) + conv(3, c, c) +
    conv(3, c, 2 * c) + conv(3, 2 * c, 2 * c) +
    conv(3, 2 * c, 4 * c) + conv(3, 4 * c, 4 * c) +
    conv(2, 4 * c, 2 * c) + conv(3, cfg.skips ? 4 * c : 2 * c, 2 * c) + conv(3, 2 * c, 2 * c) +
    conv(2, 2 * c, c) + conv(3, cfg.skips ? 2 * c : c, c) + conv(3, c, c) +
    conv(1, c, cfg.classes) + bn
  );
}

export class MiniUNet {
  readonly cfg: UNetConfig;
  private readonly layers: Record<string, ConvVar>;
  private readonly vars: tf.Variable[];
  private readonly stats: tf.Variable[];
  private readonly opt: tf.Optimizer;
  private disposed = false;
  /** While training with BN: the batch moments of each BN layer, to update the running averages. */
  private moments: { layer: ConvVar; mean: tf.Tensor; variance: tf.Tensor }[] | null = null;

  constructor(cfg: UNetConfig, lr: number) {
    if (!(lr > 0) || !Number.isFinite(lr)) throw new Error(`the learning rate must be a positive number (got ${lr})`);
    if (!(cfg.width >= 1) || !Number.isInteger(cfg.width)) throw new Error(`the width must be a whole number ≥ 1 (got ${cfg.width})`);
    this.cfg = cfg;
    const c = cfg.width;
    const rng = createRng(cfg.seed);
    const specs: [string, number, number, number][] = [
      ['e1a', 3, cfg.inChannels, c], ['e1b', 3, c, c],
      ['e2a', 3, c, 2 * c], ['e2b', 3, 2 * c, 2 * c],
      ['ba', 3, 2 * c, 4 * c], ['bb', 3, 4 * c, 4 * c],
      // Up-convolutions: a transposed conv's filter is [k, k, out, in]; a conv's is [k, k, in, out].
      ['u2', 2, 4 * c, 2 * c],
      ['d2a', 3, 2 * c, 2 * c], ['d2b', 3, 2 * c, 2 * c],
      ['u1', 2, 2 * c, c],
      ['d1a', 3, c, c], ['d1b', 3, c, c],
      ['out', 1, c, cfg.classes],
    ];
    // With skips, the first conv of a decoder level also sees the copied encoder map: its filter over the
    // concatenation [up, copy] is kept as two blocks, one per part (see `forward`).
    if (cfg.skips) specs.push(['d2s', 3, 2 * c, 2 * c], ['d1s', 3, c, c]);
    this.layers = {};
    // Inside tidy, so the initial value tensors are freed (the variables themselves survive it).
    tf.tidy(() => {
      for (const [name, k, i, o] of specs) {
        // He initialisation where a ReLU follows, 1/n for the linear up-convs and the output layer. A 2×2
        // transposed conv with stride 2 feeds each output pixel from one tap per input channel: fan-in i.
        const upLayer = name === 'u1' || name === 'u2';
        const transposed = upLayer;
        const joined = cfg.skips && /^d[12][as]$/.test(name);
        const fanIn = (transposed ? i : k * k * i) * (joined ? 2 : 1);
        const std = Math.sqrt((upLayer || name === 'out' ? 1 : 2) / fanIn);
        const shape = (transposed ? [k, k, o, i] : [k, k, i, o]) as [number, number, number, number];
        const w = tf.variable(tf.tensor4d(randomNormalTensorInit(shape, std, rng), shape), true);
        // The copy's filter block has no bias or BN of its own (b = w marks it; it is listed once).
        if (name === 'd2s' || name === 'd1s') {
          this.layers[name] = { w, b: w };
          continue;
        }
        const b = tf.variable(tf.zeros([o]), true);
        const bn = cfg.bn && k === 3;
        this.layers[name] = bn
          ? { w, b, g: tf.variable(tf.ones([o]), true), rm: tf.variable(tf.zeros([o]), false), rv: tf.variable(tf.ones([o]), false) }
          : { w, b };
      }
    });
    this.vars = Object.values(this.layers).flatMap((l) => (l.b === l.w ? [l.w] : l.g ? [l.w, l.b, l.g] : [l.w, l.b]));
    this.stats = Object.values(this.layers).flatMap((l) => (l.rm && l.rv ? [l.rm, l.rv] : []));
    this.opt = tf.train.adam(lr);
  }

  private conv(x: tf.Tensor4D, name: string, relu = true, training = false, copy?: { x: tf.Tensor4D; name: string }): tf.Tensor4D {
    const layer = this.layers[name];
    const { w, b, g } = layer;
    let z = tf.conv2d(x, w as tf.Tensor4D, 1, 'same');
    // conv(concat([x, copy])) = conv(x, W_x) + conv(copy, W_copy): the same maths without the channel
    // concatenation, whose gradient (slicing the channels apart) was the slowest kernel on wasm.
    if (copy) z = tf.add(z, tf.conv2d(copy.x, this.layers[copy.name].w as tf.Tensor4D, 1, 'same'));
    let y: tf.Tensor4D;
    if (g && layer.rm && layer.rv) {
      let mean: tf.Tensor = layer.rm;
      let variance: tf.Tensor = layer.rv;
      if (training) {
        // Batch statistics over N, H, W, written out with elementary ops (their gradients are cheap on
        // every backend; tf.batchNorm's gradient was several times slower on wasm).
        mean = tf.mean(z, [0, 1, 2]);
        const zc = tf.sub(z, mean);
        variance = tf.mean(tf.square(zc), [0, 1, 2]);
        this.moments?.push({ layer, mean: tf.keep(tf.clone(mean)), variance: tf.keep(tf.clone(variance)) });
        y = tf.add(tf.mul(zc, tf.mul(g, tf.rsqrt(tf.add(variance, BN_EPS)))), b) as tf.Tensor4D;
      } else {
        y = tf.add(tf.mul(tf.sub(z, mean), tf.mul(g, tf.rsqrt(tf.add(variance, BN_EPS)))), b) as tf.Tensor4D;
      }
    } else y = tf.add(z, b) as tf.Tensor4D;
    return relu ? tf.relu(y) : y;
  }

  /** 2×2 up-convolution: a transposed conv with stride 2 (doubles H and W, halves the channels). */
  private up(x: tf.Tensor4D, name: string): tf.Tensor4D {
    const { w, b } = this.layers[name];
    const [B, H, W] = x.shape;
    const y = tf.conv2dTranspose(x, w as tf.Tensor4D, [B, 2 * H, 2 * W, w.shape[2] as number], 2, 'valid');
    // Linear, as in the U-Net paper: the ReLUs come with the 3×3 convs that follow.
    return tf.add(y, b) as tf.Tensor4D;
  }

  /** Class scores [B, H, W, classes] for images [B, H, W, inChannels]; H and W divisible by 4. */
  logits(x: tf.Tensor4D): tf.Tensor4D {
    return tf.tidy(() => this.forward(x, false));
  }

  /** The forward pass; in training mode BN layers use (and record) the batch statistics. */
  private forward(x: tf.Tensor4D, training: boolean): tf.Tensor4D {
    const conv2 = (t: tf.Tensor4D, a: string, b: string, copy?: { x: tf.Tensor4D; name: string }) =>
      this.conv(this.conv(t, a, true, training, copy), b, true, training);
    // Pixels in [0, 1] are centred on 0 first.
    const e1 = conv2(tf.sub(x, 0.5), 'e1a', 'e1b');
    const e2 = conv2(tf.maxPool(e1, 2, 2, 'valid'), 'e2a', 'e2b');
    const bt = conv2(tf.maxPool(e2, 2, 2, 'valid'), 'ba', 'bb');
    // Skip connections: the decoder's first conv sees [up-conv output, encoder map] concatenated.
    const skips = this.cfg.skips;
    const d2 = conv2(this.up(bt, 'u2'), 'd2a', 'd2b', skips ? { x: e2, name: 'd2s' } : undefined);
    const d1 = conv2(this.up(d2, 'u1'), 'd1a', 'd1b', skips ? { x: e1, name: 'd1s' } : undefined);
    return this.conv(d1, 'out', false);
  }

  /**
   * One Adam step on a minibatch (labels: int32 [B, H, W]) with the mean per-pixel softmax
   * cross-entropy. Returns the loss as a scalar tensor the caller owns (no read back).
   */
  trainStep(x: tf.Tensor4D, labels: tf.Tensor3D): tf.Scalar {
    if (this.disposed) throw new Error('model already disposed');
    this.moments = this.stats.length ? [] : null;
    const loss = tf.tidy(() => {
      const K = this.cfg.classes;
      const flat = tf.reshape(labels, [-1]) as tf.Tensor1D;
      const y = tf.oneHot(flat, K);
      const { value, grads } = tf.variableGrads(() => {
        const z = tf.reshape(this.forward(x, true), [-1, K]);
        return tf.losses.softmaxCrossEntropy(y, z) as tf.Scalar;
      }, this.vars);
      this.opt.applyGradients(grads);
      return value;
    });
    if (this.moments) {
      for (const { layer, mean, variance } of this.moments) {
        tf.tidy(() => {
          layer.rm!.assign(tf.add(tf.mul(layer.rm!, BN_MOMENTUM), tf.mul(mean, 1 - BN_MOMENTUM)));
          layer.rv!.assign(tf.add(tf.mul(layer.rv!, BN_MOMENTUM), tf.mul(variance, 1 - BN_MOMENTUM)));
        });
        tf.dispose([mean, variance]);
      }
      this.moments = null;
    }
    return loss;
  }

  /** Per-pixel predicted classes [B, H, W] (int32). */
  predict(x: tf.Tensor4D): tf.Tensor3D {
    return tf.tidy(() => tf.argMax(this.logits(x), 3) as tf.Tensor3D);
  }

  /**
   * Confusion counts of the predictions on a batch: a [K, K] float tensor, rows the true class,
   * columns the predicted one. Also returns the predictions so a caller can keep some of them.
   */
  evaluate(x: tf.Tensor4D, labels: tf.Tensor3D): { confusion: tf.Tensor2D; pred: tf.Tensor3D } {
    return tf.tidy(() => {
      const pred = this.predict(x);
      return { confusion: confusionMatrix(labels, pred, this.cfg.classes), pred };
    });
  }

  get parameterCount(): number {
    return this.vars.reduce((s, v) => s + v.size, 0);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    tf.dispose([...this.vars, ...this.stats]);
    this.opt.dispose();
  }
}

/** Confusion counts [K, K] (rows true, columns predicted) of two integer class maps of equal shape. */
export function confusionMatrix(truth: tf.Tensor, pred: tf.Tensor, K: number): tf.Tensor2D {
  return tf.tidy(() => {
    const t = tf.oneHot(tf.cast(tf.reshape(truth, [-1]), 'int32') as tf.Tensor1D, K);
    const p = tf.oneHot(tf.cast(tf.reshape(pred, [-1]), 'int32') as tf.Tensor1D, K);
    return tf.matMul(tf.cast(t, 'float32'), tf.cast(p, 'float32'), true, false) as tf.Tensor2D;
  });
}
