import { describe, expect, it } from 'vitest';
import { createRng } from './rng';
import {
  bilinearKernel, conv2d, convOutSize, convTranspose2d, convTransposeKernelGrad, convTransposeOutSize, coverage, createKernelFit, dot,
  kernelFitLoss, kernelFitStep, makeGray, makeKernel, maxPool, maxUnpool, mseLoss, resizeBilinear, upsampleNearest, type Gray,
} from './upsampling';

const rows = (g: Gray) => Array.from({ length: g.height }, (_, r) => [...g.data.subarray(r * g.width, (r + 1) * g.width)]);
const rand = (w: number, h: number, seed: number) => {
  const rng = createRng(seed);
  return makeGray(w, h, Array.from({ length: w * h }, () => rng.normal()));
};

describe('interpolation', () => {
  it('nearest neighbour repeats each pixel f×f times', () => {
    expect(rows(upsampleNearest(makeGray(2, 2, [1, 2, 3, 4]), 2))).toEqual([
      [1, 1, 2, 2], [1, 1, 2, 2], [3, 3, 4, 4], [3, 3, 4, 4],
    ]);
    expect(rows(upsampleNearest(makeGray(2, 1, [5, 7]), 3))).toEqual([[5, 5, 5, 7, 7, 7], [5, 5, 5, 7, 7, 7], [5, 5, 5, 7, 7, 7]]);
  });

  it('bilinear (pixel centres aligned): hand example 1×2 → 4 and 2×2 → 4×4', () => {
    // u = (i + ½)/2 − ½ = −¼ (clamped to 0), ¼, ¾, 1¼ (clamped to 1)
    expect(rows(resizeBilinear(makeGray(2, 1, [0, 1]), 4, 1))[0]).toEqual([0, 0.25, 0.75, 1]);
    const up = rows(resizeBilinear(makeGray(2, 2, [0, 4, 8, 12]), 4, 4));
    expect(up[0]).toEqual([0, 1, 3, 4]);
    expect(up[1]).toEqual([2, 3, 5, 6]); // ¼ of the way to the second row (+8·¼ = +2)
    expect(up[3]).toEqual([8, 9, 11, 12]);
    // Resizing to the same size is the identity; a constant stays constant.
    const x = rand(5, 4, 1);
    expect([...resizeBilinear(x, 5, 4).data]).toEqual([...x.data]);
    expect([...resizeBilinear(makeGray(3, 3, Array(9).fill(2)), 7, 5).data].every((v) => Math.abs(v - 2) < 1e-12)).toBe(true);
  });
});

describe('max pooling and unpooling', () => {
  const img = makeGray(4, 4, [
    1, 5, 0, 2,
    3, 2, 9, 1,
    0, 0, 4, 4,
    7, 1, 3, 8,
  ]);
  it('pools 2×2 windows and remembers where each maximum was', () => {
    const { out, switches } = maxPool(img, 2);
    expect(rows(out)).toEqual([[5, 9], [7, 8]]);
    expect([...switches]).toEqual([1, 6, 12, 15]);
  });
  it('unpooling puts each value back at its argmax and zeros elsewhere', () => {
    const { out, switches } = maxPool(img, 2);
    const un = maxUnpool(out, switches, 4, 4);
    expect(rows(un)).toEqual([
      [0, 5, 0, 0],
      [0, 0, 9, 0],
      [0, 0, 0, 0],
      [7, 0, 0, 8],
    ]);
    expect(rows(maxPool(un, 2).out)).toEqual(rows(out));
  });
  it('drops trailing rows and columns that do not fill a window', () => {
    const { out } = maxPool(rand(7, 7, 2), 3);
    expect([out.width, out.height]).toEqual([2, 2]);
  });
});

describe('transposed convolution', () => {
  it('output size (n − 1)S − 2P + K + output padding', () => {
    expect(convTransposeOutSize(2, 3, 1, 0)).toBe(4);
    expect(convTransposeOutSize(14, 4, 2, 1)).toBe(28);
    expect(convTransposeOutSize(14, 3, 2, 1, 1)).toBe(28);
    expect(convTransposeOutSize(7, 3, 3, 0)).toBe(21);
    for (const [n, K, S, P, op] of [[5, 3, 2, 1, 0], [4, 4, 2, 1, 1], [6, 5, 3, 2, 2], [3, 2, 2, 0, 0]]) {
      const y = rand(n, n, n + K);
      const out = convTranspose2d(y, makeKernel(K, Array(K * K).fill(1)), S, P, op);
      expect(out.width).toBe(convTransposeOutSize(n, K, S, P, op));
      // and the convolution with the same K, S, P maps that size back to n (for op < S)
      expect(convOutSize(out.width, K, S, P)).toBe(n);
    }
  });

  it('scatters each input pixel times the kernel: the 2×2 → 4×4 example', () => {
    const y = makeGray(2, 2, [1, 2, 3, 4]);
    const k = makeKernel(3, [1, 2, 0, 0, 1, 0, 0, 2, 1]);
    expect(rows(convTranspose2d(y, k, 1, 0))).toEqual([
      [1, 4, 4, 0],
      [3, 11, 10, 0],
      [0, 5, 9, 2],
      [0, 6, 11, 4],
    ]);
    // stride 2: the four copies do not overlap except on the shared row/column
    expect(rows(convTranspose2d(makeGray(2, 2, [1, 2, 3, 4]), makeKernel(2, [1, 1, 1, 1]), 2, 0))).toEqual([
      [1, 1, 2, 2], [1, 1, 2, 2], [3, 3, 4, 4], [3, 3, 4, 4],
    ]);
  });

  it('matches the definition out(r, c) = Σ y(i, j) k(a, b) over iS + a − P = r, jS + b − P = c', () => {
    for (const [n, K, S, P, op] of [[3, 3, 2, 1, 1], [4, 5, 3, 2, 0], [2, 4, 2, 1, 0]]) {
      const y = rand(n, n, 3 * K + S);
      const k = makeKernel(K, Array.from(rand(K, K, 7 * S + P).data));
      const out = convTranspose2d(y, k, S, P, op);
      for (let r = 0; r < out.height; r++) {
        for (let c = 0; c < out.width; c++) {
          let s = 0;
          for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) for (let a = 0; a < K; a++) for (let b = 0; b < K; b++) {
            if (i * S + a - P === r && j * S + b - P === c) s += y.data[i * n + j] * k.data[a * K + b];
          }
          expect(out.data[r * out.width + c]).toBeCloseTo(s, 12);
        }
      }
    }
  });

  it('is the adjoint of the convolution: ⟨conv(x), y⟩ = ⟨x, convT(y)⟩, i.e. the gradient of conv w.r.t. its input', () => {
    for (const [n, K, S, P, op] of [[4, 3, 1, 1, 0], [5, 3, 2, 1, 1], [3, 4, 2, 1, 0], [4, 5, 3, 2, 2], [6, 2, 2, 0, 1]]) {
      const y = rand(n, n, n * 13 + K);
      const k = makeKernel(K, Array.from(rand(K, K, K * 5 + S).data));
      const xt = convTranspose2d(y, k, S, P, op);
      const x = rand(xt.width, xt.height, 99 + n);
      const cx = conv2d(x, k, S, P);
      expect([cx.width, cx.height]).toEqual([n, n]);
      expect(dot(cx.data, y.data)).toBeCloseTo(dot(x.data, xt.data), 10);
      // ∂⟨conv(x), y⟩/∂x by central differences equals convT(y)
      const h = 1e-5;
      for (const idx of [0, Math.floor(x.data.length / 2), x.data.length - 1]) {
        const keep = x.data[idx];
        x.data[idx] = keep + h;
        const up = dot(conv2d(x, k, S, P).data, y.data);
        x.data[idx] = keep - h;
        const down = dot(conv2d(x, k, S, P).data, y.data);
        x.data[idx] = keep;
        expect((up - down) / (2 * h)).toBeCloseTo(xt.data[idx], 6);
      }
    }
  });

  it('the kernel gradient matches finite differences', () => {
    const y = rand(4, 4, 5);
    const target = rand(8, 8, 6);
    const k = makeKernel(3, Array.from(rand(3, 3, 8).data));
    const loss = () => mseLoss(convTranspose2d(y, k, 2, 1, 1), target);
    const out = convTranspose2d(y, k, 2, 1, 1);
    const g = makeGray(8, 8, Array.from(out.data, (v, i) => (2 * (v - target.data[i])) / 64));
    const dk = convTransposeKernelGrad(y, g, 3, 2, 1);
    for (let t = 0; t < 9; t++) {
      const keep = k.data[t];
      k.data[t] = keep + 1e-6;
      const up = loss();
      k.data[t] = keep - 1e-6;
      const down = loss();
      k.data[t] = keep;
      expect(dk.data[t]).toBeCloseTo((up - down) / 2e-6, 7);
    }
  });

  it('coverage is even when S divides K and a checkerboard when it does not', () => {
    const even = rows(coverage(5, 4, 2, 1));
    for (const r of even.slice(1, -1)) for (const v of r.slice(1, -1)) expect(v).toBe(4);
    const odd = rows(coverage(5, 3, 2, 1, 1));
    expect(odd[2].slice(1, 5)).toEqual([2, 1, 2, 1]);
    expect(odd[3].slice(1, 5)).toEqual([4, 2, 4, 2]);
  });

  it('the bilinear kernel with K = 2S, P = S/2 reproduces bilinear ×2 inside the image', () => {
    expect([...bilinearKernel(4).data.subarray(0, 4)]).toEqual([0.0625, 0.1875, 0.1875, 0.0625]);
    const x = rand(6, 6, 4);
    const a = convTranspose2d(x, bilinearKernel(4), 2, 1);
    const b = resizeBilinear(x, 12, 12);
    for (let r = 1; r < 11; r++) for (let c = 1; c < 11; c++) expect(a.data[r * 12 + c]).toBeCloseTo(b.data[r * 12 + c], 12);
  });

  it('gradient descent on the kernel lowers the loss towards the least-squares optimum', () => {
    const big = rand(12, 12, 10);
    const small = resizeBilinear(big, 6, 6);
    const fit = createKernelFit(small, big, 4, 2, 1, 0);
    const l0 = kernelFitLoss(fit);
    let prev = l0;
    for (let i = 0; i < 300; i++) {
      const l = kernelFitStep(fit);
      expect(l).toBeLessThanOrEqual(prev + 1e-12);
      prev = l;
    }
    const end = kernelFitLoss(fit);
    expect(end).toBeLessThan(0.8 * l0);
    expect(fit.optimum).toBeLessThanOrEqual(end + 1e-12);
    // the optimum is a stationary point: its gradient vanishes
    const out = convTranspose2d(small, fit.optimumKernel, 2, 1);
    const g = makeGray(12, 12, Array.from(out.data, (v, i) => (2 * (v - big.data[i])) / 144));
    expect(Math.max(...convTransposeKernelGrad(small, g, 4, 2, 1).data.map(Math.abs))).toBeLessThan(1e-9);
  });
});
