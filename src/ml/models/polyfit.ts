/**
 * Polynomial regression on x ∈ [−1, 1] in an orthonormal Legendre basis.
 *
 * Raw powers 1, x, …, x¹⁵ make XᵀX ill-conditioned (condition number ~10¹⁰ and more), so the
 * normal equations lose every digit at degree 15. Here the features are the scaled Legendre
 * polynomials φ_k(x) = √(2k+1)·P_k(x), orthonormal under x ~ U[−1, 1] (E[φ_j φ_k] = δ_jk), and the
 * least-squares problem is solved by Householder QR of the design matrix (never forming ΦᵀΦ), with
 * a tiny ridge term appended as extra rows so that n < degree + 1 still has a unique answer.
 *
 * Plain TypeScript: at most 16 columns and a few hundred rows, far below what tfjs pays per op.
 */

/** Largest degree the lab offers. */
export const MAX_DEGREE = 15;
/** Ridge λ in (1/n)‖Φθ − y‖² + λ‖θ‖²: small enough to leave well-posed fits unchanged. */
export const DEFAULT_RIDGE = 1e-14;

/** φ_0(x) … φ_degree(x), φ_k = √(2k+1)·P_k, by the recurrence (k+1)P_{k+1} = (2k+1)x P_k − k P_{k−1}. */
export function legendreFeatures(x: number, degree: number, out = new Float64Array(degree + 1)): Float64Array {
  let pPrev = 1;
  let p = x;
  out[0] = 1;
  if (degree >= 1) out[1] = Math.sqrt(3) * x;
  for (let k = 1; k < degree; k++) {
    const next = ((2 * k + 1) * x * p - k * pPrev) / (k + 1);
    pPrev = p;
    p = next;
    out[k + 1] = Math.sqrt(2 * k + 3) * p;
  }
  return out;
}

/** Row-major design matrix Φ (n × (degree+1)). */
export function designMatrix(x: ArrayLike<number>, degree: number): Float64Array {
  const p = degree + 1;
  const phi = new Float64Array(x.length * p);
  const row = new Float64Array(p);
  for (let i = 0; i < x.length; i++) phi.set(legendreFeatures(x[i], degree, row), i * p);
  return phi;
}

/**
 * Least squares min ‖Aθ − b‖² for a row-major m × p matrix A (m ≥ p, full column rank) by Householder
 * QR: A = QR, θ = R⁻¹ Qᵀb. Works on copies.
 */
export function qrLeastSquares(A: Float64Array, b: ArrayLike<number>, m: number, p: number): Float64Array {
  if (m < p) throw new Error(`qrLeastSquares: ${m} rows < ${p} columns`);
  const a = Float64Array.from(A);
  const y = Float64Array.from(b);
  for (let k = 0; k < p; k++) {
    let norm = 0;
    for (let i = k; i < m; i++) norm += a[i * p + k] * a[i * p + k];
    norm = Math.sqrt(norm);
    if (norm === 0) throw new Error('qrLeastSquares: rank-deficient matrix');
    const alpha = a[k * p + k] > 0 ? -norm : norm;
    // v = a_k − α e_k (stored in place in column k, rows k…m−1).
    a[k * p + k] -= alpha;
    let vv = 0;
    for (let i = k; i < m; i++) vv += a[i * p + k] * a[i * p + k];
    if (vv > 0) {
      for (let j = k + 1; j < p; j++) {
        let s = 0;
        for (let i = k; i < m; i++) s += a[i * p + k] * a[i * p + j];
        const f = (2 * s) / vv;
        for (let i = k; i < m; i++) a[i * p + j] -= f * a[i * p + k];
      }
      let s = 0;
      for (let i = k; i < m; i++) s += a[i * p + k] * y[i];
      const f = (2 * s) / vv;
      for (let i = k; i < m; i++) y[i] -= f * a[i * p + k];
    }
    a[k * p + k] = alpha; // R's diagonal
  }
  const theta = new Float64Array(p);
  for (let k = p - 1; k >= 0; k--) {
    let s = y[k];
    for (let j = k + 1; j < p; j++) s -= a[k * p + j] * theta[j];
    theta[k] = s / a[k * p + k];
  }
  return theta;
}

/**
 * Coefficients θ (Legendre basis) minimising (1/n) Σ (θᵀφ(x_i) − y_i)² + λ‖θ‖²: QR of Φ/√n stacked
 * on √λ·I.
 */
export function fitPolynomial(x: ArrayLike<number>, y: ArrayLike<number>, degree: number, ridge = DEFAULT_RIDGE): Float64Array {
  const n = x.length;
  const p = degree + 1;
  if (n === 0) return new Float64Array(p);
  const phi = designMatrix(x, degree);
  const m = n + p;
  const A = new Float64Array(m * p);
  const b = new Float64Array(m);
  const s = 1 / Math.sqrt(n);
  for (let i = 0; i < n * p; i++) A[i] = phi[i] * s;
  for (let i = 0; i < n; i++) b[i] = y[i] * s;
  const r = Math.sqrt(Math.max(ridge, 0));
  for (let k = 0; k < p; k++) A[(n + k) * p + k] = r > 0 ? r : 0;
  // Without a ridge the appended rows are zero; QR still works while n ≥ p.
  return qrLeastSquares(A, b, r > 0 ? m : Math.max(n, p), p);
}

/** ŷ(x) = Σ θ_k φ_k(x). */
export function evalPolynomial(theta: ArrayLike<number>, x: number): number {
  const degree = theta.length - 1;
  let pPrev = 1;
  let p = x;
  let s = theta[0];
  if (degree >= 1) s += theta[1] * Math.sqrt(3) * x;
  for (let k = 1; k < degree; k++) {
    const next = ((2 * k + 1) * x * p - k * pPrev) / (k + 1);
    pPrev = p;
    p = next;
    s += theta[k + 1] * Math.sqrt(2 * k + 3) * p;
  }
  return s;
}

/** Mean squared error of the polynomial on (x, y); NaN for no samples. */
export function polyMse(theta: ArrayLike<number>, x: ArrayLike<number>, y: ArrayLike<number>): number {
  if (x.length === 0) return NaN;
  let s = 0;
  for (let i = 0; i < x.length; i++) {
    const e = evalPolynomial(theta, x[i]) - y[i];
    s += e * e;
  }
  return s / x.length;
}

/**
 * Full-batch gradient descent with heavy-ball momentum on J(θ) = (1/n)‖Φθ − y‖², in the same
 * orthonormal basis, from θ = 0. The step is α = 1/λ_max of the Hessian (2/n)ΦᵀΦ (power iteration),
 * so every run is stable whatever the degree or n. Directions of small curvature — the ones few
 * points pin down — are learnt last: that is where a high degree starts fitting the noise.
 */
export class PolyGD {
  readonly degree: number;
  readonly theta: Float64Array;
  readonly lr: number;
  private readonly velocity: Float64Array;
  private readonly phi: Float64Array;
  private readonly y: Float64Array;
  private readonly n: number;
  private readonly grad: Float64Array;

  constructor(x: ArrayLike<number>, y: ArrayLike<number>, degree: number, readonly momentum = 0.9) {
    this.degree = degree;
    const p = degree + 1;
    this.n = x.length;
    this.phi = designMatrix(x, degree);
    this.y = Float64Array.from(y);
    this.theta = new Float64Array(p);
    this.velocity = new Float64Array(p);
    this.grad = new Float64Array(p);
    this.lr = 1 / Math.max(hessianMaxEigen(this.phi, this.n, p), 1e-12);
  }

  /** J(θ) on the training data and its gradient (left in `grad`). */
  private gradient(): number {
    const { phi, y, n, theta, grad } = this;
    const p = theta.length;
    grad.fill(0);
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let z = 0;
      for (let k = 0; k < p; k++) z += phi[i * p + k] * theta[k];
      const e = z - y[i];
      loss += e * e;
      for (let k = 0; k < p; k++) grad[k] += (2 / n) * e * phi[i * p + k];
    }
    return n ? loss / n : NaN;
  }

  /** `iterations` updates v ← βv − α∇J, θ ← θ + v. Returns the loss before the last update. */
  run(iterations: number): number {
    let loss = NaN;
    for (let t = 0; t < iterations; t++) {
      loss = this.gradient();
      for (let k = 0; k < this.theta.length; k++) {
        this.velocity[k] = this.momentum * this.velocity[k] - this.lr * this.grad[k];
        this.theta[k] += this.velocity[k];
      }
    }
    return loss;
  }
}

/** λ_max of (2/n)ΦᵀΦ by power iteration (the Hessian of the MSE). */
export function hessianMaxEigen(phi: Float64Array, n: number, p: number, iterations = 60): number {
  if (n === 0) return 1;
  let v = new Float64Array(p).fill(1 / Math.sqrt(p));
  let lambda = 0;
  const tmp = new Float64Array(n);
  for (let it = 0; it < iterations; it++) {
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += phi[i * p + k] * v[k];
      tmp[i] = s;
    }
    const w = new Float64Array(p);
    for (let i = 0; i < n; i++) for (let k = 0; k < p; k++) w[k] += (2 / n) * phi[i * p + k] * tmp[i];
    let norm = 0;
    for (let k = 0; k < p; k++) norm += w[k] * w[k];
    norm = Math.sqrt(norm);
    if (norm === 0) return 1;
    lambda = norm;
    v = w.map((c) => c / norm);
  }
  return lambda;
}
