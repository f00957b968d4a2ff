/**
 * Lecture 4 — Optimization and Back-propagation, in the lecture's order: why gradients matter,
 * forward and backward pass on a computational graph, networks as graphs, gradient descent for
 * networks, the cross-entropy derivatives of a two-layer network, the one-neuron worked example,
 * and a first look at regularisation.
 */
import { lazy } from 'react';
import type { LecturePageProps } from '../../app/registry';
import { Erratum, Section } from '../../components/LectureParts';
import { Tex } from '../../components/Tex';
import { LabSlot } from '../../labs/LabSlot';
import './backprop.css';
import SelfCheck from '../../selfcheck/SelfCheck';

const BackpropLab = lazy(() => import('./labs/backprop/BackpropLab').then((m) => ({ default: m.BackpropLab })));
const GradcheckLab = lazy(() => import('./labs/gradcheck/GradcheckLab').then((m) => ({ default: m.GradcheckLab })));
const ChainLab = lazy(() => import('./labs/chain/ChainLab').then((m) => ({ default: m.ChainLab })));

function Graphs() {
  return (
    <>
      <Section id="importance-of-gradients" title="Why gradients matter">
        <p>
          Every optimiser in this course moves the parameters against the gradient <Tex math="\nabla_\theta L(\theta)" />. For a
          small formula the gradient can be worked out by hand; for a network with millions of weights that is hopeless. The way
          out is to split the computation into simple pieces whose derivatives are known and to combine them with the chain rule:
          this is <strong>back-propagation</strong>.
        </p>
      </Section>
      <Section id="forward-backward" title="Forward and backward pass on a graph">
        <p>
          Take <Tex math="f(x, y, z) = (x + y)\cdot z" /> at <Tex math="x = 1,\ y = -3,\ z = 4" />. Name the intermediate sum{' '}
          <Tex math="d" />. The <em>forward pass</em> evaluates the graph from the inputs to the output: <Tex math="d = -2" />,{' '}
          <Tex math="f = -8" />. Each gate also knows its own local derivatives:
        </p>
        <Tex display math="d = x + y \quad \frac{\partial d}{\partial x} = 1,\ \frac{\partial d}{\partial y} = 1 \qquad\qquad f = d\cdot z \quad \frac{\partial f}{\partial d} = z,\ \frac{\partial f}{\partial z} = d" />
        <p>
          The <em>backward pass</em> starts at the output with <Tex math="\partial f/\partial f = 1" /> and walks back; at each gate the
          gradient arriving from above is multiplied by the local derivative:
        </p>
        <Tex display math="\frac{\partial f}{\partial z} = d = -2, \qquad \frac{\partial f}{\partial x} = \frac{\partial f}{\partial d}\cdot\frac{\partial d}{\partial x} = z\cdot 1 = 4, \qquad \frac{\partial f}{\partial y} = \frac{\partial f}{\partial d}\cdot\frac{\partial d}{\partial y} = z\cdot 1 = 4" />
      </Section>
      <Section id="graphs-to-networks" title="From computational graphs to neural networks">
        <p>
          A network is the same kind of graph, only bigger. The notes name its parts: inputs <Tex math="x_k" />, weights{' '}
          <Tex math="w_{l,m,n}" /> with three indices (layer <Tex math="l" />, neuron <Tex math="m" />, and which of that neuron's weights{' '}
          <Tex math="n" />), outputs <Tex math="\hat{y}_i" /> (<Tex math="i" /> runs over the <Tex math="n_{out}" /> output dimensions), targets{' '}
          <Tex math="y_i" /> and a loss <Tex math="L" />. We want <Tex math="\partial L/\partial w" /> for every weight <em>and</em> every bias.
          The loss is a sum over samples, for instance the L2 loss:
        </p>
        <Tex display math="L = \sum_i L_i, \qquad L_i = (\hat{y}_i - y_i)^2, \qquad \frac{\partial L}{\partial w_{i,k}} = \frac{\partial L}{\partial \hat{y}_i}\cdot\frac{\partial \hat{y}_i}{\partial w_{i,k}}" />
      </Section>
      <Section id="networks-as-graphs" title="A neuron as a computational graph">
        <p>
          Any function can be drawn as such a graph. A sigmoid neuron with two inputs, for example, is a chain of six kinds of gate:
          two products, two sums, a multiplication by <Tex math="-1" />, an exponential, an addition of 1 and a reciprocal.
        </p>
        <Tex display math="f(\mathbf{w}, \mathbf{x}) = \frac{1}{1 + e^{-(b + w_0x_0 + w_1x_1)}}" />
        <p>
          The notes give no numbers for it; the lab uses <Tex math="w_0 = 2,\ x_0 = -1,\ w_1 = -3,\ x_1 = -2,\ b = -3" />, so that the
          sum is 1 and <Tex math="f = \sigma(1) \approx 0.731" />. Going back through <Tex math="1/x" />, <Tex math="+1" />, <Tex math="\exp" /> and{' '}
          <Tex math="\times(-1)" /> multiplies the gradient to <Tex math="\sigma(1)(1 - \sigma(1)) \approx 0.197" />, the familiar derivative of the sigmoid.
        </p>
      </Section>
      <LabSlot id="backprop" title="Step-through back-propagation" lab={BackpropLab} />
    </>
  );
}

function Descent() {
  return (
    <>
      <Section id="gradient-descent" title="Gradient descent">
        <p>
          In one dimension the derivative <Tex math="df(x)/dx" /> is a slope; in many dimensions it becomes the gradient{' '}
          <Tex math="\nabla_x f(x)" />, which points in the direction in which <Tex math="f" /> grows fastest. To make{' '}
          <Tex math="f" /> smaller we step the other way, along the negative gradient.
        </p>
      </Section>
      <Section id="gd-for-networks" title="Gradient descent for neural networks">
        <p>
          For one training pair <Tex math="\{x, y\}" /> we need the derivative of the loss with respect to every weight, stacked into
          one long vector, and then take a step of size <Tex math="\alpha" /> against it:
        </p>
        <Tex display math="\nabla_{\mathbf{W}} f_{\{x, y\}}(\mathbf{W}) = \begin{bmatrix} \frac{\partial f}{\partial w_{0,0,0}} \\ \vdots \\ \frac{\partial f}{\partial w_{l,m,n}} \end{bmatrix}, \qquad \mathbf{W}' = \mathbf{W} - \alpha\,\nabla_{\mathbf{W}} f_{\{x, y\}}(\mathbf{W})" />
        <p>
          The gradient flows backwards through the network exactly as through the small graph above: each layer receives{' '}
          <Tex math="\partial L/\partial(\text{its output})" /> and passes on <Tex math="\partial L/\partial(\text{its input})" />. How many weights is
          that? The notes' network has 3 inputs, 4 hidden neurons and 2 outputs; each neuron has one weight per input channel plus a bias:
        </p>
        <Tex display math="\underbrace{2\cdot 4 + 2}_{\text{output layer}} = 10, \qquad \underbrace{4\cdot 3 + 4}_{\text{hidden layer}} = 16, \qquad \#\text{neurons}\cdot\#\text{input channels} + \#\text{biases}" />
      </Section>
    </>
  );
}

function CrossEntropy() {
  return (
    <Section id="cross-entropy-derivatives" title="Derivatives of the cross-entropy loss">
      <p>
        Now a two-layer network with sigmoid hidden units <Tex math="h_j = \sigma(s^1_j)" />, <Tex math="s^1_j = \sum_k w^1_{kj}x_k" />, and
        sigmoid outputs <Tex math="\hat{y}_i = \sigma(s_i)" />, <Tex math="s_i = \sum_j w_{ji}h_j" />, trained with the binary cross-entropy{' '}
        <Tex math="L = -\sum_i \big[y_i\log\hat{y}_i + (1 - y_i)\log(1 - \hat{y}_i)\big]" />. For a weight of the last layer three factors meet:
      </p>
      <Tex display math="\begin{aligned} \frac{\partial L}{\partial w_{ji}} &= \frac{\partial L}{\partial \hat{y}_i}\cdot\frac{\partial \hat{y}_i}{\partial s_i}\cdot\frac{\partial s_i}{\partial w_{ji}}, \\ \frac{\partial L}{\partial \hat{y}_i} &= -\frac{y_i}{\hat{y}_i} + \frac{1 - y_i}{1 - \hat{y}_i} = \frac{\hat{y}_i - y_i}{\hat{y}_i(1 - \hat{y}_i)}, \qquad \frac{\partial \hat{y}_i}{\partial s_i} = \hat{y}_i(1 - \hat{y}_i), \qquad \frac{\partial s_i}{\partial w_{ji}} = h_j \\ \Rightarrow \frac{\partial L}{\partial w_{ji}} &= (\hat{y}_i - y_i)\,h_j, \qquad \frac{\partial L}{\partial s_i} = \hat{y}_i - y_i \end{aligned}" />
      <Erratum>
        the notes write <Tex math="\frac{\partial L}{\partial \hat{y}_i} = -y_i + \frac{1 - y_i}{1 - \hat{y}_i}" />. The derivative of{' '}
        <Tex math="-y_i\log\hat{y}_i" /> is <Tex math="-y_i/\hat{y}_i" />; only with that term does the right-hand side{' '}
        <Tex math="\frac{\hat{y}_i - y_i}{\hat{y}_i(1 - \hat{y}_i)}" /> (which the notes give correctly) follow.
      </Erratum>
      <p>
        The sigmoid's derivative cancels the awkward denominator: the error signal at the output is simply{' '}
        <Tex math="\hat{y}_i - y_i" />. A hidden unit feeds every output, so its gradient sums over them; then the hidden sigmoid's derivative
        and the input follow:
      </p>
      <Tex display math="\begin{aligned} \frac{\partial L}{\partial h_j} &= \sum_{i=1}^{n_{out}} \frac{\partial L}{\partial \hat{y}_i}\frac{\partial \hat{y}_i}{\partial s_i}\frac{\partial s_i}{\partial h_j} = \sum_{i=1}^{n_{out}} (\hat{y}_i - y_i)\,w_{ji} \\ \frac{\partial L}{\partial s^1_j} &= \frac{\partial L}{\partial h_j}\cdot\frac{\partial h_j}{\partial s^1_j} = \sum_{i=1}^{n_{out}} (\hat{y}_i - y_i)\,w_{ji}\,h_j(1 - h_j) \\ \frac{\partial L}{\partial w^1_{kj}} &= \frac{\partial L}{\partial s^1_j}\cdot\frac{\partial s^1_j}{\partial w^1_{kj}} = \sum_{i=1}^{n_{out}} (\hat{y}_i - y_i)\,w_{ji}\,h_j(1 - h_j)\,x_k \end{aligned}" />
      <Erratum>
        the notes write <Tex math="\frac{\partial L}{\partial w^1_{kj}} = \sum_{i=1}^{n_{out}} \frac{\partial L}{\partial s^1_j}\frac{\partial s^1_j}{\partial w^1_{kj}}" />.
        The sum over the outputs is already inside <Tex math="\partial L/\partial s^1_j" />; summing again would count it{' '}
        <Tex math="n_{out}" /> times. It is the single product <Tex math="\frac{\partial L}{\partial s^1_j}\cdot x_k" />; the final expression is unchanged.
      </Erratum>
      <p>
        Hand-derived formulas are easy to get subtly wrong. The standard safeguard is a <strong>gradient check</strong>: compare them
        with central finite differences <Tex math="\frac{L(w + \varepsilon) - L(w - \varepsilon)}{2\varepsilon}" />. The lab does so for
        every weight and bias, and adds tfjs's automatic differentiation as a third opinion. With linear outputs and the L2 loss the
        output error is <Tex math="\partial L/\partial s_i = 2(\hat{y}_i - y_i)" />; with ReLU hidden units <Tex math="h_j(1 - h_j)" /> becomes{' '}
        <Tex math="\mathbb{1}[s^1_j > 0]" />.
      </p>
    </Section>
  );
}

function WorkedExample() {
  return (
    <Section id="worked-example" title="A worked example: one ReLU neuron">
      <p>
        The smallest network that still has a chain: one input, one ReLU, one output, <Tex math="\hat{y} = w_2\cdot\max(0, w_1x)" />, with{' '}
        <Tex math="x = 1,\ y = 0,\ w_1 = \tfrac13,\ w_2 = 2" /> and the L2 loss. Its factors:
      </p>
      <Tex display math="L = (\hat{y} - y)^2 \Rightarrow \frac{\partial L}{\partial \hat{y}} = 2(\hat{y} - y), \qquad \hat{y} = w_2\cdot\sigma \Rightarrow \frac{\partial \hat{y}}{\partial \sigma} = w_2" />
      <Tex display math="\sigma = \max(0, z) \Rightarrow \frac{\partial \sigma}{\partial z} = \begin{cases} 1 & \text{if } z > 0 \\ 0 & \text{else} \end{cases}, \qquad z = x\cdot w_1 \Rightarrow \frac{\partial z}{\partial w_1} = x" />
      <Erratum>
        the notes state the ReLU's derivative condition as <Tex math="x > 0" />. The ReLU acts on <Tex math="z" />, so the condition is{' '}
        <Tex math="z > 0" /> (here <Tex math="x = 1" />, so the two agree only by accident).
      </Erratum>
      <p>Multiplying the factors at the starting point:</p>
      <Tex display math="z = \tfrac13,\ \hat{y} = \tfrac23,\ L = \tfrac49, \qquad \frac{\partial L}{\partial w_2} = 2\cdot\tfrac23\cdot\tfrac13 = \tfrac49, \qquad \frac{\partial L}{\partial w_1} = 2\cdot\tfrac23\cdot 2\cdot 1\cdot 1 = \tfrac83" />
    </Section>
  );
}

export default function Lecture04(_props: LecturePageProps) {
  return (
    <div className="lecture-page">
      <p className="lead">
        How a network learns which way to move its weights: break the computation into a graph, push values forward, push gradients
        back with the chain rule, then take a gradient step.
      </p>
      <Graphs />
      <Descent />
      <CrossEntropy />
      <LabSlot id="gradcheck" title="Gradient check for a small network" lab={GradcheckLab} />
      <WorkedExample />
      <LabSlot id="chain" title="The chain rule, step by step" lab={ChainLab} />
      <Section id="regularization" title="Regularisation">
        <p>
          A model that fits the training data too closely over-fits; one too simple under-fits. Regularisation adds a penalty on the
          parameters to the loss, weighted by <Tex math="\lambda" />:
        </p>
        <Tex display math="L(\mathbf{y}, \hat{\mathbf{y}}, \boldsymbol{\theta}) = \sum_{i=1}^n (\hat{y}_i - y_i)^2 + \lambda R(\boldsymbol{\theta})" />
        <p>
          Common choices are L2 and L1 regularisation and max-norm constraints; dropout and early stopping serve the same purpose. They
          come back in detail in later lectures.
        </p>
      </Section>
      <SelfCheck lecture="04-backprop" />
    </div>
  );
}
