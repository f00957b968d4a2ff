/**
 * Loaders of the lectures' question sets (src/lectures/<slug>/selfCheck.ts), each its own small
 * chunk fetched with the lecture page. A lecture without a set simply has no loader.
 */
import type { SelfCheckSet } from './types';

const LOADERS = import.meta.glob<{ default: SelfCheckSet }>('../lectures/*/selfCheck.ts');

export function selfCheckLoader(slug: string): (() => Promise<{ default: SelfCheckSet }>) | undefined {
  return LOADERS[`../lectures/${slug}/selfCheck.ts`];
}
