/**
 * Upsampling on single-channel images (Lecture 10): nearest-neighbour and bilinear interpolation,
 * max pooling with its switches and max unpooling, and the transposed convolution, written as
 * "scatter each input pixel times the kernel". Plus the convolution it is the adjoint (the input
 * gradient) of, and the kernel gradient for fitting a transposed-convolution kernel.
 *
 * Plain TypeScript on Float64Arrays: images here are ≤ 32 × 32 and kernels ≤ 7 × 7.
 * Images are row-major: pixel (row r, column c) is data[r·width + c].
 */

export interface Gray {
  width: number;
  height: number;
  data: Float64Array;
}

export function makeGray(width: number, height: number, data?: ArrayLike<number>): Gray {
  const d = new Float64Array(width * height);
  if (data) {
    if (data.length !== d.length) throw new Error(`expected ${d.length} values for ${width}×${height}, got ${data.length}`);
    d.set(Array.from(data));
  }
  return { width, height, data: d };
}

/** Nearest neighbour ×f: out(r, c) = in(⌊r/f⌋, ⌊c/f⌋). */
export function upsampleNearest(img: Gray, f: number): Gray {
  const out = makeGray(img.width * f, img.height * f);
  for (let r = 0; r < out.height; r++) {
    for (let c = 0; c < out.width; c++) out.data[r * out.width + c] = img.data[Math.floor(r / f) * img.width + Math.floor(c / f)];
  }
  return out;
}

/**
 * Source coordinate of output pixel i for bilinear resizing with pixel centres aligned
 * (half-pixel convention, PyTorch's align_corners = False): u = (i + ½)·n_in/n_out − ½,
 * clamped to [0, n_in − 1].
 */
export function bilinearSource(i: number, nIn: number, nOut: number): number {
  const u = ((i + 0.5) * nIn) / nOut - 0.5;
  return Math.min(nIn - 1, Math.max(0, u));
}

/** Bilinear resize: a weighted mean of the four nearest input pixels, weights (1 − Δ) and Δ per axis. */
export function resizeBilinear(img: Gray, width: number, height: number): Gray {
  const out = makeGray(width, height);
  for (let r = 0; r < height; r++) {
    const v = bilinearSource(r, img.height, height);
    const r0 = Math.floor(v);
    const r1 = Math.min(img.height - 1, r0 + 1);
    const dr = v - r0;
    for (let c = 0; c < width; c++) {
      const u = bilinearSource(c, img.width, width);
      const c0 = Math.floor(u);
      const c1 = Math.min(img.width - 1, c0 + 1);
      const dc = u - c0;
      const at = (rr: number, cc: number) => img.data[rr * img.width + cc];
      out.data[r * width + c] =
        (1 - dr) * ((1 - dc) * at(r0, c0) + dc * at(r0, c1)) + dr * ((1 - dc) * at(r1, c0) + dc * at(r1, c1));
    }
  }
  return out;
}

/** Non-overlapping f×f max pooling (stride f, trailing rows/columns that do not fill a window are dropped). */
export interface Pooled {
  out: Gray;
  /** For each output pixel, the flat index into the input of its maximum (the "switch"; first maximum on ties). */
  switches: Int32Array;
}

export function maxPool(img: Gray, f: number): Pooled {
  const out = makeGray(Math.floor(img.width / f), Math.floor(img.height / f));
  const switches = new Int32Array(out.width * out.height);
  for (let r = 0; r < out.height; r++) {
    for (let c = 0; c < out.width; c++) {
      let best = -Infinity;
      let arg = -1;
      for (let a = 0; a < f; a++) {
        for (let b = 0; b < f; b++) {
          const k = (r * f + a) * img.width + (c * f + b);
          if (img.data[k] > best) {
            best = img.data[k];
            arg = k;
          }
        }
      }
      out.data[r * out.width + c] = best;
      switches[r * out.width + c] = arg;
    }
  }
  return { out, switches };
}

/** Max unpooling: zeros everywhere except at the remembered argmax positions, which get the pooled values back. */
export function maxUnpool(pooled: Gray, switches: Int32Array, width: number, height: number): Gray {
  const out = makeGray(width, height);
  for (let i = 0; i < switches.length; i++) out.data[switches[i]] = pooled.data[i];
  return out;
}

/** Convolution output size ⌊(n + 2P − K)/S⌋ + 1. */
export function convOutSize(n: number, K: number, S: number, P: number): number {
  return Math.floor((n + 2 * P - K) / S) + 1;
}

/** Transposed-convolution output size (n − 1)·S − 2P + K + output padding. */
export function convTransposeOutSize(n: number, K: number, S: number, P: number, outPad = 0): number {
  return (n - 1) * S - 2 * P + K + outPad;
}

/** A K×K kernel, row-major. */
export interface Kernel {
  size: number;
  data: Float64Array;
}

export function makeKernel(size: number, data?: ArrayLike<number>): Kernel {
  const d = new Float64Array(size * size);
  if (data) d.set(Array.from(data).slice(0, size * size));
  return { size, data: d };
}

/**
 * Convolution (cross-correlation, as in deep learning) with zero padding P and stride S:
 * y(i, j) = Σ_{a,b} k(a, b) · x(iS + a − P, jS + b − P).
 */
export function conv2d(x: Gray, k: Kernel, S: number, P: number): Gray {
  const K = k.size;
  const out = makeGray(convOutSize(x.width, K, S, P), convOutSize(x.height, K, S, P));
  for (let i = 0; i < out.height; i++) {
    for (let j = 0; j < out.width; j++) {
      let s = 0;
      for (let a = 0; a < K; a++) {
        const r = i * S + a - P;
        if (r < 0 || r >= x.height) continue;
        for (let b = 0; b < K; b++) {
          const c = j * S + b - P;
          if (c < 0 || c >= x.width) continue;
          s += k.data[a * K + b] * x.data[r * x.width + c];
        }
      }
      out.data[i * out.width + j] = s;
    }
  }
  return out;
}

/**
 * Transposed convolution as a scatter: every input pixel y(i, j) adds y(i, j)·k into the output at
 * rows iS − P … iS − P + K − 1 and columns jS − P … (what falls outside is cut off; P crops the
 * border, the output padding adds rows/columns at the bottom/right). It is the adjoint of
 * {@link conv2d} with the same K, S, P: ⟨conv(x), y⟩ = ⟨x, convT(y)⟩.
 */
export function convTranspose2d(y: Gray, k: Kernel, S: number, P: number, outPad = 0): Gray {
  const K = k.size;
  const w = convTransposeOutSize(y.width, K, S, P, outPad);
  const h = convTransposeOutSize(y.height, K, S, P, outPad);
  const out = makeGray(Math.max(0, w), Math.max(0, h));
  for (let i = 0; i < y.height; i++) {
    for (let j = 0; j < y.width; j++) {
      const v = y.data[i * y.width + j];
      if (v === 0) continue;
      for (let a = 0; a < K; a++) {
        const r = i * S + a - P;
        if (r < 0 || r >= out.height) continue;
        for (let b = 0; b < K; b++) {
          const c = j * S + b - P;
          if (c < 0 || c >= out.width) continue;
          out.data[r * out.width + c] += v * k.data[a * K + b];
        }
      }
    }
  }
  return out;
}

/**
 * ∂L/∂k for out = convTranspose2d(y, k, S, P, ·) given g = ∂L/∂out:
 * ∂L/∂k(a, b) = Σ_{i,j} y(i, j) · g(iS + a − P, jS + b − P).
 */
export function convTransposeKernelGrad(y: Gray, g: Gray, K: number, S: number, P: number): Kernel {
  const dk = makeKernel(K);
  for (let i = 0; i < y.height; i++) {
    for (let j = 0; j < y.width; j++) {
      const v = y.data[i * y.width + j];
      if (v === 0) continue;
      for (let a = 0; a < K; a++) {
        const r = i * S + a - P;
        if (r < 0 || r >= g.height) continue;
        for (let b = 0; b < K; b++) {
          const c = j * S + b - P;
          if (c < 0 || c >= g.width) continue;
          dk.data[a * K + b] += v * g.data[r * g.width + c];
        }
      }
    }
  }
  return dk;
}

/**
 * How many kernel taps land on each output pixel: the transposed convolution of an all-ones n×n
 * input with an all-ones kernel. Uneven (a checkerboard) when K is not a multiple of S.
 */
export function coverage(n: number, K: number, S: number, P: number, outPad = 0): Gray {
  const ones = makeGray(n, n);
  ones.data.fill(1);
  const k = makeKernel(K);
  k.data.fill(1);
  return convTranspose2d(ones, k, S, P, outPad);
}

/**
 * The bilinear-interpolation kernel for a stride-S transposed convolution (as FCN initialises its
 * up-convolutions): k(a, b) = w(a)·w(b), w(a) = 1 − |a − c|/φ with φ = ⌈K/2⌉ and c = φ − 1 (K odd)
 * or φ − ½ (K even). With K = 2S and P = S/2 it reproduces bilinear interpolation ×S inside the image.
 */
export function bilinearKernel(K: number): Kernel {
  const phi = Math.ceil(K / 2);
  const centre = K % 2 === 1 ? phi - 1 : phi - 0.5;
  const k = makeKernel(K);
  for (let a = 0; a < K; a++) {
    for (let b = 0; b < K; b++) k.data[a * K + b] = (1 - Math.abs(a - centre) / phi) * (1 - Math.abs(b - centre) / phi);
  }
  return k;
}

/** Mean squared error between two images of the same size. */
export function mseLoss(a: Gray, b: Gray): number {
  if (a.width !== b.width || a.height !== b.height) throw new Error('images differ in size');
  let s = 0;
  for (let i = 0; i < a.data.length; i++) s += (a.data[i] - b.data[i]) ** 2;
  return s / a.data.length;
}

/** ⟨a, b⟩ = Σ aᵢbᵢ over two equal-length arrays. */
export function dot(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) throw new Error('lengths differ');
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/**
 * Least-squares fit of a transposed-convolution kernel: minimise mean (convT(y, k) − target)² over
 * k by gradient descent. The loss is quadratic in k, so its Hessian H = (2/m²) AᵀA is constant (A
 * maps k to the output); the step α = 1/λ_max(H) is safe, and the exact minimum comes from the
 * normal equations for reference.
 */
export interface KernelFit {
  y: Gray;
  target: Gray;
  K: number;
  S: number;
  P: number;
  outPad: number;
  kernel: Kernel;
  /** Step size 1/λ_max(H). */
  lr: number;
  /** H as a K²×K² matrix (row-major). */
  hessian: Float64Array;
  /** Loss at the least-squares optimum. */
  optimum: number;
  optimumKernel: Kernel;
}

/** The columns of A: the output of each kernel tap alone (unit kernel eₜ). */
function tapOutputs(y: Gray, K: number, S: number, P: number, outPad: number): Gray[] {
  return Array.from({ length: K * K }, (_, t) => {
    const e = makeKernel(K);
    e.data[t] = 1;
    return convTranspose2d(y, e, S, P, outPad);
  });
}

/** Gaussian elimination with partial pivoting; singular directions (pivot ≈ 0) are set to 0. */
function solveSym(A: Float64Array, rhs: Float64Array, n: number): Float64Array {
  const M = Array.from({ length: n }, (_, i) => [...A.subarray(i * n, (i + 1) * n), rhs[i]]);
  const scale = Math.max(1e-300, ...Array.from(A, Math.abs));
  const where: number[] = [];
  let row = 0;
  for (let col = 0; col < n && row < n; col++) {
    let p = row;
    for (let i = row + 1; i < n; i++) if (Math.abs(M[i][col]) > Math.abs(M[p][col])) p = i;
    if (Math.abs(M[p][col]) < 1e-12 * scale) continue;
    [M[row], M[p]] = [M[p], M[row]];
    for (let i = 0; i < n; i++) {
      if (i === row) continue;
      const f = M[i][col] / M[row][col];
      for (let j = col; j <= n; j++) M[i][j] -= f * M[row][j];
    }
    where[col] = row;
    row++;
  }
  const x = new Float64Array(n);
  for (let col = 0; col < n; col++) if (where[col] !== undefined) x[col] = M[where[col]][n] / M[where[col]][col];
  return x;
}

export function createKernelFit(y: Gray, target: Gray, K: number, S: number, P: number, outPad: number): KernelFit {
  const m = convTransposeOutSize(y.width, K, S, P, outPad);
  if (m < 1) throw new Error(`the output would have size ${m}`);
  if (target.width !== m || target.height !== m) throw new Error(`target must be ${m}×${m}`);
  const cols = tapOutputs(y, K, S, P, outPad);
  const T = K * K;
  const count = m * m;
  const hessian = new Float64Array(T * T);
  const rhs = new Float64Array(T);
  for (let s = 0; s < T; s++) {
    for (let t = s; t < T; t++) {
      const v = (2 / count) * dot(cols[s].data, cols[t].data);
      hessian[s * T + t] = v;
      hessian[t * T + s] = v;
    }
    rhs[s] = (2 / count) * dot(cols[s].data, target.data);
  }
  // λ_max by power iteration (H is symmetric positive semi-definite).
  let v = new Float64Array(T).fill(1 / Math.sqrt(T));
  let lambda = 0;
  for (let it = 0; it < 200; it++) {
    const w = new Float64Array(T);
    for (let s = 0; s < T; s++) for (let t = 0; t < T; t++) w[s] += hessian[s * T + t] * v[t];
    const norm = Math.sqrt(dot(w, w));
    if (norm === 0) break;
    lambda = norm;
    v = w.map((q) => q / norm);
  }
  const optimumKernel = makeKernel(K, solveSym(hessian, rhs, T));
  const optimum = mseLoss(convTranspose2d(y, optimumKernel, S, P, outPad), target);
  return { y, target, K, S, P, outPad, kernel: makeKernel(K), lr: lambda > 0 ? 1 / lambda : 0, hessian, optimum, optimumKernel };
}

/** One gradient-descent step on the kernel; returns the loss before the step. */
export function kernelFitStep(fit: KernelFit): number {
  const out = convTranspose2d(fit.y, fit.kernel, fit.S, fit.P, fit.outPad);
  const g = makeGray(out.width, out.height);
  const count = out.data.length;
  let loss = 0;
  for (let i = 0; i < count; i++) {
    const d = out.data[i] - fit.target.data[i];
    loss += d * d;
    g.data[i] = (2 * d) / count;
  }
  const dk = convTransposeKernelGrad(fit.y, g, fit.K, fit.S, fit.P);
  for (let t = 0; t < dk.data.length; t++) fit.kernel.data[t] -= fit.lr * dk.data[t];
  return loss / count;
}

export function kernelFitLoss(fit: KernelFit): number {
  return mseLoss(convTranspose2d(fit.y, fit.kernel, fit.S, fit.P, fit.outPad), fit.target);
}
