/** The QuestionContext over the live parameters of the labs on the page. */
import { sanitizeValue } from '../params/codec';
import { defaults, type Schema, type Values } from '../params/schema';
import type { QuestionContext } from './types';

export function makeContext(byLab: Record<string, Record<string, unknown>>): QuestionContext {
  return {
    params<S extends Schema>(labId: string, schema: S): Values<S> {
      const live = byLab[labId];
      const out = defaults(schema) as Record<string, unknown>;
      if (!live) return out as Values<S>;
      for (const [key, spec] of Object.entries(schema)) {
        if (!(key in live)) continue;
        try {
          out[key] = sanitizeValue(spec, live[key]);
        } catch {
          /* unreadable value: keep the default */
        }
      }
      return out as Values<S>;
    },
    isLive: (labId) => labId in byLab,
  };
}

/** A context with every lab at its defaults (tests, and the fallback when a live build throws). */
export const DEFAULT_CONTEXT: QuestionContext = makeContext({});
