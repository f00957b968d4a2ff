import { fmt } from '../../selfcheck/grading';
import type { SelfCheckSet } from '../../selfcheck/types';
import { KNN_PARAMS } from './labs/knn/params';
import { LINREG_PARAMS } from './labs/linreg/params';

/** The fewest votes the winning class can have when k neighbours vote among C classes: ⌈k/C⌉. */
export const minWinningVotes = (k: number, classes: number) => Math.ceil(k / classes);

const set: SelfCheckSet = {
  lecture: '02-ml-basics',
  questions: [
    {
      id: 'knn-vote',
      build(ctx) {
        const p = ctx.params('knn', KNN_PARAMS);
        const k = Math.round(p.k);
        const c = Math.round(p.classes);
        const v = minWinningVotes(k, c);
        return {
          prompt: `$k = ${k}$ nearest neighbours vote among $C = ${c}$ classes. However the votes fall, at least how many votes does the class with the most votes get?`,
          answer: { kind: 'number', value: v, abs: 0, unit: 'votes' },
          explanation: `If every class had at most $v$ votes there would be at most $C\\cdot v$ votes in all, so $C\\cdot v \\ge k$ and $v \\ge \\lceil k/C \\rceil = \\lceil ${k}/${c} \\rceil = ${v}$; spreading the votes as evenly as possible reaches it. With so few votes the winner can be tied with another class, which is why an odd $k$ helps with two classes.`,
          fromLab: { labId: 'knn', labTitle: 'Nearest-neighbour classifier', values: `$k = ${k}$, ${c} classes` },
        };
      },
    },
    {
      id: 'knn-hyperparameters',
      build: () => ({
        prompt: 'Which of these is a hyperparameter of the nearest-neighbour classifier, chosen with the validation set rather than learnt from the training set?',
        answer: {
          kind: 'choice',
          options: ['The labels of the training images', 'The number of neighbours $k$ and the distance (L1 or L2)', 'The test accuracy', 'The pixel values of the query image'],
          correct: 1,
        },
        explanation: 'The notes list the hyperparameters of nearest neighbours: the distance, L1 $|x - c|$ or L2 $\\|x - c\\|_2$, and the number of neighbours $k$. They are problem dependent, so they are chosen by their accuracy on the validation set.',
      }),
    },
    {
      id: 'test-set',
      build: () => ({
        prompt: 'With the usual 60 % / 20 % / 20 % split, which set do you use only once, at the very end?',
        answer: { kind: 'choice', options: ['The training set', 'The validation set', 'The test set'], correct: 2 },
        explanation: 'The model parameters $\\theta$ are fitted on the training set, the hyperparameters are chosen with the validation set, and the test set is used only once, to report how well the final model generalises.',
      }),
    },
    {
      id: 'unsupervised',
      build: () => ({
        prompt: 'Which of these is unsupervised learning?',
        answer: {
          kind: 'choice',
          options: ['Classifying images of cats and dogs from labelled examples', 'Clustering data with k-means, without labels', 'Fitting a linear regression to measured temperatures', 'Logistic regression on labelled points'],
          correct: 1,
        },
        explanation: 'Unsupervised learning has no labels or target classes: it finds structure in the data, for example clusters with k-means, or directions with PCA. The other three learn from labelled targets, so they are supervised.',
      }),
    },
    {
      id: 'linreg-prediction',
      build(ctx) {
        const p = ctx.params('linreg', LINREG_PARAMS);
        const x = p.X.slice(0, 5);
        const th = p.theta;
        const y = x.reduce((s, xi, i) => s + xi * th[i], 0);
        const terms = x.map((xi, i) => `${fmt(th[i])}\\cdot ${xi < 0 ? `(${fmt(xi)})` : fmt(xi)}`).join(' + ');
        return {
          prompt: `A linear model predicts $\\hat{y} = \\sum_j \\theta_j x_j$. For building 1, $x = (${x.map((v) => fmt(v)).join(', ')})$ and $\\theta = (${th.map((v) => fmt(v)).join(', ')})$. What is $\\hat{y}_1$?`,
          answer: { kind: 'number', value: y, abs: 0.01, rel: 0.001 },
          explanation: `$\\hat{y}_1 = ${terms} = ${fmt(y, 6)}$. The first feature is the constant 1, so $\\theta_0$ acts as the bias.`,
          fromLab: { labId: 'linreg', labTitle: 'Linear regression', values: 'the first row of $X$ and $\\theta$' },
        };
      },
    },
    {
      id: 'least-squares',
      build: () => ({
        prompt: 'Which is the closed-form solution of linear least squares, $\\min_\\theta \\|X\\theta - y\\|_2^2$?',
        answer: {
          kind: 'choice',
          options: ['$\\theta = X^T y$', '$\\theta = (X^T X)^{-1} X^T y$', '$\\theta = X (X^T X)^{-1} y$', '$\\theta = (X X^T)^{-1} y$'],
          correct: 1,
        },
        explanation: 'Setting the gradient $2X^T X\\theta - 2X^T y$ to zero gives the normal equations $X^T X\\theta = X^T y$, so $\\theta = (X^T X)^{-1} X^T y$ (when $X^T X$ is invertible).',
      }),
    },
    {
      id: 'bce-value',
      build: () => ({
        prompt: 'Logistic regression predicts $\\hat{y} = 0.8$ for a sample whose label is $y = 1$. What is its binary cross-entropy loss $-[y\\log\\hat{y} + (1 - y)\\log(1 - \\hat{y})]$ (natural log)?',
        answer: { kind: 'number', value: -Math.log(0.8), abs: 0.005 },
        explanation: `With $y = 1$ only the first term is left: $-\\log 0.8 = ${fmt(-Math.log(0.8))}$. It goes to 0 as $\\hat{y} \\to 1$ and grows without bound as $\\hat{y} \\to 0$.`,
      }),
    },
  ],
};

export default set;
