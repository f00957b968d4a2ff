/**
 * Filters lab engine. Everything is a pure function of the parameters and the photo, computed
 * once when the engine is built (a few ms): the grey filter, the 3-channel filter and the stack.
 * Plain TypeScript on Float32Arrays (src/ml/imageFilters): 3×3 filters over a ~128 × 192 photo
 * are far too small for tensors to pay off, and no gradients are needed.
 */
import type { LabEngine } from '../../../../labs/types';
import type { Img } from '../../../../ml/augment';
import {
  clippedCount, correlate, correlateRgb, displayMode, kernelSum, LINEAR_KERNELS, sobelMagnitude, splitChannels, toGrey, valueRange,
  type DisplayMode, type Plane,
} from '../../../../ml/imageFilters';
import { KERNEL_LABELS, PHOTO_SHORT_SIDE, STACK_FILTERS, type FiltersParams } from './params';
import { loadPhoto } from '../../../../labs/photos';

export interface MapInfo {
  plane: Plane;
  range: { min: number; max: number };
  mode: DisplayMode;
  clipped: number;
}

export interface StackTile extends MapInfo {
  label: string;
}

export interface FiltersView {
  photo: Img;
  grey: Plane;
  channels: [Plane, Plane, Plane];
  /** The grey filter's output. */
  out: MapInfo;
  /** The kernel(s) shown: one 3×3 kernel, or Sobel x and y for the magnitude. */
  kernels: { label: string; weights: number[] }[];
  rgb: { z: Plane; partials: [Plane, Plane, Plane]; lo: number; hi: number; range: { min: number; max: number } };
  /** The RGB filter at the centre output pixel: each channel's part, the bias and z. */
  centre: { i: number; j: number; parts: [number, number, number]; bias: number; z: number };
  stack: StackTile[];
}

function mapInfo(plane: Plane, sum: number | null): MapInfo {
  const range = valueRange(plane.data);
  const mode = displayMode(range, sum);
  return { plane, range, mode, clipped: clippedCount(plane.data, mode.lo, mode.hi) };
}

/** The whole view for a photo and the parameters (pure; used by the engine and the unit test). */
export function computeFilters(photo: Img, p: FiltersParams): FiltersView {
  if (photo.channels !== 3) throw new Error('the filters lab needs an RGB photo');
  const grey = toGrey(photo.data, photo.width, photo.height);
  const channels = splitChannels(photo.data, photo.width, photo.height);

  const mag = p.kernel === 'sobelMag';
  const out = mag ? mapInfo(sobelMagnitude(grey), null) : mapInfo(correlate(grey, p.weights), kernelSum(p.weights));
  const kernels = mag
    ? [{ label: 'Gx (Sobel x)', weights: [...LINEAR_KERNELS.sobelX] }, { label: 'Gy (Sobel y)', weights: [...LINEAR_KERNELS.sobelY] }]
    : [{ label: p.kernel === 'custom' ? 'your kernel' : KERNEL_LABELS[p.kernel], weights: [...p.weights] }];

  const rgbConv = correlateRgb(channels, p.rgbWeights, p.bias);
  let m = 0;
  for (const pl of [...rgbConv.partials, rgbConv.z]) {
    const r = valueRange(pl.data);
    m = Math.max(m, Math.abs(r.min), Math.abs(r.max));
  }
  m ||= 1;
  const { z } = rgbConv;
  const ci = Math.floor(z.height / 2);
  const cj = Math.floor(z.width / 2);
  const at = ci * z.width + cj;
  const parts = rgbConv.partials.map((pl) => pl.data[at]) as [number, number, number];

  const stack: StackTile[] = [];
  for (const f of STACK_FILTERS) {
    if (!p[f.key]) continue;
    if (f.kernel === 'rgb') stack.push({ label: 'your RGB filter', ...mapInfo(z, null) });
    else if (f.kernel === 'mine') stack.push({ label: 'your 3×3 kernel', ...mapInfo(correlate(grey, p.weights), kernelSum(p.weights)) });
    else stack.push({ label: KERNEL_LABELS[f.kernel], ...mapInfo(correlate(grey, LINEAR_KERNELS[f.kernel]), kernelSum(LINEAR_KERNELS[f.kernel])) });
  }

  return {
    photo, grey, channels, out, kernels,
    rgb: { z, partials: rgbConv.partials, lo: -m, hi: m, range: valueRange(z.data) },
    centre: { i: ci, j: cj, parts, bias: p.bias, z: z.data[at] },
    stack,
  };
}

function mean(a: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i];
  return a.length ? s / a.length : 0;
}

export function filtersMetrics(v: FiltersView): Record<string, number> {
  const tile = v.stack[0]?.plane;
  return {
    in_w: v.grey.width, in_h: v.grey.height,
    out_w: v.out.plane.width, out_h: v.out.plane.height,
    out_min: v.out.range.min, out_max: v.out.range.max, out_mean: mean(v.out.plane.data),
    out_diverging: v.out.mode.kind === 'diverging' ? 1 : 0, out_clipped: v.out.clipped,
    z_min: v.rgb.range.min, z_max: v.rgb.range.max, z_mean: mean(v.rgb.z.data),
    z_centre: v.centre.z, z_r: v.centre.parts[0], z_g: v.centre.parts[1], z_b: v.centre.parts[2], bias: v.centre.bias,
    stack_k: v.stack.length, stack_w: tile?.width ?? 0, stack_h: tile?.height ?? 0,
  };
}

export async function createFiltersEngine(p: FiltersParams): Promise<LabEngine<FiltersView>> {
  const photo = await loadPhoto(p.photo, PHOTO_SHORT_SIDE);
  const view = computeFilters(photo, p);
  const metrics = filtersMetrics(view);
  return {
    step() {
      // Nothing to train: the maps are computed when the parameters change.
    },
    read: (withView) => ({ metrics, view: withView ? view : undefined }),
    isDone: () => true,
    dispose() {},
  };
}
