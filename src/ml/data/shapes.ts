/**
 * A seeded synthetic segmentation data set: small RGB images with one to three shapes (circles,
 * axis-aligned rectangles, triangles with the apex up) on a textured background, and a per-pixel
 * class label (0 background, 1 circle, 2 rectangle, 3 triangle).
 *
 * The colours carry no class information: every shape gets a random flat colour (only kept apart from
 * the background under it), the background is a random colour with a gradient, stripes and a grain,
 * and every pixel gets Gaussian noise. Telling a circle from a square from a triangle needs the shape itself,
 * i.e. context over a neighbourhood, which is what the encoder of a U-Net collects.
 *
 * Labels and pixels come from the same test (`insideShape` at the pixel centre, the last shape drawn
 * on top), so they always agree.
 */
import { createRng, type Rng } from '../rng';

export const SHAPES_SIDE = 32;
export const SHAPES_CHANNELS = 3;
export const SHAPE_CLASSES = ['background', 'circle', 'rectangle', 'triangle'] as const;
export const SHAPES_NUM_CLASSES = SHAPE_CLASSES.length;

export type ShapeKind = 'circle' | 'rectangle' | 'triangle';

export interface ShapeSpec {
  kind: ShapeKind;
  /** Class index (1 circle, 2 rectangle, 3 triangle). */
  cls: number;
  /** Centre in pixel coordinates (pixel (i, j) covers [j, j+1) × [i, i+1)). */
  cx: number;
  cy: number;
  /** Circle radius; rectangle half-width; triangle circumradius. */
  a: number;
  /** Rectangle half-height (unused otherwise). */
  b: number;
  /** Triangle rotation in radians (unused otherwise). */
  angle: number;
  /** RGB fill colour, each channel in [0, 1]. */
  color: [number, number, number];
}

export interface ShapesOptions {
  side?: number;
  /** Standard deviation of the per-pixel Gaussian noise on every pixel (default 0.04). */
  noise?: number;
  /** Amplitude of the background's gradient, stripes and grain (default 1; 0 gives a flat background). */
  texture?: number;
  /** The kinds of shape drawn (default all three). */
  kinds?: readonly ShapeKind[];
}

export interface ShapesSet {
  n: number;
  side: number;
  /** n × side × side × 3, row-major NHWC, values roughly in [0, 1]. */
  images: Float32Array;
  /** n × side × side class indices. */
  labels: Uint8Array;
  /** The shapes of each image, in drawing order (later ones on top). */
  shapes: ShapeSpec[][];
}

const CLASS_OF: Record<ShapeKind, number> = { circle: 1, rectangle: 2, triangle: 3 };
export const ALL_KINDS: readonly ShapeKind[] = ['circle', 'rectangle', 'triangle'];

function triangleVertices(s: ShapeSpec): [number, number][] {
  return [0, 1, 2].map((k) => {
    const t = s.angle + (2 * Math.PI * k) / 3;
    return [s.cx + s.a * Math.cos(t), s.cy + s.a * Math.sin(t)];
  });
}

/** Whether the point (x, y) lies inside the shape (boundary included). */
export function insideShape(s: ShapeSpec, x: number, y: number): boolean {
  const dx = x - s.cx;
  const dy = y - s.cy;
  if (s.kind === 'circle') return dx * dx + dy * dy <= s.a * s.a;
  if (s.kind === 'rectangle') return Math.abs(dx) <= s.a && Math.abs(dy) <= s.b;
  const v = triangleVertices(s);
  let sign = 0;
  for (let k = 0; k < 3; k++) {
    const [x0, y0] = v[k];
    const [x1, y1] = v[(k + 1) % 3];
    const c = (x1 - x0) * (y - y0) - (y1 - y0) * (x - x0);
    if (c !== 0) {
      if (sign === 0) sign = Math.sign(c);
      else if (Math.sign(c) !== sign) return false;
    }
  }
  return true;
}

/** Exact area of the shape (for tests and statistics). */
export function shapeArea(s: ShapeSpec): number {
  if (s.kind === 'circle') return Math.PI * s.a * s.a;
  if (s.kind === 'rectangle') return 4 * s.a * s.b;
  return ((3 * Math.sqrt(3)) / 4) * s.a * s.a;
}

/** The class map of a list of shapes: the last shape containing a pixel centre wins, else 0. */
export function labelMap(shapes: readonly ShapeSpec[], side: number, out: Uint8Array<ArrayBufferLike> = new Uint8Array(side * side)): Uint8Array<ArrayBufferLike> {
  for (let i = 0; i < side; i++) {
    for (let j = 0; j < side; j++) {
      let c = 0;
      for (const s of shapes) if (insideShape(s, j + 0.5, i + 0.5)) c = s.cls;
      out[i * side + j] = c;
    }
  }
  return out;
}

function randomShape(rng: Rng, side: number, kinds: readonly ShapeKind[]): ShapeSpec {
  const kind = kinds[rng.int(kinds.length)];
  const u = (lo: number, hi: number) => lo + (hi - lo) * rng.next();
  // Sizes chosen so the three kinds cover similar areas (≈ 80–300 px at side 32).
  const k = side / 32;
  let a: number;
  let b = 0;
  let angle = 0;
  if (kind === 'circle') a = u(5, 9) * k;
  else if (kind === 'rectangle') {
    a = u(4.5, 8.5) * k;
    b = Math.min(Math.max(a * u(0.6, 1.6), 4.5 * k), 9 * k);
  } else {
    // Apex up (a vertex at angle −π/2): the flanks are diagonal, the base horizontal.
    a = u(7, 12) * k;
    angle = -Math.PI / 2;
  }
  const ext = kind === 'rectangle' ? Math.max(a, b) : a;
  const margin = Math.min(ext * 0.8, side / 2 - 1);
  const cx = u(margin, side - margin);
  const cy = u(margin, side - margin);
  return { kind, cls: CLASS_OF[kind], cx, cy, a, b, angle, color: [0, 0, 0] };
}

/** Generate one image's shapes and pixels into the given buffers (rng drives everything). */
function drawImage(rng: Rng, side: number, noise: number, texture: number, kinds: readonly ShapeKind[], img: Float32Array, lab: Uint8Array): ShapeSpec[] {
  const u = (lo: number, hi: number) => lo + (hi - lo) * rng.next();
  // Background: a random colour, a linear gradient and faint stripes (per channel amplitudes).
  const base = [u(0.2, 0.8), u(0.2, 0.8), u(0.2, 0.8)];
  const gAngle = u(0, 2 * Math.PI);
  const gAmp = texture * u(0.1, 0.3);
  const sAngle = u(0, Math.PI);
  const sFreq = u(0.25, 0.7);
  const sPhase = u(0, 2 * Math.PI);
  const sAmp = texture * u(0.03, 0.1);
  const grainSd = texture * u(0.12, 0.2);
  const bg = (x: number, y: number, c: number) => {
    const t = ((x - side / 2) * Math.cos(gAngle) + (y - side / 2) * Math.sin(gAngle)) / side;
    const s = Math.sin(sFreq * (x * Math.cos(sAngle) + y * Math.sin(sAngle)) + sPhase + c);
    return base[c] + gAmp * t * (c === 1 ? -1 : 1) + sAmp * s;
  };
  const count = 1 + rng.int(3);
  const shapes: ShapeSpec[] = [];
  for (let s = 0; s < count; s++) {
    const sh = randomShape(rng, side, kinds);
    // A colour far enough from the background at the shape's centre (L2 distance ≥ 0.35 in RGB).
    const under = [0, 1, 2].map((c) => bg(sh.cx, sh.cy, c));
    let color: [number, number, number] = [0, 0, 0];
    for (let tries = 0; tries < 50; tries++) {
      color = [u(0.05, 0.95), u(0.05, 0.95), u(0.05, 0.95)];
      const d = Math.hypot(color[0] - under[0], color[1] - under[1], color[2] - under[2]);
      if (d >= 0.35) break;
    }
    sh.color = color;
    shapes.push(sh);
  }
  labelMap(shapes, side, lab);
  for (let i = 0; i < side; i++) {
    for (let j = 0; j < side; j++) {
      const p = i * side + j;
      let top: ShapeSpec | null = null;
      for (const sh of shapes) if (insideShape(sh, j + 0.5, i + 0.5)) top = sh;
      // The background is grainy (a luminance grain on top of its gradient and stripes); shapes are flat.
      const grain = !top && grainSd > 0 ? grainSd * rng.normal() : 0;
      for (let c = 0; c < 3; c++) {
        const v = top ? top.color[c] : bg(j + 0.5, i + 0.5, c) + grain;
        img[3 * p + c] = v + (noise > 0 ? noise * rng.normal() : 0);
      }
    }
  }
  return shapes;
}

/**
 * n images of side × side pixels from a seed: the same seed (and options) always gives the same set.
 */
export function generateShapes(n: number, seed: number, opts: ShapesOptions = {}): ShapesSet {
  const side = opts.side ?? SHAPES_SIDE;
  const noise = opts.noise ?? 0.03;
  const texture = opts.texture ?? 1;
  const kinds = opts.kinds ?? ALL_KINDS;
  if (!kinds.length) throw new Error('at least one kind of shape is needed');
  if (!(n >= 0) || !Number.isInteger(n)) throw new Error(`the number of images must be a whole number ≥ 0 (got ${n})`);
  if (!(side >= 8) || !Number.isInteger(side)) throw new Error(`the image side must be a whole number ≥ 8 (got ${side})`);
  const px = side * side;
  const images = new Float32Array(n * px * SHAPES_CHANNELS);
  const labels = new Uint8Array(n * px);
  const shapes: ShapeSpec[][] = [];
  const rng = createRng(seed * 2654435761 + 17);
  for (let k = 0; k < n; k++) {
    shapes.push(drawImage(rng, side, noise, texture, kinds, images.subarray(k * px * 3, (k + 1) * px * 3), labels.subarray(k * px, (k + 1) * px)));
  }
  return { n, side, images, labels, shapes };
}

/** Pixel share of each class over the set (sums to 1). */
export function classShares(set: ShapesSet): number[] {
  const counts = new Array<number>(SHAPES_NUM_CLASSES).fill(0);
  for (let i = 0; i < set.labels.length; i++) counts[set.labels[i]]++;
  return counts.map((c) => c / Math.max(1, set.labels.length));
}
