/**
 * Learner progress (lectures visited, labs run, self-check questions answered right), persisted in localStorage through zustand's
 * persist middleware. Saved data that is not valid JSON or not the expected shape is discarded,
 * and `discardedNotice` says so once.
 */
import { create } from 'zustand';
import { createJSONStorage, persist, type StateStorage } from 'zustand/middleware';

export interface ProgressData {
  visited: Record<string, number>;
  labsRun: Record<string, number>;
  /**
   * Self-check questions answered right, by `<lecture slug>/<question id>` (time of the first right
   * answer; one after "Try again" counts, one after revealing the answer does not). Added later:
   * saved data without it is still valid.
   */
  questions: Record<string, number>;
}

interface ProgressState extends ProgressData {
  discardedNotice: string | null;
  markVisited: (slug: string) => void;
  markLabRun: (labId: string) => void;
  markQuestionRight: (key: string) => void;
  reset: () => void;
  dismissNotice: () => void;
}

export const PROGRESS_KEY = 'i2dl-progress';

function isRecordOfNumbers(v: unknown): v is Record<string, number> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && Object.values(v).every((x) => typeof x === 'number' && Number.isFinite(x));
}

/** Returns the saved progress if it is well-formed, otherwise null. */
export function validateSaved(raw: string | null): { ok: boolean; value: string | null } {
  if (raw === null) return { ok: true, value: null };
  try {
    const parsed = JSON.parse(raw) as { state?: Partial<ProgressData> };
    const s = parsed?.state;
    if (s && isRecordOfNumbers(s.visited) && isRecordOfNumbers(s.labsRun) && (s.questions === undefined || isRecordOfNumbers(s.questions))) return { ok: true, value: raw };
  } catch {
    /* fall through: corrupt */
  }
  return { ok: false, value: null };
}

let discardedAtLoad = false;

const guardedStorage: StateStorage = {
  getItem: (name) => {
    let raw: string | null;
    try {
      raw = localStorage.getItem(name);
    } catch {
      return null;
    }
    const checked = validateSaved(raw);
    if (!checked.ok) {
      discardedAtLoad = true;
      try {
        localStorage.removeItem(name);
      } catch {
        /* storage unavailable: nothing to clean */
      }
    }
    return checked.value;
  },
  setItem: (name, value) => {
    try {
      localStorage.setItem(name, value);
    } catch {
      /* private mode or quota: progress stays in memory for this visit */
    }
  },
  removeItem: (name) => {
    try {
      localStorage.removeItem(name);
    } catch {
      /* ignore */
    }
  },
};

export const useProgress = create<ProgressState>()(
  persist(
    (set) => ({
      visited: {},
      labsRun: {},
      questions: {},
      discardedNotice: null,
      markVisited: (slug) => set((s) => (s.visited[slug] ? s : { visited: { ...s.visited, [slug]: Date.now() } })),
      markLabRun: (labId) => set((s) => (s.labsRun[labId] ? s : { labsRun: { ...s.labsRun, [labId]: Date.now() } })),
      markQuestionRight: (key) => set((s) => (s.questions[key] ? s : { questions: { ...s.questions, [key]: Date.now() } })),
      reset: () => set({ visited: {}, labsRun: {}, questions: {} }),
      dismissNotice: () => set({ discardedNotice: null }),
    }),
    {
      name: PROGRESS_KEY,
      version: 1,
      storage: createJSONStorage(() => guardedStorage),
      partialize: (s) => ({ visited: s.visited, labsRun: s.labsRun, questions: s.questions }),
    },
  ),
);

// localStorage hydration is synchronous, so by now we know whether saved data was discarded.
if (discardedAtLoad) useProgress.setState({ discardedNotice: 'Your saved progress could not be read and was reset.' });
