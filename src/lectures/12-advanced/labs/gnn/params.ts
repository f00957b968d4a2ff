import { defineParams, seedParam, select, type Values } from '../../../../params/schema';

export const GNN_PARAMS = defineParams({
  agg: select({
    label: 'Aggregation Φ', urlKey: 'agg', options: ['mean', 'sum', 'max'] as const, default: 'mean',
    optionLabels: { mean: 'mean', sum: 'sum', max: 'max (element-wise)' },
    help: 'The order-invariant operation that turns a node’s incoming edge vectors into m_i.',
  }),
  feat: select({
    label: 'Node features h_i^(0)', urlKey: 'feat', options: ['onehot', 'degree'] as const, default: 'onehot',
    optionLabels: { onehot: 'one-hot identity (34 numbers)', degree: 'constant and degree (2 numbers)' },
  }),
  rounds: { kind: 'number', label: 'Message-passing rounds', symbol: 'L', urlKey: 'L', min: 1, max: 4, step: 1, default: 2 },
  hidden: {
    kind: 'number', label: 'Hidden width', symbol: 'd', urlKey: 'd', min: 2, max: 8, step: 1, default: 4,
    help: 'Width of the edge vectors and of the node vectors before the last round (which outputs 2 numbers).',
  },
  extra: {
    kind: 'number', label: 'Extra labelled members per faction', urlKey: 'extra', min: 0, max: 8, step: 1, default: 0,
    help: 'Besides the instructor (0) and the administrator (33), chosen at random by the seed.',
  },
  lr: { kind: 'number', label: 'Learning rate (Adam)', symbol: '\\alpha', urlKey: 'lr', min: 0.001, max: 0.3, step: 0, scale: 'log', default: 0.01 },
  epochs: { kind: 'number', label: 'Training steps', urlKey: 'epochs', min: 50, max: 1000, step: 50, default: 200 },
  node: {
    kind: 'number', label: 'Node i shown step by step', symbol: 'i', urlKey: 'i', min: 0, max: 33, step: 1, default: 0,
    help: 'Also: click a node in the graph.',
  },
  seed: seedParam(),
});

export type GnnParams = Values<typeof GNN_PARAMS>;
