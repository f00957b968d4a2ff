/**
 * Lecture 7 — Training Neural Networks II, in the lecture's order: output layers and losses (L2
 * against L1, sigmoid, softmax with its stable form, cross-entropy against hinge, the full loss),
 * activation functions (sigmoid and zero-centring, tanh, ReLU and dead units, the ReLU variants,
 * the overview table) and weight initialisation (zero, small, big, Xavier, Kaiming).
 */
import { lazy } from 'react';
import type { LecturePageProps } from '../../app/registry';
import { Erratum, Section } from '../../components/LectureParts';
import { Tex } from '../../components/Tex';
import { LabSlot } from '../../labs/LabSlot';
import SelfCheck from '../../selfcheck/SelfCheck';

const SoftmaxLab = lazy(() => import('./labs/softmax/SoftmaxLab').then((m) => ({ default: m.SoftmaxLab })));
const DeadReluLab = lazy(() => import('./labs/dead-relu/DeadReluLab').then((m) => ({ default: m.DeadReluLab })));
const ActivationsLab = lazy(() => import('./labs/activations/ActivationsLab').then((m) => ({ default: m.ActivationsLab })));
const InitLab = lazy(() => import('./labs/init/InitLab').then((m) => ({ default: m.InitLab })));

/** The notes' 4×4 regression example: the predictions f(xᵢ) and the labels yᵢ. */
const PREDICTION = [
  [12, 24, 42, 23],
  [34, 32, 5, 2],
  [12, 31, 12, 31],
  [31, 64, 5, 13],
];
const LABELS = [
  [15, 20, 40, 25],
  [34, 32, 5, 2],
  [12, 31, 12, 31],
  [31, 64, 5, 13],
];
const DIFFS = PREDICTION.flatMap((row, i) => row.map((f, j) => LABELS[i][j] - f));
const L2 = DIFFS.reduce((s, d) => s + d * d, 0);
const L1 = DIFFS.reduce((s, d) => s + Math.abs(d), 0);
const NONZERO = DIFFS.filter((d) => d !== 0);

function Grid({ caption, values }: { caption: string; values: number[][] }) {
  return (
    <table className="notes-table">
      <caption>{caption}</caption>
      <tbody>
        {values.map((row, i) => (
          <tr key={i}>
            {row.map((v, j) => (
              <td key={j} className={PREDICTION[i][j] !== LABELS[i][j] ? 'notes-diff' : undefined}>{v}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Losses() {
  return (
    <>
      <Section id="regression-losses" title="Regression losses: L2 against L1">
        <p>For training pairs <Tex math="[\mathbf{x}_i; y_i]" /> (input and label) the two standard regression losses are</p>
        <Tex display math="L^2 = \sum_{i=1}^n \big(y_i - f(\mathbf{x}_i)\big)^2, \qquad L^1 = \sum_{i=1}^n \big|y_i - f(\mathbf{x}_i)\big|" />
        <p>
          The notes compare a 4×4 prediction with its labels. Only the first row differs (highlighted), by{' '}
          {NONZERO.map((d) => Math.abs(d)).join(', ')}:
        </p>
        <div className="notes-grids">
          <Grid caption="prediction f(xᵢ)" values={PREDICTION} />
          <Grid caption="label yᵢ" values={LABELS} />
        </div>
        <Tex display math={`L^2 = ${NONZERO.map((d) => d * d).join(' + ')} + 0 + \\dots + 0 = ${L2}, \\qquad L^1 = ${NONZERO.map((d) => Math.abs(d)).join(' + ')} + 0 + \\dots + 0 = ${L1}`} />
        <p>
          <strong>L2</strong>, the sum of squared differences, is cheap to optimise (smooth, with a linear gradient) and its optimum for a
          constant prediction is the <em>mean</em> of the labels; but squaring makes it sensitive to outliers — one error of 10 costs as much
          as a hundred errors of 1. <strong>L1</strong>, the sum of absolute differences, charges outliers only linearly and is therefore
          robust; its optimum is the <em>median</em>, and its kink at zero makes it harder to optimise. Lecture 3's{' '}
          <a href="#/lecture/03-neural-networks/losses">loss explorer</a> shows both on an outlier.
        </p>
      </Section>
      <Section id="binary-classification" title="Binary classification: sigmoid">
        <p>
          With two classes, <Tex math="y_i \in \{0, 1\}" /> and <Tex math="\mathbf{x}_i \in \mathbb{R}^D" />, the sigmoid of the linear score is
          read as the probability of class 1 (the bias is the <Tex math="d = 0" /> term, with <Tex math="x_{i0} = 1" />):
        </p>
        <Tex display math="p(y_i = 1 \mid \mathbf{x}_i, \boldsymbol{\theta}) = \sigma(s) = \frac{1}{1 + e^{-\sum_{d=0}^D \theta_d x_{id}}}" />
      </Section>
      <Section id="softmax-output" title="Multiclass classification: softmax">
        <p>
          With <Tex math="C" /> classes, <Tex math="y_i \in \{1, \dots, C\}" />, there is one parameter vector per class,{' '}
          <Tex math="\Theta = [\Theta_1, \dots, \Theta_C]" />, and one score per class, <Tex math="s_k = \mathbf{x}_i\Theta_k" />. The softmax
          turns the scores into probabilities in two steps — exponentiate, so every value is positive; normalise, so they sum to one:
        </p>
        <Tex display math="p(y_i \mid \mathbf{x}_i, \Theta) = \frac{e^{s_{y_i}}}{\sum_{k=1}^C e^{s_k}} = \frac{e^{s_{y_i}}}{\sum_{k=1}^C e^{\mathbf{x}_i\Theta_k}}" />
        <p>
          <strong>Numerical stability.</strong> <Tex math="e^{s}" /> overflows quickly — above <Tex math="s \approx 88.7" /> in 32-bit floats,
          the precision GPUs use, and above <Tex math="s \approx 709.8" /> in 64-bit — and then the ratio becomes{' '}
          <Tex math="\infty/\infty" />, not a number. Subtracting the largest score first fixes it without changing the result:
        </p>
        <Tex display math="\frac{e^{s_{y_i}}}{\sum_{k} e^{s_k}} = \frac{e^{s_{y_i} - s_{\max}}}{\sum_{k} e^{s_k - s_{\max}}}" />
        <p>
          The notes leave the proof to the reader; it is one line. Multiply numerator and denominator by the same constant{' '}
          <Tex math="e^{-s_{\max}}" />: <Tex math="\frac{e^{s_y}e^{-s_{\max}}}{\sum_k e^{s_k}e^{-s_{\max}}} = \frac{e^{s_y - s_{\max}}}{\sum_k e^{s_k - s_{\max}}}" />.
          Now every exponent is <Tex math="\le 0" />, so nothing overflows, and the largest term is exactly 1, so the sum cannot vanish.
        </p>
        <p>
          The <strong>cross-entropy loss</strong> is the negative log-probability of the true class — maximum-likelihood estimation again:
        </p>
        <Tex display math="L_i = -\log p(y_i \mid \mathbf{x}_i, \Theta) = -\log\left(\frac{e^{s_{y_i}}}{\sum_k e^{s_k}}\right) = -s_{y_i} + \log\sum_k e^{s_k}" />
      </Section>
      <Section id="hinge-loss" title="Hinge loss against cross-entropy">
        <p>
          The <strong>hinge loss</strong> of a multiclass SVM uses the same scores <Tex math="s = f(\mathbf{x}_i, \Theta)" /> but asks only that
          the true class beat every other class by a margin of 1:
        </p>
        <Tex display math="L_i = \sum_{k \neq y_i} \max(0,\ s_k - s_{y_i} + 1)" />
        <p>
          Once every margin holds, the hinge loss is exactly 0 and its gradient vanishes: it <strong>saturates</strong>, and that sample stops
          teaching the model anything. Cross-entropy is never 0 — the true probability can always get closer to 1 — so it{' '}
          <strong>always wants to improve</strong>. For example, with scores <Tex math="(s_y, s_2, s_3) = (10, -2, 3)" /> the hinge loss is 0,
          while cross-entropy is still <Tex math="\approx 9.2\cdot10^{-4}" />.
        </p>
      </Section>
      <Section id="full-loss" title="The loss in the compute graph">
        <p>
          The weights are the unknowns of the optimisation problem. We compute the gradient of the loss with respect to them,{' '}
          <Tex math="\nabla_\theta L" />, by back-propagation through the graph that starts at the input, computes the scores{' '}
          <Tex math="s = f(\mathbf{x}_i, \theta)" /> and ends in the loss. That loss has two parts: the <strong>data loss</strong> (cross-entropy
          or hinge, averaged over the samples) and a <strong>regularisation loss</strong>, e.g. the L2 penalty{' '}
          <Tex math="R^2(\mathbf{W}) = \sum w_i^2" />, weighted by <Tex math="\lambda" />:
        </p>
        <Tex display math="L = \underbrace{\frac1N\sum_{i=1}^N L_i}_{\text{data loss}} + \underbrace{\lambda R^2(\mathbf{W})}_{\text{reg. loss}}" />
        <p>
          The lab puts the pieces together: edit the scores, watch softmax overflow without the stable form, compare the two losses as a score
          grows, and train a small linear classifier with each of them, with and without <Tex math="\lambda" />.
        </p>
      </Section>
      <LabSlot id="softmax" title="Softmax, cross-entropy and hinge loss" lab={SoftmaxLab} />
    </>
  );
}

function Activations() {
  return (
    <>
      <Section id="sigmoid-tanh" title="Sigmoid and tanh">
        <p>
          Each hidden unit computes <Tex math="f\left(\sum_i w_i x_i + b\right)" />, and the activation <Tex math="f" /> is a design choice.
          The <strong>sigmoid</strong> <Tex math="\sigma(s) = 1/(1 + e^{-s})" /> saturates for large <Tex math="|s|" /> (its slope goes to 0, and
          so does every gradient through it), and its output is <strong>always positive</strong>, so the next layer only ever sees positive
          inputs.
        </p>
        <p>
          Why is that bad? Take a unit <Tex math="s = w_1x_1 + w_2x_2" /> with <Tex math="x_1, x_2 > 0" />. By the chain rule
        </p>
        <Tex display math="\frac{\partial L}{\partial w_1} = \frac{\partial L}{\partial y}\cdot\frac{\partial y}{\partial s}\cdot\underbrace{\frac{\partial s}{\partial w_1}}_{x_1 > 0}, \qquad \frac{\partial L}{\partial w_2} = \frac{\partial L}{\partial y}\cdot\frac{\partial y}{\partial s}\cdot\underbrace{\frac{\partial s}{\partial w_2}}_{x_2 > 0}" />
        <p>
          The shared factor <Tex math="\frac{\partial L}{\partial y}\frac{\partial y}{\partial s}" /> is either positive or negative, and it
          multiplies two positive numbers: both partial derivatives always have the same sign. So <Tex math="w_1" /> and <Tex math="w_2" /> can
          only both increase or both decrease in one step, and reaching a target where one should grow and the other shrink takes a zig-zag.
          That is also why we want zero-centred data. <strong>tanh</strong> is zero-centred (range <Tex math="(-1, 1)" />) but still
          saturates.
        </p>
      </Section>
      <Section id="relu" title="ReLU and dead units">
        <p>
          The <strong>rectified linear unit</strong> <Tex math="\sigma(x) = \max(0, x)" /> does not saturate for positive inputs, gives large
          and consistent gradients (exactly 1 where it is active) and converges fast. Its weakness: when a unit's input is negative for every
          sample, its output and its gradient are 0 everywhere, nothing ever changes its weights again, and the unit is{' '}
          <strong>dead</strong>. A large learning rate can push units there in one step. Initialising ReLU biases slightly positive, e.g.
          0.01, makes it likely that units start active for most inputs.
        </p>
      </Section>
      <LabSlot id="dead-relu" title="Dead ReLUs" lab={DeadReluLab} />
      <Section id="relu-variants" title="Leaky ReLU, parametric ReLU, Maxout">
        <ul>
          <li>
            <strong>Leaky ReLU</strong>, <Tex math="\sigma(x) = \max(0.01x, x)" />, keeps a small slope for negative inputs, so it does not die.
          </li>
          <li>
            <strong>Parametric ReLU</strong>, <Tex math="\sigma(x) = \max(\alpha x, x)" />, learns the slope <Tex math="\alpha" /> — one more
            parameter to back-propagate into. It does not die either.
          </li>
          <li>
            <strong>Maxout</strong>, <Tex math="\max(w_1^\top x + b_1,\ w_2^\top x + b_2)" />, takes the larger of two linear functions; ReLU
            is the special case <Tex math="w_2 = 0, b_2 = 0" />. It never saturates or dies, at the price of twice the parameters.
          </li>
        </ul>
      </Section>
      <Section id="activations-summary" title="Activations in a nutshell">
        <table className="notes-table notes-table-left">
          <caption>Activation functions, their equations and ranges</caption>
          <thead>
            <tr><th scope="col">activation</th><th scope="col">equation</th><th scope="col">range</th></tr>
          </thead>
          <tbody>
            <tr><td>linear</td><td><Tex math="f(x) = x" /></td><td><Tex math="(-\infty, \infty)" /></td></tr>
            <tr><td>step</td><td><Tex math="f(x) = 0 \text{ for } x < 0,\ 1 \text{ for } x \ge 0" /></td><td><Tex math="\{0, 1\}" /></td></tr>
            <tr><td>sigmoid</td><td><Tex math="f(x) = \sigma(x) = \frac{1}{1 + e^{-x}}" /></td><td><Tex math="(0, 1)" /></td></tr>
            <tr><td>hyperbolic tangent</td><td><Tex math="f(x) = \tanh(x) = \frac{e^x - e^{-x}}{e^x + e^{-x}}" /></td><td><Tex math="(-1, 1)" /></td></tr>
            <tr><td>ReLU</td><td><Tex math="f(x) = 0 \text{ for } x < 0,\ x \text{ for } x \ge 0" /></td><td><Tex math="[0, \infty)" /></td></tr>
            <tr><td>leaky ReLU</td><td><Tex math="f(x) = 0.01x \text{ for } x < 0,\ x \text{ for } x \ge 0" /></td><td><Tex math="(-\infty, \infty)" /></td></tr>
            <tr>
              <td>Swish</td>
              <td><Tex math="f(x) = 2x\,\sigma(\beta x)" />: <Tex math="\beta = 0 \Rightarrow f(x) = x" />, <Tex math="\beta \to \infty \Rightarrow f(x) = 2\max(0, x)" /></td>
              <td><Tex math="(-\infty, \infty)" /></td>
            </tr>
          </tbody>
        </table>
        <Erratum>
          the notes' table gives leaky ReLU as <Tex math="f(x) = 0.01" /> for <Tex math="x < 0" />, a constant; it is{' '}
          <Tex math="0.01x" />, matching <Tex math="\max(0.01x, x)" /> — only then is the range <Tex math="(-\infty, \infty)" />.
        </Erratum>
        <p>
          The notes' Swish, <Tex math="2x\sigma(\beta x)" />, is twice the usual definition <Tex math="x\,\sigma(\beta x)" />; the factor 2 makes{' '}
          <Tex math="\beta = 0" /> give exactly the identity. Its range is not quite <Tex math="(-\infty, \infty)" /> either: for{' '}
          <Tex math="\beta > 0" /> it has a small negative minimum, so it is bounded below.
        </p>
        <p>
          <strong>Quick guide.</strong> Sigmoid and tanh are hardly used in feed-forward networks any more; ReLU is the standard choice, with
          its variants or Maxout second. Recurrent networks still need sigmoid, tanh or similar (Lecture 11).
        </p>
      </Section>
      <LabSlot id="activations" title="Activation-function gallery" lab={ActivationsLab} />
    </>
  );
}

function Initialisation() {
  return (
    <>
      <Section id="init-zero-small-big" title="Initialisation: zero, small, big">
        <p>Initialisation is extremely important: it decides where the optimisation starts, and from some starts it never gets going.</p>
        <p>
          <strong>All weights zero.</strong> Every hidden unit of a layer then computes the same function and receives the same gradient,
          so after any number of steps they are still identical: the symmetry is never broken, and a layer of 500 units is worth one.
        </p>
        <p>
          <strong>Small random numbers</strong>, Gaussian with mean 0 and standard deviation 0.01, in the notes' experiment: 10 layers of 500
          neurons, tanh, unit-Gaussian input. Each layer multiplies the spread of its input by about{' '}
          <Tex math="\sqrt{500}\cdot0.01 \approx 0.22" />, so the activations shrink towards 0 layer by layer,{' '}
          <Tex math="f_l\left(\sum_i w_i^l x_i^l + b^l\right) \approx 0" />. Even though tanh's slope is fine near 0, the gradients vanish,
          because the weight gradient of the next layer is proportional to its input:
        </p>
        <Tex display math="\frac{\partial L}{\partial w_i^{l+1}} = \frac{\partial L}{\partial f_{l+1}}\cdot\frac{\partial f_{l+1}}{\partial w_i^{l+1}} = \frac{\partial L}{\partial f_{l+1}}\cdot x_i^{l+1} \approx 0" />
        <p>
          <strong>Big random numbers</strong>, standard deviation 1, same network: now each pre-activation has a spread of about{' '}
          <Tex math="\sqrt{500} \approx 22" />, and tanh saturates — the outputs sit at −1 and 1. The gradient vanishes again, this time
          through the activation's slope:
        </p>
        <Tex display math="\frac{\partial L}{\partial w_i} = \frac{\partial L}{\partial f}\cdot\underbrace{\frac{\partial f}{\partial s}}_{\approx 0}\cdot\frac{\partial s}{\partial w_i} \approx 0" />
      </Section>
      <Section id="xavier" title="Xavier initialisation">
        <p>
          Gaussian with zero mean — but which standard deviation? Choose it so that a layer keeps the variance of its input. For{' '}
          <Tex math="s = \sum_{i=1}^n w_i x_i" />, with weights and inputs independent, zero-mean and identically distributed, using{' '}
          <Tex math="\operatorname{Var}(XY) = E[X]^2\operatorname{Var}(Y) + E[Y]^2\operatorname{Var}(X) + \operatorname{Var}(X)\operatorname{Var}(Y)" /> for
          independent <Tex math="X, Y" />:
        </p>
        <Tex display math="\begin{aligned} \operatorname{Var}(s) &= \operatorname{Var}\Big(\sum_{i=1}^n w_i x_i\Big) = \sum_{i=1}^n \operatorname{Var}(w_i x_i) \\ &= \sum_{i=1}^n \underbrace{[E(w_i)]^2}_{0}\operatorname{Var}(x_i) + \underbrace{[E(x_i)]^2}_{0}\operatorname{Var}(w_i) + \operatorname{Var}(x_i)\operatorname{Var}(w_i) \\ &= n\operatorname{Var}(w)\operatorname{Var}(x) \end{aligned}" />
        <Erratum>
          the notes' second version of this derivation writes <Tex math="E[(x_i)^2]\operatorname{Var}(w_i)" />; the product rule needs the
          squared mean <Tex math="[E(x_i)]^2" />, as in their first version. With zero-mean inputs that term vanishes; written with{' '}
          <Tex math="E[x_i^2] = \operatorname{Var}(x_i)" /> it would not, and the result would double.
        </Erratum>
        <p>Asking for <Tex math="\operatorname{Var}(s) = \operatorname{Var}(x)" />:</p>
        <Tex display math="\underbrace{n\operatorname{Var}(w)}_{=1}\operatorname{Var}(x) = \operatorname{Var}(x) \quad\Longrightarrow\quad \operatorname{Var}(w) = \frac1n" />
        <Erratum>
          in this step the notes mark <Tex math="\operatorname{Var}(w)\operatorname{Var}(x)" /> as the factor equal to 1; the factor that must
          be 1 is <Tex math="n\operatorname{Var}(w)" />.
        </Erratum>
        <p>
          Here <Tex math="n" /> is the number of <strong>input neurons of the layer</strong> whose weights are being initialised (its fan-in),
          not the number <Tex math="N" /> of samples in <Tex math="X \in \mathbb{R}^{N\times D}" />; for the first layer{' '}
          <Tex math="n = D" />. With tanh, which is close to linear around 0, this keeps the activations well spread through all ten layers.
        </p>
      </Section>
      <Section id="kaiming" title="Kaiming initialisation for ReLU">
        <p>
          With ReLU, Xavier's <Tex math="1/n" /> is not enough: ReLU sets the negative half of its inputs to zero, which halves the second
          moment each layer, and in a deep network the activations drift towards zero again. Kaiming (He) initialisation doubles the variance
          to make up for it:
        </p>
        <Tex display math="\operatorname{Var}(w) = \frac{1}{n/2} = \frac2n" />
        <Erratum>
          the notes end this part with "use ReLU and Xavier/gaussian initialization"; for ReLU the point of the section is Xavier/2, i.e.
          Kaiming's <Tex math="\operatorname{Var}(w) = 2/n" /> (Lecture 10's ResNet recipe says Xavier/2 as well).
        </Erratum>
        <p>The lab runs the notes' experiment with every initialisation, for tanh and for ReLU, and shows what reaches the last layer.</p>
      </Section>
      <LabSlot id="init" title="Weight initialisation in a deep network" lab={InitLab} />
      <Section id="summary" title="Summary">
        <table className="notes-table notes-table-left">
          <caption>Output layers and losses for image classification</caption>
          <thead>
            <tr><th scope="col">task</th><th scope="col">output layer</th><th scope="col">loss function</th></tr>
          </thead>
          <tbody>
            <tr><td>binary classification</td><td>sigmoid</td><td>binary cross-entropy</td></tr>
            <tr><td>multiclass classification</td><td>softmax</td><td>cross-entropy</td></tr>
          </tbody>
        </table>
        <p>
          Other losses: the SVM (hinge) loss, and L1/L2 for regression. Activations: ReLU by default, with its variants as the alternative.
          Initialisation sets the weights at the start of the optimisation: Xavier for tanh, Kaiming for ReLU, never all zero.
        </p>
      </Section>
    </>
  );
}

export default function Lecture07(_props: LecturePageProps) {
  return (
    <div className="lecture-page">
      <p className="lead">
        Three choices shape every network before training begins: what the output layer and the loss look like, which activation the hidden
        units use, and how the weights are initialised. Each can quietly stop a network from learning; this lecture shows why, and what to
        choose instead.
      </p>
      <Losses />
      <Activations />
      <Initialisation />
      <SelfCheck lecture="07-training-2" />
    </div>
  );
}
