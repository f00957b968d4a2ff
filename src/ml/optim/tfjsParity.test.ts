/**
 * The rules against tfjs's optimizers on f = x² + 2y². Conventions compared like with like:
 * - tf.train.momentum keeps a = βa + g and does θ −= αa: the notes' v equals −αa, so the iterates agree.
 * - tf.train.momentum(…, useNesterov = true) does θ −= α(g + βa) with g at θ: its iterates are the
 *   notes' look-ahead points θ + βv, so they are compared with those.
 * - tf.train.rmsprop divides by √(s + ε) (ε inside the root), the notes by √s + ε: both run with ε = 0.
 * - tf.train.adam divides by √v̂ + ε, as the published rule and this lab do.
 * tfjs computes in float32, hence the tolerance.
 */
import '@tensorflow/tfjs-backend-cpu';
import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '../tf';
import {
  initAdam, initBase, initMomentum, initNesterov, initRmsProp, stepAdam, stepGd, stepMomentum, stepNesterov,
  stepRmsProp, type Objective2D, type Vec2,
} from './rules';

const Q: Objective2D = { f: (x, y) => x * x + 2 * y * y, grad: (x, y) => [2 * x, 4 * y], hess: () => [2, 0, 4] };
const T0: Vec2 = [1.5, -0.8];
const STEPS = 5;

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function runTf(opt: tf.Optimizer, steps: number): Vec2[] {
  const theta = tf.variable(tf.tensor1d(T0));
  const w = tf.tensor1d([1, 2]);
  const out: Vec2[] = [];
  for (let i = 0; i < steps; i++) {
    opt.minimize(() => tf.sum(tf.mul(w, tf.square(theta))) as tf.Scalar);
    const d = theta.dataSync();
    out.push([d[0], d[1]]);
  }
  theta.dispose();
  w.dispose();
  opt.dispose();
  return out;
}

function expectPath(ours: Vec2[], theirs: Vec2[]) {
  ours.forEach((p, i) => {
    expect(p[0]).toBeCloseTo(theirs[i][0], 5);
    expect(p[1]).toBeCloseTo(theirs[i][1], 5);
  });
}

function path<S extends { theta: Vec2 }>(s0: S, step: (s: S) => S, pick: (s: S) => Vec2 = (s) => s.theta): Vec2[] {
  const out: Vec2[] = [];
  let s = s0;
  for (let i = 0; i < STEPS; i++) {
    s = step(s);
    out.push(pick(s));
  }
  return out;
}

describe('rules agree with tfjs optimizers', () => {
  it('sgd', () => {
    expectPath(path(initBase(T0), (s) => stepGd(s, Q, 0.1)), runTf(tf.train.sgd(0.1), STEPS));
  });
  it('momentum', () => {
    expectPath(path(initMomentum(T0), (s) => stepMomentum(s, Q, 0.05, 0.9)), runTf(tf.train.momentum(0.05, 0.9), STEPS));
  });
  it('nesterov (tfjs iterates = the notes’ look-ahead points θ + βv)', () => {
    const ours = path(initNesterov(T0), (s) => stepNesterov(s, Q, 0.05, 0.9), (s) => [s.theta[0] + 0.9 * s.v[0], s.theta[1] + 0.9 * s.v[1]]);
    expectPath(ours, runTf(tf.train.momentum(0.05, 0.9, true), STEPS));
  });
  it('rmsprop (ε = 0 on both sides)', () => {
    expectPath(path(initRmsProp(T0), (s) => stepRmsProp(s, Q, 0.05, 0.9, 0)), runTf(tf.train.rmsprop(0.05, 0.9, 0, 0), STEPS));
  });
  it('adam (bias-corrected)', () => {
    const h = { alpha: 0.1, beta1: 0.9, beta2: 0.999, eps: 1e-7, biasCorrection: true };
    expectPath(path(initAdam(T0), (s) => stepAdam(s, Q, h)), runTf(tf.train.adam(0.1, 0.9, 0.999, 1e-7), STEPS));
  });
});
