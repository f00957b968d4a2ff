import { fmt } from '../../selfcheck/grading';
import type { SelfCheckSet } from '../../selfcheck/types';
import { architectureOf, GRAPH_PARAMS } from './labs/graph-nn/params';
import { LOSSES_PARAMS, type LossesParams } from './labs/losses/params';

/** Weights and biases of a fully connected network with layer sizes `sizes` (inputs first). */
export function parameterCount(sizes: readonly number[]): number {
  let n = 0;
  for (let l = 1; l < sizes.length; l++) n += sizes[l - 1] * sizes[l] + sizes[l];
  return n;
}

/** The loss explorer's loss at its starting prediction, with the formula that gives it (TeX). */
export function startLoss(p: LossesParams): { value: number; tex: string; setting: string } {
  const sig = (z: number) => 1 / (1 + Math.exp(-z));
  if (p.loss === 'l1') {
    const v = Math.abs(p.target - p.x0);
    return { value: v, tex: `|y - \\hat{y}| = |${fmt(p.target)} - (${fmt(p.x0)})| = ${fmt(v)}`, setting: `L1 loss, target $y = ${fmt(p.target)}$, start $\\hat{y} = ${fmt(p.x0)}$` };
  }
  if (p.loss === 'mse') {
    const v = (p.target - p.x0) ** 2;
    return { value: v, tex: `(y - \\hat{y})^2 = (${fmt(p.target)} - (${fmt(p.x0)}))^2 = ${fmt(v)}`, setting: `MSE loss, target $y = ${fmt(p.target)}$, start $\\hat{y} = ${fmt(p.x0)}$` };
  }
  const onLogit = p.axis === 'logit';
  if (p.loss === 'bce') {
    const y = Number(p.label);
    const q = onLogit ? sig(p.x0) : p.p0;
    const v = -(y * Math.log(q) + (1 - y) * Math.log(1 - q));
    const from = onLogit ? `\\hat{y} = \\sigma(${fmt(p.x0)}) = ${fmt(q)}` : `\\hat{y} = ${fmt(q)}`;
    const tex = y === 1 ? `${from},\\ -\\log\\hat{y} = ${fmt(v)}` : `${from},\\ -\\log(1 - \\hat{y}) = ${fmt(v)}`;
    return { value: v, tex, setting: `binary cross-entropy, label $y = ${y}$, start ${onLogit ? `logit $z = ${fmt(p.x0)}$` : `$\\hat{y} = ${fmt(p.p0)}$`}` };
  }
  const c = Math.round(p.classes);
  const q = onLogit ? Math.exp(p.x0) / (Math.exp(p.x0) + c - 1) : p.p0;
  const v = -Math.log(q);
  const from = onLogit ? `\\hat{y}_{true} = \\frac{e^{${fmt(p.x0)}}}{e^{${fmt(p.x0)}} + ${c - 1}} = ${fmt(q)}` : `\\hat{y}_{true} = ${fmt(q)}`;
  return {
    value: v,
    tex: `${from},\\ -\\log\\hat{y}_{true} = ${fmt(v)}`,
    setting: `cross-entropy over ${c} classes, start ${onLogit ? `true-class logit $z = ${fmt(p.x0)}$ (the others 0)` : `$\\hat{y}_{true} = ${fmt(p.p0)}$`}`,
  };
}

const set: SelfCheckSet = {
  lecture: '03-neural-networks',
  questions: [
    {
      id: 'why-nonlinear',
      build: () => ({
        prompt: 'Why does a neural network need non-linear activation functions between its layers?',
        answer: {
          kind: 'choice',
          options: [
            'To make the forward pass faster',
            'Without them the stacked layers collapse into one linear map $W_L \\cdots W_1 x$',
            'So that the weights stay small',
            'Because the loss function needs probabilities',
          ],
          correct: 1,
        },
        explanation: 'A product of matrices is again a matrix: $W_2(W_1 x) = (W_2 W_1)x$. Only the non-linearities between the layers, such as $\\max(0, \\cdot)$ or $\\tanh$, let depth add expressive power.',
      }),
    },
    {
      id: 'graph-parameters',
      build(ctx) {
        const p = ctx.params('graph-nn', GRAPH_PARAMS);
        const arch = architectureOf(p);
        const sizes = [arch.inputs, ...arch.hidden.map((h) => h.width), arch.outputs].map((v) => Math.round(v));
        const v = parameterCount(sizes);
        const terms = sizes.slice(1).map((s, i) => `(${sizes[i]}\\cdot ${s} + ${s})`).join(' + ');
        return {
          prompt: `A fully connected network has layer sizes $${sizes.join(' \\to ')}$ (inputs first, outputs last). How many weights and biases does it have in total?`,
          answer: { kind: 'number', value: v, abs: 0, unit: 'parameters' },
          explanation: `Each layer has (units × inputs) weights plus one bias per unit: $${terms} = ${v}$.`,
          fromLab: { labId: 'graph-nn', labTitle: 'A network as a computational graph', values: `layer sizes $${sizes.join(' \\to ')}$` },
        };
      },
    },
    {
      id: 'start-loss',
      build(ctx) {
        const p = ctx.params('losses', LOSSES_PARAMS);
        const s = startLoss(p);
        return {
          prompt: `In the loss explorer you chose the ${s.setting}. What is the loss at this starting prediction (natural log)?`,
          answer: { kind: 'number', value: s.value, abs: 0.005, rel: 0.01 },
          explanation: `$${s.tex}$.`,
          fromLab: { labId: 'losses', labTitle: 'Loss-function explorer', values: s.setting },
        };
      },
    },
    {
      id: 'l1-vs-mse',
      build: () => ({
        prompt: 'One prediction is off by 10, the others are nearly right. Which regression loss is pulled hardest by this outlier?',
        answer: { kind: 'choice', options: ['L1, $|y - \\hat{y}|$', 'MSE, $(y - \\hat{y})^2$', 'Both equally'], correct: 1 },
        explanation: 'MSE squares the error, so the outlier contributes $10^2 = 100$ instead of $10$ under L1: MSE is more sensitive to outliers, L1 more robust.',
      }),
    },
    {
      id: 'bce-use',
      build: () => ({
        prompt: 'Which loss suits a yes/no classification with a sigmoid output?',
        answer: { kind: 'choice', options: ['L1 loss', 'Binary cross-entropy', 'Mean squared error on the labels 0/1'], correct: 1 },
        explanation: 'Binary cross-entropy $-[y\\log\\hat{y} + (1 - y)\\log(1 - \\hat{y})]$ is the negative log-likelihood of a yes/no label with probability $\\hat{y} = \\sigma(s)$; with it the gradient on the score is simply $\\hat{y} - y$.',
      }),
    },
    {
      id: 'sigmoid-derivative',
      build: () => ({
        prompt: 'The sigmoid is $\\sigma(s) = 1/(1 + e^{-s})$ and $\\sigma\'(s) = \\sigma(s)(1 - \\sigma(s))$. What is $\\sigma\'(0)$?',
        answer: { kind: 'number', value: 0.25, abs: 0.001 },
        explanation: '$\\sigma(0) = 1/2$, so $\\sigma\'(0) = \\tfrac12 \\cdot \\tfrac12 = 0.25$: the largest slope the sigmoid ever has. Through many sigmoid layers the gradient shrinks by at least this factor per layer.',
      }),
    },
  ],
};

export default set;
