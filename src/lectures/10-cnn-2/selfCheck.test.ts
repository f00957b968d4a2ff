import { describe, expect, it } from 'vitest';
import { topKError } from '../../ml/architectures';
import { depthwiseSeparable, pointwiseConv } from '../../ml/convCost';
import { convTransposeOutSize } from '../../ml/upsampling';
import { defaults, type Values } from '../../params/schema';
import { buildFrom, checkShape, num, type Overrides } from '../../selfcheck/testing';
import type { BuiltQuestion } from '../../selfcheck/types';
import { TOY_CLASSES, TOY_IMAGES } from './labs/architectures/params';
import { CONV_VARIANT_PARAMS } from './labs/conv-variants/params';
import { RESNET_PARAMS } from './labs/resnet/params';
import { UPSAMPLING_PARAMS } from './labs/upsampling/params';
import set from './selfCheck';

const build = (id: string, over: Overrides = {}): BuiltQuestion => buildFrom(set, id, over);

const cv = CONV_VARIANT_PARAMS;
const up = UPSAMPLING_PARAMS;
const CONTEXTS: Overrides[] = [
  {},
  {
    architectures: { truth: [0, 0, 0, 0, 0, 0] },
    resnet: { depth: RESNET_PARAMS.depth.min, width: RESNET_PARAMS.width.min },
    'conv-variants': { h: cv.h.min, w: cv.w.min, cin: cv.cin.min, cout: cv.cout.min, k: cv.k.min, bias: false },
    upsampling: { f: up.f.max, K: up.K.min, S: up.S.min, P: up.P.max, op: up.op.max },
  },
  {
    architectures: { truth: [TOY_CLASSES.length - 1, 1, 2, 3, 4, 5] },
    resnet: { depth: RESNET_PARAMS.depth.max, width: RESNET_PARAMS.width.max },
    'conv-variants': { h: cv.h.max, w: cv.w.max, cin: cv.cin.max, cout: cv.cout.max, k: cv.k.max, bias: true },
    upsampling: { f: up.f.min, K: up.K.max, S: up.S.max, P: up.P.min, op: up.op.max },
  },
];

describe('Lecture 10 self-check', () => {
  it('has 4–8 well-formed questions for defaults and extreme lab settings', () => {
    expect(set.lecture).toBe('10-cnn-2');
    checkShape(set, CONTEXTS);
  });

  it('top-5 error matches the library for the lab truths', () => {
    const ranked = TOY_IMAGES.map((im) => im.ranked);
    expect(num(build('top5-error'))).toBeCloseTo(100 / 6, 9); // the default: only the canoe is missed
    expect(num(build('top5-error', CONTEXTS[1]))).toBeCloseTo(100 * topKError(ranked, [0, 0, 0, 0, 0, 0], 5), 9);
    expect(num(build('top5-error', CONTEXTS[1]))).toBeCloseTo((100 * 5) / 6, 9);
    expect(num(build('top5-error', CONTEXTS[2]))).toBeCloseTo(100 * topKError(ranked, [TOY_CLASSES.length - 1, 1, 2, 3, 4, 5], 5), 9);
  });

  it('identity shortcuts add no parameters', () => {
    for (const over of CONTEXTS) {
      const b = build('skip-parameters', over);
      expect(b.answer.kind === 'choice' && b.answer.options[b.answer.correct]).toBe('$0$');
    }
  });

  it('1×1 and depthwise-separable parameter counts match the cost library', () => {
    for (const over of CONTEXTS) {
      const p = { ...defaults(cv), ...(over['conv-variants'] ?? {}) } as Values<typeof cv>;
      const sizes = { h: p.h, w: p.w, cin: p.cin, cout: p.cout, k: p.k, bias: p.bias };
      expect(num(build('one-by-one', over))).toBe(pointwiseConv(sizes).params);
      expect(num(build('depthwise-separable', over))).toBe(depthwiseSeparable(sizes).params);
    }
    // Defaults: 256 → 256, 3×3, biases: 256·256 + 256 and 9·256 + 256 + 256·256 + 256.
    expect(num(build('one-by-one'))).toBe(65792);
    expect(num(build('depthwise-separable'))).toBe(9 * 256 + 256 + 65792);
  });

  it('transposed-conv output size matches the library for every lab setting, and is at least 1', () => {
    expect(num(build('transposed-conv-size'))).toBe(28); // 14 → 28 with F 4, S 2, P 1
    for (let f = up.f.min; f <= up.f.max; f++) {
      for (let K = up.K.min; K <= up.K.max; K++) {
        for (let S = up.S.min; S <= up.S.max; S++) {
          for (let P = up.P.min; P <= up.P.max; P++) {
            for (let op = up.op.min; op <= up.op.max; op++) {
              const n = Math.floor(28 / f);
              const want = convTransposeOutSize(n, K, S, P, Math.min(op, S - 1));
              const got = num(build('transposed-conv-size', { upsampling: { f, K, S, P, op } }));
              expect(got).toBe(want);
              expect(got).toBeGreaterThanOrEqual(1);
            }
          }
        }
      }
    }
  });
});
