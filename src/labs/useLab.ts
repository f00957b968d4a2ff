import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { Schema } from '../params/schema';
import { createLabInstance, type LabInstance } from './labInstance';
import type { SeriesPoint } from './metricsBuffer';
import type { LabDefinition, LabState } from './types';
import { useThrottled } from './useThrottled';

export type LabHandle<S extends Schema, V> = LabState<S, V> & {
  lab: LabInstance<S, V>;
  /**
   * The loss histories throttled to ~4 Hz while training runs (immediate otherwise). Recharts
   * costs ~20 ms a render, so line charts read this while canvases and numbers follow `view` at 10 Hz.
   */
  chartSeries: Record<string, SeriesPoint[]>;
};

const CHART_MS = 250;

/** Create the lab's store and trainer for this component's lifetime and subscribe to its state. */
export function useLab<S extends Schema, V>(def: LabDefinition<S, V>): LabHandle<S, V> {
  const [lab] = useState(() => createLabInstance(def));
  useEffect(() => {
    lab.start();
    return () => lab.dispose();
  }, [lab]);
  const state = useStore(lab.store);
  const chartSeries = useThrottled(state.series, state.status === 'running', CHART_MS);
  return { ...state, chartSeries, lab };
}
