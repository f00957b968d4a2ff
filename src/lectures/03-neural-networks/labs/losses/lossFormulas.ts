/** The KaTeX shown by the loss explorer for each loss and prediction axis. */
import type { LossKind, PredictionAxis } from '../../../../ml/losses';

export interface LossTex {
  /** The loss over a data set, as in the notes (corrected). */
  dataset: string;
  /** The loss of one prediction x on the plotted axis, and its derivative. */
  single: string;
  derivative: string;
  /** Symbol of the prediction on the axis. */
  x: string;
  /** How to read the descent with this loss. */
  lesson: string;
}

const DATASET: Record<LossKind, string> = {
  l1: 'L(\\mathbf{y}, \\hat{\\mathbf{y}}; \\boldsymbol{\\theta}) = \\frac{1}{n} \\sum_{i=1}^n \\|\\mathbf{y}_i - \\hat{\\mathbf{y}}_i\\|_1',
  mse: 'L(\\mathbf{y}, \\hat{\\mathbf{y}}; \\boldsymbol{\\theta}) = \\frac{1}{n} \\sum_{i=1}^n \\|\\mathbf{y}_i - \\hat{\\mathbf{y}}_i\\|_2^2',
  bce: 'L(\\mathbf{y}, \\hat{\\mathbf{y}}; \\boldsymbol{\\theta}) = -\\frac{1}{n} \\sum_{i=1}^n \\big[y_i \\log \\hat{y}_i + (1 - y_i) \\log(1 - \\hat{y}_i)\\big]',
  ce: 'L(\\mathbf{y}, \\hat{\\mathbf{y}}; \\boldsymbol{\\theta}) = -\\sum_{i=1}^n \\sum_{k=1}^K y_{ik} \\log \\hat{y}_{ik}',
};

const REGRESSION_LESSON = {
  l1: 'The derivative is ±1 whatever the distance, so every step has the same length α: the prediction walks to the target and then jumps back and forth across it, never settling unless α shrinks.',
  mse: 'The derivative 2(ŷ − y) shrinks as the prediction nears the target, so the steps shrink too and the descent settles. With α > 1 each step overshoots by more than it corrects and the run diverges.',
};

function classificationTex(kind: 'bce' | 'ce', axis: 'prob' | 'logit'): Omit<LossTex, 'dataset'> {
  if (kind === 'bce' && axis === 'prob') {
    return {
      x: '\\hat{y}', single: 'L(\\hat{y}) = -\\big[y \\log \\hat{y} + (1 - y) \\log(1 - \\hat{y})\\big]', derivative: '\\frac{\\partial L}{\\partial \\hat{y}} = \\frac{\\hat{y} - y}{\\hat{y}(1 - \\hat{y})}',
      lesson: 'On the probability itself the gradient does not vanish: it blows up as ŷ approaches the wrong end, and stays at least 1 in size near the right one, so the descent runs into the edge of (0, 1) (it is clipped there).',
    };
  }
  if (kind === 'bce') {
    return {
      x: 'z', single: 'L(z) = -\\big[y \\log \\sigma(z) + (1 - y) \\log(1 - \\sigma(z))\\big]', derivative: '\\frac{\\partial L}{\\partial z} = \\sigma(z) - y',
      lesson: 'Through the sigmoid the gradient is σ(z) − y: close to ±1 while the prediction is confidently wrong, so learning is fast there, and vanishing only as the prediction becomes right. The loss approaches 0 but z never stops growing.',
    };
  }
  if (axis === 'prob') {
    return {
      x: '\\hat{y}_c', single: 'L(\\hat{y}_c) = -\\log \\hat{y}_c', derivative: '\\frac{\\partial L}{\\partial \\hat{y}_c} = -\\frac{1}{\\hat{y}_c}',
      lesson: 'With a one-hot target only the true class c counts: the loss is −log ŷ_c. Its slope is steep when the true class gets little probability and is −1 at ŷ_c = 1, so it never vanishes; the descent is clipped at the edge.',
    };
  }
  return {
    x: 'z_c', single: 'L(z_c) = -\\log \\frac{e^{z_c}}{e^{z_c} + (C - 1)e^{0}} = \\log\\big(e^{z_c} + C - 1\\big) - z_c', derivative: '\\frac{\\partial L}{\\partial z_c} = \\hat{y}_c - 1',
    lesson: 'The softmax gradient is ŷ_c − 1 (prediction minus one-hot target): near −1 while the true class is unlikely, vanishing as it takes all the probability. At z_c = 0 every class is equally likely and L = log C.',
  };
}

export function lossTex(kind: LossKind, axis: PredictionAxis): LossTex {
  if (kind === 'l1') {
    return { dataset: DATASET.l1, x: '\\hat{y}', single: 'L(\\hat{y}) = |y - \\hat{y}|', derivative: '\\frac{\\partial L}{\\partial \\hat{y}} = \\operatorname{sign}(\\hat{y} - y)', lesson: REGRESSION_LESSON.l1 };
  }
  if (kind === 'mse') {
    return { dataset: DATASET.mse, x: '\\hat{y}', single: 'L(\\hat{y}) = (y - \\hat{y})^2', derivative: '\\frac{\\partial L}{\\partial \\hat{y}} = 2(\\hat{y} - y)', lesson: REGRESSION_LESSON.mse };
  }
  return { dataset: DATASET[kind], ...classificationTex(kind, axis === 'prob' ? 'prob' : 'logit') };
}
