/**
 * Lecture 8 — Training Neural Networks III, in the lecture's order: data augmentation, L2
 * regularisation against weight decay, early stopping, bagging and ensembles, dropout (train and test
 * time, the weight-scaling rule), Monte Carlo dropout, batch normalisation (train against test, running
 * statistics), other normalisations, and the recap of what we know so far.
 */
import { lazy, Suspense } from 'react';
import type { LecturePageProps } from '../../app/registry';
import { Erratum, Section } from '../../components/LectureParts';
import { Tex } from '../../components/Tex';
import { LabSlot, WhenNear } from '../../labs/LabSlot';
import SelfCheck from '../../selfcheck/SelfCheck';

const AugmentLab = lazy(() => import('./labs/augment/AugmentLab').then((m) => ({ default: m.AugmentLab })));
const WeightDecayLab = lazy(() => import('./labs/weight-decay/WeightDecayLab').then((m) => ({ default: m.WeightDecayLab })));
const EarlyStopLab = lazy(() => import('./labs/early-stop/EarlyStopLab').then((m) => ({ default: m.EarlyStopLab })));
const EnsembleLab = lazy(() => import('./labs/ensemble/EnsembleLab').then((m) => ({ default: m.EnsembleLab })));
const MnistBrowser = lazy(() => import('../../components/MnistBrowser').then((m) => ({ default: m.MnistBrowser })));
const DropoutLab = lazy(() => import('./labs/dropout/DropoutLab').then((m) => ({ default: m.DropoutLab })));
const McDropoutLab = lazy(() => import('./labs/mc-dropout/McDropoutLab').then((m) => ({ default: m.McDropoutLab })));
const BatchnormLab = lazy(() => import('./labs/batchnorm/BatchnormLab').then((m) => ({ default: m.BatchnormLab })));

/** The notes' weight-scaling example: the four dropout masks of two inputs, each with probability ¼. */
const MASKS: [0 | 1, 0 | 1][] = [[0, 0], [1, 0], [0, 1], [1, 1]];

function Data() {
  return (
    <>
      <Section id="mnist-data" title="The digits we train on">
        <p>
          Most labs on this page train on real handwritten digits: the 10,000 MNIST images that the <code>mnist</code> package ships, 28×28
          grey pixels each, converted at build time into one compressed file that loads once (with a progress bar) and is shared by every
          lab that needs it — nothing is downloaded from anywhere else. Small training subsets of a few hundred digits make overfitting,
          and the regularisers that fight it, visible within seconds.
        </p>
        {/* The browser loads and decodes the 10,000 digits (1.5 MB): only once it is on screen. */}
        <WhenNear margin="0px" placeholder={<p className="loading">Loading the digit browser…</p>}>
          <Suspense fallback={<p className="loading">Loading the digit browser…</p>}>
            <MnistBrowser />
          </Suspense>
        </WhenNear>
      </Section>
      <Section id="augmentation" title="Data augmentation">
        <p>
          A classifier has to be <strong>invariant</strong> to a wide variety of transformations: a cat is a cat whether the photo is darker,
          shifted, mirrored or slightly rotated. Collecting every variant is impossible, so we help the classifier by{' '}
          <strong>synthesising</strong> them: each training image is transformed at random, in ways that keep its label plausible.
        </p>
        <ul>
          <li><strong>Brightness and contrast</strong>: random changes of the overall intensity and of its spread.</li>
          <li>
            <strong>Random crops</strong>, the classic ImageNet recipe. Training: pick a random <Tex math="L \in [256, 480]" />, resize the
            image so its short side is <Tex math="L" />, and sample a random 224×224 crop. Testing uses a <em>fixed</em> set of crops instead:
            resize to a few scales <Tex math="N" /> and take 10 crops of 224×224 at each — the 4 corners and the centre, each also flipped —
            and average the predictions.
          </li>
          <li><strong>Flips, rotations</strong> and more advanced transforms (colour jitter, elastic deformations, mixing images).</li>
        </ul>
        <p>
          Which transforms are plausible depends on the data: a mirrored cat is still a cat, a mirrored 2 is not a 2. Two rules from the
          notes: when you compare two networks, use the <strong>same</strong> augmentation for both, and consider augmentation{' '}
          <strong>part of the network design</strong> — it is a hyperparameter like any other.
        </p>
      </Section>
      <LabSlot id="augment" title="Data augmentation" lab={AugmentLab} />
    </>
  );
}

function Regularisers() {
  return (
    <>
      <Section id="weight-decay-section" title="L2 regularisation against weight decay">
        <p>
          <strong>L2 regularisation</strong> — also, not quite rightly, called weight decay — adds <Tex math="\frac\lambda2\lVert\Theta\rVert^2" /> to
          the loss. It penalises large weights and improves generalisation. Its gradient is <Tex math="\lambda\Theta" />, so one step of
          gradient descent with learning rate <Tex math="\epsilon" /> reads
        </p>
        <Tex display math="\Theta_{k+1} = \Theta_k - \underbrace{\epsilon}_{\text{learning rate}}\underbrace{\nabla_\Theta L(\Theta_k, x, y)}_{\text{gradient}} - \epsilon\underbrace{\lambda\Theta_k}_{\text{gradient of L2}}" />
        <Erratum>
          the notes write <Tex math="\nabla_\Theta(\Theta_k, x, y)" /> without the loss <Tex math="L" />, and subtract <Tex math="\lambda\Theta_k" /> without
          the learning rate. The step above is what the penalty gives; the notes' form holds only if their <Tex math="\lambda" /> already
          contains <Tex math="\epsilon" />.
        </Erratum>
        <p>
          <strong>Weight decay</strong> instead shrinks the weights directly, by a factor <Tex math="1 - \lambda" /> per step, next to the
          optimiser's own update — two separate rates:
        </p>
        <Tex display math="\Theta_{k+1} = (1 - \underbrace{\lambda}_{\text{rate of weight decay}})\,\Theta_k - \underbrace{\alpha}_{\text{rate of the optimiser}}\nabla f_k(\Theta_k)" />
        <p>
          For plain gradient descent the two are the same update: weight decay with rate <Tex math="\lambda" /> equals L2 with{' '}
          <Tex math="\lambda/\alpha" />. Not so for <strong>Adam</strong>: an L2 term inside the gradient is divided by Adam's running{' '}
          <Tex math="\sqrt{\hat v}" /> like everything else, so weights with large gradients are hardly regularised; decoupled weight decay
          (AdamW) shrinks every weight at the same rate. The lab trains both pairs side by side.
        </p>
      </Section>
      <LabSlot id="weight-decay" title="L2 regularisation against weight decay" lab={WeightDecayLab} />
      <Section id="early-stopping" title="Early stopping">
        <p>
          Train long enough and the training loss keeps falling while the validation loss turns and rises: the model has started to
          memorise. <strong>Early stopping</strong> watches the validation loss, remembers the weights of its best epoch, stops once it has not
          improved for a number of epochs (the <em>patience</em>), and restores the best weights. The number of epochs becomes one more
          hyperparameter, chosen on the validation set for free.
        </p>
      </Section>
      <LabSlot id="early-stop" title="Early stopping" lab={EarlyStopLab} />
      <Section id="bagging" title="Bagging and ensemble methods">
        <p>
          Train several models and <strong>average</strong> their results. The members can differ in the optimisation algorithm, in the
          objective or loss, in their initialisation and SGD noise, or — <strong>bagging</strong> — in their data: each of the{' '}
          <Tex math="k" /> models sees its own dataset, a bootstrap sample drawn with replacement from the training set.
        </p>
        <p>
          Why it works: if the members' errors <Tex math="\varepsilon_i" /> have variance <Tex math="v" /> and are uncorrelated, the error of
          their average has expected square
        </p>
        <Tex display math="E\Big[\Big(\frac1k\sum_{i=1}^k \varepsilon_i\Big)^2\Big] = \frac{v}{k}, \qquad\text{and with correlation } c:\quad \frac{v}{k} + \frac{k-1}{k}\,c" />
        <Erratum>
          the notes say the expected combined error "will decrease linearly with the ensemble size"; with uncorrelated errors it falls in
          inverse proportion to it, <Tex math="v/k" />. Correlated errors (<Tex math="c > 0" />) leave a floor that more members cannot remove.
        </Erratum>
      </Section>
      <LabSlot id="ensemble" title="Bagging and ensembles" lab={EnsembleLab} />
    </>
  );
}

function Dropout() {
  return (
    <>
      <Section id="dropout-section" title="Dropout">
        <p>
          <strong>Dropout</strong> disables a random set of neurons — typically 50% — in every training step: their outputs are set to zero
          for that forward and backward pass. Two ways to see why that helps:
        </p>
        <ul>
          <li>
            Using half the network means half the capacity. The network cannot rely on any single unit, so it learns{' '}
            <strong>redundant representations</strong> and bases its scores on more features; units cannot co-adapt to fix each other's
            mistakes.
          </li>
          <li>
            It is a <strong>model ensemble</strong>: every mask is a different sub-network, each trained on a different minibatch, all with{' '}
            <strong>shared parameters</strong>.
          </li>
        </ul>
        <p>
          At <strong>test time</strong> every neuron is on, with no dropout. Train and test conditions therefore differ, and frameworks have a
          switch for it (PyTorch's <code>model.train()</code> and <code>model.eval()</code>; forgetting it is one of Lecture 6's common
          mistakes). To keep the expected input of the next layer the same, the <strong>weight-scaling inference rule</strong> multiplies by
          the keep probability <Tex math="p" /> at test time. The notes' example, one unit with two inputs and <Tex math="p = 0.5" />: the
          four masks are equally likely, so
        </p>
        <Tex display math={`E[z] = \\frac14\\big(${MASKS.map(([a, b]) => `\\theta_1 ${a ? 'x_1' : '0'} + \\theta_2 ${b ? 'x_2' : '0'}`).join(' \\;+\\; ')}\\big) = \\frac12(\\theta_1x_1 + \\theta_2x_2)`} />
        <p>
          which is the test-time <Tex math="z = (\theta_1x_1 + \theta_2x_2)\cdot p" />. Frameworks usually do the equivalent{' '}
          <em>inverted dropout</em>: divide by <Tex math="p" /> during training and leave test time alone.
        </p>
        <p>
          The verdict of the time: dropout is an efficient bagging method with parameter sharing; it reduces the effective capacity of a model
          but needs more training time, and it combines with L2. Nowadays it usually does not work well together with batch normalisation,
          training takes about 1.5× longer — and it has found a second use, estimating uncertainty.
        </p>
      </Section>
      <LabSlot id="dropout" title="Dropout" lab={DropoutLab} />
      <Section id="mc-dropout-section" title="Monte Carlo dropout">
        <p>
          Neural networks are massively overconfident: a softmax happily says 99% far away from any training data. <strong>Monte Carlo
          dropout</strong> (Gal and Ghahramani) makes the predictions better calibrated. Train with dropout at a low rate (drop probability
          0.1 or 0.2); at inference keep dropout <em>on</em>, run the same input through the network many times (25–100), and average. The
          spread of the <Tex math="T" /> predictions is an uncertainty estimate:
        </p>
        <Tex display math="\hat y = \frac1T\sum_{t=1}^T f_{\text{mask}_t}(x), \qquad \hat\sigma^2 = \frac1T\sum_{t=1}^T \big(f_{\text{mask}_t}(x) - \hat y\big)^2" />
        <p>
          Note the two conventions in the notes: <Tex math="p" /> is the keep probability in the weight-scaling rule and the drop probability
          here. The labs say which one each slider means.
        </p>
      </Section>
      <LabSlot id="mc-dropout" title="Monte Carlo dropout" lab={McDropoutLab} />
    </>
  );
}

function Normalisation() {
  return (
    <>
      <Section id="batch-normalisation" title="Batch normalisation">
        <p>
          All we want is that our activations do not die out — Lecture 7 chose the initialisation for it. <strong>Batch normalisation</strong>{' '}
          enforces it instead: it makes the inputs of each activation function unit Gaussian, per feature dimension <Tex math="k" />, over
          the current minibatch. The BN layer sits after a fully connected (or convolutional) layer and before the non-linearity.
        </p>
        <p>1. Normalise each dimension with the minibatch's mean and variance:</p>
        <Tex display math="\hat{\mathbf{x}}^{(k)} = \frac{\mathbf{x}^{(k)} - E[\mathbf{x}^{(k)}]}{\sqrt{\operatorname{Var}[\mathbf{x}^{(k)}] + \varepsilon}}" />
        <p>
          (the notes leave out the small <Tex math="\varepsilon" /> that every implementation adds so a constant feature does not divide by
          zero). It is differentiable, so we back-propagate through it.
        </p>
        <p>2. Let the network change the range again, with two learned parameters per dimension:</p>
        <Tex display math="\mathbf{y}^{(k)} = \gamma^{(k)}\hat{\mathbf{x}}^{(k)} + \beta^{(k)}" />
        <p>
          <Tex math="\gamma" /> and <Tex math="\beta" /> are optimised by back-propagation, and the network can even learn to undo the
          normalisation, with <Tex math="\gamma^{(k)} = \sqrt{\operatorname{Var}[\mathbf{x}^{(k)}]}" /> and{' '}
          <Tex math="\beta^{(k)} = E[\mathbf{x}^{(k)}]" />. Treating dimensions separately ignores their correlations, but empirically
          convergence is still faster.
        </p>
        <p>
          <strong>Train against test.</strong> During training the mean and variance come from the minibatch. At test time we may have one
          image at a time, with no meaningful batch statistics. So during training BN keeps exponentially weighted running averages, with
          momentum <Tex math="\beta_m" />, and uses them at test time as <Tex math="\mu_{\text{test}}" /> and <Tex math="\sigma^2_{\text{test}}" />:
        </p>
        <Tex display math="\mu_{\text{running}} = \beta_m\,\mu_{\text{running}} + (1 - \beta_m)\,\mu_{\text{minibatch}}, \qquad \operatorname{Var}_{\text{running}} = \beta_m\operatorname{Var}_{\text{running}} + (1 - \beta_m)\operatorname{Var}_{\text{minibatch}}" />
        <p>
          (PyTorch's <code>momentum</code> argument is <Tex math="1 - \beta_m" />, 0.1 by default.) What BN gives: very deep networks become
          much easier to train, with more stable gradients, and a much larger range of hyperparameters — learning rates above all — works
          similarly well. Its drawbacks follow from the batch: with small minibatches the statistics are noisy, and training and test
          behave differently.
        </p>
      </Section>
      <LabSlot id="batchnorm" title="Batch normalisation" lab={BatchnormLab} />
      <Section id="other-normalisations" title="Other normalisations">
        <p>
          BN normalises each feature over the batch. Its relatives pick other axes of an activation tensor (batch <Tex math="N" />, channels{' '}
          <Tex math="C" />, height and width <Tex math="H, W" />) and so do not depend on the batch size: <strong>layer norm</strong> normalises
          each sample over all its channels and positions (the choice in transformers, Lecture 11), <strong>instance norm</strong> each sample
          and channel over its positions (style transfer), and <strong>group norm</strong> each sample over groups of channels.
        </p>
      </Section>
      <Section id="what-we-know" title="What we know so far">
        <p>
          The toolbox after eight lectures: SGD and its variations (momentum, Adam, …); the concept of a neuron; activation functions — sigmoid{' '}
          <Tex math="\sigma(x) = 1/(1 + e^{-x})" />, ReLU <Tex math="\max(0, x)" />, tanh, leaky ReLU <Tex math="\max(0.1x, x)" /> (the notes use
          slope 0.1 here and 0.01 in Lecture 7; the slope is a hyperparameter); back-propagation; data augmentation (from 1 image to 2 with
          flips, and more); weight regularisation, e.g. <Tex math="R^2(\mathbf{W}) = \sum_{i=1}^N w_i^2" />; batch norm; dropout; and weight
          initialisation (e.g. Kaiming).
        </p>
        <p>
          <strong>Why not simply more layers?</strong> A network with one hidden layer is already a universal function approximator — but
          approximating is not generalising. Just going deeper is brute force with no structure: optimisation becomes hard and performance
          plateaus or even drops. We need more: structure that fits the data. That means convolutional networks (Lectures 9–10), recurrent
          networks and, eventually, transformers (Lecture 11).
        </p>
      </Section>
    </>
  );
}

export default function Lecture08(_props: LecturePageProps) {
  return (
    <div className="lecture-page">
      <p className="lead">
        A network that fits its training data is easy; one that generalises is the goal. This lecture collects the regularisers that close
        the gap — more data by augmentation, smaller weights, fewer epochs, many models, dropped units — and batch normalisation, which makes
        deep networks trainable at all. The labs run them on real handwritten digits.
      </p>
      <Data />
      <Regularisers />
      <Dropout />
      <Normalisation />
      <SelfCheck lecture="08-regularization" />
    </div>
  );
}
