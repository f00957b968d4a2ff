/**
 * Lecture 5 — Scaling Optimization, in the lecture's order: convexity, gradient descent on one and
 * on many samples, line search, SGD and minibatches with the Robbins–Monro conditions, momentum,
 * Nesterov, RMSProp and Adam, then the second-order methods (Newton, BFGS, Gauss–Newton, Levenberg,
 * Levenberg–Marquardt) and which optimiser to use when.
 */
import { lazy } from 'react';
import type { LecturePageProps } from '../../app/registry';
import { Erratum, Section } from '../../components/LectureParts';
import { Tex } from '../../components/Tex';
import { LabSlot } from '../../labs/LabSlot';
import SelfCheck from '../../selfcheck/SelfCheck';

const LrLab = lazy(() => import('./labs/lr/LrLab').then((m) => ({ default: m.LrLab })));
const MinibatchLab = lazy(() => import('./labs/minibatch/MinibatchLab').then((m) => ({ default: m.MinibatchLab })));
const OptimizersLab = lazy(() => import('./labs/optimizers/OptimizersLab').then((m) => ({ default: m.OptimizersLab })));
const SecondOrderLab = lazy(() => import('./labs/second-order/SecondOrderLab').then((m) => ({ default: m.SecondOrderLab })));

function FullBatch() {
  return (
    <>
      <Section id="convergence-convexity" title="Convergence of gradient descent">
        <p>
          For a <strong>convex</strong> function every local minimum is also a global one, so gradient descent, wherever it stops, has found
          the best answer. Neural networks are <strong>not</strong> convex: their losses have many different local minima, and there is no
          practical way to tell which of them, if any, is globally optimal.
        </p>
      </Section>
      <Section id="gd-single-sample" title="Gradient descent on a single training sample">
        <p>
          Given one sample <Tex math="\{x_i, y_i\}" /> and its loss <Tex math="L_i(\theta, x_i, y_i)" />, we look for the parameters{' '}
          <Tex math="\theta = \{W, b\}" /> that minimise it. Start from random values <Tex math="\theta^1" /> and repeat the update until the
          parameters hardly move, <Tex math="|\theta^{k+1} - \theta^k| < \epsilon" />:
        </p>
        <Tex display math="\theta^{k+1} = \theta^k - \alpha\,\nabla_\theta L_i(\theta^k, x_i, y_i)" />
        <p>
          <Tex math="\theta^k" /> is the current model, <Tex math="\alpha" /> the learning rate, and the gradient comes from back-propagation.
          It has as many entries as the model has parameters, <Tex math="\dim(\nabla_\theta L_i) = \dim(\theta)" />, typically well over a million.
        </p>
      </Section>
      <Section id="gd-multiple-samples" title="Gradient descent on many samples">
        <p>
          With <Tex math="n" /> samples the cost is the mean of the per-sample losses, <Tex math="L = \frac1n\sum_{i=1}^n L_i(\theta, \mathbf{x}_i, \mathbf{y}_i)" />,
          and by linearity its gradient is the mean of the per-sample gradients:
        </p>
        <Tex display math="\theta^{k+1} = \theta^k - \alpha\,\nabla_\theta L(\theta^k, \mathbf{x}_{\{1..n\}}, \mathbf{y}_{\{1..n\}}), \qquad \nabla_\theta L(\theta^k, \mathbf{x}_{\{1..n\}}, \mathbf{y}_{\{1..n\}}) = \frac1n\sum_{i=1}^n \nabla_\theta L_i(\theta^k, \mathbf{x}_i, \mathbf{y}_i)" />
        <p>
          People often drop the <Tex math="1/n" /> and write <Tex math="\nabla L = \sum_i \nabla_\theta L_i" />. That is not wrong: it only
          multiplies the gradient by <Tex math="n" />, which the learning rate can absorb.
        </p>
      </Section>
      <Section id="line-search" title="Side note: the optimal learning rate by line search">
        <p>
          For a given gradient the best step size can be found by a <strong>line search</strong>: compute{' '}
          <Tex math="\nabla_\theta L = \frac1n\sum_i \nabla_\theta L_i" />, find the <Tex math="\alpha" /> that minimises the loss along it, then step:
        </p>
        <Tex display math="\alpha^* = \arg\min_\alpha L\big(\underbrace{\theta^k - \alpha\nabla_\theta L}_{\theta^{k+1}}\big), \qquad \theta^{k+1} = \theta^k - \alpha^*\nabla_\theta L" />
        <p>
          On a quadratic <Tex math="L(\theta) = \tfrac12\theta^\top H\theta" /> with gradient <Tex math="g" /> this one-dimensional problem has a closed
          form: <Tex math="\frac{d}{d\alpha}L(\theta - \alpha g) = -g^\top g + \alpha\,g^\top Hg = 0" /> gives{' '}
          <Tex math="\alpha^* = g^\top g / g^\top Hg" />, and the new gradient is orthogonal to the old one. For a deep network every
          evaluation of <Tex math="L" /> is a pass over the data, so exact line searches are not practical there.
        </p>
      </Section>
      <LabSlot id="lr" title="Learning rate: too low, about right, too high" lab={LrLab} />
    </>
  );
}

function Stochastic() {
  return (
    <>
      <Section id="large-train-sets" title="Gradient descent on a large training set">
        <p>
          Take a million labelled images (<Tex math="n = 10^6" />) and a network with 500k parameters: each full gradient has 500k entries and
          needs a forward and backward pass through all million images. One step of gradient descent is extremely expensive.
        </p>
      </Section>
      <Section id="sgd" title="Stochastic gradient descent (SGD)">
        <p>
          The full gradient costs <Tex math="O(n)" />. Seen as empirical risk minimisation, the average loss is an expectation over a
          uniformly drawn sample, and an expectation can be estimated from a small random subset <Tex math="S" />:
        </p>
        <Tex display math="\frac1n\Big(\sum_{i=1}^n L_i(\theta, \mathbf{x}_i, \mathbf{y}_i)\Big) = \mathbb{E}_{i\sim[1, \dots, n]}\big[L_i(\theta, \mathbf{x}_i, \mathbf{y}_i)\big] \approx \frac{1}{|S|}\sum_{j\in S} L_j(\theta, \mathbf{x}_j, \mathbf{y}_j), \qquad S \subseteq \{1, \dots, n\}" />
      </Section>
      <Section id="minibatches" title="Minibatches">
        <p>
          Split the training set into minibatches of <Tex math="m \ll n" /> samples, <Tex math="B_i = \{\{\mathbf{x}_1, \mathbf{y}_1\}, \dots, \{\mathbf{x}_m, \mathbf{y}_m\}\}" />,
          giving <Tex math="\{B_1, B_2, \dots, B_{n/m}\}" />. Each update uses one batch; <Tex math="k" /> now counts iterations (batches), not passes over the data:
        </p>
        <Tex display math="\theta^{k+1} = \theta^k - \alpha\,\nabla_\theta L(\theta^k, x_{\{1..m\}}, y_{\{1..m\}}), \qquad \nabla_\theta L = \frac1m\sum_{i=1}^m \nabla_\theta L_i" />
        <p>
          The batch size is a hyperparameter, usually a power of two (8, 16, 32, 64, 128, …) and mostly limited by GPU memory in the backward pass.
          Smaller batches give gradients with larger variance, so the updates are noisier.
        </p>
      </Section>
      <Section id="sgd-convergence" title="Convergence of SGD">
        <p>
          Minimise <Tex math="F(\theta)" /> with the stochastic approximation <Tex math="\theta^{k+1} = \theta^k - \alpha_k H(\theta^k, X)" />, where{' '}
          <Tex math="H(\theta^k, X)" /> is an unbiased estimate of the gradient, <Tex math="\mathbb{E}[H(\theta^k, X)] = \nabla F(\theta^k)" /> (a
          minibatch gradient is one), and <Tex math="\alpha_1, \alpha_2, \dots" /> are positive step sizes. The iteration converges to the
          minimum if
        </p>
        <Tex display math="\alpha_n \ge 0\ \ \forall n \ge 0, \qquad \sum_{n=1}^\infty \alpha_n = \infty, \qquad \sum_{n=1}^\infty \alpha_n^2 < \infty, \qquad F \text{ strictly convex}" />
        <p>
          The first sum lets the steps reach a minimum however far away it is; the second makes the noise they inject die out. Robbins and
          Monro proposed <Tex math="\alpha_n \propto \alpha/n" /> for <Tex math="n > 0" />, which satisfies both.
        </p>
      </Section>
      <LabSlot id="minibatch" title="Minibatch SGD" lab={MinibatchLab} />
    </>
  );
}

function Momentum() {
  return (
    <>
      <Section id="sgd-problems" title="Problems of SGD">
        <p>
          The gradient is scaled by the same <Tex math="\alpha" /> in every direction, so directions cannot be scaled independently. To avoid
          divergence along the steepest one the learning rate has to be conservative, which makes progress along the flat ones slower than
          necessary. Finding a good learning rate is an art of its own.
        </p>
      </Section>
      <Section id="momentum" title="Gradient descent with momentum">
        <p>
          Keep a velocity <Tex math="\mathbf{v}" />, an exponentially weighted accumulation of past gradients, and move the weights by it:
        </p>
        <Tex display math="\mathbf{v}^{k+1} = \beta\cdot\mathbf{v}^k - \alpha\cdot\nabla_\theta L(\theta^k), \qquad \theta^{k+1} = \theta^k + \mathbf{v}^{k+1}" />
        <p>
          <Tex math="\beta" /> is the accumulation rate (“friction”), often 0.9; <Tex math="\nabla_\theta L(\theta^k)" /> is the gradient of the
          current minibatch; the velocity is a vector like <Tex math="\theta" />. Steps grow when successive gradients agree and cancel when they
          oscillate. The hyperparameters are <Tex math="\alpha" /> and <Tex math="\beta" />.
        </p>
      </Section>
      <Section id="nesterov" title="Nesterov momentum">
        <p>First jump along the accumulated velocity, then measure the gradient where you land and correct:</p>
        <Tex display math="\tilde{\theta}^{k+1} = \theta^k + \beta\cdot v^k, \qquad v^{k+1} = \beta\cdot v^k - \alpha\cdot\nabla_\theta L(\tilde{\theta}^{k+1}), \qquad \theta^{k+1} = \theta^k + v^{k+1}" />
        <p>
          This look-ahead goes back to Nesterov (1983), who proved an <Tex math="O(1/k^2)" /> convergence rate for convex problems.
        </p>
      </Section>
      <Section id="rmsprop" title="RMSProp">
        <p>Root Mean Squared Prop divides the learning rate by an exponentially decaying average of squared gradients:</p>
        <Tex display math="s^{k+1} = \beta\cdot s^k + (1 - \beta)\,[\nabla_\theta L \circ \nabla_\theta L], \qquad \theta^{k+1} = \theta^k - \alpha\cdot\frac{\nabla_\theta L}{\sqrt{s^{k+1}} + \epsilon}" />
        <p>
          <Tex math="\circ" /> is element-wise multiplication and <Tex math="s" /> the (uncentred) variance of the gradients, the second moment.
          Where gradients are large (the steep, oscillating direction) the division is large and damps the oscillation; where they are small
          it is small. Because divergence is less likely, the learning rate can be higher. Hyperparameters: <Tex math="\alpha" /> (needs
          tuning), <Tex math="\beta" /> (often 0.9) and <Tex math="\epsilon" /> (typically <Tex math="10^{-8}" />).
        </p>
      </Section>
      <Section id="adam" title="Adam: adaptive moment estimation">
        <p>
          Adam combines momentum (a running mean <Tex math="\mathbf{m}" /> of the gradients, the first moment) with RMSProp (a running mean{' '}
          <Tex math="\mathbf{v}" /> of their squares, the second moment):
        </p>
        <Tex display math="\mathbf{m}^{k+1} = \beta_1\cdot\mathbf{m}^k + (1 - \beta_1)\,\nabla_\theta L(\theta^k), \qquad \mathbf{v}^{k+1} = \beta_2\cdot\mathbf{v}^k + (1 - \beta_2)\,[\nabla_\theta L(\theta^k)\circ\nabla_\theta L(\theta^k)]" />
        <p>
          Both start at <Tex math="\mathbf{m}^0 = \mathbf{v}^0 = \mathbf{0}" />, so early on they are biased towards zero (after the first step{' '}
          <Tex math="\mathbf{m}^1 = (1 - \beta_1)\nabla L" /> only). Dividing by <Tex math="1 - \beta^{k+1}" /> removes the bias, and the
          update uses the corrected moments:
        </p>
        <Tex display math="\hat{\mathbf{m}}^{k+1} = \frac{\mathbf{m}^{k+1}}{1 - \beta_1^{k+1}}, \qquad \hat{\mathbf{v}}^{k+1} = \frac{\mathbf{v}^{k+1}}{1 - \beta_2^{k+1}}, \qquad \theta^{k+1} = \theta^k - \alpha\cdot\frac{\hat{\mathbf{m}}^{k+1}}{\sqrt{\hat{\mathbf{v}}^{k+1}} + \epsilon}" />
        <Erratum>
          the notes put <Tex math="\epsilon" /> inside the square root, <Tex math="\sqrt{\hat{\mathbf{v}}^{k+1} + \epsilon}" /> (also in the
          uncorrected version). In Adam, as in RMSProp above, <Tex math="\epsilon" /> is added after the root, <Tex math="\sqrt{\hat{\mathbf{v}}^{k+1}} + \epsilon" />:
          with <Tex math="\epsilon = 10^{-8}" /> inside the root the guard would be <Tex math="10^{-4}" />, ten thousand times larger.
        </Erratum>
        <p>
          Hyperparameters: <Tex math="\alpha" /> (needs tuning), <Tex math="\beta_1" /> (often 0.9), <Tex math="\beta_2" /> (often 0.999) and{' '}
          <Tex math="\epsilon" /> (typically <Tex math="10^{-8}" />).
        </p>
      </Section>
      <LabSlot id="optimizers" title="Optimizer race" lab={OptimizersLab} />
    </>
  );
}

function Newton() {
  return (
    <>
      <Section id="jacobian-hessian" title="Jacobian and Hessian">
        <p>
          For <Tex math="f: \mathbb{R} \to \mathbb{R}" /> the derivative is <Tex math="df(x)/dx" />; for <Tex math="f: \mathbb{R}^m \to \mathbb{R}" /> the
          gradient <Tex math="\nabla_x f(\mathbf{x}) = \big(\frac{\partial f}{\partial x_1}, \dots, \frac{\partial f}{\partial x_m}\big)" />; for{' '}
          <Tex math="f: \mathbb{R}^m \to \mathbb{R}^n" /> the Jacobian <Tex math="\mathbf{J} \in \mathbb{R}^{n\times m}" />; and the second derivatives of{' '}
          <Tex math="f: \mathbb{R}^m \to \mathbb{R}" /> form the Hessian <Tex math="\mathbf{H} \in \mathbb{R}^{m\times m}" />.
        </p>
      </Section>
      <Section id="newton" title="Newton's method">
        <p>Approximate the loss around <Tex math="\theta_0" /> by its second-order Taylor expansion, with the gradient (slope) and the Hessian (curvature):</p>
        <Tex display math="L(\boldsymbol\theta) \approx L(\boldsymbol\theta_0) + (\boldsymbol\theta - \boldsymbol\theta_0)^\top\nabla_\theta L(\boldsymbol\theta_0) + \tfrac12(\boldsymbol\theta - \boldsymbol\theta_0)^\top\mathbf{H}(\boldsymbol\theta - \boldsymbol\theta_0)" />
        <p>Setting its gradient <Tex math="\nabla_\theta L(\theta_0) + \mathbf{H}(\theta - \theta_0)" /> to zero gives the update, with no learning rate:</p>
        <Tex display math="\boldsymbol\theta^* = \boldsymbol\theta_0 - \mathbf{H}^{-1}\nabla_\theta L(\boldsymbol\theta_0)" />
        <Erratum>
          the notes write <Tex math="\theta^* = \theta_0 - H^{-1}\nabla_\theta L(\theta)" /> (here and again under BFGS). Both the gradient and
          the Hessian are evaluated at the expansion point <Tex math="\theta_0" />; <Tex math="\nabla_\theta L(\theta)" /> at the unknown{' '}
          <Tex math="\theta" /> would not give an explicit step.
        </Erratum>
        <p>
          Compare SGD, <Tex math="\theta_{k+1} = \theta_k - \alpha\nabla_\theta L(\theta_k, \mathbf{x}_i, \mathbf{y}_i)" />. Newton exploits the
          curvature to take a more direct route, but a network with <Tex math="k" /> parameters (millions) has a Hessian with <Tex math="k^2" /> elements,
          and inverting it costs <Tex math="O(k^3)" /> per iteration.
        </p>
      </Section>
      <Section id="bfgs" title="BFGS and L-BFGS">
        <p>
          The Broyden–Fletcher–Goldfarb–Shanno algorithm is a <strong>quasi-Newton</strong> method: it keeps an approximation of the inverse
          Hessian, built from successive gradients, and uses it in <Tex math="\theta^* = \theta_0 - \mathbf{H}^{-1}\nabla_\theta L(\theta_0)" />. BFGS
          needs <Tex math="O(n^2)" /> memory; limited-memory L-BFGS keeps only a few recent vectors, <Tex math="O(n)" />.
        </p>
      </Section>
    </>
  );
}

function LeastSquares() {
  return (
    <>
      <Section id="gauss-newton" title="Gauss–Newton">
        <p>
          Newton's step is <Tex math="x_{k+1} = x_k - H_f(x_k)^{-1}\nabla f(x_k)" />, but true second derivatives are often hard to obtain. For a
          sum of squares <Tex math="f(x) = \lVert F(x)\rVert^2" /> with residuals <Tex math="F" /> and Jacobian <Tex math="J_F" />, the gradient is{' '}
          <Tex math="\nabla f = 2J_F^\top F" /> and <Tex math="H_f = 2J_F^\top J_F + 2\sum_i F_i\nabla^2F_i \approx 2J_F^\top J_F" /> (drop the residual-weighted second derivatives):
        </p>
        <Tex display math="x_{k+1} = x_k - [2J_F(x_k)^\top J_F(x_k)]^{-1}\nabla f(x_k)" />
        <p>Inverting a matrix is unstable, so solve the linear system for the step <Tex math="x_k - x_{k+1}" /> instead:</p>
        <Tex display math="2\big(J_F(x_k)^\top J_F(x_k)\big)(x_k - x_{k+1}) = \nabla f(x_k)" />
        <Erratum>
          the notes' linear system uses <Tex math="J_E" />, a matrix never defined. It is the same Jacobian <Tex math="J_F" /> as in the update above it.
        </Erratum>
      </Section>
      <Section id="levenberg" title="Levenberg">
        <p>
          Levenberg's method is a damped Gauss–Newton step, with Tikhonov regularisation <Tex math="\lambda I" /> added to the approximate Hessian:
        </p>
        <Tex display math="\big(2J_F(x_k)^\top J_F(x_k) + \lambda\cdot I\big)\cdot(x_k - x_{k+1}) = \nabla f(x_k)" />
        <Erratum>
          the notes write <Tex math="(J_F^\top J_F + \lambda I)(x_k - x_{k+1}) = \nabla f(x_k)" />, dropping the factor 2 of the Gauss–Newton system;
          at <Tex math="\lambda = 0" /> that step would be twice the Gauss–Newton step. Keep the 2, or equivalently use the right-hand side{' '}
          <Tex math="\tfrac12\nabla f = J_F^\top F" />.
        </Erratum>
        <p>
          <Tex math="\lambda" /> is adapted every iteration so that <Tex math="f(x_k) > f(x_{k+1})" />: if a step does not decrease <Tex math="f" />,
          increase <Tex math="\lambda" /> (a trust region). Small <Tex math="\lambda" /> gives Gauss–Newton, large <Tex math="\lambda" /> a short
          gradient-descent step <Tex math="\nabla f/\lambda" />; the method interpolates between the two.
        </p>
      </Section>
      <Section id="levenberg-marquardt" title="Levenberg–Marquardt">
        <p>Marquardt scales the damping by the curvature of each component instead of using the identity:</p>
        <Tex display math="\big(2J_F(x_k)^\top J_F(x_k) + \lambda\cdot\operatorname{diag}(2J_F(x_k)^\top J_F(x_k))\big)\cdot(x_k - x_{k+1}) = \nabla f(x_k)" />
        <Erratum>
          as for Levenberg, the notes drop the factor 2 (<Tex math="J_F^\top J_F + \lambda\operatorname{diag}(J_F^\top J_F)" /> against{' '}
          <Tex math="\nabla f" />). Scaling the whole matrix by 2 leaves the role of <Tex math="\lambda" /> unchanged.
        </Erratum>
        <p>
          For large <Tex math="\lambda" /> this is no longer plain gradient descent: each component of the gradient is divided by its own
          curvature, which avoids slow convergence in components with a small gradient.
        </p>
      </Section>
    </>
  );
}

function Choosing() {
  return (
    <Section id="which-when" title="Which, what and when?">
      <p>
        The standard choice is <strong>Adam</strong>; the fallback is <strong>SGD with momentum</strong>. Newton, L-BFGS, Gauss–Newton and
        Levenberg–Marquardt only if you can do full-batch updates: they do not work well with minibatches.
      </p>
      <p>
        For the wider picture: linear systems <Tex math="Ax = b" /> have their own solvers (LU, QR, Cholesky, Jacobi, Gauss–Seidel, CG, PCG);
        non-linear problems have second-order (Newton, Gauss–Newton, LM, (L)BFGS) and first-order (gradient descent, SGD) methods; then there
        are genetic algorithms, MCMC and Metropolis–Hastings, and constrained and convex solvers (Lagrange, ADMM, primal–dual). Think about
        the problem at hand: SGD is designed for minibatches; where a second-order method applies it is simply faster; and gradient descent is
        not the way to solve a linear system.
      </p>
    </Section>
  );
}

export default function Lecture05(_props: LecturePageProps) {
  return (
    <div className="lecture-page">
      <p className="lead">
        Gradient descent is simple; making it work for millions of parameters and millions of samples is not. This lecture trades exact
        gradients for cheap noisy ones (SGD and minibatches), adds memory and per-parameter step sizes (momentum, RMSProp, Adam), and
        looks at what curvature buys (Newton and its relatives).
      </p>
      <FullBatch />
      <Stochastic />
      <Momentum />
      <Newton />
      <LeastSquares />
      <LabSlot id="second-order" title="Second-order methods" lab={SecondOrderLab} />
      <Choosing />
      <SelfCheck lecture="05-optimization" />
    </div>
  );
}
