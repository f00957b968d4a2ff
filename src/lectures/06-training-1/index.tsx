/**
 * Lecture 6 — Training Neural Networks I, in the lecture's order: the learning rate and its decay,
 * training schedules, the basic recipe, generalisation and the data splits, cross-validation,
 * over- and underfitting read from learning curves, hyperparameters and their search, how to start
 * (overfit one sample, check the initial loss, coarse then fine grid), timings, architecture and
 * debugging with the common mistakes.
 */
import { lazy } from 'react';
import type { LecturePageProps } from '../../app/registry';
import { Erratum, Section } from '../../components/LectureParts';
import { Tex } from '../../components/Tex';
import { LabSlot } from '../../labs/LabSlot';
import SelfCheck from '../../selfcheck/SelfCheck';

const LrSchedulesLab = lazy(() => import('./labs/lr-schedules/LrSchedulesLab').then((m) => ({ default: m.LrSchedulesLab })));
const CrossvalLab = lazy(() => import('./labs/crossval/CrossvalLab').then((m) => ({ default: m.CrossvalLab })));
const FittingLab = lazy(() => import('./labs/fitting/FittingLab').then((m) => ({ default: m.FittingLab })));
const HparamSearchLab = lazy(() => import('./labs/hparam-search/HparamSearchLab').then((m) => ({ default: m.HparamSearchLab })));
const SanityLab = lazy(() => import('./labs/sanity/SanityLab').then((m) => ({ default: m.SanityLab })));

/** The notes' example: α₀ = 0.1, decay rate 1.0, epochs 0–3. */
const DECAY_EXAMPLE = [0, 1, 2, 3].map((epoch) => ({ epoch, alpha: 0.1 / (1 + 1.0 * epoch) }));

function LearningRate() {
  return (
    <>
      <Section id="learning-rate" title="The learning rate">
        <p>
          The learning rate <Tex math="\alpha" /> is the first thing to get right. Too high, and the steps overshoot the minimum: the loss
          oscillates or blows up. Too low, and every step is safe but tiny: the loss creeps down and training takes forever (Lecture 5's{' '}
          <a href="#/lecture/05-optimization/lr">learning-rate lab</a> shows both on a bowl). What we would like is a large rate while we are
          far from a minimum and a small one once we are close to it — and since we cannot see how close we are, we let the rate shrink as
          training goes on.
        </p>
      </Section>
      <Section id="lr-decay" title="Learning-rate decay">
        <p>The classic schedule divides the starting rate <Tex math="\alpha_0" /> by a term that grows with the epoch:</p>
        <Tex display math="\alpha = \frac{1}{1 + \text{decay\_rate}\cdot\text{epoch}}\cdot\alpha_0" />
        <p>With the notes' numbers, <Tex math="\alpha_0 = 0.1" /> and a decay rate of 1.0, the first four epochs use</p>
        <table className="notes-table">
          <caption>Inverse-time decay, <Tex math="\alpha_0 = 0.1" />, decay rate 1.0</caption>
          <thead>
            <tr><th scope="col">epoch</th><th scope="col"><Tex math="\alpha" /></th></tr>
          </thead>
          <tbody>
            {DECAY_EXAMPLE.map((d) => (
              <tr key={d.epoch}><td>{d.epoch}</td><td>{Number(d.alpha.toPrecision(2))}</td></tr>
            ))}
          </tbody>
        </table>
        <p>There are many other options; <Tex math="t" /> is the decay rate in each:</p>
        <ul>
          <li>
            <strong>Step decay</strong>: every <Tex math="n" /> epochs, <Tex math="\alpha \leftarrow \alpha - t\cdot\alpha" />, often with{' '}
            <Tex math="t = 0.5" /> (halve the rate every <Tex math="n" /> epochs).
          </li>
          <li>
            <strong>Exponential decay</strong>: <Tex math="\alpha = t^{\text{epoch}}\cdot\alpha_0" /> with <Tex math="t < 1" />.
          </li>
          <li>
            <strong>Inverse square root</strong>: <Tex math="\alpha = \frac{t}{\sqrt{\text{epoch}}}\cdot\alpha_0" />.
          </li>
        </ul>
        <Erratum>
          as written, <Tex math="\alpha = t\,\alpha_0/\sqrt{\text{epoch}}" /> divides by zero at epoch 0, the epoch the other schedules start
          from. The lab counts epochs from 1 for this rule, i.e. it uses <Tex math="t\,\alpha_0/\sqrt{\text{epoch} + 1}" />.
        </Erratum>
        <p>
          Modern training often adds a <strong>warm-up</strong> in front of any of these: the rate rises linearly from near zero over the
          first few epochs, so that the large early gradients of a freshly initialised network do not throw it off, and only then decays.
          In the lab, pick a schedule and watch it act on a real training run next to the others.
        </p>
      </Section>
      <LabSlot id="lr-schedules" title="Learning-rate schedules" lab={LrSchedulesLab} />
      <Section id="training-schedule" title="Training schedules">
        <p>
          Instead of a formula, one can also write the whole schedule by hand: set the learning rate anew every <Tex math="n" /> epochs.
          How? Mostly by trial and error, helped by experience that transfers only so far. The right choice depends on the number of
          epochs, the size of the training set, the size of the network and more — which is why the formulas above, with one or two knobs,
          are popular.
        </p>
      </Section>
    </>
  );
}

function Recipe() {
  return (
    <>
      <Section id="basic-recipe" title="The basic recipe for training">
        <p>
          We are given a labelled dataset <Tex math="\{x_i, y_i\}" />: <Tex math="x_i" /> is the <Tex math="i" />-th training image and{' '}
          <Tex math="y_i" /> its label. For classification the input is usually far bigger than the label,{' '}
          <Tex math="\dim x \gg \dim y" />, and there are often hundreds of thousands or millions of samples. We take a network{' '}
          <Tex math="f" /> with parameters <Tex math="w, b" /> and find good values with SGD or one of its variants, the gradients coming
          from back-propagation.
        </p>
        <p>
          Why not plain gradient descent? With <Tex math="n = 10^6" /> labelled images and a network of 500k parameters, every gradient
          has 500k entries and costs a forward and backward pass over all million images: far too expensive for a single step.
        </p>
      </Section>
      <Section id="generalisation" title="Learning means generalisation: train, validation, test">
        <p>
          Fitting the training set is not the goal; we want the optimised parameters to do as well on data they have never seen. So the
          data is split three ways:
        </p>
        <ul>
          <li><strong>Training set</strong>: used to train the network.</li>
          <li><strong>Validation set</strong>: used to choose hyperparameters and to watch how well the model generalises while it trains.</li>
          <li>
            <strong>Test set</strong>: used once, at the very end. Never touch it during development or training — every decision made by
            looking at it leaks it into the model, and the final number stops meaning anything.
          </li>
        </ul>
        <p>
          Typical splits are 60% / 20% / 20% or 80% / 10% / 10%. During training, the reported training error is usually the average
          minibatch error, and a subset of the validation set is evaluated every <Tex math="n" /> iterations.
        </p>
      </Section>
      <Section id="cross-validation" title="Cross-validation">
        <p>
          When data is scarce, a single validation split wastes samples and gives a noisy estimate. <strong>k-fold cross-validation</strong>{' '}
          splits the training data into <Tex math="k" /> folds, trains <Tex math="k" /> times, each time holding out a different fold for
          validation, and reports the mean score with its spread:
        </p>
        <Tex display math="\text{CV} = \frac1k\sum_{j=1}^k \text{score}_j, \qquad s = \sqrt{\frac{1}{k-1}\sum_{j=1}^k(\text{score}_j - \text{CV})^2}" />
        <p>
          Every sample is used for validation exactly once and for training <Tex math="k-1" /> times. The price is <Tex math="k" /> trainings
          per hyperparameter setting, which is why deep networks, expensive to train and fed with large datasets, usually settle for one
          fixed validation split. The test set stays outside all of it.
        </p>
      </Section>
      <LabSlot id="crossval" title="k-fold cross-validation" lab={CrossvalLab} />
    </>
  );
}

function Fitting() {
  return (
    <>
      <Section id="over-underfitting" title="Over- and underfitting">
        <p>
          A model that is too simple for the data <strong>underfits</strong>: it misses structure that is there, and both its training and
          validation errors stay high. A model with too much capacity for the amount of data <strong>overfits</strong>: it bends to the noise
          of the training samples, its training error keeps falling while its validation error rises. Between the two lies the model that
          captures the signal and not the noise. The amount of data matters as much as the model: the same capacity that overfits fifteen
          points can fit a thousand well.
        </p>
      </Section>
      <Section id="learning-curves" title="Reading learning curves">
        <p>
          The curves of training and validation loss (or accuracy) over the epochs are the most important debugging tool. The notes sum up
          what they say:
        </p>
        <ul>
          <li><strong>Underfitting</strong>: training and validation losses are still decreasing at the end of training.</li>
          <li><strong>Overfitting</strong>: the training loss decreases while the validation loss increases.</li>
          <li>
            <strong>Ideal training</strong>: a small gap between training and validation loss, both going down at the same rate, stable
            and without fluctuations.
          </li>
        </ul>
        <p>Bad signs that call for a closer look:</p>
        <ul>
          <li>the training error does not go down, or the validation error does not;</li>
          <li>
            performance on the validation set is better than on the training set (possible when the training loss includes regularisation
            or dropout that validation does not, but worth checking);
          </li>
          <li>testing on the training set gives a different result than was reported during training.</li>
        </ul>
        <p>
          And bad practice, plainly: a training set that contains test data, and debugging the algorithm on test data. The lab below
          diagnoses its own curves with exactly these criteria; it also draws <strong>learning curves against the training-set size</strong>,
          the other way to tell the two failures apart: more data helps an overfitting model and does little for an underfitting one.
        </p>
      </Section>
      <LabSlot id="fitting" title="Under- and overfitting" lab={FittingLab} />
    </>
  );
}

function Search() {
  return (
    <>
      <Section id="hyperparameters" title="Hyperparameters and how to tune them">
        <p>
          Everything that is set rather than learned is a hyperparameter: the network architecture (number of layers, number of weights),
          the number of iterations, the learning rate and its solver parameters such as the decay, the regularisation, the batch size, and
          more. In short, the learning setup plus the optimisation. They are tuned by
        </p>
        <ul>
          <li><strong>manual search</strong> — the most common;</li>
          <li>
            <strong>grid search</strong> — define a range for each hyperparameter, place points (roughly evenly, often on a log scale) and
            try every combination;
          </li>
          <li>
            <strong>random search</strong> — the same ranges, but each trial draws its values at random. With the same budget it tries many
            more distinct values of each parameter, which pays off when only some parameters matter (try it in the lab below).
          </li>
        </ul>
      </Section>
      <Section id="how-to-start" title="How to start">
        <ul>
          <li>
            Start with a <strong>single training sample</strong>. Check that the output is right, and overfit it: training accuracy must
            reach 100%, since the network only has to memorise one input.
          </li>
          <li>Go to a handful of samples (say 4) and check that the inputs are handled correctly.</li>
          <li>Then move from overfitting to more samples — 5, 10, 100, 1,000, … — until at some point the model starts to generalise.</li>
        </ul>
        <p>The sanity-check lab at the end of the page walks through exactly this.</p>
      </Section>
      <Section id="lr-and-grid" title="A good learning rate, then a coarse and a fine grid">
        <p>
          <strong>Find a learning rate.</strong> Train on all the training data with a small weight decay. First check the initial loss: with
          small random weights a softmax over <Tex math="C" /> classes predicts roughly <Tex math="1/C" /> for every class, so the
          cross-entropy starts at
        </p>
        <Tex display math="L_{\text{init}} \approx -\log\frac1C = \log C" />
        <p>
          (2.30 for ten classes). Then look for a rate that makes the loss drop significantly — exponentially — within about 100 iterations;
          good rates to try are <Tex math="10^{-1}, 10^{-2}, 10^{-3}, 10^{-4}" />.
        </p>
        <p>
          <strong>Coarse grid.</strong> Choose a few learning rates and weight decays around what worked (good weight decays to try:{' '}
          <Tex math="10^{-4}, 10^{-5}, 0" />) and train a few models for a few epochs each.
        </p>
        <p>
          <strong>Refine.</strong> Take the best models of the coarse grid, search a finer grid around them, and train those longer (10–20
          epochs), without learning-rate decay so the runs compare. Throughout, study the loss curves.
        </p>
      </Section>
      <LabSlot id="hparam-search" title="Grid search against random search" lab={HparamSearchLab} />
    </>
  );
}

function Practice() {
  return (
    <>
      <Section id="timings-architecture" title="Timings and network architecture">
        <p>
          Get precise timings: how long does one iteration take? Beyond about 500 ms per iteration things get dicey. Look for the
          bottleneck — data loading (use a smaller resolution, compression, an SSD) or back-propagation — and estimate the total: how long
          until you see a pattern, how long until convergence?
        </p>
        <p>
          A frequent mistake is to start with a huge network, train it for two weeks and see where it stands. Start with the simplest
          network possible instead (a rule of thumb: divide the number of layers you first thought of by 5) and get the debug cycle down to
          minutes.
        </p>
      </Section>
      <Section id="debugging" title="Debugging and common mistakes">
        <p>
          Use training, validation and test curves, and make sure the evaluation is consistent, so that the numbers are comparable. Make
          only <strong>one change at a time</strong> — after adding five layers, doubling the data and training five days longer, a better
          result explains nothing. Visualise inputs, predictions and ground truth.
        </p>
        <p>The mistakes the notes see most often in practice:</p>
        <ul>
          <li>not overfitting a single batch first;</li>
          <li>forgetting to toggle the network between train and eval mode (it matters with dropout and batch norm, Lecture 8);</li>
          <li>
            forgetting to call <code>.zero_grad()</code> (PyTorch) before <code>.backward()</code>, so the gradients of every step pile
            up;
          </li>
          <li>passing softmax outputs to a loss function that expects raw logits, so softmax is applied twice.</li>
        </ul>
        <p>The lab makes each of them, next to the correct run, so you can recognise the symptom when it happens to you.</p>
      </Section>
      <LabSlot id="sanity" title="Sanity checks and common mistakes" lab={SanityLab} />
    </>
  );
}

export default function Lecture06(_props: LecturePageProps) {
  return (
    <div className="lecture-page">
      <p className="lead">
        Lecture 5 gave us the optimisers; this lecture is about using them well. How the learning rate should change during training, how
        to split the data and read the curves it produces, how to tell under- from overfitting, how to search for hyperparameters, and a
        recipe — with the classic mistakes — for getting a network to train at all.
      </p>
      <LearningRate />
      <Recipe />
      <Fitting />
      <Search />
      <Practice />
      <SelfCheck lecture="06-training-1" />
    </div>
  );
}
