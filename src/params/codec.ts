/**
 * URL codec for lab parameters. Values live in the hash query as `<labId>.<urlKey>=<value>`.
 * Decoding never throws: a bad value falls back to the default (or is clamped) and says so.
 */
import type { LabeledPoint, NumberParam, ParamSpec, PointsParam, Schema, Values, VectorParam } from './schema';
import { defaults } from './schema';

export interface Decoded<S extends Schema> {
  values: Values<S>;
  /** One human sentence per value that was changed on the way in. */
  notices: string[];
}

/** Snap a number onto its parameter's grid and range. */
export function normalizeNumber(spec: NumberParam, v: number): number {
  let x = Math.min(spec.max, Math.max(spec.min, v));
  if (spec.scale === 'log') {
    x = Number(x.toPrecision(3));
  } else if (spec.step > 0) {
    x = spec.min + Math.round((x - spec.min) / spec.step) * spec.step;
    x = Number(x.toFixed(decimals(spec.step)));
  }
  return Math.min(spec.max, Math.max(spec.min, x));
}

function decimals(step: number): number {
  const s = String(step);
  if (s.includes('e-')) return Number(s.split('e-')[1]);
  const dot = s.indexOf('.');
  return dot < 0 ? 0 : s.length - dot - 1;
}

export function formatNumberParam(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(6)));
}

export function encodeValue(spec: ParamSpec, v: unknown): string {
  switch (spec.kind) {
    case 'number':
      return formatNumberParam(v as number);
    case 'select':
      return String(v);
    case 'bool':
      return v ? '1' : '0';
    case 'vector':
      return (v as number[]).map(formatNumberParam).join(',');
    case 'points':
      return (v as LabeledPoint[]).map((p) => `${p.x.toFixed(3)}_${p.y.toFixed(3)}_${p.label}`).join('~');
  }
}

type Outcome = { value: unknown; notice?: string };

function decodeNumber(spec: NumberParam, raw: string): Outcome {
  const v = Number(raw.trim());
  if (raw.trim() === '' || !Number.isFinite(v)) {
    return { value: spec.default, notice: `${spec.label}: “${raw}” is not a number; using the default ${spec.default}.` };
  }
  const n = normalizeNumber(spec, v);
  if (v < spec.min || v > spec.max) {
    return { value: n, notice: `${spec.label}: ${raw} is outside ${spec.min}…${spec.max}; clamped to ${n}.` };
  }
  return { value: n };
}

function decodeVector(spec: VectorParam, raw: string): Outcome {
  const parts = raw.split(',').map((s) => Number(s.trim()));
  if (parts.length !== spec.length || parts.some((p) => !Number.isFinite(p))) {
    return { value: [...spec.default], notice: `${spec.label}: expected ${spec.length} numbers; using the defaults.` };
  }
  const clamped = parts.map((p) => Math.min(spec.max, Math.max(spec.min, p)));
  const changed = clamped.some((c, i) => c !== parts[i]);
  return { value: clamped, notice: changed ? `${spec.label}: values clamped to ${spec.min}…${spec.max}.` : undefined };
}

function decodePoints(spec: PointsParam, raw: string): Outcome {
  if (raw.trim() === '') return { value: [] };
  const pts: LabeledPoint[] = [];
  let bad = 0;
  for (const item of raw.split('~')) {
    const [x, y, c] = item.split('_').map(Number);
    const ok = [x, y, c].every(Number.isFinite) && Math.abs(x) <= 10 && Math.abs(y) <= 10 && Number.isInteger(c) && c >= 0 && c < spec.classes;
    if (ok && pts.length < spec.maxCount) pts.push({ x, y, label: c });
    else bad++;
  }
  return { value: pts, notice: bad ? `${spec.label}: ignored ${bad} malformed or extra point(s).` : undefined };
}

export function decodeValue(spec: ParamSpec, raw: string): Outcome {
  switch (spec.kind) {
    case 'number':
      return decodeNumber(spec, raw);
    case 'select':
      return (spec.options as readonly string[]).includes(raw)
        ? { value: raw }
        : { value: spec.default, notice: `${spec.label}: “${raw}” is not one of ${spec.options.join(', ')}; using ${spec.default}.` };
    case 'bool':
      if (raw === '1' || raw === 'true') return { value: true };
      if (raw === '0' || raw === 'false') return { value: false };
      return { value: spec.default, notice: `${spec.label}: “${raw}” is not on/off; using the default.` };
    case 'vector':
      return decodeVector(spec, raw);
    case 'points':
      return decodePoints(spec, raw);
  }
}

/** Read a lab's values from URL query parameters named `<prefix>.<urlKey>`. */
export function decodeParams<S extends Schema>(schema: S, query: URLSearchParams, prefix: string): Decoded<S> {
  const values = defaults(schema) as Record<string, unknown>;
  const notices: string[] = [];
  for (const [name, spec] of Object.entries(schema)) {
    const raw = query.get(`${prefix}.${spec.urlKey}`);
    if (raw === null) continue;
    const out = decodeValue(spec, raw.slice(0, 20000));
    values[name] = out.value;
    if (out.notice) notices.push(out.notice);
  }
  return { values: values as Values<S>, notices };
}

/** Write a lab's values into `query` (mutates it), replacing its previous keys. */
export function encodeParams<S extends Schema>(schema: S, values: Values<S>, prefix: string, query: URLSearchParams): URLSearchParams {
  for (const [name, spec] of Object.entries(schema)) {
    query.set(`${prefix}.${spec.urlKey}`, encodeValue(spec, (values as Record<string, unknown>)[name]));
  }
  return query;
}

/** Validate one value set from the UI (typed input can be out of range too). */
export function sanitizeValue(spec: ParamSpec, v: unknown): unknown {
  return decodeValue(spec, encodeValue(spec, v)).value;
}
