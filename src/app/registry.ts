/**
 * The lecture registry: every lecture 2-12 with its outline from the notes, the labs that are
 * built, and (lazily) its page. A lecture without a page shows its outline.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import { LECTURES } from './courseOutline';
import type { LectureInfo } from './courseTypes';

export interface LabRef {
  id: string;
  title: string;
}

export interface LecturePageProps {
  info: LectureInfo;
}

export interface TocItem {
  id: string;
  title: string;
}

export interface LectureEntry {
  info: LectureInfo;
  labs: LabRef[];
  /** Sections of a built page (its own order); outline pages use the notes' sections. */
  toc: TocItem[];
  page?: LazyExoticComponent<ComponentType<LecturePageProps>>;
  /** Number of self-check questions at the end of the page (0: none). */
  questions: number;
}

type PageModule = { default: ComponentType<LecturePageProps> };

const PAGES: Record<string, { labs: LabRef[]; toc: TocItem[]; load: () => Promise<PageModule> }> = {
  '02-ml-basics': {
    toc: [
      { id: 'nearest-neighbour', title: 'A simple classifier: nearest neighbours' },
      { id: 'data-splits', title: 'Learning from experience: splitting the data' },
      { id: 'learning-types', title: 'Supervised and unsupervised learning' },
      { id: 'linear-prediction', title: 'Linear regression: a linear model' },
      { id: 'loss-and-optimisation', title: 'Loss function and optimisation' },
      { id: 'least-squares', title: 'Linear least squares in closed form' },
      { id: 'maximum-likelihood', title: 'Maximum likelihood' },
      { id: 'regression-vs-classification', title: 'Regression against classification' },
      { id: 'logistic-regression', title: 'Logistic regression' },
    ],
    labs: [
      { id: 'knn', title: 'Nearest-neighbour classifier' },
      { id: 'linreg', title: 'Linear regression' },
      { id: 'logreg', title: 'Logistic regression' },
    ],
    load: () => import('../lectures/02-ml-basics'),
  },
  '03-neural-networks': {
    toc: [
      { id: 'from-logistic-regression', title: 'From logistic regression to neural networks' },
      { id: 'neurons-and-activations', title: 'Activation functions and biological inspiration' },
      { id: 'training-recipe', title: 'Training a neural network' },
      { id: 'computational-graphs', title: 'Computational graphs' },
      { id: 'network-as-graph', title: 'Neural networks as computational graphs' },
      { id: 'loss-functions', title: 'Loss functions' },
      { id: 'regression-losses', title: 'Regression losses: L1 and MSE' },
      { id: 'binary-cross-entropy', title: 'Binary cross-entropy' },
      { id: 'cross-entropy', title: 'Multi-class cross-entropy' },
      { id: 'finding-a-better-network', title: 'Finding a better network with gradients' },
      { id: 'one-layer-gradient', title: 'The gradient of a one-layer network' },
      { id: 'backprop-preview', title: 'Gradients of deep networks' },
    ],
    labs: [
      { id: 'mlp', title: 'Neural-network playground' },
      { id: 'graph-nn', title: 'A network as a computational graph' },
      { id: 'losses', title: 'Loss-function explorer' },
    ],
    load: () => import('../lectures/03-neural-networks'),
  },
  '04-backprop': {
    toc: [
      { id: 'importance-of-gradients', title: 'Why gradients matter' },
      { id: 'forward-backward', title: 'Forward and backward pass on a graph' },
      { id: 'graphs-to-networks', title: 'From computational graphs to neural networks' },
      { id: 'networks-as-graphs', title: 'A neuron as a computational graph' },
      { id: 'gradient-descent', title: 'Gradient descent' },
      { id: 'gd-for-networks', title: 'Gradient descent for neural networks' },
      { id: 'cross-entropy-derivatives', title: 'Derivatives of the cross-entropy loss' },
      { id: 'worked-example', title: 'A worked example: one ReLU neuron' },
      { id: 'regularization', title: 'Regularisation' },
    ],
    labs: [
      { id: 'backprop', title: 'Step-through back-propagation' },
      { id: 'gradcheck', title: 'Gradient check for a small network' },
      { id: 'chain', title: 'The chain rule, step by step' },
    ],
    load: () => import('../lectures/04-backprop'),
  },
  '05-optimization': {
    toc: [
      { id: 'convergence-convexity', title: 'Convergence of gradient descent' },
      { id: 'gd-single-sample', title: 'Gradient descent on a single training sample' },
      { id: 'gd-multiple-samples', title: 'Gradient descent on many samples' },
      { id: 'line-search', title: 'The optimal learning rate by line search' },
      { id: 'large-train-sets', title: 'Gradient descent on a large training set' },
      { id: 'sgd', title: 'Stochastic gradient descent (SGD)' },
      { id: 'minibatches', title: 'Minibatches' },
      { id: 'sgd-convergence', title: 'Convergence of SGD' },
      { id: 'sgd-problems', title: 'Problems of SGD' },
      { id: 'momentum', title: 'Gradient descent with momentum' },
      { id: 'nesterov', title: 'Nesterov momentum' },
      { id: 'rmsprop', title: 'RMSProp' },
      { id: 'adam', title: 'Adam: adaptive moment estimation' },
      { id: 'jacobian-hessian', title: 'Jacobian and Hessian' },
      { id: 'newton', title: "Newton's method" },
      { id: 'bfgs', title: 'BFGS and L-BFGS' },
      { id: 'gauss-newton', title: 'Gauss–Newton' },
      { id: 'levenberg', title: 'Levenberg' },
      { id: 'levenberg-marquardt', title: 'Levenberg–Marquardt' },
      { id: 'which-when', title: 'Which, what and when?' },
    ],
    labs: [
      { id: 'lr', title: 'Learning rate: too low, about right, too high' },
      { id: 'minibatch', title: 'Minibatch SGD' },
      { id: 'optimizers', title: 'Optimizer race' },
      { id: 'second-order', title: 'Second-order methods' },
    ],
    load: () => import('../lectures/05-optimization'),
  },
  '06-training-1': {
    toc: [
      { id: 'learning-rate', title: 'The learning rate' },
      { id: 'lr-decay', title: 'Learning-rate decay' },
      { id: 'training-schedule', title: 'Training schedules' },
      { id: 'basic-recipe', title: 'The basic recipe for training' },
      { id: 'generalisation', title: 'Learning means generalisation: train, validation, test' },
      { id: 'cross-validation', title: 'Cross-validation' },
      { id: 'over-underfitting', title: 'Over- and underfitting' },
      { id: 'learning-curves', title: 'Reading learning curves' },
      { id: 'hyperparameters', title: 'Hyperparameters and how to tune them' },
      { id: 'how-to-start', title: 'How to start' },
      { id: 'lr-and-grid', title: 'A good learning rate, then a coarse and a fine grid' },
      { id: 'timings-architecture', title: 'Timings and network architecture' },
      { id: 'debugging', title: 'Debugging and common mistakes' },
    ],
    labs: [
      { id: 'lr-schedules', title: 'Learning-rate schedules' },
      { id: 'crossval', title: 'k-fold cross-validation' },
      { id: 'fitting', title: 'Under- and overfitting' },
      { id: 'hparam-search', title: 'Grid search against random search' },
      { id: 'sanity', title: 'Sanity checks and common mistakes' },
    ],
    load: () => import('../lectures/06-training-1'),
  },
  '07-training-2': {
    toc: [
      { id: 'regression-losses', title: 'Regression losses: L2 against L1' },
      { id: 'binary-classification', title: 'Binary classification: sigmoid' },
      { id: 'softmax-output', title: 'Multiclass classification: softmax' },
      { id: 'hinge-loss', title: 'Hinge loss against cross-entropy' },
      { id: 'full-loss', title: 'The loss in the compute graph' },
      { id: 'sigmoid-tanh', title: 'Sigmoid and tanh' },
      { id: 'relu', title: 'ReLU and dead units' },
      { id: 'relu-variants', title: 'Leaky ReLU, parametric ReLU, Maxout' },
      { id: 'activations-summary', title: 'Activations in a nutshell' },
      { id: 'init-zero-small-big', title: 'Initialisation: zero, small, big' },
      { id: 'xavier', title: 'Xavier initialisation' },
      { id: 'kaiming', title: 'Kaiming initialisation for ReLU' },
      { id: 'summary', title: 'Summary' },
    ],
    labs: [
      { id: 'softmax', title: 'Softmax, cross-entropy and hinge loss' },
      { id: 'dead-relu', title: 'Dead ReLUs' },
      { id: 'activations', title: 'Activation-function gallery' },
      { id: 'init', title: 'Weight initialisation in a deep network' },
    ],
    load: () => import('../lectures/07-training-2'),
  },
  '08-regularization': {
    toc: [
      { id: 'mnist-data', title: 'The digits we train on' },
      { id: 'augmentation', title: 'Data augmentation' },
      { id: 'weight-decay-section', title: 'L2 regularisation against weight decay' },
      { id: 'early-stopping', title: 'Early stopping' },
      { id: 'bagging', title: 'Bagging and ensemble methods' },
      { id: 'dropout-section', title: 'Dropout' },
      { id: 'mc-dropout-section', title: 'Monte Carlo dropout' },
      { id: 'batch-normalisation', title: 'Batch normalisation' },
      { id: 'other-normalisations', title: 'Other normalisations' },
      { id: 'what-we-know', title: 'What we know so far' },
    ],
    labs: [
      { id: 'augment', title: 'Data augmentation' },
      { id: 'weight-decay', title: 'L2 regularisation against weight decay' },
      { id: 'early-stop', title: 'Early stopping' },
      { id: 'ensemble', title: 'Bagging and ensembles' },
      { id: 'dropout', title: 'Dropout' },
      { id: 'mc-dropout', title: 'Monte Carlo dropout' },
      { id: 'batchnorm', title: 'Batch normalisation' },
    ],
    load: () => import('../lectures/08-regularization'),
  },
  '09-cnn': {
    toc: [
      { id: 'fc-on-images', title: 'Problems with fully connected layers on images' },
      { id: 'convolutions', title: 'What are convolutions?' },
      { id: 'image-filters', title: 'Image filters' },
      { id: 'rgb-convolutions', title: 'Convolutions on RGB images' },
      { id: 'conv-layer', title: 'The convolution layer' },
      { id: 'stride-output-size', title: 'Output size and stride' },
      { id: 'padding', title: 'Padding' },
      { id: 'cnn-prototype', title: 'A CNN prototype and its learned filters' },
      { id: 'max-pooling', title: 'Max pooling' },
      { id: 'average-pooling', title: 'Average pooling' },
      { id: 'fc-head-and-comparison', title: 'The fully connected head; convolutions against FC layers' },
      { id: 'receptive-fields', title: 'Receptive field' },
    ],
    labs: [
      { id: 'filters', title: 'Image filters and activation maps' },
      { id: 'conv-arith', title: 'Convolution arithmetic' },
      { id: 'pooling', title: 'Max and average pooling' },
      { id: 'cnn-mnist', title: 'A CNN trained live on MNIST' },
      { id: 'receptive-field', title: 'Receptive fields' },
    ],
    load: () => import('../lectures/09-cnn'),
  },
  '10-cnn-2': {
    toc: [
      { id: 'lenet', title: 'LeNet' },
      { id: 'benchmarks-metrics', title: 'ImageNet and top-1/top-5 error' },
      { id: 'alexnet', title: 'AlexNet' },
      { id: 'vggnet', title: 'VGGNet' },
      { id: 'depth-problem', title: 'The problem of depth' },
      { id: 'residual-block', title: 'Residual blocks' },
      { id: 'resnet-section', title: 'ResNet' },
      { id: 'why-resnet-works', title: 'Why does ResNet work?' },
      { id: 'one-by-one-convolutions', title: '1×1 convolutions' },
      { id: 'inception', title: 'The Inception layer' },
      { id: 'xception-depthwise', title: 'Xception and depthwise-separable convolutions' },
      { id: 'fully-convolutional', title: 'Fully convolutional networks' },
      { id: 'upsampling-types', title: 'Types of upsampling' },
      { id: 'u-net', title: 'U-Net' },
    ],
    labs: [
      { id: 'architectures', title: 'Classic architectures' },
      { id: 'resnet', title: 'Plain against residual networks' },
      { id: 'conv-variants', title: '1×1, Inception and depthwise-separable convolutions' },
      { id: 'upsampling', title: 'Upsampling' },
      { id: 'segmentation', title: 'A mini U-Net for segmentation' },
    ],
    load: () => import('../lectures/10-cnn-2'),
  },
  '11-rnn-transformers': {
    toc: [
      { id: 'transfer-learning', title: 'Transfer learning' },
      { id: 'when-transfer', title: 'When transfer learning makes sense' },
      { id: 'representation-learning', title: 'Representation learning' },
      { id: 'processing-sequences', title: 'Processing sequences' },
      { id: 'rnn-structure', title: 'The basic structure of an RNN' },
      { id: 'long-term-dependencies', title: 'Long-term dependencies' },
      { id: 'lstm-cell', title: 'Long short-term memory' },
      { id: 'lstm-code', title: 'LSTM dimensions and code' },
      { id: 'attention-intuition', title: 'Attention' },
      { id: 'transformers-intro', title: 'Transformers' },
      { id: 'multi-head-attention', title: 'Scaled dot-product and multi-head attention' },
      { id: 'transformer-closer-look', title: 'The transformer, a closer look' },
      { id: 'positional-encoding', title: 'Positional encoding' },
      { id: 'self-attention-complexity', title: 'Self-attention: complexity' },
      { id: 'training-tricks', title: 'Training tricks' },
      { id: 'transformer-results', title: 'Results and summary' },
    ],
    labs: [
      { id: 'transfer', title: 'Transfer learning on MNIST' },
      { id: 'rnn-gradients', title: 'Vanishing and exploding gradients' },
      { id: 'lstm', title: 'An LSTM cell at work' },
      { id: 'attention', title: 'Scaled dot-product attention' },
      { id: 'positional', title: 'Sinusoidal positional encoding' },
      { id: 'complexity', title: 'Self-attention complexity' },
      { id: 'transformer', title: 'A tiny transformer' },
    ],
    load: () => import('../lectures/11-rnn-transformers'),
  },
  '12-advanced': {
    toc: [
      { id: 'graphs', title: 'Graphs and deep learning on graphs' },
      { id: 'message-passing', title: 'Message passing' },
      { id: 'gnn-applications', title: 'GNN applications' },
      { id: 'generative-models', title: 'Generative models' },
      { id: 'autoencoders', title: 'Autoencoders' },
      { id: 'variational-autoencoders', title: 'Variational autoencoders' },
      { id: 'gans', title: 'Generative adversarial networks' },
      { id: 'gan-loss', title: 'GANs: the loss function' },
      { id: 'diffusion-models', title: 'Diffusion models' },
      { id: 'forward-diffusion', title: 'Forward diffusion' },
      { id: 'reverse-diffusion', title: 'Reverse diffusion' },
      { id: 'training-diffusion', title: 'Training a diffusion model' },
      { id: 'reinforcement-learning', title: 'Reinforcement learning' },
      { id: 'history-and-state', title: 'History, state and the Markov assumption' },
      { id: 'rl-formulation', title: 'Markov decision processes' },
      { id: 'course-overview', title: 'I2DL overview' },
    ],
    labs: [
      { id: 'gnn', title: 'Message passing on the karate club' },
      { id: 'autoencoder', title: 'Autoencoder against VAE on MNIST' },
      { id: 'gan', title: 'A GAN on 2-D distributions' },
      { id: 'diffusion', title: 'Diffusion, forward and reverse' },
      { id: 'rl', title: 'Value iteration and Q-learning on a gridworld' },
    ],
    load: () => import('../lectures/12-advanced'),
  },
};

/**
 * Self-check questions per lecture (src/lectures/<slug>/selfCheck.ts), counted here so the home page
 * can show "k/N" without loading the sets; a unit test (src/selfcheck) checks each count.
 */
export const SELF_CHECK_COUNTS: Record<string, number> = {
  '02-ml-basics': 7,
  '03-neural-networks': 6,
  '04-backprop': 6,
  '05-optimization': 7,
  '06-training-1': 7,
  '07-training-2': 7,
  '08-regularization': 8,
  '09-cnn': 7,
  '10-cnn-2': 8,
  '11-rnn-transformers': 8,
  '12-advanced': 8,
};

export const SELF_CHECK_TOC: TocItem = { id: 'self-check', title: 'Check yourself' };

export const REGISTRY: LectureEntry[] = LECTURES.map((info) => ({
  info,
  labs: PAGES[info.slug]?.labs ?? [],
  toc: PAGES[info.slug]
    ? [...PAGES[info.slug].toc, ...(SELF_CHECK_COUNTS[info.slug] ? [SELF_CHECK_TOC] : [])]
    : info.sections.map((s) => ({ id: s.id, title: s.title })),
  page: PAGES[info.slug] ? lazy(PAGES[info.slug].load) : undefined,
  questions: PAGES[info.slug] ? (SELF_CHECK_COUNTS[info.slug] ?? 0) : 0,
}));

export function findLecture(slug: string): { entry: LectureEntry; index: number } | null {
  const index = REGISTRY.findIndex((e) => e.info.slug === slug);
  return index < 0 ? null : { entry: REGISTRY[index], index };
}

export const TOTAL_LABS = REGISTRY.reduce((n, e) => n + e.labs.length, 0);
export const TOTAL_QUESTIONS = REGISTRY.reduce((n, e) => n + e.questions, 0);
