/**
 * Small dense linear algebra on plain arrays (row-major number[][]), used for closed-form
 * solutions and as a reference for the tfjs models. Not meant for large matrices.
 */

function checkRect(A: readonly (readonly number[])[], name: string): number {
  const cols = A.length ? A[0].length : 0;
  for (const row of A) {
    if (row.length !== cols) throw new Error(`${name}: rows have different lengths`);
  }
  return cols;
}

/**
 * Matrix–vector product (Av)_i = Σ_j A_ij v_j.
 * @param A m×n  @param v length n  @returns length m
 */
export function matVec(A: readonly (readonly number[])[], v: readonly number[]): number[] {
  const n = checkRect(A, 'matVec');
  if (A.length && n !== v.length) throw new Error(`matVec: A has ${n} columns but v has length ${v.length}`);
  return A.map((row) => {
    let s = 0;
    for (let j = 0; j < n; j++) s += row[j] * v[j];
    return s;
  });
}

/**
 * Matrix product (AB)_ij = Σ_k A_ik B_kj.
 * @param A m×k  @param B k×n  @returns m×n
 */
export function matMul(A: readonly (readonly number[])[], B: readonly (readonly number[])[]): number[][] {
  const k = checkRect(A, 'matMul');
  const n = checkRect(B, 'matMul');
  if (A.length && k !== B.length) throw new Error(`matMul: inner dimensions differ (${k} vs ${B.length})`);
  return A.map((row) => {
    const out = new Array<number>(n).fill(0);
    for (let p = 0; p < k; p++) {
      const a = row[p];
      const bRow = B[p];
      for (let j = 0; j < n; j++) out[j] += a * bRow[j];
    }
    return out;
  });
}

/**
 * Transpose (Aᵀ)_ij = A_ji.
 * @param A m×n  @returns n×m
 */
export function transpose(A: readonly (readonly number[])[]): number[][] {
  const n = checkRect(A, 'transpose');
  const out: number[][] = [];
  for (let j = 0; j < n; j++) out.push(A.map((row) => row[j]));
  return out;
}

/**
 * Solves Ax = b by Gaussian elimination with partial pivoting (A, b are not modified).
 * @param A n×n  @param b length n  @returns x, length n
 * @throws Error('singular matrix') if a pivot |p| < 1e-12·max|A_ij|
 */
export function solve(A: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = A.length;
  if (checkRect(A, 'solve') !== n || b.length !== n) throw new Error('solve: A must be n×n and b of length n');
  const M = A.map((row, i) => [...row, b[i]]);
  const scale = Math.max(0, ...A.map((row) => Math.max(0, ...row.map(Math.abs))));
  for (let col = 0; col < n; col++) {
    let piv = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(M[r][col]) > Math.abs(M[piv][col])) piv = r;
    if (!(Math.abs(M[piv][col]) >= 1e-12 * scale) || scale === 0) throw new Error('singular matrix');
    [M[col], M[piv]] = [M[piv], M[col]];
    for (let r = col + 1; r < n; r++) {
      const f = M[r][col] / M[col][col];
      if (f === 0) continue;
      for (let c = col; c <= n; c++) M[r][c] -= f * M[col][c];
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    let s = M[i][n];
    for (let j = i + 1; j < n; j++) s -= M[i][j] * x[j];
    x[i] = s / M[i][i];
  }
  return x;
}

/**
 * Ordinary least squares via the normal equations: θ = (XᵀX)⁻¹Xᵀy (solved, not inverted).
 * @param X n×p design matrix  @param y length n  @returns θ, length p
 * @throws Error('singular matrix') if XᵀX is singular (e.g. collinear columns, n < p)
 */
export function leastSquares(X: readonly (readonly number[])[], y: readonly number[]): number[] {
  const Xt = transpose(X);
  return solve(matMul(Xt, X), matVec(Xt, y));
}

/**
 * Mean squared error J(θ) = (1/n) Σ_i (x_iᵀθ − y_i)².
 * @param X n×p  @param theta length p  @param y length n  @returns scalar (NaN when n = 0)
 */
export function mse(X: readonly (readonly number[])[], theta: readonly number[], y: readonly number[]): number {
  if (X.length !== y.length) throw new Error(`mse: X has ${X.length} rows but y has length ${y.length}`);
  const yHat = matVec(X, theta);
  let s = 0;
  for (let i = 0; i < yHat.length; i++) s += (yHat[i] - y[i]) ** 2;
  return s / yHat.length;
}

/**
 * Design matrix for 1-D linear regression: row i is [1, x_i].
 * @param x length n  @returns n×2
 */
export function designMatrix(x: readonly number[]): number[][] {
  return x.map((xi) => [1, xi]);
}
