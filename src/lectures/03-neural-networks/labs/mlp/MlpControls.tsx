/**
 * The playground's own controls: input features (at least one stays on), the learner's points and the spiral
 * settings. No button name contains "reset", "play" or "step": tests find the run buttons by name.
 */
import type { ReactNode } from 'react';
import { Tex } from '../../../../components/Tex';
import { FEATURE_KEYS, FEATURE_TEX, FEATURE_TEXT, type FeatureKey } from '../../../../ml/data/features2d';
import type { MlpParams } from './params';
import { MLP_PARAMS, SPIRAL_PRESET } from './params';

interface Props {
  params: MlpParams;
  setParams: (patch: Partial<MlpParams>) => void;
  /** The learner's own points (brush, keyboard form, CSV): src/labs/owndata. */
  pointsControls: ReactNode;
}

function FeatureToggles({ params: p, setParams }: Pick<Props, 'params' | 'setParams'>) {
  const on = FEATURE_KEYS.filter((k) => p[k]);
  return (
    <fieldset className="mlp-features">
      <legend>Input features</legend>
      {FEATURE_KEYS.map((k: FeatureKey) => {
        const last = on.length === 1 && p[k];
        return (
          <label key={k} title={last ? 'At least one input stays on' : undefined}>
            <input type="checkbox" checked={p[k]} disabled={last} data-param={k} aria-label={`Input ${FEATURE_TEXT[k]}`} onChange={(e) => setParams({ [k]: e.target.checked })} />{' '}
            <Tex math={FEATURE_TEX[k]} />
          </label>
        );
      })}
    </fieldset>
  );
}

export function MlpControls(props: Props) {
  return (
    <>
      <FeatureToggles params={props.params} setParams={props.setParams} />
      {props.pointsControls}
      <div className="control">
        <button type="button" onClick={() => props.setParams({ ...SPIRAL_PRESET })}>Load the spiral settings</button>{' '}
        <span className="control-help">2 × 8 tanh units on x₁, x₂, sin πx₁, sin πx₂, α = {SPIRAL_PRESET.lr}, batch {SPIRAL_PRESET.batch}</span>
      </div>
    </>
  );
}

/** Generated controls in order; only the widths of existing layers and the relevant dataset. */
export function generatedControls(p: MlpParams): (keyof typeof MLP_PARAMS)[] {
  const widths = (['w1', 'w2', 'w3', 'w4', 'w5', 'w6'] as const).slice(0, p.layers);
  return [
    'problem', p.problem === 'classification' ? 'dataset' : 'surface', 'n', 'noise', 'trainPct', 'batch',
    'layers', ...widths, 'activation', 'lr', 'reg', ...(p.reg === 'none' ? [] : ['regRate' as const]), 'epochs', 'seed',
  ];
}
