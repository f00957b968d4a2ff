/**
 * Self-check questions of Lecture 7 (Training Neural Networks II): losses, activations and
 * initialisation. The numeric ones read the softmax and init labs.
 */
import { fmt } from '../../selfcheck/grading';
import type { QuestionContext, SelfCheckSet } from '../../selfcheck/types';
import { INIT_PARAMS } from './labs/init/params';
import { CLASS_NAMES, SOFTMAX_PARAMS } from './labs/softmax/params';

const SOFTMAX_LAB = { labId: 'softmax', labTitle: 'Softmax, cross-entropy and hinge loss' };
const INIT_LAB = { labId: 'init', labTitle: 'Weight initialisation in a deep network' };

/** The softmax lab's active scores (scaled by c, as the lab shows them, rounded as shown) and true class (0-based). */
function softmaxState(ctx: QuestionContext) {
  const p = ctx.params(SOFTMAX_LAB.labId, SOFTMAX_PARAMS);
  const c = Math.round(p.classes);
  const s = p.scores.slice(0, c).map((v) => Number((v * p.scale).toPrecision(4)));
  const y = Math.min(Math.max(Math.round(p.trueClass), 1), c) - 1;
  const values = `C = ${c}, scores ${s.map((v) => fmt(v, 4)).join(', ')} (scale ${fmt(p.scale, 3)}), true class ${y + 1} (${CLASS_NAMES[y]})`;
  return { s, y, c, values };
}

/** A number in TeX, in brackets when negative (so `a - b` never reads `a - -b`). */
const par = (v: number) => (v < 0 ? `(${fmt(v, 4)})` : fmt(v, 4));
const vec = (s: number[]) => `(${s.map((v) => fmt(v, 4)).join(',\\ ')})`;

const set: SelfCheckSet = {
  lecture: '07-training-2',
  questions: [
    {
      id: 'l1-vs-l2',
      build: () => ({
        prompt: 'A regression data set has a few gross outliers. Which loss is more robust to them, and what does its optimum estimate?',
        answer: {
          kind: 'choice',
          options: [
            'The L2 loss $\\sum_i (y_i - f(x_i))^2$; its optimum is the mean.',
            'The L1 loss $\\sum_i |y_i - f(x_i)|$; its optimum is the median.',
            'The L1 loss $\\sum_i |y_i - f(x_i)|$; its optimum is the mean.',
            'Both are equally robust: they differ only in how fast they optimise.',
          ],
          correct: 1,
        },
        explanation:
          'The L1 loss grows only linearly with the residual, so an outlier costs in proportion to its distance and cannot dominate; the constant that minimises $\\sum_i |y_i - c|$ is the median. The L2 loss squares the residual, so outliers pull hard, and its minimiser is the mean. L2 is the one that is cheap to optimise (smooth, closed form); L1 is the robust one.',
      }),
    },
    {
      id: 'softmax-probability',
      build: (ctx) => {
        const { s, y, values } = softmaxState(ctx);
        const m = Math.max(...s);
        const e = s.map((v) => Math.exp(v - m));
        const sum = e.reduce((a, b) => a + b, 0);
        const p = e[y] / sum;
        return {
          prompt: `The softmax lab's class scores are $s = ${vec(s)}$ and the true class is class ${y + 1} (${CLASS_NAMES[y]}). What probability $p(y_i \\mid x_i)$ does the softmax give the true class? (3 decimals)`,
          answer: { kind: 'number', value: p, abs: 0.002, rel: 0 },
          explanation: `Softmax exponentiates and normalises: $p = e^{s_{y_i}} / \\sum_k e^{s_k}$. Subtracting $s_{\\max} = ${fmt(m, 4)}$ first changes nothing but keeps every exponential finite: the shifted exponentials are $${vec(e)}$, their sum is $${fmt(sum, 4)}$, so $p = ${fmt(e[y], 4)} / ${fmt(sum, 4)} = ${fmt(p, 4)}$ (cross-entropy $-\\log p = ${fmt(Math.log(sum) - (s[y] - m), 4)}$).`,
          fromLab: { ...SOFTMAX_LAB, values },
        };
      },
    },
    {
      id: 'hinge-loss',
      build: (ctx) => {
        const { s, y, values } = softmaxState(ctx);
        const terms = s.map((v, k) => (k === y ? null : Math.max(0, v - s[y] + 1)));
        const loss = terms.reduce<number>((a, t) => a + (t ?? 0), 0);
        const parts = s
          .map((v, k) => (k === y ? '' : `\\max(0, ${fmt(v, 4)} - ${par(s[y])} + 1)`))
          .filter(Boolean)
          .join(' + ');
        return {
          prompt: `Same scores $s = ${vec(s)}$, true class ${y + 1} (${CLASS_NAMES[y]}). What is the multiclass hinge (SVM) loss $L_i$? (2 decimals)`,
          answer: { kind: 'number', value: loss, abs: 0.01, rel: 0 },
          explanation: `$L_i = \\sum_{k \\ne y_i} \\max(0, s_k - s_{y_i} + 1) = ${parts} = ${fmt(loss, 5)}$. Each wrong class costs only if its score comes within a margin of 1 of the true class's score; once all are beyond it the hinge loss is exactly 0 and stops pushing, while the cross-entropy is never 0 and always wants to improve.`,
          fromLab: { ...SOFTMAX_LAB, values },
        };
      },
    },
    {
      id: 'sigmoid-not-zero-centred',
      build: () => ({
        prompt: 'A neuron $y = f(w_1x_1 + w_2x_2)$ receives only positive inputs $x_1, x_2 > 0$ (e.g. sigmoid outputs of the previous layer). What does that do to its gradient step?',
        answer: {
          kind: 'choice',
          options: [
            'The gradients vanish, because the sigmoid saturates for positive inputs.',
            'Nothing: only the sign of the loss matters, not the sign of the inputs.',
            'The gradients of $w_1$ and $w_2$ always have the same sign, so both weights rise or fall together and the updates zig-zag.',
            'The gradients of $w_1$ and $w_2$ always have opposite signs.',
          ],
          correct: 2,
        },
        explanation:
          '$\\partial L/\\partial w_j = \\frac{\\partial L}{\\partial y}\\,\\frac{\\partial y}{\\partial s}\\, x_j$: the first two factors are shared, and with every $x_j > 0$ all the gradients share their sign. Both weights can only be increased or decreased at the same time, which is why zero-centred activations (tanh) and zero-centred data help.',
      }),
    },
    {
      id: 'leaky-relu',
      build: () => ({
        prompt: 'What does the leaky ReLU $\\sigma(x) = \\max(0.01x, x)$ output for $x = -3$?',
        answer: { kind: 'choice', options: ['$0$', '$0.01$', '$-0.03$', '$-3$'], correct: 2 },
        explanation:
          'For $x < 0$ the leaky ReLU is $0.01x$, here $0.01 \\cdot (-3) = -0.03$ (the notes\' table writes the constant 0.01, which is a slip). The small slope keeps a gradient of 0.01 for negative inputs, so the unit cannot die the way a ReLU (output $0$) can.',
      }),
    },
    {
      id: 'zero-init',
      build: () => ({
        prompt: 'Why is initialising all the weights of a network to zero a bad idea?',
        answer: {
          kind: 'choice',
          options: [
            'Zero weights make every gradient explode.',
            'It is fine for tanh; it only fails for ReLU.',
            'The biases cannot be trained any more.',
            'The hidden units all compute the same function and get the same gradients, so the symmetry is never broken.',
          ],
          correct: 3,
        },
        explanation:
          'With identical weights every unit of a layer sees the same input, produces the same output and receives the same gradient, so after every update they are still identical: the layer behaves like a single unit. Random initialisation breaks this symmetry; its scale then decides whether signals vanish, saturate or stay well spread.',
      }),
    },
    {
      id: 'init-std',
      build: (ctx) => {
        const p = ctx.params(INIT_LAB.labId, INIT_PARAMS);
        const n = Math.round(p.width);
        const N = Math.round(p.samples);
        const relu = p.act === 'relu';
        const variance = (relu ? 2 : 1) / n;
        const std = Math.sqrt(variance);
        const actName = relu ? 'ReLU' : p.act === 'tanh' ? 'tanh' : 'no activation (linear)';
        return {
          prompt: `The init lab's network has $n = ${n}$ neurons per layer (its fan-in), $N = ${N}$ input samples and ${actName}. Which standard deviation should the Gaussian initialisation of a hidden layer's weights have for this activation? (3 significant digits)`,
          answer: { kind: 'number', value: std, rel: 0.01 },
          explanation: relu
            ? `For ReLU, which zeroes half of its inputs, Kaiming initialisation doubles Xavier's variance: $\\operatorname{Var}(w) = 2/n = 2/${n}$, so the standard deviation is $\\sqrt{2/${n}} = ${fmt(std, 4)}$. $n$ is the number of inputs of the layer, not the $N = ${N}$ samples.`
            : `For tanh (and a linear layer) Xavier initialisation keeps $\\operatorname{Var}(s) = n\\operatorname{Var}(w)\\operatorname{Var}(x)$ equal to $\\operatorname{Var}(x)$, so $\\operatorname{Var}(w) = 1/n = 1/${n}$ and the standard deviation is $\\sqrt{1/${n}} = ${fmt(std, 4)}$. $n$ is the number of inputs of the layer, not the $N = ${N}$ samples; with ReLU it would be Kaiming's $2/n$.`,
          fromLab: { ...INIT_LAB, values: `n = ${n}, N = ${N}, activation ${actName}` },
        };
      },
    },
  ],
};

export default set;
