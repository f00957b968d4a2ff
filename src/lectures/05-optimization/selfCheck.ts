import { fmt } from '../../selfcheck/grading';
import type { SelfCheckSet } from '../../selfcheck/types';
import { LR_PARAMS } from './labs/lr/params';
import { MINIBATCH_PARAMS, N_SAMPLES } from './labs/minibatch/params';
import { OPT_PARAMS } from './labs/optimizers/params';

/** Gradient and velocity the momentum question uses (fixed, so only α and β come from the lab). */
export const MOMENTUM_V = 0.4;
export const MOMENTUM_G = 2;
/** Gradient of Adam's first step. */
export const ADAM_G = 0.5;

const set: SelfCheckSet = {
  lecture: '05-optimization',
  questions: [
    {
      id: 'flat-direction',
      build(ctx) {
        const p = ctx.params('lr', LR_PARAMS);
        const lmin = 1 / p.kappa;
        const f = Math.abs(1 - p.lr * lmin);
        return {
          prompt: `Gradient descent on the bowl $f(\\theta) = \\tfrac12\\theta^T H\\theta$ multiplies the error along an eigenvector of $H$ by $|1 - \\alpha\\lambda|$ per step. With $\\kappa = ${fmt(p.kappa)}$ ($\\lambda_{max} = 1$, $\\lambda_{min} = 1/\\kappa$) and $\\alpha = ${fmt(p.lr)}$, what is that factor along the flat direction $\\lambda_{min}$?`,
          answer: { kind: 'number', value: f, abs: 0.001, rel: 0.01 },
          explanation: `$|1 - \\alpha\\lambda_{min}| = |1 - ${fmt(p.lr)}/${fmt(p.kappa)}| = ${fmt(f)}$. Any $\\alpha < 2/\\lambda_{max} = 2$ converges, but the flat direction shrinks only by this factor per step: the larger $\\kappa$, the slower gradient descent.`,
          fromLab: { labId: 'lr', labTitle: 'Learning rate: too low, about right, too high', values: `$\\kappa = ${fmt(p.kappa)}$, $\\alpha = ${fmt(p.lr)}$` },
        };
      },
    },
    {
      id: 'updates-per-epoch',
      build(ctx) {
        const b = Math.round(ctx.params('minibatch', MINIBATCH_PARAMS).batch);
        const v = Math.ceil(N_SAMPLES / b);
        return {
          prompt: `A training set of $n = ${N_SAMPLES}$ samples is cut into minibatches of $B = ${b}$ (a last, smaller batch also counts). How many parameter updates does one epoch make?`,
          answer: { kind: 'number', value: v, abs: 0, unit: 'updates' },
          explanation: `One update per minibatch: $\\lceil ${N_SAMPLES}/${b} \\rceil = ${v}$. Each update uses $\\nabla_\\theta L = \\frac{1}{m}\\sum_{i=1}^m \\nabla_\\theta L_i$ over the $m$ samples of its batch; smaller batches mean more, noisier updates per epoch.`,
          fromLab: { labId: 'minibatch', labTitle: 'Minibatch SGD', values: `batch size $B = ${b}$` },
        };
      },
    },
    {
      id: 'robbins-monro',
      build: () => ({
        prompt: 'Which learning-rate sequence satisfies the Robbins–Monro conditions $\\sum_k \\alpha_k = \\infty$ and $\\sum_k \\alpha_k^2 < \\infty$, so that SGD converges?',
        answer: { kind: 'choice', options: ['$\\alpha_k = \\alpha$ (constant)', '$\\alpha_k = \\alpha/k$', '$\\alpha_k = \\alpha/k^2$', '$\\alpha_k = \\alpha\\cdot 2^{-k}$'], correct: 1 },
        explanation: 'The harmonic series $\\sum 1/k$ diverges while $\\sum 1/k^2$ converges, so $\\alpha/k$ meets both conditions. A constant rate has $\\sum\\alpha_k^2 = \\infty$ (it keeps bouncing on the gradient noise); $\\alpha/k^2$ and $2^{-k}$ shrink so fast that $\\sum\\alpha_k$ is finite and SGD may stop short of the minimum.',
      }),
    },
    {
      id: 'momentum-step',
      build(ctx) {
        const p = ctx.params('optimizers', OPT_PARAMS);
        const v = p.beta * MOMENTUM_V - p.lr * MOMENTUM_G;
        return {
          prompt: `Momentum: $v^{k+1} = \\beta v^k - \\alpha\\nabla_\\theta L(\\theta^k)$. With $\\beta = ${fmt(p.beta)}$, $\\alpha = ${fmt(p.lr)}$, $v^k = ${MOMENTUM_V}$ and gradient $\\nabla_\\theta L = ${MOMENTUM_G}$, what is $v^{k+1}$?`,
          answer: { kind: 'number', value: v, abs: 0.001, rel: 0.01 },
          explanation: `$v^{k+1} = ${fmt(p.beta)}\\cdot ${MOMENTUM_V} - ${fmt(p.lr)}\\cdot ${MOMENTUM_G} = ${fmt(v)}$, then $\\theta^{k+1} = \\theta^k + v^{k+1}$. The velocity keeps a $\\beta$ share of its past, which damps the zig-zag across a valley and speeds up the motion along it.`,
          fromLab: { labId: 'optimizers', labTitle: 'Optimizer race', values: `$\\beta = ${fmt(p.beta)}$, $\\alpha = ${fmt(p.lr)}$` },
        };
      },
    },
    {
      id: 'adam-first-step',
      build(ctx) {
        const p = ctx.params('optimizers', OPT_PARAMS);
        const step = (p.lrAdaptive * ADAM_G) / Math.sqrt(ADAM_G * ADAM_G + p.eps);
        return {
          prompt: `Adam starts with $m^0 = v^0 = 0$. Its first gradient is $\\nabla_\\theta L = ${ADAM_G}$, with $\\alpha = ${fmt(p.lrAdaptive)}$, $\\beta_1 = ${fmt(p.beta1)}$, $\\beta_2 = ${fmt(p.beta2)}$, $\\epsilon = ${fmt(p.eps)}$. How far does $\\theta$ move in this step, $\\alpha\\,\\hat{m}^1/\\sqrt{\\hat{v}^1 + \\epsilon}$?`,
          answer: { kind: 'number', value: step, abs: 1e-4, rel: 0.01 },
          explanation: `$m^1 = (1 - \\beta_1)\\cdot ${ADAM_G}$ and $\\hat{m}^1 = m^1/(1 - \\beta_1) = ${ADAM_G}$; likewise $\\hat{v}^1 = ${ADAM_G}^2 = ${fmt(ADAM_G ** 2)}$. The step is $${fmt(p.lrAdaptive)}\\cdot ${ADAM_G}/\\sqrt{${fmt(ADAM_G ** 2)} + \\epsilon} = ${fmt(step)}$: thanks to the bias correction the first step is about $\\alpha$ whatever the size of the gradient.`,
          fromLab: { labId: 'optimizers', labTitle: 'Optimizer race', values: `$\\alpha = ${fmt(p.lrAdaptive)}$ (RMSProp, Adam), $\\beta_1 = ${fmt(p.beta1)}$, $\\beta_2 = ${fmt(p.beta2)}$, $\\epsilon = ${fmt(p.eps)}$` },
        };
      },
    },
    {
      id: 'newton-step',
      build: () => ({
        prompt: 'Which is the update of Newton’s method?',
        answer: {
          kind: 'choice',
          options: ['$\\theta^{k+1} = \\theta^k - \\alpha\\nabla_\\theta L$', '$\\theta^{k+1} = \\theta^k - H^{-1}\\nabla_\\theta L$', '$\\theta^{k+1} = \\theta^k - H\\nabla_\\theta L$', '$\\theta^{k+1} = \\theta^k + \\beta v^k$'],
          correct: 1,
        },
        explanation: 'Newton minimises the second-order Taylor approximation of $L$: setting its gradient to zero gives the step $-H^{-1}\\nabla_\\theta L$, with no learning rate. It needs the Hessian and its inverse, $O(p^2)$ memory and $O(p^3)$ time for $p$ parameters, which is why deep learning uses first-order methods.',
      }),
    },
    {
      id: 'default-optimizer',
      build: () => ({
        prompt: 'Which optimiser do the notes recommend as the standard choice for training neural networks?',
        answer: { kind: 'choice', options: ['Newton’s method', 'Adam', 'L-BFGS', 'Plain gradient descent on the full training set'], correct: 1 },
        explanation: 'Standard: Adam; the fallback option is SGD with momentum. Newton, L-BFGS, Gauss–Newton and Levenberg–Marquardt only if you can do full-batch updates: they do not work well with minibatches.',
      }),
    },
  ],
};

export default set;
