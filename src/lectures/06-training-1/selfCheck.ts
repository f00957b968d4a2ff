import { fmt } from '../../selfcheck/grading';
import type { SelfCheckSet } from '../../selfcheck/types';
import { CROSSVAL_PARAMS } from './labs/crossval/params';
import { FITTING_PARAMS } from './labs/fitting/params';
import { LR_SCHEDULES_PARAMS, type LrSchedulesParams } from './labs/lr-schedules/params';
import { SANITY_PARAMS } from './labs/sanity/params';

/** The notes' formula of the chosen schedule, the epoch asked about, and the learning rate there. */
export function scheduleQuestion(p: LrSchedulesParams): { epoch: number; value: number; formula: string; work: string; name: string } {
  const a0 = p.alpha0;
  const t = p.decay;
  switch (p.schedule) {
    case 'inverse': {
      const e = 3;
      const v = a0 / (1 + t * e);
      return { epoch: e, value: v, name: 'inverse-time decay', formula: '\\alpha = \\frac{1}{1 + \\text{decay\\_rate}\\cdot\\text{epoch}}\\,\\alpha_0', work: `\\frac{${fmt(a0)}}{1 + ${fmt(t)}\\cdot ${e}} = ${fmt(v)}` };
    }
    case 'exponential': {
      const e = 3;
      const v = t ** e * a0;
      return { epoch: e, value: v, name: 'exponential decay', formula: '\\alpha = t^{\\text{epoch}}\\,\\alpha_0', work: `${fmt(t)}^{${e}}\\cdot ${fmt(a0)} = ${fmt(v)}` };
    }
    case 'invsqrt': {
      const e = 4;
      const v = (t / Math.sqrt(e)) * a0;
      return { epoch: e, value: v, name: 'inverse-square-root decay', formula: '\\alpha = \\frac{t}{\\sqrt{\\text{epoch}}}\\,\\alpha_0', work: `\\frac{${fmt(t)}}{\\sqrt{${e}}}\\cdot ${fmt(a0)} = ${fmt(v)}` };
    }
    case 'step': {
      const n = Math.round(p.every);
      const e = 2 * n;
      const v = a0 * (1 - t) ** 2;
      return { epoch: e, value: v, name: `step decay every ${n} epochs`, formula: `\\alpha \\leftarrow \\alpha - t\\cdot\\alpha \\text{ every } ${n} \\text{ epochs}`, work: `${fmt(a0)}\\cdot(1 - ${fmt(t)})^2 = ${fmt(v)}` };
    }
    default: {
      const e = 3;
      return { epoch: e, value: a0, name: 'a constant rate', formula: '\\alpha = \\alpha_0', work: `${fmt(a0)}` };
    }
  }
}

const set: SelfCheckSet = {
  lecture: '06-training-1',
  questions: [
    {
      id: 'lr-decay',
      build(ctx) {
        const p = ctx.params('lr-schedules', LR_SCHEDULES_PARAMS);
        const q = scheduleQuestion(p);
        return {
          prompt: `Your chosen schedule is ${q.name}, $${q.formula}$, with $\\alpha_0 = ${fmt(p.alpha0)}$${p.schedule === 'constant' ? '' : ` and decay rate $${fmt(p.decay)}$`}. Without warm-up, what is the learning rate at epoch ${q.epoch} (epochs counted from 0)?`,
          answer: { kind: 'number', value: q.value, abs: 1e-4, rel: 0.01 },
          explanation: `$\\alpha = ${q.work}$. The notes’ example: $\\alpha_0 = 0.1$ with inverse-time decay rate 1 gives 0.1, 0.05, 0.033, 0.025 at epochs 0–3.`,
          fromLab: { labId: 'lr-schedules', labTitle: 'Learning-rate schedules', values: `${q.name}, $\\alpha_0 = ${fmt(p.alpha0)}$, decay rate $${fmt(p.decay)}$` },
        };
      },
    },
    {
      id: 'crossval-share',
      build(ctx) {
        const k = Math.round(ctx.params('crossval', CROSSVAL_PARAMS).folds);
        const v = (100 * (k - 1)) / k;
        return {
          prompt: `In $k$-fold cross-validation with $k = ${k}$, what share of the development data (training + validation) does each round train on?`,
          answer: { kind: 'number', value: v, abs: 0.5, unit: '%' },
          explanation: `Each round holds out one fold for validation and trains on the other $k - 1$: $\\frac{k - 1}{k} = \\frac{${k - 1}}{${k}} = ${fmt(v, 3)}\\,\\%$. Every fold is the validation set exactly once, and the ${k} validation scores are averaged.`,
          fromLab: { labId: 'crossval', labTitle: 'k-fold cross-validation', values: `$k = ${k}$ folds` },
        };
      },
    },
    {
      id: 'overfitting-curves',
      build: () => ({
        prompt: 'The training loss keeps going down while the validation loss has started to rise. What is happening?',
        answer: { kind: 'choice', options: ['Underfitting', 'Overfitting', 'Ideal training', 'The learning rate is too low'], correct: 1 },
        explanation: 'Overfitting: the model memorises the training set and generalises worse. In underfitting both losses still decrease at the end of training; in ideal training both go down with a small gap between them.',
      }),
    },
    {
      id: 'capacity',
      build(ctx) {
        const p = ctx.params('fitting', FITTING_PARAMS);
        if (p.model === 'poly') {
          const d = Math.round(p.degree);
          return {
            prompt: `A polynomial of degree $d = ${d}$, $\\hat{y} = \\sum_{j=0}^{d} \\theta_j x^j$, is fitted to the data. How many parameters does it have?`,
            answer: { kind: 'number', value: d + 1, abs: 0, unit: 'parameters' },
            explanation: `One coefficient per power $x^0, \\dots, x^{${d}}$: $d + 1 = ${d + 1}$. More parameters than training samples lets the curve pass through every point: the classic overfit.`,
            fromLab: { labId: 'fitting', labTitle: 'Under- and overfitting', values: `polynomial, degree $d = ${d}$` },
          };
        }
        const h = Math.round(p.hidden);
        return {
          prompt: `A network $x \\to ${h}$ tanh units $\\to \\hat{y}$ (one input, one output, biases in both layers) is fitted to the data. How many weights and biases does it have?`,
          answer: { kind: 'number', value: 3 * h + 1, abs: 0, unit: 'parameters' },
          explanation: `Hidden layer $${h}\\cdot 1 + ${h}$, output layer $1\\cdot ${h} + 1$: in total $3H + 1 = ${3 * h + 1}$.`,
          fromLab: { labId: 'fitting', labTitle: 'Under- and overfitting', values: `MLP with $H = ${h}$ hidden units` },
        };
      },
    },
    {
      id: 'initial-loss',
      build(ctx) {
        const c = Math.round(ctx.params('sanity', SANITY_PARAMS).classes);
        const v = Math.log(c);
        return {
          prompt: `Sanity check before training: a softmax classifier over $C = ${c}$ classes with small random weights. What should its initial cross-entropy loss be, about (natural log)?`,
          answer: { kind: 'number', value: v, abs: 0.01 },
          explanation: `Small weights give almost equal scores, so every class gets probability $1/C$ and the loss is $-\\log(1/C) = \\log C = \\log ${c} = ${fmt(v)}$. A very different initial loss points at a bug or a bad initialisation.`,
          fromLab: { labId: 'sanity', labTitle: 'Sanity checks and common mistakes', values: `$C = ${c}$ classes` },
        };
      },
    },
    {
      id: 'first-step',
      build: () => ({
        prompt: 'How should you start training a new network, according to the basic recipe?',
        answer: {
          kind: 'choice',
          options: [
            'Train on the full data set with a grid search over every hyperparameter',
            'Overfit a single training sample first (train accuracy 100 %), then a handful, then more',
            'Tune the learning rate on the test set',
            'Start with heavy regularisation so that it cannot overfit',
          ],
          correct: 1,
        },
        explanation: 'If the network cannot memorise one sample, something is broken. Then 4 samples (is the input handled correctly?), then 10, 100, 1000…, until it starts to generalise. The test set is never used for development.',
      }),
    },
    {
      id: 'random-search',
      build: () => ({
        prompt: 'Two hyperparameters, only one of which really matters. A 3 × 3 grid and a random search both train 9 models. How many different values of the important hyperparameter does the grid try?',
        answer: { kind: 'number', value: 3, abs: 0, unit: 'values' },
        explanation: 'The grid repeats the same 3 values of each hyperparameter; random search draws a new value every time, so it tries 9 different values of the important one for the same budget. That is why random search often beats grid search.',
      }),
    },
  ],
};

export default set;
