/**
 * Self-check questions at the end of each lecture. Question sets are plain data + small pure
 * functions (no React, no katex import), so they stay cheap to load and testable in node.
 *
 * Text fields (prompt, options, explanation, unit) are strings in which `$…$` is inline TeX,
 * rendered by the SelfCheck component; a literal dollar sign is written `\$`.
 */
import type { Schema, Values } from '../params/schema';

/** The learner's current parameters of a lab, or that lab's defaults when it is not on screen. */
export interface QuestionContext {
  /**
   * Current parameter values of the lab `labId` (live, as the learner set them, each sanitised
   * through `schema`), else `defaults(schema)`. Pass the lab's own schema from its params.ts.
   */
  params<S extends Schema>(labId: string, schema: S): Values<S>;
  /** Whether `params(labId, …)` comes from a lab mounted on this page (true) or from its defaults. */
  isLive(labId: string): boolean;
}

export type Answer =
  /** Numeric: correct when |given − value| ≤ max(abs, rel·|value|). Defaults: abs 0, rel 0.01. */
  | { kind: 'number'; value: number; abs?: number; rel?: number; unit?: string }
  /** Single choice among options (shown in the given order). */
  | { kind: 'choice'; options: string[]; correct: number };

export interface BuiltQuestion {
  prompt: string;
  answer: Answer;
  /** Shown after any answer: why the right answer is right (with the computation for numeric ones). */
  explanation: string;
  /**
   * For questions computed from a lab's state: the lab they read and a short description of the
   * values used, e.g. "input 28, kernel 5, stride 2, padding 1". Shown with the question.
   */
  fromLab?: { labId: string; labTitle: string; values: string };
}

export interface Question {
  /** Stable id within its lecture (progress is stored under `<lecture slug>/<id>`). */
  id: string;
  /** Builds the question for the current lab state; must not throw on any valid parameter values. */
  build(ctx: QuestionContext): BuiltQuestion;
}

export interface SelfCheckSet {
  /** Lecture slug, e.g. '09-cnn'. */
  lecture: string;
  /** 4–8 questions, in the lecture's order. */
  questions: Question[];
}
