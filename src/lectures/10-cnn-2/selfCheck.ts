/**
 * Self-check questions of Lecture 10 (Convolutional Neural Networks II): benchmarks, classic
 * architectures, residual blocks, 1×1 and depthwise-separable convolutions, upsampling and U-Net.
 * The numeric ones read the lecture's labs.
 */
import { fmt } from '../../selfcheck/grading';
import type { SelfCheckSet } from '../../selfcheck/types';
import { ARCH_PARAMS, TOY_CLASSES, TOY_IMAGES } from './labs/architectures/params';
import { CONV_VARIANT_PARAMS } from './labs/conv-variants/params';
import { RESNET_PARAMS } from './labs/resnet/params';
import { effectiveOutPad, UPSAMPLING_PARAMS } from './labs/upsampling/params';
import { groupDigits } from '../../charts/format';

const ARCH_LAB = { labId: 'architectures', labTitle: 'Classic architectures' };
const RESNET_LAB = { labId: 'resnet', labTitle: 'Plain against residual networks' };
const VARIANTS_LAB = { labId: 'conv-variants', labTitle: '1×1, Inception and depthwise-separable convolutions' };
const UPSAMPLING_LAB = { labId: 'upsampling', labTitle: 'Upsampling' };

/** MNIST digits are 28×28 pixels; the upsampling lab max-pools them by f first. */
const MNIST_SIDE = 28;

const texInt = (v: number) => groupDigits(v, '{,}');

const set: SelfCheckSet = {
  lecture: '10-cnn-2',
  questions: [
    {
      id: 'top5-error',
      build: (ctx) => {
        const p = ctx.params(ARCH_LAB.labId, ARCH_PARAMS);
        const truth = TOY_IMAGES.map((_, i) => Math.min(Math.max(Math.round(p.truth[i] ?? 0), 0), TOY_CLASSES.length - 1));
        const missed = TOY_IMAGES.map((im, i) => (im.ranked.slice(0, 5).includes(truth[i]) ? null : i + 1)).filter((v): v is number => v !== null);
        const err = (100 * missed.length) / TOY_IMAGES.length;
        const labels = truth.map((t, i) => `${i + 1}: ${TOY_CLASSES[t]}`).join('; ');
        return {
          prompt: `The architectures lab's toy model ranks five classes for each of its ${TOY_IMAGES.length} images; the true classes are currently ${labels}. What is the model's top-5 error, in percent? (1 decimal)`,
          answer: { kind: 'number', value: err, abs: 0.5, rel: 0, unit: '%' },
          explanation: `The top-5 error is the share of samples whose true class is not among the five most probable predictions. ${missed.length === 0 ? 'Every true class is in its image\'s top five' : `The true class is missing from the top five for image${missed.length === 1 ? '' : 's'} ${missed.join(', ')}`}, so the error is $${missed.length}/${TOY_IMAGES.length} = ${fmt(err, 4)}\\,\\%$. The top-1 error counts every image whose first guess is wrong, so it is never smaller.`,
          fromLab: { ...ARCH_LAB, values: `true classes ${truth.map((t) => TOY_CLASSES[t]).join(', ')}` },
        };
      },
    },
    {
      id: 'vgg-16',
      build: () => ({
        prompt: 'What does the 16 in VGG-16 count?',
        answer: {
          kind: 'choice',
          options: [
            'All layers, pooling and softmax included.',
            'The layers that have weights (13 convolutions and 3 fully connected layers).',
            'The number of $3\\times3$ filters in the first layer.',
            'The number of max-pooling stages.',
          ],
          correct: 1,
        },
        explanation:
          'VGG-16 has 16 layers with weights: 13 same $3\\times3$ convolutions (stride 1) and 3 fully connected layers; the five $2\\times2$ max pools have no weights and are not counted. About 138M parameters, most of them in the first fully connected layer.',
      }),
    },
    {
      id: 'skip-parameters',
      build: (ctx) => {
        const p = ctx.params(RESNET_LAB.labId, RESNET_PARAMS);
        const D = Math.round(p.depth);
        const n = Math.round(p.width);
        const blocks = D / 2;
        return {
          prompt: `The ResNet lab's residual network has $D = ${D}$ hidden layers of width $n = ${n}$, grouped into $${fmt(blocks, 3)}$ blocks $x + F(x)$ with identity shortcuts. How many parameters do the shortcuts add compared with the plain network of the same depth?`,
          answer: {
            kind: 'choice',
            options: [
              `$${texInt(blocks * n * n)}$ (one $n\\times n$ matrix per block)`,
              `$${texInt(D * n)}$ (one weight per unit)`,
              '$0$',
              `$${texInt(blocks * (n * n + n))}$ (one linear layer per block)`,
            ],
            correct: 2,
          },
          explanation: `An identity shortcut just adds the block's input to its output: no weights at all, so both networks have exactly the same parameters. Only when a block changes the shape does the shortcut need a learned $1\\times1$ projection (or zero padding). What changes is the gradient: it flows through the $+$ unchanged, so ${D} layers stay trainable.`,
          fromLab: { ...RESNET_LAB, values: `D = ${D}, n = ${n}` },
        };
      },
    },
    {
      id: 'why-resnet',
      build: () => ({
        prompt: 'Why does adding residual blocks usually not hurt a network, unlike adding plain layers?',
        answer: {
          kind: 'choice',
          options: [
            'Residual blocks are guaranteed to improve the test error.',
            'Residual blocks have fewer parameters than plain layers.',
            'Residual blocks do not use non-linearities, so they cannot saturate.',
            'A block can represent the identity just by driving its weights to zero, so the best achievable training loss cannot get worse — though the optimiser is not guaranteed to find it.',
          ],
          correct: 3,
        },
        explanation:
          'With $x^{L+1} = x^{L-1} + F(x^{L-1})$, setting $F = 0$ gives the identity, which is easy to learn; a plain layer has to learn the identity through its weights and non-linearity. The notes say "guaranteed not to hurt"; what really holds is that the optimum cannot be worse — finding it, and generalising, is not guaranteed, though in practice deep ResNets train well.',
      }),
    },
    {
      id: 'one-by-one',
      build: (ctx) => {
        const p = ctx.params(VARIANTS_LAB.labId, CONV_VARIANT_PARAMS);
        const cin = Math.round(p.cin);
        const cout = Math.round(p.cout);
        const H = Math.round(p.h);
        const W = Math.round(p.w);
        const params = cin * cout + (p.bias ? cout : 0);
        return {
          prompt: `A $1\\times1$ convolution maps the conv-variants lab's $${H}\\times${W}\\times${cin}$ input to $C_{\\text{out}} = ${cout}$ channels${p.bias ? ', with biases' : ', without biases'}. How many parameters does it have?`,
          answer: { kind: 'number', value: params, abs: 0, rel: 0 },
          explanation: `Each output channel is a weighted sum over all input channels at the same pixel: $C_{\\text{in}}\\cdot C_{\\text{out}} = ${cin}\\cdot${cout} = ${texInt(cin * cout)}$ weights${p.bias ? ` plus ${cout} biases, $${texInt(params)}$ in all` : ''}. It leaves $H\\times W$ alone and changes only the depth, which makes it the cheap bottleneck of Inception and ResNet-50; it costs $H\\,W\\,C_{\\text{in}}C_{\\text{out}} = ${texInt(H * W * cin * cout)}$ multiply-adds.`,
          fromLab: { ...VARIANTS_LAB, values: `H×W = ${H}×${W}, C_in = ${cin}, C_out = ${cout}, biases ${p.bias ? 'on' : 'off'}` },
        };
      },
    },
    {
      id: 'depthwise-separable',
      build: (ctx) => {
        const p = ctx.params(VARIANTS_LAB.labId, CONV_VARIANT_PARAMS);
        const cin = Math.round(p.cin);
        const cout = Math.round(p.cout);
        const k = Math.round(p.k);
        const dw = k * k * cin + (p.bias ? cin : 0);
        const pw = cin * cout + (p.bias ? cout : 0);
        const std = k * k * cin * cout + (p.bias ? cout : 0);
        return {
          prompt: `A depthwise-separable convolution replaces the lab's $${k}\\times${k}$ convolution from $C_{\\text{in}} = ${cin}$ to $C_{\\text{out}} = ${cout}$ channels (${p.bias ? 'with' : 'without'} biases): a depthwise $${k}\\times${k}$ convolution (groups $= C_{\\text{in}}$), then a pointwise $1\\times1$ one. How many parameters does it have in total?`,
          answer: { kind: 'number', value: dw + pw, abs: 0, rel: 0 },
          explanation: `Depthwise: one $${k}\\times${k}$ filter per input channel, $${k}^2\\cdot${cin}${p.bias ? ` + ${cin}` : ''} = ${texInt(dw)}$. Pointwise: $${cin}\\cdot${cout}${p.bias ? ` + ${cout}` : ''} = ${texInt(pw)}$. Total $${texInt(dw + pw)}$, against $${k}^2\\cdot${cin}\\cdot${cout}${p.bias ? ` + ${cout}` : ''} = ${texInt(std)}$ for the normal convolution.`,
          fromLab: { ...VARIANTS_LAB, values: `k = ${k}, C_in = ${cin}, C_out = ${cout}, biases ${p.bias ? 'on' : 'off'}` },
        };
      },
    },
    {
      id: 'transposed-conv-size',
      build: (ctx) => {
        const p = ctx.params(UPSAMPLING_LAB.labId, UPSAMPLING_PARAMS);
        const f = Math.round(p.f);
        const N = Math.floor(MNIST_SIDE / f);
        const K = Math.round(p.K);
        const S = Math.round(p.S);
        const P = Math.round(p.P);
        const op = effectiveOutPad(p);
        const out = (N - 1) * S - 2 * P + K + op;
        return {
          prompt: `The upsampling lab max-pools a $28\\times28$ digit by $f = ${f}$ to $${N}\\times${N}$, then applies a transposed convolution with kernel $F = ${K}$, stride $S = ${S}$, padding $P = ${P}$${op ? ` and output padding ${op}` : ''}. How many pixels wide is its output?`,
          answer: { kind: 'number', value: out, abs: 0, rel: 0 },
          explanation: `A transposed convolution ("up-convolution", never "deconvolution") spreads each input pixel over an $F\\times F$ patch, $S$ pixels apart: $(N - 1)\\,S - 2P + F${op ? ' + \\text{output padding}' : ''} = (${N} - 1)\\cdot${S} - ${2 * P} + ${K}${op ? ` + ${op}` : ''} = ${out}$. It is the inverse of the convolution's size formula, and its filter is learned.`,
          fromLab: { ...UPSAMPLING_LAB, values: `f = ${f}, F = ${K}, S = ${S}, P = ${P}, output padding ${op}` },
        };
      },
    },
    {
      id: 'unet-skips',
      build: () => ({
        prompt: 'How does U-Net\'s decoder use the encoder\'s feature maps?',
        answer: {
          kind: 'choice',
          options: [
            'It adds them element-wise, as a ResNet block does.',
            'Its skip connections concatenate the matching encoder feature map with the up-convolved map along the channels.',
            'It does not: only the bottleneck passes information to the decoder.',
            'It uses them as the weights of the up-convolutions.',
          ],
          correct: 1,
        },
        explanation:
          'The encoder halves the resolution and doubles the channels at each level; the decoder upsamples with $2\\times2$ up-convolutions that halve the channels, then concatenates the encoder\'s map of the same level (cropped to size), followed by two $3\\times3$ convolutions. The copied high-resolution features restore the spatial detail that pooling lost; a final $1\\times1$ convolution maps the channels to the classes.',
      }),
    },
  ],
};

export default set;
