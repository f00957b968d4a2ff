/** Controls generated from a lab's parameter declaration. */
import { useId } from 'react';
import { Slider } from '../components/Slider';
import { Tex } from '../components/Tex';
import type { BoolParam, Schema, SelectParam, Values } from '../params/schema';

interface Props<S extends Schema> {
  schema: S;
  values: Values<S>;
  onChange: (patch: Partial<Values<S>>) => void;
  /** Parameter names to render (default: every number, select and bool parameter). */
  only?: readonly (keyof S & string)[];
}

function SelectControl({ spec, value, onChange }: { spec: SelectParam; value: string; onChange: (v: string) => void }) {
  const id = useId();
  return (
    <div className="control select">
      <label htmlFor={id} className="control-label">
        {spec.label}
        {spec.symbol ? <> <Tex math={spec.symbol} /></> : null}
      </label>
      <select id={id} value={value} data-param={spec.urlKey} onChange={(e) => onChange(e.target.value)}>
        {spec.options.map((o) => (
          <option key={o} value={o}>{spec.optionLabels?.[o] ?? o}</option>
        ))}
      </select>
    </div>
  );
}

function BoolControl({ spec, value, onChange }: { spec: BoolParam; value: boolean; onChange: (v: boolean) => void }) {
  return (
    <div className="control checkbox">
      <label className="control-label">
        <input type="checkbox" checked={value} data-param={spec.urlKey} onChange={(e) => onChange(e.target.checked)} /> {spec.label}
      </label>
    </div>
  );
}

export function ParamControls<S extends Schema>({ schema, values, onChange, only }: Props<S>) {
  const names = (only ?? Object.keys(schema)) as (keyof S & string)[];
  const v = values as Record<string, unknown>;
  const set = (name: string, value: unknown) => onChange({ [name]: value } as Partial<Values<S>>);
  return (
    <div className="param-controls">
      {names.map((name) => {
        const spec = schema[name];
        switch (spec.kind) {
          case 'number':
            return <Slider key={name} spec={spec} value={v[name] as number} onChange={(x) => set(name, x)} />;
          case 'select':
            return <SelectControl key={name} spec={spec} value={v[name] as string} onChange={(x) => set(name, x)} />;
          case 'bool':
            return <BoolControl key={name} spec={spec} value={v[name] as boolean} onChange={(x) => set(name, x)} />;
          default:
            return null;
        }
      })}
    </div>
  );
}
