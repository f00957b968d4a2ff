/**
 * Self-check questions of Lecture 9 (Convolutional Neural Networks): weight sharing, output sizes,
 * strides, parameters, pooling and receptive fields. The numeric ones read the lecture's labs.
 */
import { fmt } from '../../selfcheck/grading';
import type { SelfCheckSet } from '../../selfcheck/types';
import { CNN_MNIST_PARAMS } from './labs/cnn-mnist/params';
import { CONV_ARITH_PARAMS } from './labs/conv-arith/params';
import { MAX_SIDE, POOLING_PARAMS } from './labs/pooling/params';
import { LAYER_KEYS, RF_PARAMS } from './labs/receptive-field/params';
import { groupDigits } from '../../charts/format';

const CONV_LAB = { labId: 'conv-arith', labTitle: 'Convolution arithmetic' };
const CNN_LAB = { labId: 'cnn-mnist', labTitle: 'A CNN trained live on MNIST' };
const POOL_LAB = { labId: 'pooling', labTitle: 'Max and average pooling' };
const RF_LAB = { labId: 'receptive-field', labTitle: 'Receptive fields' };

/** The receptive-field lab's layer kinds: window size and stride. */
const RF_LAYERS: Record<string, { k: number; s: number; name: string }> = {
  conv3s1: { k: 3, s: 1, name: '3×3 conv, stride 1' },
  conv3s2: { k: 3, s: 2, name: '3×3 conv, stride 2' },
  pool2s2: { k: 2, s: 2, name: '2×2 pool, stride 2' },
};

const texInt = (v: number) => groupDigits(v, '{,}');

const set: SelfCheckSet = {
  lecture: '09-cnn',
  questions: [
    {
      id: 'weight-sharing',
      build: () => ({
        prompt: 'What makes a convolution layer so much cheaper than a fully connected layer on an image?',
        answer: {
          kind: 'choice',
          options: [
            'It only looks at every second pixel.',
            'It has no weights at all; it is a fixed function like pooling.',
            'Weight sharing: the same small filter slides over every position, so the weights do not grow with the image size.',
            'It works on grey images only, so the colour channels are dropped.',
          ],
          correct: 2,
        },
        explanation:
          'A fully connected neuron on a $32\\times32\\times3$ image already needs $3072$ weights, and every neuron has its own. A convolution restricts the degrees of freedom: a $5\\times5\\times3$ filter has $75$ weights (+1 bias), reused at every location, so it extracts the same feature wherever it appears. (Strides skip positions, but that is not where the saving comes from; filters always span all input channels.)',
      }),
    },
    {
      id: 'conv-output-size',
      build: (ctx) => {
        const p = ctx.params(CONV_LAB.labId, CONV_ARITH_PARAMS);
        const [N, F, S, P] = [p.n, p.f, p.s, p.p].map((v) => Math.round(v));
        const values = `N = ${N}, F = ${F}, S = ${S}, P = ${P}`;
        const padded = N + 2 * P;
        if (padded < F) {
          const minP = Math.ceil((F - N) / 2);
          return {
            prompt: `In the convolution lab the input is $${N}\\times${N}$ with padding $P = ${P}$ and the filter is $${F}\\times${F}$: the filter does not fit. What is the smallest padding $P$ for which it fits, i.e. gives at least a $1\\times1$ output?`,
            answer: { kind: 'number', value: minP, abs: 0, rel: 0 },
            explanation: `The filter fits when $N + 2P \\ge F$, i.e. $P \\ge (F - N)/2 = (${F} - ${N})/2 = ${fmt((F - N) / 2, 3)}$; the smallest whole padding is $P = ${minP}$, which gives $\\lfloor (${N} + ${2 * minP} - ${F})/${S} \\rfloor + 1 = ${Math.floor((N + 2 * minP - F) / S) + 1}$ output${Math.floor((N + 2 * minP - F) / S) + 1 === 1 ? '' : 's'} per row.`,
            fromLab: { ...CONV_LAB, values },
          };
        }
        const travel = padded - F;
        const out = Math.floor(travel / S) + 1;
        const exact = travel % S === 0;
        return {
          prompt: `The convolution lab is set to an input of $${N}\\times${N}$, a $${F}\\times${F}$ filter, stride $S = ${S}$ and padding $P = ${P}$. How many outputs per row does the convolution produce?`,
          answer: { kind: 'number', value: out, abs: 0, rel: 0 },
          explanation: `$O = \\left\\lfloor \\frac{N + 2P - F}{S} \\right\\rfloor + 1 = \\left\\lfloor \\frac{${N} + ${2 * P} - ${F}}{${S}} \\right\\rfloor + 1 = \\lfloor ${fmt(travel / S, 4)} \\rfloor + 1 = ${out}$, so the output is $${out}\\times${out}$. ${exact ? 'The division is exact: the window fits and every cell is covered.' : `The division is not exact (the notes call such a stride illegal); frameworks take the floor, and the last ${travel % S} column${travel % S === 1 ? '' : 's'} and row${travel % S === 1 ? '' : 's'} of the padded input are never covered.`}`,
          fromLab: { ...CONV_LAB, values },
        };
      },
    },
    {
      id: 'same-padding',
      build: () => ({
        prompt: 'A "same" convolution keeps the spatial size at stride 1. Which padding does a $5\\times5$ filter need for that?',
        answer: { kind: 'choice', options: ['$P = 1$', '$P = 2$', '$P = 4$', '$P = 5$'], correct: 1 },
        explanation:
          'With $S = 1$ the output size is $N + 2P - F + 1$, which equals $N$ when $P = (F - 1)/2 = (5 - 1)/2 = 2$. A valid convolution ($P = 0$) would shrink the map by $F - 1 = 4$ pixels per layer.',
      }),
    },
    {
      id: 'conv-parameters',
      build: (ctx) => {
        const p = ctx.params(CNN_LAB.labId, CNN_MNIST_PARAMS);
        const k1 = Math.round(p.f1);
        const k2 = Math.round(p.f2);
        const params = 5 * 5 * k1 * k2 + k2;
        return {
          prompt: `In the MNIST CNN lab the second convolution has $K_2 = ${k2}$ filters of size $5\\times5$ and its input has $K_1 = ${k1}$ channels (the first layer's filters). How many learnable parameters (weights and biases) does it have?`,
          answer: { kind: 'number', value: params, abs: 0, rel: 0 },
          explanation: `Each filter spans the whole input depth: $5\\cdot5\\cdot K_1 = ${25 * k1}$ weights plus one bias. With $K_2$ filters: $(5\\cdot5\\cdot${k1} + 1)\\cdot ${k2} = ${params}$ — independent of the image size, thanks to weight sharing.`,
          fromLab: { ...CNN_LAB, values: `K₁ = ${k1}, K₂ = ${k2}, 5×5 filters` },
        };
      },
    },
    {
      id: 'max-pool',
      build: (ctx) => {
        const p = ctx.params(POOL_LAB.labId, POOLING_PARAMS);
        const W = Math.round(p.w);
        const F = Math.round(p.f);
        const S = Math.round(p.s);
        const cell = (i: number, j: number) => p.cells[i * MAX_SIDE + j];
        const values = `W = ${W}, F = ${F}, S = ${S}`;
        if (F > W) {
          return {
            prompt: `The pooling lab's input slice is $${W}\\times${W}$ and the pool size is $F = ${F}$ with stride $S = ${S}$. How many outputs per row does the pooling layer produce?`,
            answer: { kind: 'number', value: 0, abs: 0, rel: 0 },
            explanation: `None: the $${F}\\times${F}$ window is larger than the $${W}\\times${W}$ slice, so it fits nowhere ($W_{in} - F = ${W - F} < 0$). With $F \\le W_{in}$ the size would be $\\lfloor (W_{in} - F)/S \\rfloor + 1$.`,
            fromLab: { ...POOL_LAB, values },
          };
        }
        const win: number[] = [];
        for (let i = 0; i < F; i++) for (let j = 0; j < F; j++) win.push(cell(i, j));
        const mx = Math.max(...win);
        const rows = Array.from({ length: F }, (_, i) => win.slice(i * F, i * F + F).map((v) => fmt(v, 4)).join(' & ')).join(' \\\\ ');
        const out = Math.floor((W - F) / S) + 1;
        return {
          prompt: `The pooling lab max-pools its $${W}\\times${W}$ input slice with $F = ${F}$, $S = ${S}$. The top-left window holds $\\begin{smallmatrix} ${rows} \\end{smallmatrix}$. What is the top-left output of max pooling?`,
          answer: { kind: 'number', value: mx, abs: 0, rel: 0 },
          explanation: `Max pooling keeps the strongest activation of each window: $\\max = ${fmt(mx, 4)}$ (average pooling would give $${fmt(win.reduce((a, b) => a + b, 0) / win.length, 4)}$). The layer has no parameters, keeps the depth, and gives $\\lfloor (${W} - ${F})/${S} \\rfloor + 1 = ${out}$ outputs per row.`,
          fromLab: { ...POOL_LAB, values },
        };
      },
    },
    {
      id: 'receptive-field',
      build: (ctx) => {
        const p = ctx.params(RF_LAB.labId, RF_PARAMS);
        const depth = Math.min(Math.max(Math.round(p.depth), 1), LAYER_KEYS.length);
        let n = Math.round(p.n);
        let r = 1;
        let j = 1;
        const used: string[] = [];
        const steps: string[] = [];
        for (const key of LAYER_KEYS.slice(0, depth)) {
          const L = RF_LAYERS[p[key]] ?? RF_LAYERS.conv3s1;
          const next = Math.floor((n - L.k) / L.s) + 1;
          if (next < 1) break;
          steps.push(`${r} + (${L.k} - 1)\\cdot ${j} = ${r + (L.k - 1) * j}`);
          r += (L.k - 1) * j;
          j *= L.s;
          n = next;
          used.push(L.name);
        }
        const dropped = depth - used.length;
        return {
          prompt: `The receptive-field lab stacks ${used.map((u, i) => `(${i + 1}) ${u}`).join(', ')}${dropped ? ` (the remaining ${dropped} layer${dropped === 1 ? ' has' : 's have'} no output left at this input size)` : ''}, all without padding. How many input pixels wide is the receptive field of one output pixel of the last layer?`,
          answer: { kind: 'number', value: r, abs: 0, rel: 0 },
          explanation: `Layer by layer, $r_l = r_{l-1} + (k_l - 1)\\,j_{l-1}$, where the jump $j_l = j_{l-1}s_l$ is the distance in input pixels between neighbouring outputs ($r_0 = j_0 = 1$): $r = ${steps.join(',\\ ')}$. So one output sees a $${r}\\times${r}$ patch of the input.`,
          fromLab: { ...RF_LAB, values: `${used.length} layer${used.length === 1 ? '' : 's'}: ${used.join(', ')}; input ${Math.round(p.n)}×${Math.round(p.n)}` },
        };
      },
    },
    {
      id: 'three-3x3',
      build: (ctx) => {
        const p = ctx.params(RF_LAB.labId, RF_PARAMS);
        const C = Math.round(p.C);
        const three = 27 * C * C;
        const seven = 49 * C * C;
        return {
          prompt: `Three stacked $3\\times3$ convolutions (stride 1) against one $7\\times7$ convolution, both with $C = ${C}$ channels in and out, biases left out. Which is true?`,
          answer: {
            kind: 'choice',
            options: [
              `The stack sees only $3\\times3$ pixels, but has fewer weights: $${texInt(three)}$ against $${texInt(seven)}$.`,
              `Both see a $7\\times7$ receptive field; the stack has $${texInt(three)}$ weights against $${texInt(seven)}$ and two more non-linearities.`,
              `Both see a $7\\times7$ receptive field and have the same number of weights, $${texInt(seven)}$.`,
              `The stack sees $9\\times9$ pixels and has $${texInt(3 * seven)}$ weights.`,
            ],
            correct: 1,
          },
          explanation: `Each $3\\times3$ layer widens the receptive field by 2: $1 + 2 + 2 + 2 = 7$. Weights: $3\\cdot 3^2C^2 = 27C^2 = ${texInt(three)}$ for the stack, $7^2C^2 = 49C^2 = ${texInt(seven)}$ for the single layer — 45% fewer, with more non-linearities in between. This is why VGG uses only $3\\times3$ convolutions.`,
          fromLab: { ...RF_LAB, values: `C = ${C}` },
        };
      },
    },
  ],
};

export default set;
