/**
 * A grid of number inputs for a kernel's weights. A valid entry (a number or a fraction such as
 * 1/9, within ±limit) is committed at once; anything else gets a message and the previous value
 * is kept.
 */
import { useId, useState } from 'react';
import { parseWeight } from '../../../../ml/imageFilters';

interface Props {
  /** Accessible name of the grid, e.g. "Kernel" or "Red channel". */
  name: string;
  values: readonly number[];
  onCommit: (values: number[]) => void;
  limit: number;
  disabled?: boolean;
  testId?: string;
}

/** What an input shows when it is not being edited. */
export function weightText(v: number): string {
  return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(4)));
}

export function KernelEditor({ name, values, onCommit, limit, disabled, testId }: Props) {
  const F = Math.round(Math.sqrt(values.length));
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const [error, setError] = useState<string | null>(null);
  const errId = useId();
  const change = (i: number, text: string) => {
    setDrafts((d) => ({ ...d, [i]: text }));
    const v = parseWeight(text, limit);
    if (v === null) {
      setError(`${name}, row ${Math.floor(i / F) + 1}, column ${(i % F) + 1}: “${text}” is not a number between −${limit} and ${limit} (fractions like 1/9 work); keeping ${weightText(values[i])}.`);
      return;
    }
    setError(null);
    if (v !== values[i]) {
      const next = [...values];
      next[i] = v;
      onCommit(next);
    }
  };
  return (
    <div className="filters-editor" data-testid={testId}>
      <div className="filters-editor-grid" role="group" aria-label={`${name} weights`} style={{ gridTemplateColumns: `repeat(${F}, 3.6rem)` }}>
        {values.map((v, i) => {
          const draft = drafts[i];
          const bad = draft !== undefined && parseWeight(draft, limit) === null;
          return (
            <input
              key={i}
              type="text"
              inputMode="decimal"
              className={bad ? 'filters-weight filters-weight-bad' : 'filters-weight'}
              aria-label={`${name} weight, row ${Math.floor(i / F) + 1}, column ${(i % F) + 1}`}
              aria-invalid={bad || undefined}
              aria-describedby={bad ? errId : undefined}
              value={draft ?? weightText(v)}
              disabled={disabled}
              onFocus={() => setDrafts((d) => ({ ...d, [i]: weightText(v) }))}
              onChange={(e) => change(i, e.target.value)}
              onBlur={() => setDrafts((d) => {
                const rest = { ...d };
                delete rest[i];
                return rest;
              })}
            />
          );
        })}
      </div>
      {error ? <p id={errId} className="notice filters-editor-error" role="alert">{error}</p> : null}
    </div>
  );
}
