/**
 * The notes' closing "I2DL overview" as data: its four groups and their topics, each topic with the
 * labs of this course that teach it (lecture slug + lab id). `resolveCourseMap` looks every lab up in
 * the registry, so a renamed or missing lab is caught by the unit test, and `unmappedLabs` lists any
 * lab the map forgets (the test requires none).
 */
import { REGISTRY } from '../../app/registry';

export interface MapTopic {
  topic: string;
  labs: [slug: string, labId: string][];
}

export interface MapGroup {
  title: string;
  topics: MapTopic[];
}

export const COURSE_MAP: MapGroup[] = [
  {
    title: 'Machine learning basics',
    topics: [
      { topic: 'Unsupervised vs supervised learning; nearest neighbours', labs: [['02-ml-basics', 'knn']] },
      { topic: 'Data splitting: train, validation, test', labs: [['02-ml-basics', 'knn'], ['06-training-1', 'crossval']] },
      { topic: 'Linear vs logistic regression', labs: [['02-ml-basics', 'linreg'], ['02-ml-basics', 'logreg']] },
    ],
  },
  {
    title: 'Introduction to neural networks',
    topics: [
      { topic: 'Networks and computational graphs', labs: [['03-neural-networks', 'mlp'], ['03-neural-networks', 'graph-nn']] },
      { topic: 'Backpropagation', labs: [['04-backprop', 'backprop'], ['04-backprop', 'chain'], ['04-backprop', 'gradcheck']] },
      { topic: 'Activation functions', labs: [['07-training-2', 'activations'], ['07-training-2', 'dead-relu']] },
      { topic: 'Loss functions: comparison and effects', labs: [['03-neural-networks', 'losses'], ['07-training-2', 'softmax']] },
    ],
  },
  {
    title: 'Training neural networks',
    topics: [
      {
        topic: 'Gradient descent, SGD and other optimisers',
        labs: [['05-optimization', 'lr'], ['05-optimization', 'minibatch'], ['05-optimization', 'optimizers'], ['05-optimization', 'second-order']],
      },
      { topic: 'Learning rates and hyperparameters', labs: [['06-training-1', 'lr-schedules'], ['06-training-1', 'hparam-search'], ['06-training-1', 'sanity']] },
      { topic: 'Under- and overfitting', labs: [['06-training-1', 'fitting']] },
      { topic: 'Initialisation', labs: [['07-training-2', 'init']] },
      {
        topic: 'Regularisation',
        labs: [
          ['08-regularization', 'augment'],
          ['08-regularization', 'weight-decay'],
          ['08-regularization', 'early-stop'],
          ['08-regularization', 'ensemble'],
          ['08-regularization', 'dropout'],
          ['08-regularization', 'mc-dropout'],
          ['08-regularization', 'batchnorm'],
        ],
      },
      { topic: 'Transfer learning', labs: [['11-rnn-transformers', 'transfer']] },
    ],
  },
  {
    title: 'Typology of neural networks',
    topics: [
      {
        topic: 'CNNs',
        labs: [
          ['09-cnn', 'conv-arith'],
          ['09-cnn', 'filters'],
          ['09-cnn', 'pooling'],
          ['09-cnn', 'receptive-field'],
          ['09-cnn', 'cnn-mnist'],
          ['10-cnn-2', 'architectures'],
          ['10-cnn-2', 'resnet'],
          ['10-cnn-2', 'conv-variants'],
          ['10-cnn-2', 'upsampling'],
          ['10-cnn-2', 'segmentation'],
        ],
      },
      { topic: 'Autoencoders', labs: [['12-advanced', 'autoencoder']] },
      { topic: 'RNNs and LSTMs', labs: [['11-rnn-transformers', 'rnn-gradients'], ['11-rnn-transformers', 'lstm']] },
      {
        topic: 'Attention and transformers',
        labs: [['11-rnn-transformers', 'attention'], ['11-rnn-transformers', 'positional'], ['11-rnn-transformers', 'complexity'], ['11-rnn-transformers', 'transformer']],
      },
      { topic: 'GANs', labs: [['12-advanced', 'gan']] },
      { topic: 'Graph neural networks', labs: [['12-advanced', 'gnn']] },
      { topic: 'Diffusion models', labs: [['12-advanced', 'diffusion']] },
      { topic: 'Reinforcement learning', labs: [['12-advanced', 'rl']] },
    ],
  },
];

export interface ResolvedLab {
  slug: string;
  labId: string;
  lecture: number;
  title: string;
  href: string;
}

/** Every map entry with its lecture number, lab title and route; throws on a lab the registry lacks. */
export function resolveCourseMap(map: MapGroup[] = COURSE_MAP) {
  return map.map((g) => ({
    title: g.title,
    topics: g.topics.map((t) => ({
      topic: t.topic,
      labs: t.labs.map(([slug, labId]): ResolvedLab => {
        const entry = REGISTRY.find((e) => e.info.slug === slug);
        const lab = entry?.labs.find((l) => l.id === labId);
        if (!entry || !lab) throw new Error(`course map: no lab ${slug}/${labId}`);
        return { slug, labId, lecture: entry.info.number, title: lab.title, href: `#/lecture/${slug}/${labId}` };
      }),
    })),
  }));
}

/** Labs in the registry that the map does not link (should be none). */
export function unmappedLabs(map: MapGroup[] = COURSE_MAP): string[] {
  const linked = new Set(map.flatMap((g) => g.topics.flatMap((t) => t.labs.map(([s, l]) => `${s}/${l}`))));
  return REGISTRY.flatMap((e) => e.labs.map((l) => `${e.info.slug}/${l.id}`)).filter((k) => !linked.has(k));
}
