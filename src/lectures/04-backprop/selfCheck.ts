import { fmt } from '../../selfcheck/grading';
import type { SelfCheckSet } from '../../selfcheck/types';
import { BACKPROP_PARAMS } from './labs/backprop/params';
import { CHAIN_PARAMS, parseFraction } from './labs/chain/params';
import { GRADCHECK_PARAMS, N_IN, N_OUT } from './labs/gradcheck/params';

const paren = (v: number) => (v < 0 ? `(${fmt(v)})` : fmt(v));

const set: SelfCheckSet = {
  lecture: '04-backprop',
  questions: [
    {
      id: 'graph-gradient',
      build(ctx) {
        const p = ctx.params('backprop', BACKPROP_PARAMS);
        if (p.graph === 'arith') {
          const d = p.x + p.y;
          return {
            prompt: `For $f(x, y, z) = (x + y)\\cdot z$ at $x = ${fmt(p.x)}$, $y = ${fmt(p.y)}$, $z = ${fmt(p.z)}$, what is $\\partial f/\\partial z$?`,
            answer: { kind: 'number', value: d, abs: 1e-6 },
            explanation: `With $d = x + y$ and $f = d\\cdot z$, the local gradient is $\\partial f/\\partial z = d = ${fmt(p.x)} + ${paren(p.y)} = ${fmt(d)}$. (And $\\partial f/\\partial x = \\partial f/\\partial d\\cdot\\partial d/\\partial x = z\\cdot 1 = ${fmt(p.z)}$.)`,
            fromLab: { labId: 'backprop', labTitle: 'Step-through back-propagation', values: `$x = ${fmt(p.x)}$, $y = ${fmt(p.y)}$, $z = ${fmt(p.z)}$` },
          };
        }
        const s = p.w0 * p.x0 + p.w1 * p.x1 + p.b;
        const sg = 1 / (1 + Math.exp(-s));
        const g = sg * (1 - sg) * p.x0;
        return {
          prompt: `For the sigmoid neuron $f = \\sigma(w_0x_0 + w_1x_1 + b)$ at $w_0 = ${fmt(p.w0)}$, $x_0 = ${fmt(p.x0)}$, $w_1 = ${fmt(p.w1)}$, $x_1 = ${fmt(p.x1)}$, $b = ${fmt(p.b)}$, what is $\\partial f/\\partial w_0$?`,
          answer: { kind: 'number', value: g, abs: 0.001, rel: 0.01 },
          explanation: `$s = ${fmt(p.w0)}\\cdot ${paren(p.x0)} + ${fmt(p.w1)}\\cdot ${paren(p.x1)} + ${paren(p.b)} = ${fmt(s)}$, $\\sigma(s) = ${fmt(sg)}$. By the chain rule $\\partial f/\\partial w_0 = \\sigma(s)(1 - \\sigma(s))\\cdot x_0 = ${fmt(sg)}\\cdot ${fmt(1 - sg)}\\cdot ${paren(p.x0)} = ${fmt(g)}$.`,
          fromLab: { labId: 'backprop', labTitle: 'Step-through back-propagation', values: 'the sigmoid neuron’s inputs' },
        };
      },
    },
    {
      id: 'what-is-backprop',
      build: () => ({
        prompt: 'What does back-propagation do?',
        answer: {
          kind: 'choice',
          options: [
            'It estimates gradients by finite differences, one weight at a time',
            'It applies the chain rule from the loss backwards through the graph, multiplying each upstream gradient by the local gradient of a node',
            'It updates the weights with a random search',
            'It runs the network on the test set',
          ],
          correct: 1,
        },
        explanation: 'Backward pass: start with $\\partial L/\\partial L = 1$ and, node by node from the output to the inputs, multiply the gradient arriving from above by the node’s local derivative. One backward pass gives the gradient with respect to every weight, at about the cost of a forward pass.',
      }),
    },
    {
      id: 'chain-update',
      build(ctx) {
        const p = ctx.params('chain', CHAIN_PARAMS);
        const w1 = parseFraction(p.w1);
        const z = w1 * p.x;
        const relu = p.act === 'relu';
        const a = relu ? Math.max(0, z) : z;
        const da = relu ? (z > 0 ? 1 : 0) : 1;
        const yHat = p.w2 * a;
        const grad = 2 * (yHat - p.y) * p.w2 * da * p.x;
        const next = w1 - p.lr * grad;
        const act = relu ? '\\max(0, w_1x)' : 'w_1x';
        return {
          prompt: `The network $\\hat{y} = w_2\\cdot ${act}$ with loss $L = (\\hat{y} - y)^2$ starts at $x = ${fmt(p.x)}$, $y = ${fmt(p.y)}$, $w_1 = ${p.w1}$, $w_2 = ${fmt(p.w2)}$. What is $w_1$ after one gradient-descent step with $\\alpha = ${fmt(p.lr)}$?`,
          answer: { kind: 'number', value: next, abs: 0.001, rel: 0.01 },
          explanation: `$\\hat{y} = ${fmt(p.w2)}\\cdot ${fmt(a)} = ${fmt(yHat)}$. Chain rule: $\\partial L/\\partial w_1 = 2(\\hat{y} - y)\\cdot w_2\\cdot ${relu ? '\\mathbb{1}[w_1x > 0]' : '1'}\\cdot x = 2\\cdot ${paren(yHat - p.y)}\\cdot ${paren(p.w2)}\\cdot ${da}\\cdot ${paren(p.x)} = ${fmt(grad)}$, so $w_1 \\leftarrow ${fmt(w1)} - ${fmt(p.lr)}\\cdot ${paren(grad)} = ${fmt(next)}$.`,
          fromLab: { labId: 'chain', labTitle: 'The chain rule, step by step', values: `$x = ${fmt(p.x)}$, $y = ${fmt(p.y)}$, $w_1 = ${p.w1}$, $w_2 = ${fmt(p.w2)}$, $\\alpha = ${fmt(p.lr)}$, ${relu ? 'ReLU' : 'no activation'}` },
        };
      },
    },
    {
      id: 'gradcheck-weights',
      build(ctx) {
        const h = Math.round(ctx.params('gradcheck', GRADCHECK_PARAMS).hidden);
        const v = N_IN * h + h + h * N_OUT + N_OUT;
        return {
          prompt: `A network with ${N_IN} inputs, one hidden layer of ${h} units and ${N_OUT} outputs, each layer with biases. How many weights and biases does the gradient check compare?`,
          answer: { kind: 'number', value: v, abs: 0, unit: 'parameters' },
          explanation: `#neurons · #inputs + #biases per layer: hidden $${h}\\cdot ${N_IN} + ${h} = ${N_IN * h + h}$, output $${N_OUT}\\cdot ${h} + ${N_OUT} = ${h * N_OUT + N_OUT}$, in total $${v}$.`,
          fromLab: { labId: 'gradcheck', labTitle: 'Gradient check for a small network', values: `${h} hidden units` },
        };
      },
    },
    {
      id: 'bce-score-gradient',
      build: () => ({
        prompt: 'For a sigmoid output $\\hat{y} = \\sigma(s)$ with the binary cross-entropy loss, what is $\\partial L/\\partial s$?',
        answer: { kind: 'choice', options: ['$\\hat{y}(1 - \\hat{y})$', '$\\hat{y} - y$', '$-y/\\hat{y}$', '$2(\\hat{y} - y)$'], correct: 1 },
        explanation: '$\\frac{\\partial L}{\\partial \\hat{y}} = \\frac{\\hat{y} - y}{\\hat{y}(1 - \\hat{y})}$ and $\\frac{\\partial \\hat{y}}{\\partial s} = \\hat{y}(1 - \\hat{y})$: the product is simply $\\hat{y} - y$, and $\\partial L/\\partial w_{ji} = (\\hat{y}_i - y_i)h_j$.',
      }),
    },
    {
      id: 'l2-penalty',
      build: () => ({
        prompt: 'The regularised loss is $\\sum_i (\\hat{y}_i - y_i)^2 + \\lambda R(\\theta)$ with the L2 penalty $R(\\theta) = \\sum_j \\theta_j^2$. For $\\theta = (1, -2, 0.5)$ and $\\lambda = 0.1$, what does the penalty add to the loss?',
        answer: { kind: 'number', value: 0.1 * (1 + 4 + 0.25), abs: 0.001 },
        explanation: '$\\lambda R(\\theta) = 0.1\\cdot(1^2 + (-2)^2 + 0.5^2) = 0.1\\cdot 5.25 = 0.525$. Large weights cost more, so the optimum trades a slightly worse fit for smaller weights: less overfitting.',
      }),
    },
  ],
};

export default set;
