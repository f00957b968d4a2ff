/**
 * A labelled slider with a typed-value box. Log-scale parameters slide over log10(value).
 * A typed value outside the range is clamped by the caller's sanitiser and the box says so.
 */
import { useEffect, useId, useState } from 'react';
import type { NumberParam } from '../params/schema';
import { normalizeNumber } from '../params/codec';
import { Tex } from './Tex';

const LOG_STEPS = 200;

function toSlider(spec: NumberParam, v: number): number {
  if (spec.scale !== 'log') return v;
  const lo = Math.log10(spec.min);
  const hi = Math.log10(spec.max);
  return Math.round(((Math.log10(v) - lo) / (hi - lo)) * LOG_STEPS);
}

function fromSlider(spec: NumberParam, s: number): number {
  if (spec.scale !== 'log') return normalizeNumber(spec, s);
  const lo = Math.log10(spec.min);
  const hi = Math.log10(spec.max);
  return normalizeNumber(spec, 10 ** (lo + (s / LOG_STEPS) * (hi - lo)));
}

export function formatParam(spec: NumberParam, v: number): string {
  if (spec.scale === 'log') return v >= 0.01 && v < 1000 ? String(Number(v.toPrecision(3))) : v.toExponential(2);
  return String(v);
}

export interface SliderProps {
  spec: NumberParam;
  value: number;
  onChange: (v: number) => void;
  disabled?: boolean;
}

export function Slider({ spec, value, onChange, disabled }: SliderProps) {
  const id = useId();
  const [typed, setTyped] = useState(formatParam(spec, value));
  const [warning, setWarning] = useState<string | null>(null);
  useEffect(() => setTyped(formatParam(spec, value)), [spec, value]);

  const commitTyped = () => {
    const v = Number(typed);
    if (typed.trim() === '' || !Number.isFinite(v)) {
      setWarning(`“${typed}” is not a number; kept ${formatParam(spec, value)}.`);
      setTyped(formatParam(spec, value));
      return;
    }
    const n = normalizeNumber(spec, v);
    setWarning(v < spec.min || v > spec.max ? `Allowed range is ${spec.min} to ${spec.max}; used ${formatParam(spec, n)}.` : null);
    if (n !== value) onChange(n);
    else setTyped(formatParam(spec, n));
  };

  return (
    <div className="control slider">
      <label htmlFor={id} className="control-label">
        {spec.label}
        {spec.symbol ? <> <Tex math={spec.symbol} /></> : null}
      </label>
      <div className="slider-row">
        <input
          id={id}
          type="range"
          min={spec.scale === 'log' ? 0 : spec.min}
          max={spec.scale === 'log' ? LOG_STEPS : spec.max}
          step={spec.scale === 'log' ? 1 : spec.step}
          value={toSlider(spec, value)}
          aria-valuetext={formatParam(spec, value)}
          aria-describedby={spec.help ? `${id}-help` : undefined}
          data-param={spec.urlKey}
          disabled={disabled}
          onChange={(e) => onChange(fromSlider(spec, Number(e.target.value)))}
        />
        <input
          className="slider-value"
          type="text"
          inputMode="decimal"
          aria-label={`${spec.label} value`}
          value={typed}
          disabled={disabled}
          onChange={(e) => setTyped(e.target.value)}
          onBlur={commitTyped}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commitTyped();
          }}
        />
      </div>
      {spec.help ? <div id={`${id}-help`} className="control-help">{spec.help}</div> : null}
      {warning ? <div className="control-warning" role="status">{warning}</div> : null}
    </div>
  );
}
