/**
 * Hyperparameter declarations. Each lab states every parameter once, here-shaped; sliders,
 * the URL codec, validation, formula labels and tests all read that one declaration.
 */

/** A point the learner placed (or a dataset point encoded in a link). */
export interface LabeledPoint {
  x: number;
  y: number;
  label: number;
}

interface BaseParam {
  /** Human label shown next to the control. */
  label: string;
  /** KaTeX symbol shown beside the label, e.g. "\\alpha". */
  symbol?: string;
  /** Key in the URL (prefixed by the lab id), short and stable. */
  urlKey: string;
  /** One sentence shown as the control's description. */
  help?: string;
}

export interface NumberParam extends BaseParam {
  kind: 'number';
  min: number;
  max: number;
  /** Step in value space (linear) or the number of decimals kept (log scales snap to 3 significant digits). */
  step: number;
  scale?: 'linear' | 'log';
  default: number;
}

export interface SelectParam<O extends string = string> extends BaseParam {
  kind: 'select';
  options: readonly O[];
  optionLabels?: Partial<Record<O, string>>;
  default: O;
}

export interface BoolParam extends BaseParam {
  kind: 'bool';
  default: boolean;
}

/** A fixed-length list of numbers, e.g. the entries of an editable matrix. */
export interface VectorParam extends BaseParam {
  kind: 'vector';
  length: number;
  min: number;
  max: number;
  default: readonly number[];
}

/** Points the learner clicked onto a canvas. */
export interface PointsParam extends BaseParam {
  kind: 'points';
  maxCount: number;
  classes: number;
  default: readonly LabeledPoint[];
}

export type ParamSpec = NumberParam | SelectParam | BoolParam | VectorParam | PointsParam;
export type Schema = Record<string, ParamSpec>;

export type ValueOf<P extends ParamSpec> = P extends NumberParam
  ? number
  : P extends { kind: 'select'; options: readonly (infer O)[] }
    ? O
    : P extends BoolParam
      ? boolean
      : P extends VectorParam
        ? number[]
        : P extends PointsParam
          ? LabeledPoint[]
          : never;

export type Values<S extends Schema> = { [K in keyof S]: ValueOf<S[K]> };

/** Identity helper that keeps literal option types: `defineParams({ k: {...} })`. */
export function defineParams<S extends Schema>(schema: S): S {
  return schema;
}

/** Typed select declaration that keeps the option literals. */
export function select<const O extends string>(p: Omit<SelectParam<O>, 'kind'>): SelectParam<NoInfer<O>> {
  return { kind: 'select', ...p };
}

/** The seed parameter every lab carries, so a shared link reproduces the same run. */
export function seedParam(def = 1): NumberParam {
  return { kind: 'number', label: 'Seed', urlKey: 'seed', min: 1, max: 99999, step: 1, default: def, help: 'Random seed for data and initialisation.' };
}

export function defaults<S extends Schema>(schema: S): Values<S> {
  const out: Record<string, unknown> = {};
  for (const [k, spec] of Object.entries(schema)) {
    out[k] = Array.isArray(spec.default) ? spec.default.map((v) => (typeof v === 'object' ? { ...v } : v)) : spec.default;
  }
  return out as Values<S>;
}
