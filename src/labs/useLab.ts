import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { Schema } from '../params/schema';
import { createLabInstance, type LabInstance } from './labInstance';
import type { LabDefinition, LabState } from './types';

export type LabHandle<S extends Schema, V> = LabState<S, V> & { lab: LabInstance<S, V> };

/** Create the lab's store and trainer for this component's lifetime and subscribe to its state. */
export function useLab<S extends Schema, V>(def: LabDefinition<S, V>): LabHandle<S, V> {
  const [lab] = useState(() => createLabInstance(def));
  useEffect(() => {
    lab.start();
    return () => lab.dispose();
  }, [lab]);
  const state = useStore(lab.store);
  return { ...state, lab };
}
