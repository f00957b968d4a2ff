/**
 * Self-check questions of Lecture 8 (Training Neural Networks III): augmentation, weight decay,
 * ensembles, dropout and batch normalisation. The numeric ones read the lecture's labs.
 */
import { fmt } from '../../selfcheck/grading';
import type { SelfCheckSet } from '../../selfcheck/types';
import { AUGMENT_PARAMS } from './labs/augment/params';
import { BATCHNORM_PARAMS } from './labs/batchnorm/params';
import { DROPOUT_PARAMS } from './labs/dropout/params';
import { ENSEMBLE_PARAMS } from './labs/ensemble/params';
import { WEIGHT_DECAY_PARAMS } from './labs/weight-decay/params';

const AUGMENT_LAB = { labId: 'augment', labTitle: 'Data augmentation' };
const WD_LAB = { labId: 'weight-decay', labTitle: 'L2 regularisation against weight decay' };
const ENSEMBLE_LAB = { labId: 'ensemble', labTitle: 'Bagging and ensembles' };
const DROPOUT_LAB = { labId: 'dropout', labTitle: 'Dropout' };
const BN_LAB = { labId: 'batchnorm', labTitle: 'Batch normalisation' };

const set: SelfCheckSet = {
  lecture: '08-regularization',
  questions: [
    {
      id: 'test-crops',
      build: (ctx) => {
        const p = ctx.params(AUGMENT_LAB.labId, AUGMENT_PARAMS);
        const views = p.flip ? 10 : 5;
        return {
          prompt: `At test time the notes score a fixed set of crops: the 4 corners and the centre, each also mirrored when flips are part of the augmentation. The augment lab's training currently ${p.flip ? 'uses' : 'does not use'} horizontal flips. With "Test on the fixed crops", how many views of each validation image are averaged?`,
          answer: { kind: 'number', value: views, abs: 0, rel: 0 },
          explanation: p.flip
            ? 'Five crops (4 corners + 1 centre) × 2 (original and mirrored) = 10 views, the notes\' "10 fixed crops"; their softmax outputs are averaged. Augmentation is part of the network design: compare two networks only with the same augmentation.'
            : 'Five crops (4 corners + 1 centre); the mirrored copies (× 2 = 10, the notes\' setting) are only used when the model was trained with flips, since it should not be tested on transformations it never saw. Their softmax outputs are averaged.',
          fromLab: { ...AUGMENT_LAB, values: `horizontal flip ${p.flip ? 'on' : 'off'}` },
        };
      },
    },
    {
      id: 'weight-decay-as-l2',
      build: (ctx) => {
        const p = ctx.params(WD_LAB.labId, WEIGHT_DECAY_PARAMS);
        const lam = Number(p.decay.toPrecision(3));
        const lr = Number(p.lrSgd.toPrecision(3));
        const l2 = lam / lr;
        return {
          prompt: `The weight-decay lab shrinks the weights by $\\lambda = ${fmt(lam, 3)}$ per step, $\\theta \\leftarrow (1 - \\lambda)\\theta - \\alpha\\nabla f$, with SGD learning rate $\\alpha = ${fmt(lr, 3)}$. Which L2 penalty strength $\\lambda_2$ (loss $+\\ \\tfrac{\\lambda_2}{2}\\lVert\\theta\\rVert^2$) gives exactly the same SGD update? (3 significant digits)`,
          answer: { kind: 'number', value: l2, rel: 0.01 },
          explanation: `The L2 term adds $\\lambda_2\\theta$ to the gradient, so an SGD step is $\\theta \\leftarrow \\theta - \\alpha\\nabla f - \\alpha\\lambda_2\\theta = (1 - \\alpha\\lambda_2)\\theta - \\alpha\\nabla f$. Matching $\\alpha\\lambda_2 = \\lambda$ gives $\\lambda_2 = \\lambda/\\alpha = ${fmt(lam, 3)} / ${fmt(lr, 3)} = ${fmt(l2, 4)}$. This equivalence holds for plain gradient descent only.`,
          fromLab: { ...WD_LAB, values: `λ = ${fmt(lam, 3)}, α_SGD = ${fmt(lr, 3)}` },
        };
      },
    },
    {
      id: 'adam-l2',
      build: () => ({
        prompt: 'Why is L2 regularisation not the same as weight decay when training with Adam?',
        answer: {
          kind: 'choice',
          options: [
            'Adam uses momentum, and momentum cancels the L2 term on average.',
            'Adam divides the whole gradient, the L2 term $\\lambda\\theta$ included, by its running $\\sqrt{\\hat v}$, so weights with large gradients are barely regularised; decoupled weight decay (AdamW) shrinks every weight at the same rate.',
            'They are the same for Adam too; the names are interchangeable.',
            'Adam ignores the regularisation term because it only looks at the sign of the gradient.',
          ],
          correct: 1,
        },
        explanation:
          'For SGD the L2 gradient $\\lambda\\theta$ becomes the shrink factor $(1 - \\alpha\\lambda)$ — weight decay. Adam rescales each coordinate of the gradient by $1/(\\sqrt{\\hat v} + \\epsilon)$, the L2 part too, so the effective decay differs from weight to weight and is weakest where gradients are large. That is why the notes call L2 "(wrongly) called weight decay", and why AdamW applies the decay outside the adaptive step.',
      }),
    },
    {
      id: 'ensemble-error',
      build: (ctx) => {
        const p = ctx.params(ENSEMBLE_LAB.labId, ENSEMBLE_PARAMS);
        const k = Math.round(p.k);
        return {
          prompt: `The ensemble lab averages $k = ${k}$ networks. Suppose each member's error has variance $v = 1$ and the errors are uncorrelated. What is the expected squared error of the ensemble's average? (3 decimals)`,
          answer: { kind: 'number', value: 1 / k, abs: 0.001, rel: 0 },
          explanation: `$E\\big[(\\tfrac1k\\sum_i \\varepsilon_i)^2\\big] = \\tfrac{1}{k^2}\\sum_i E[\\varepsilon_i^2] = \\tfrac{k v}{k^2} = \\tfrac{v}{k} = 1/${k} = ${fmt(1 / k, 4)}$ (the cross terms vanish because the errors are uncorrelated). The error falls in inverse proportion to $k$, not linearly as the notes say; with correlation $c$ it is $v/k + \\tfrac{k-1}{k}c$, a floor that more members cannot remove.`,
          fromLab: { ...ENSEMBLE_LAB, values: `k = ${k}` },
        };
      },
    },
    {
      id: 'dropout-test-scaling',
      build: (ctx) => {
        const p = ctx.params(DROPOUT_LAB.labId, DROPOUT_PARAMS);
        const drop = Number(p.drop.toFixed(2));
        const keep = Number((1 - drop).toFixed(2));
        return {
          prompt: `The dropout lab switches each hidden unit off with probability $p = ${fmt(drop, 3)}$ during training. At test time every unit is on. By which factor does the weight-scaling inference rule multiply a unit's input $z = \\sum_i \\theta_i x_i$ so that it matches its training-time expectation? (2 decimals)`,
          answer: { kind: 'number', value: keep, abs: 0.005, rel: 0 },
          explanation: `Each input survives with the keep probability $1 - p = ${fmt(keep, 3)}$, so during training $E[z] = (1 - p)\\sum_i \\theta_i x_i$; the test-time $z$ is scaled by $${fmt(keep, 3)}$ to match (the notes' example: keep probability $0.5$ gives $E[z] = \\tfrac12(\\theta_1x_1 + \\theta_2x_2)$). Careful with the conventions: the notes' $p$ there is the keep probability, the lab's (and PyTorch's) $p$ the drop probability. PyTorch uses inverted dropout instead: it divides by $1 - p$ during training and leaves test time alone.`,
          fromLab: { ...DROPOUT_LAB, values: `drop probability p = ${fmt(drop, 3)}` },
        };
      },
    },
    {
      id: 'mc-dropout',
      build: () => ({
        prompt: 'How does Monte Carlo dropout estimate how uncertain a prediction is?',
        answer: {
          kind: 'choice',
          options: [
            'It turns dropout off at test time and reads the uncertainty from the softmax probability.',
            'It trains 25–100 separate networks with different seeds and averages them.',
            'It keeps dropout on at inference, runs the same input through the network many times (25–100) and uses the mean and the spread of the outputs.',
            'It raises the drop probability to 0.5 or more at test time.',
          ],
          correct: 2,
        },
        explanation:
          'Each pass samples a different dropout mask, i.e. a different sub-network; the average $\\hat y = \\frac1T\\sum_t f_{\\text{mask}_t}(x)$ is the prediction and the spread of the $T$ outputs the uncertainty. Training uses a low drop probability (0.1 or 0.2). The plain softmax is massively overconfident, so it is not a good uncertainty, and separate networks would be an ensemble, not MC dropout.',
      }),
    },
    {
      id: 'bn-running-mean',
      build: (ctx) => {
        const p = ctx.params(BN_LAB.labId, BATCHNORM_PARAMS);
        const b = Number(p.betaM.toFixed(2));
        const after = 1 - b ** 3;
        return {
          prompt: `The batch-norm lab keeps running statistics with momentum $\\beta_m = ${fmt(b, 3)}$: $\\mu_{\\text{running}} \\leftarrow \\beta_m\\,\\mu_{\\text{running}} + (1 - \\beta_m)\\,\\mu_{\\text{minibatch}}$. The running mean starts at 0 and the first three minibatches all have mean 1. What is the running mean after them? (3 decimals)`,
          answer: { kind: 'number', value: after, abs: 0.001, rel: 0 },
          explanation: `Step by step: $\\mu_1 = 1 - \\beta_m$, $\\mu_2 = \\beta_m(1 - \\beta_m) + (1 - \\beta_m) = 1 - \\beta_m^2$, $\\mu_3 = 1 - \\beta_m^3 = 1 - ${fmt(b, 3)}^3 = ${fmt(after, 4)}$. The exponentially weighted average forgets its start only slowly, so with a large $\\beta_m$ early running statistics are biased towards their initial values — the test-time statistics need enough training minibatches.`,
          fromLab: { ...BN_LAB, values: `β_m = ${fmt(b, 3)}` },
        };
      },
    },
    {
      id: 'bn-test-time',
      build: () => ({
        prompt: 'At test time a network with batch normalisation classifies one image at a time. Which mean and variance does the BN layer use?',
        answer: {
          kind: 'choice',
          options: [
            'The mean and variance of the single test image\'s features.',
            'Mean 0 and variance 1, because the layer was trained to produce unit Gaussians.',
            'The learned $\\gamma$ and $\\beta$ as variance and mean.',
            'Running averages of the minibatch means and variances collected during training.',
          ],
          correct: 3,
        },
        explanation:
          'One image gives no meaningful mean and variance, so BN switches to $\\mu_{\\text{test}}$ and $\\sigma^2_{\\text{test}}$, the exponentially weighted running averages of the training minibatches\' statistics (PyTorch: model.eval()). $\\gamma$ and $\\beta$ are still applied after normalising — they rescale and shift, they are not the statistics.',
      }),
    },
  ],
};

export default set;
