/**
 * Self-check questions of Lecture 11 (Recurrent Neural Networks and Transformers): transfer
 * learning, long-term dependencies, LSTM sizes, attention, positional encoding, complexity and the
 * learning-rate schedule. The numeric ones read the lecture's labs.
 */
import { fmt } from '../../selfcheck/grading';
import type { SelfCheckSet } from '../../selfcheck/types';
import { COMPLEXITY_PARAMS } from './labs/complexity/params';
import { LSTM_PARAMS } from './labs/lstm/params';
import { POSITIONAL_PARAMS } from './labs/positional/params';
import { RNN_GRAD_PARAMS } from './labs/rnn-gradients/params';
import { TRANSFORMER_PARAMS } from './labs/transformer/params';
import { groupDigits } from '../../charts/format';

const RNN_LAB = { labId: 'rnn-gradients', labTitle: 'Vanishing and exploding gradients' };
const LSTM_LAB = { labId: 'lstm', labTitle: 'An LSTM cell at work' };
const POS_LAB = { labId: 'positional', labTitle: 'Sinusoidal positional encoding' };
const COMPLEXITY_LAB = { labId: 'complexity', labTitle: 'Self-attention complexity' };
const TRANSFORMER_LAB = { labId: 'transformer', labTitle: 'A tiny transformer' };

/** Steps of the eigenvalue question. */
const RNN_STEPS = 10;

const texInt = (v: number) => groupDigits(v, '{,}');
/** A number in TeX, in brackets when negative. */
const par = (v: number) => (v < 0 ? `(${fmt(v, 4)})` : fmt(v, 4));

const set: SelfCheckSet = {
  lecture: '11-rnn-transformers',
  questions: [
    {
      id: 'transfer-when',
      build: () => ({
        prompt: 'You want to classify 200 labelled X-ray images and have a network trained on ImageNet. When does transfer learning from task $T_1$ (ImageNet) to $T_2$ (X-rays) make sense?',
        answer: {
          kind: 'choice',
          options: [
            'Only when $T_1$ and $T_2$ have exactly the same classes.',
            'When $T_1$ and $T_2$ have the same kind of input, there is more data for $T_1$ than for $T_2$, and $T_1$\'s low-level features could help $T_2$.',
            'When there is more data for $T_2$ than for $T_1$.',
            'Never with a different number of classes, because the last layer would not fit.',
          ],
          correct: 1,
        },
        explanation:
          'Those are the notes\' three conditions. The classes may differ: the last layer is replaced by a new one with $C$ outputs and trained on the new data; with more data, more of the pre-trained layers are fine-tuned with a low learning rate. With more data for $T_2$ than $T_1$ there is little to gain.',
      }),
    },
    {
      id: 'eigenvalue-power',
      build: (ctx) => {
        const p = ctx.params(RNN_LAB.labId, RNN_GRAD_PARAMS);
        const l1 = Number(p.l1.toFixed(2));
        const factor = l1 ** RNN_STEPS;
        const verdict = Math.abs(l1) < 1 ? 'shrinks towards 0: the gradient along it vanishes' : Math.abs(l1) > 1 ? 'grows without bound: the gradient along it explodes (clip it)' : 'keeps its size: magnitude one neither vanishes nor explodes';
        return {
          prompt: `Without inputs the recurrence is $A_t = \\theta_c^t A_0 = Q\\Lambda^tQ^TA_0$. In the RNN-gradients lab the first eigenvalue is $\\lambda_1 = ${fmt(l1, 3)}$. By which factor is the component of $A_0$ along the eigenvector $q_1$ multiplied after $t = ${RNN_STEPS}$ steps? (3 significant digits; 3 decimals when it is small)`,
          answer: { kind: 'number', value: factor, abs: 0.0005, rel: 0.01 },
          explanation: `$\\Lambda^t$ raises each eigenvalue to the $t$-th power, so the $q_1$ component is multiplied by $\\lambda_1^{${RNN_STEPS}} = ${par(l1)}^{${RNN_STEPS}} = ${fmt(factor, 4)}$: it ${verdict}. The same weights are multiplied over and over, which is why plain RNNs struggle with long-term dependencies.`,
          fromLab: { ...RNN_LAB, values: `λ₁ = ${fmt(l1, 3)}` },
        };
      },
    },
    {
      id: 'lstm-parameters',
      build: (ctx) => {
        const p = ctx.params(LSTM_LAB.labId, LSTM_PARAMS);
        const K = Math.round(p.K);
        const D = K + 1;
        const H = Math.round(p.H);
        const total = 4 * H * (D + H + 1);
        return {
          prompt: `The LSTM lab's cell reads inputs of size $D = ${D}$ (${K} one-hot digits and a marker) and has hidden size $H = ${H}$. How many parameters do $W_x$, $W_h$ and $b$ of the cell hold together?`,
          answer: { kind: 'number', value: total, abs: 0, rel: 0 },
          explanation: `The four gates (input, forget, output, cell update) are computed in one product, so $W_x$ is $D\\times4H$, $W_h$ is $H\\times4H$ and $b$ has $4H$ entries: $4H(D + H + 1) = 4\\cdot${H}\\cdot(${D} + ${H} + 1) = ${texInt(total)}$. The same weights are used at every time step, so the count does not depend on the sequence length.`,
          fromLab: { ...LSTM_LAB, values: `K = ${K} (D = ${D}), H = ${H}` },
        };
      },
    },
    {
      id: 'scaled-attention',
      build: () => ({
        prompt: 'Why does scaled dot-product attention divide $QK^T$ by $\\sqrt{d_k}$?',
        answer: {
          kind: 'choice',
          options: [
            'To make the attention weights sum to 1.',
            'To normalise the values $V$ to unit length.',
            'Because the keys have $\\sqrt{d_k}$ entries.',
            'For large $d_k$ the dot products grow large in magnitude and push the softmax into regions with extremely small gradients.',
          ],
          correct: 3,
        },
        explanation:
          'With independent unit-variance entries, $q\\cdot k$ is a sum of $d_k$ terms with variance $d_k$, i.e. a standard deviation of $\\sqrt{d_k}$. Dividing brings the scores back to unit scale, so the softmax does not saturate to a one-hot vector. Summing to 1 is the softmax\'s job, whatever the scale.',
      }),
    },
    {
      id: 'positional-encoding',
      build: (ctx) => {
        const p = ctx.params(POS_LAB.labId, POSITIONAL_PARAMS);
        const L = Math.round(p.L);
        const d = 2 * Math.round(p.d / 2);
        const pos = Math.min(Math.round(p.pos), L - 1);
        const freq = 10000 ** (2 / d);
        const arg = pos / freq;
        const value = Math.cos(arg);
        return {
          prompt: `The positional-encoding lab uses $d_{\\text{model}} = ${d}$ and the chosen position $pos = ${pos}$. What is the entry $PE_{(${pos},\\,3)}$ of that position's encoding (dimensions counted from 0)? (3 decimals)`,
          answer: { kind: 'number', value, abs: 0.002, rel: 0 },
          explanation: `Dimension $3 = 2i + 1$ with $i = 1$ is a cosine: $PE_{(pos,2i+1)} = \\cos\\big(pos / 10000^{2i/d_{\\text{model}}}\\big) = \\cos\\big(${pos} / 10000^{2/${d}}\\big) = \\cos(${pos} / ${fmt(freq, 5)}) = \\cos(${fmt(arg, 5)}) = ${fmt(value, 4)}$ (in radians). Even dimensions use the sine; the wavelengths grow geometrically with $i$.`,
          fromLab: { ...POS_LAB, values: `d_model = ${d}, pos = ${pos}` },
        };
      },
    },
    {
      id: 'attention-complexity',
      build: (ctx) => {
        const p = ctx.params(COMPLEXITY_LAB.labId, COMPLEXITY_PARAMS);
        const n = Math.max(1, Math.round(p.n));
        const d = Math.max(1, Math.round(p.d));
        const ratio = n / d;
        return {
          prompt: `The complexity lab compares a sequence of $n = ${texInt(n)}$ tokens with representation dimension $d = ${texInt(d)}$. How many times as many operations does a self-attention layer, $O(n^2\\cdot d)$, need as a recurrent layer, $O(n\\cdot d^2)$? (3 significant digits; a number below 1 means self-attention is cheaper)`,
          answer: { kind: 'number', value: ratio, rel: 0.01 },
          explanation: `$\\frac{n^2 d}{n d^2} = \\frac{n}{d} = \\frac{${texInt(n)}}{${texInt(d)}} = ${fmt(ratio, 4)}$. Self-attention is cheaper whenever the sequence is shorter than the representation dimension, as for most sentences; for very long sequences restricted self-attention ($O(r\\cdot n\\cdot d)$) helps. Its sequential operations and path length are $O(1)$ against the recurrent layer's $O(n)$.`,
          fromLab: { ...COMPLEXITY_LAB, values: `n = ${n}, d = ${d}` },
        };
      },
    },
    {
      id: 'masked-attention',
      build: () => ({
        prompt: 'What does the masked multi-head attention in the transformer\'s decoder ensure?',
        answer: {
          kind: 'choice',
          options: [
            'Padding tokens get a probability of exactly 0.5.',
            'Each head attends to a different part of the input sentence.',
            'The prediction for position $i$ can depend only on the known outputs at positions less than $i$.',
            'The encoder cannot see the decoder\'s outputs.',
          ],
          correct: 2,
        },
        explanation:
          'The scores of later positions ($j > i$) are set to $-\\infty$ before the softmax, so their weights are 0. During training the whole target sequence is fed at once; the mask stops position $i$ from looking at the answer it has to predict.',
      }),
    },
    {
      id: 'noam-schedule',
      build: (ctx) => {
        const p = ctx.params(TRANSFORMER_LAB.labId, TRANSFORMER_PARAMS);
        const d = Math.round(p.dModel);
        const w = Number(p.warmup.toPrecision(3));
        const step = Math.round(p.steps);
        const a = step ** -0.5;
        const b = step * w ** -1.5;
        const lr = d ** -0.5 * Math.min(a, b);
        return {
          prompt: `The tiny-transformer lab uses $d_{\\text{model}} = ${d}$, $\\text{warmup\\_steps} = ${fmt(w, 3)}$ and a budget of ${step} steps. With $\\text{lrate} = d_{\\text{model}}^{-0.5}\\cdot\\min(\\text{step\\_num}^{-0.5},\\ \\text{step\\_num}\\cdot\\text{warmup\\_steps}^{-1.5})$, what is the learning rate at the last step, $\\text{step\\_num} = ${step}$? (3 significant digits)`,
          answer: { kind: 'number', value: lr, rel: 0.01 },
          explanation: `$${step}^{-0.5} = ${fmt(a, 4)}$ and $${step}\\cdot${fmt(w, 3)}^{-1.5} = ${fmt(b, 4)}$; the minimum is the ${a <= b ? 'first: warm-up is over and the rate decays as $1/\\sqrt{\\text{step}}$' : 'second: the run is still warming up, with a rate rising linearly'}. So $\\text{lrate} = ${d}^{-0.5}\\cdot${fmt(Math.min(a, b), 4)} = ${fmt(lr, 4)}$. The peak, at $\\text{step\\_num} = \\text{warmup\\_steps}$, is $${d}^{-0.5}\\cdot${fmt(w, 3)}^{-0.5} = ${fmt(d ** -0.5 * w ** -0.5, 4)}$.`,
          fromLab: { ...TRANSFORMER_LAB, values: `d_model = ${d}, warmup = ${fmt(w, 3)}, steps = ${step}` },
        };
      },
    },
  ],
};

export default set;
