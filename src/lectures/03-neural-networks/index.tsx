/**
 * Lecture 3 — Introduction to Neural Networks, in the lecture's order: from logistic regression to
 * stacked linear maps and activations, neurons, the training recipe, computational graphs, a
 * network as a graph, loss functions (L1, MSE, binary and multi-class cross-entropy), and
 * gradient-based optimisation, from one linear layer to many.
 */
import { lazy } from 'react';
import type { LecturePageProps } from '../../app/registry';
import { Erratum, Section } from '../../components/LectureParts';
import { Tex } from '../../components/Tex';
import { LabSlot } from '../../labs/LabSlot';
import SelfCheck from '../../selfcheck/SelfCheck';

const MlpLab = lazy(() => import('./labs/mlp/MlpLab').then((m) => ({ default: m.MlpLab })));
const GraphLab = lazy(() => import('./labs/graph-nn/GraphLab').then((m) => ({ default: m.GraphLab })));
const LossesLab = lazy(() => import('./labs/losses/LossesLab').then((m) => ({ default: m.LossesLab })));

const DEEP_F = 'f = \\mathbf{W}_5\\, \\sigma(\\mathbf{W}_4 \\tanh(\\mathbf{W}_3 \\max(0, \\mathbf{W}_2 \\max(0, \\mathbf{W}_1 \\mathbf{x}))))';

function Networks() {
  return (
    <>
      <Section id="from-logistic-regression" title="From logistic regression to neural networks">
        <p>
          Logistic regression computes one linear score of the input and squashes it through a sigmoid. A neural network keeps
          the linear maps but stacks them, with a non-linear function between each pair. With two layers and a ReLU in the
          middle, the score function is
        </p>
        <Tex display math="f = \mathbf{W}_1 \mathbf{x} \quad\longrightarrow\quad f = \mathbf{W}_2 \max(0, \mathbf{W}_1 \mathbf{x}) \quad\longrightarrow\quad f = \mathbf{W}_3 \max(0, \mathbf{W}_2 \max(0, \mathbf{W}_1 \mathbf{x}))" />
        <p>
          The non-linearity matters: without it, <Tex math="\mathbf{W}_2\mathbf{W}_1" /> is just another matrix and the stack
          collapses into a single linear model. Each row of a weight matrix, followed by the non-linearity, acts as one
          artificial neuron, so the whole is a net of neurons arranged in layers.
        </p>
      </Section>
      <Section id="neurons-and-activations" title="Activation functions and biological inspiration">
        <p>
          A neuron forms a weighted sum of its inputs, adds a bias and passes the result through an activation function. The
          three used throughout this page are
        </p>
        <Tex display math="\sigma(s) = \frac{1}{1 + e^{-s}}, \qquad \tanh(s) = \frac{e^{s} - e^{-s}}{e^{s} + e^{-s}}, \qquad \operatorname{ReLU}(s) = \max(0, s)" />
        <p>
          The picture is borrowed from biological neurons, which receive signals through dendrites and fire along an axon. The
          borrowing is loose: artificial networks are inspired by the brain but nowhere near it in complexity, and the comparison
          suits news articles better than it explains anything.
        </p>
      </Section>
      <Section id="training-recipe" title="Training a neural network">
        <p>
          Given a data set of training pairs <Tex math="[\mathbf{x}_i; \mathbf{y}_i]" /> with ground-truth targets, we look for the
          weights and biases <Tex math="\mathbf{W}" /> that make a loss function small. The tool is stochastic gradient descent:
          back-propagation computes the gradients on a batch of samples, a step updates the parameters, and the training set is
          passed over many times. The playground below does exactly this on 2-D data.
        </p>
      </Section>
      <LabSlot id="mlp" title="Neural-network playground" lab={MlpLab} />
    </>
  );
}

function Graphs() {
  return (
    <>
      <Section id="computational-graphs" title="Computational graphs">
        <p>
          A computational graph is a directed graph. Its vertices are variables or operators such as <Tex math="+" />,{' '}
          <Tex math="-" />, <Tex math="*" />, <Tex math="/" />, <Tex math="\log()" /> and <Tex math="\exp()" />; matrix operations
          become compute nodes; directed edges carry each input to the vertices that use it. The notes' example is
        </p>
        <Tex display math="f(x, y, z) = (x + y) \cdot z, \qquad x = 1,\; y = -3,\; z = 4" />
        <p>
          Evaluating it node by node, the sum node gives <Tex math="q = x + y = -2" /> and the product node gives{' '}
          <Tex math="f = q \cdot z = -8" />. The next lecture runs the same graph backwards to get the gradients.
        </p>
      </Section>
      <Section id="network-as-graph" title="Neural networks as computational graphs">
        <p>Real networks chain many matrix operations, for example</p>
        <Tex display math={DEEP_F} />
        <Erratum>
          the notes write <Tex math="\tanh(\mathbf{W}3, \max(0, \dots))" />, with a stray comma that makes <Tex math="\tanh" /> look like a
          function of two arguments, and with <Tex math="\mathbf{W}5, \dots, \mathbf{W}1" /> missing their subscripts. It is one matrix
          product inside the <Tex math="\tanh" />: <Tex math="\tanh(\mathbf{W}_3 \max(0, \mathbf{W}_2 \max(0, \mathbf{W}_1 \mathbf{x})))" />,
          as the notes themselves write it further on.
        </Erratum>
        <p>
          Writing such a network as a computational graph keeps the bookkeeping manageable. The graph has compute nodes (the
          operations), edges that connect them (the data flow), a direction (from input to loss), and its nodes can be grouped into
          layers. The pieces have roles: multiplying by <Tex math="\mathbf{W}" /> encodes the input information, the activation
          selects the key features, and convolutional layers (later in the course) extract useful features with shared weights.
        </p>
        <p>
          A layer with <Tex math="n_l" /> neurons and <Tex math="n_{l-1}" /> inputs has a weight matrix{' '}
          <Tex math="\mathbf{W}_l \in \mathbb{R}^{n_l \times n_{l-1}}" /> and a bias <Tex math="\mathbf{b}_l \in \mathbb{R}^{n_l}" />, so{' '}
          <Tex math="n_l \cdot n_{l-1} + n_l" /> parameters. The lab starts from the network above and counts them as you change it.
        </p>
      </Section>
      <LabSlot id="graph-nn" title="A network as a computational graph" lab={GraphLab} />
    </>
  );
}

function Losses() {
  return (
    <>
      <Section id="loss-functions" title="Loss functions">
        <p>
          A loss function measures how good the predictions are, or equivalently how well the network performs. A large loss means
          bad predictions, which training should improve. Which loss to use depends on the concrete problem, in particular on the
          distribution of the target variable.
        </p>
      </Section>
      <Section id="regression-losses" title="Regression losses: L1 and MSE">
        <p>For real-valued targets, the L1 loss averages absolute differences and the MSE loss squared distances:</p>
        <Tex display math="L_{1}(\mathbf{y}, \hat{\mathbf{y}}; \boldsymbol{\theta}) = \frac{1}{n} \sum_{i=1}^n \|\mathbf{y}_i - \hat{\mathbf{y}}_i\|_1, \qquad L_{\text{MSE}}(\mathbf{y}, \hat{\mathbf{y}}; \boldsymbol{\theta}) = \frac{1}{n} \sum_{i=1}^n \|\mathbf{y}_i - \hat{\mathbf{y}}_i\|_2^2" />
        <p>
          Squaring punishes large errors much more than small ones, so MSE is pulled by outliers; L1 treats every unit of error
          alike. Their derivatives differ the same way: MSE's shrinks near the target, L1's stays at <Tex math="\pm 1" />.
        </p>
      </Section>
      <Section id="binary-cross-entropy" title="Binary cross-entropy">
        <p>For yes/no classification the network outputs a probability <Tex math="\hat{y}_i" /> and the loss is</p>
        <Tex display math="L(\mathbf{y}, \hat{\mathbf{y}}; \boldsymbol{\theta}) = -\frac{1}{n} \sum_{i=1}^n \big[y_i \log \hat{y}_i + (1 - y_i) \log(1 - \hat{y}_i)\big]" />
        <p>
          Only one of the two terms is alive for each sample: the negative log of the probability given to the correct answer. It
          is the loss that maximum likelihood gave for logistic regression in Lecture 2.
        </p>
      </Section>
      <Section id="cross-entropy" title="Multi-class cross-entropy">
        <p>
          With <Tex math="K" /> classes the target <Tex math="\mathbf{y}_i" /> is one-hot and the prediction holds one probability per
          class, usually from a softmax of the scores <Tex math="s_{ik}" />, <Tex math="\hat{y}_{ik} = e^{s_{ik}} / \sum_{j} e^{s_{ij}}" />:
        </p>
        <Tex display math="L(\mathbf{y}, \hat{\mathbf{y}}; \boldsymbol{\theta}) = -\sum_{i=1}^n \sum_{k=1}^{K} y_{ik} \log \hat{y}_{ik}" />
        <Erratum>
          the notes write the inner sum as <Tex math="\sum_{k=1}^{k}" />, with <Tex math="k" /> as both the index and its own upper
          limit. The upper limit is the number of classes, <Tex math="K" />.
        </Erratum>
        <p>
          As the notes write it, this cross-entropy is a sum over the samples while the losses above are means (
          <Tex math="\tfrac{1}{n}" />). Both are used; the factor does not move the minimum, it only rescales the gradient and
          hence the effective learning rate. The lab below plots each loss and its derivative against one prediction and lets
          gradient descent move that prediction.
        </p>
      </Section>
      <LabSlot id="losses" title="Loss-function explorer" lab={LossesLab} />
    </>
  );
}

function Optimisation() {
  return (
    <>
      <Section id="finding-a-better-network" title="Finding a better network with gradients">
        <p>
          In general we have a ground truth <Tex math="\mathbf{y}" />, a prediction <Tex math="\hat{\mathbf{y}}" /> and a loss{' '}
          <Tex math="L(\mathbf{y}, \hat{\mathbf{y}})" />. Minimising the loss finds better predictions; the predictions come from the
          network; so better predictions mean a better network. With the network <Tex math="f_{\boldsymbol{\theta}}(\mathbf{x})" />,
          the goal is to minimise
        </p>
        <Tex display math="L(\mathbf{y}, \hat{\mathbf{y}}) = L\big(\mathbf{y}, f_{\boldsymbol{\theta}}(\mathbf{x})\big) \quad \text{w.r.t. } \boldsymbol{\theta}" />
        <Erratum>
          the notes write <Tex math="L(\mathbf{y}, f(\boldsymbol{\theta}(\mathbf{x}))" />, with a parenthesis left open and{' '}
          <Tex math="\boldsymbol{\theta}" /> written as if it were a function of <Tex math="\mathbf{x}" />. The parameters index the
          network, which is applied to the input: <Tex math="f_{\boldsymbol{\theta}}(\mathbf{x})" />.
        </Erratum>
        <p>For neural networks the minimisation is gradient based.</p>
      </Section>
      <Section id="one-layer-gradient" title="The gradient of a one-layer network">
        <p>
          Take one layer without an activation, <Tex math="f_\theta(\mathbf{x}) = \mathbf{W}\mathbf{x}" /> with{' '}
          <Tex math="\theta = \mathbf{W}" /> (later <Tex math="\theta = \{\mathbf{W}, \mathbf{b}\}" />), and the MSE loss. Since{' '}
          <Tex math="\partial \|\mathbf{W}\mathbf{x} - \mathbf{y}\|_2^2 / \partial \mathbf{W} = 2(\mathbf{W}\mathbf{x} - \mathbf{y})\mathbf{x}^T" />,
        </p>
        <Tex display math="L(\mathbf{y}, f_\theta(\mathbf{x})) = \frac{1}{n} \sum_{i=1}^n \|\mathbf{W}\mathbf{x}_i - \mathbf{y}_i\|_2^2 \quad\Longrightarrow\quad \nabla_\theta L(\mathbf{y}, f_\theta(\mathbf{x})) = \frac{2}{n} \sum_{i=1}^n (\mathbf{W}\mathbf{x}_i - \mathbf{y}_i)\, \mathbf{x}_i^T" />
        <Erratum>
          the notes put a minus sign in front of <Tex math="\nabla_\theta L" /> and keep the right-hand side as above, which would make
          the gradient point the wrong way. The gradient itself is <Tex math="+\tfrac{2}{n}\sum_i (\mathbf{W}\mathbf{x}_i - \mathbf{y}_i)\mathbf{x}_i^T" />;
          the minus belongs to the descent step, <Tex math="\mathbf{W} \leftarrow \mathbf{W} - \alpha \nabla_\theta L" />.
        </Erratum>
      </Section>
      <Section id="backprop-preview" title="Gradients of deep networks">
        <p>For a multi-layer network with many activations, such as</p>
        <Tex display math={DEEP_F.replace(/\\mathbf\{(W|x)\}/g, '$1')} />
        <p>
          gradient descent on <Tex math="L(y, f_\theta(x))" /> with respect to <Tex math="\theta" /> needs the gradient for every
          weight matrix, so it has to be carried from the loss at the end back to the first layer, <Tex math="W_1" />.
          Back-propagation does this with the chain rule, and computational graphs make it mechanical: that is Lecture 4.
        </p>
        <p>
          Why gradient descent? Because gradients are easy to compute on a computational graph. Other methods exist: Newton's
          method, L-BFGS, adaptive moments and conjugate gradients.
        </p>
      </Section>
    </>
  );
}

export default function Lecture03(_props: LecturePageProps) {
  return (
    <div className="lecture-page">
      <p className="lead">
        From one linear score to a stack of them: what a neural network computes, how to draw it as a computational graph, which
        loss tells it how wrong it is, and why the gradient of that loss is what training needs.
      </p>
      <Networks />
      <Graphs />
      <Losses />
      <Optimisation />
      <SelfCheck lecture="03-neural-networks" />
    </div>
  );
}
