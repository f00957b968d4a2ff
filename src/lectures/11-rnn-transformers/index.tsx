/**
 * Lecture 11 — Recurrent Neural Networks and Transformers, in the lecture's order: transfer and
 * representation learning, RNNs and their long-term dependencies, the LSTM (equations, dimensions,
 * the code with its corrected backward pass), attention, the transformer (scaled dot-product and
 * multi-head attention, the layers, positional encoding, complexity, training tricks, results).
 * Worked numbers (powers of eigenvalues, the √d_k spread, the complexity example, the paper's peak
 * learning rate) are computed here, not typed.
 */
import { lazy } from 'react';
import type { LecturePageProps } from '../../app/registry';
import { Erratum, Section } from '../../components/LectureParts';
import { Tex } from '../../components/Tex';
import { LabSlot } from '../../labs/LabSlot';
import SelfCheck from '../../selfcheck/SelfCheck';
import { groupDigits } from '../../charts/format';

const TransferLab = lazy(() => import('./labs/transfer/TransferLab').then((m) => ({ default: m.TransferLab })));
const RnnGradientsLab = lazy(() => import('./labs/rnn-gradients/RnnGradientsLab').then((m) => ({ default: m.RnnGradientsLab })));
const LstmLab = lazy(() => import('./labs/lstm/LstmLab').then((m) => ({ default: m.LstmLab })));
const AttentionLab = lazy(() => import('./labs/attention/AttentionLab').then((m) => ({ default: m.AttentionLab })));
const PositionalLab = lazy(() => import('./labs/positional/PositionalLab').then((m) => ({ default: m.PositionalLab })));
const ComplexityLab = lazy(() => import('./labs/complexity/ComplexityLab').then((m) => ({ default: m.ComplexityLab })));
const TransformerLab = lazy(() => import('./labs/transformer/TransformerLab').then((m) => ({ default: m.TransformerLab })));

/** 1234567 → 1{,}234{,}567 for TeX; 1,234,567 for text. */
const tex = (v: number) => groupDigits(v, '{,}');
const txt = (v: number) => groupDigits(v);

/** Powers of an eigenvalue after 50 steps: the vanishing and the exploding case. */
const T_STEPS = 50;
const SMALL = 0.9 ** T_STEPS;
const LARGE = 1.1 ** T_STEPS;

/** The complexity example: a 50-token sentence with the base transformer's d = 512. */
const N_TOK = 50;
const D_MODEL = 512;
const SELF_ATT = N_TOK * N_TOK * D_MODEL;
const RECURRENT = N_TOK * D_MODEL * D_MODEL;

/** The paper's schedule at its own settings: d_model = 512, warmup 4,000 — the peak learning rate. */
const WARMUP = 4000;
const PEAK_LR = D_MODEL ** -0.5 * Math.min(WARMUP ** -0.5, WARMUP * WARMUP ** -1.5);

/** The notes' BLEU / training-cost table (Vaswani et al. 2017, Table 2). */
const BLEU_ROWS: [string, string, string, string, string][] = [
  ['ByteNet', '23.75', '', '', ''],
  ['Deep-Att + PosUnk', '', '39.2', '', '1.0 · 10²⁰'],
  ['GNMT + RL', '24.6', '39.92', '2.3 · 10¹⁹', '1.4 · 10²⁰'],
  ['ConvS2S', '25.16', '40.46', '9.6 · 10¹⁸', '1.5 · 10²⁰'],
  ['MoE', '26.03', '40.56', '2.0 · 10¹⁹', '1.2 · 10²⁰'],
  ['Deep-Att + PosUnk Ensemble', '', '40.4', '', '8.0 · 10²⁰'],
  ['GNMT + RL Ensemble', '26.30', '41.16', '1.8 · 10²⁰', '1.1 · 10²¹'],
  ['ConvS2S Ensemble', '26.36', '41.29', '7.7 · 10¹⁹', '1.2 · 10²¹'],
  ['Transformer (base model)', '27.3', '38.1', '3.3 · 10¹⁸', ''],
  ['Transformer (big)', '28.4', '41.0', '2.3 · 10¹⁹', ''],
];

function TransferAndRepresentations() {
  return (
    <>
      <Section id="transfer-learning" title="Transfer learning">
        <p>
          Training your own model is hard when data and other resources are limited: annotating a training set by hand is laborious,
          and a deep network needs a lot of it. So why not reuse a model that someone has already trained? A network trained on
          ImageNet has learned, in its early layers, edges, blobs and textures that are useful for almost any photo.
        </p>
        <p>
          The recipe: take the network trained on ImageNet, throw away its last layer (1,000 classes) and put in a new one for the new
          dataset's <Tex math="C" /> classes. Freeze the reused layers and train only the new one. <strong>If the new dataset is big
          enough, train more layers</strong> — the last few, or all of them — <strong>with a low learning rate</strong>, so that the
          pre-trained features are adjusted rather than destroyed.
        </p>
      </Section>
      <Section id="when-transfer" title="When transfer learning makes sense">
        <p>Transfer from a task <Tex math="T_1" /> to a task <Tex math="T_2" /> makes sense</p>
        <ul>
          <li>when <Tex math="T_1" /> and <Tex math="T_2" /> have the same input (for example an RGB image);</li>
          <li>when you have more data for <Tex math="T_1" /> than for <Tex math="T_2" />;</li>
          <li>when the low-level features learned for <Tex math="T_1" /> could be useful to learn <Tex math="T_2" />.</li>
        </ul>
        <p>
          The lab below meets all three on a small scale: a CNN learns the digits 0–4 from thousands of examples, and is then reused for
          the digits 5–9 with only a handful of labelled examples per class. Compare a frozen feature extractor with a new head,
          fine-tuning with a low learning rate, and training from scratch, as the number of labelled examples grows.
        </p>
      </Section>
      <LabSlot id="transfer" title="Transfer learning on MNIST" lab={TransferLab} />
      <Section id="representation-learning" title="Representation learning">
        <p>
          Good features are essential for successful machine learning. Supervised deep learning depends on the training data it is
          given, inputs and target labels, and changes in the inputs — noise, irregularities — can give drastically different results.
          <strong> Representation learning</strong> lets the model discover the representation a task needs instead of having it
          hand-designed; a deep network maps the input <Tex math="X" /> to the output <Tex math="Y" /> through several levels of
          abstraction, each layer building on the one below.
        </p>
        <p>
          How to learn good features? Decide which <strong>invariances</strong> the features should have (a digit shifted by a pixel is the
          same digit), and teach the machine to tell <strong>similar from dissimilar</strong> things: two views of the same image should map
          close together, views of different images far apart. The representation is then used on <strong>downstream tasks</strong>.
          Transfer learning can be done through representation learning, and how well a representation transfers is the usual measure of
          how good it is (though not the only one: the smoothness of the learned manifold matters too).
        </p>
      </Section>
    </>
  );
}

function RecurrentNetworks() {
  return (
    <>
      <Section id="processing-sequences" title="Processing sequences">
        <p>
          Recurrent neural networks (RNNs) process <strong>sequence data</strong>: the input, the output or both can be sequences. That
          makes them flexible:
        </p>
        <table className="notes-table notes-table-left">
          <thead>
            <tr>
              <th scope="col">Input → output</th>
              <th scope="col">Example</th>
            </tr>
          </thead>
          <tbody>
            <tr><td>one to one</td><td>a classical network, e.g. image classification</td></tr>
            <tr><td>one to many</td><td>image captioning: one image, a sentence out</td></tr>
            <tr><td>many to one</td><td>language recognition: a sentence in, one label out</td></tr>
            <tr><td>many to many</td><td>machine translation: a sentence in, a sentence out (of another length)</td></tr>
            <tr><td>many to many, in step</td><td>event classification: one label per input frame</td></tr>
          </tbody>
        </table>
      </Section>
      <Section id="rnn-structure" title="The basic structure of an RNN">
        <p>
          We want a notion of time. An RNN keeps a hidden state <Tex math="A_t" /> with its own internal dynamics: at every step it
          mixes the previous state with the new input, and reads its output from the state,
        </p>
        <Tex display math={String.raw`A_t = \theta_c A_{t-1} + \theta_x x_t, \qquad h_t = \theta_h A_t,`} />
        <p>
          with <Tex math={String.raw`\theta_c, \theta_x, \theta_h`} /> learned. The <strong>same parameters are used at every time
          step</strong> — that is what lets an RNN generalise to sequences of any length. Stacking RNNs (the hidden states of one layer
          are the inputs of the next) gives a multi-layer RNN, a more expressive model. Unrolled over time, an RNN is a feed-forward network
          with one layer per time step and shared weights, and it is trained by backpropagation through this unrolled graph
          (backpropagation through time). In practice a non-linearity such as <Tex math={String.raw`\tanh`} /> wraps the state update; the
          notes leave it out to make the next point clear.
        </p>
      </Section>
      <Section id="long-term-dependencies" title="Long-term dependencies">
        <p>
          Forget the input for a moment. The recurrence <Tex math={String.raw`A_t = \theta_c A_{t-1}`} /> then gives{' '}
          <Tex math={String.raw`A_t = \theta_c^{\,t} A_0`} />: the same weights are multiplied in over and over, and so are they in the
          gradient that flows back from step <Tex math="t" /> to step 0. Small weights make it vanish, large weights make it explode. If{' '}
          <Tex math={String.raw`\theta`} /> has an eigendecomposition with an orthogonal matrix of eigenvectors <Tex math="Q" /> and the
          eigenvalues on the diagonal of <Tex math={String.raw`\Lambda`} />,
        </p>
        <Tex display math={String.raw`\theta = Q \Lambda Q^{T} \quad\Longrightarrow\quad A_t = Q \Lambda^{t} Q^{T} A_0 ,`} />
        <p>
          because <Tex math="Q^TQ = I" /> cancels between the factors. Each component of <Tex math="A_0" /> along an eigenvector is scaled
          by <Tex math={String.raw`\lambda^t`} />. Eigenvalues of magnitude below one make it <strong>vanish</strong>, above one{' '}
          <strong>explode</strong> — after {T_STEPS} steps,{' '}
          <Tex math={String.raw`0.9^{${T_STEPS}} \approx ${SMALL.toFixed(4)}`} /> and{' '}
          <Tex math={String.raw`1.1^{${T_STEPS}} \approx ${LARGE.toFixed(1)}`} />. Exploding gradients are tamed by{' '}
          <strong>gradient clipping</strong>: if <Tex math={String.raw`\lVert g \rVert > \tau`} />, rescale{' '}
          <Tex math={String.raw`g \leftarrow \tau\, g / \lVert g \rVert`} />. Vanishing ones are harder: a matrix with eigenvalues equal to
          one would let the cell maintain its state — which is the idea behind the LSTM. The activation function adds to the problem:{' '}
          <Tex math={String.raw`\tanh'(a) = 1 - \tanh^2(a) \le 1`} />, so every step through a saturated <Tex math={String.raw`\tanh`} />{' '}
          shrinks the gradient further.
        </p>
        <Erratum>
          the simplification <Tex math={String.raw`\theta^t = Q\Lambda^tQ^T`} /> needs the matrix of eigenvectors <Tex math="Q" /> to be
          orthogonal (so <Tex math={String.raw`\theta`} /> is symmetric), not <Tex math={String.raw`\theta`} /> itself, as the notes write:
          an orthogonal <Tex math={String.raw`\theta`} /> has all eigenvalues of magnitude one and neither vanishes nor explodes.
        </Erratum>
      </Section>
      <LabSlot id="rnn-gradients" title="Vanishing and exploding gradients" lab={RnnGradientsLab} />
    </>
  );
}

function Lstm() {
  return (
    <>
      <Section id="lstm-cell" title="Long short-term memory">
        <p>
          A simple RNN passes everything through a <Tex math={String.raw`\tanh`} />. The LSTM adds two ingredients: a{' '}
          <strong>cell</strong> <Tex math="C_t" /> that transports information through the unit from step to step, and <strong>gates</strong>{' '}
          that remove information from the cell or add it. A gate is a sigmoid (values between 0 and 1) multiplied element-wise with what it
          guards. Step by step, with <Tex math={String.raw`\odot`} /> the element-wise product:
        </p>
        <Tex
          display
          math={String.raw`\begin{aligned}
f_t &= \operatorname{sigm}(\theta_{xf} x_t + \theta_{hf} h_{t-1} + b_f) && \text{forget gate}\\
i_t &= \operatorname{sigm}(\theta_{xi} x_t + \theta_{hi} h_{t-1} + b_i) && \text{input gate}\\
o_t &= \operatorname{sigm}(\theta_{xo} x_t + \theta_{ho} h_{t-1} + b_o) && \text{output gate}\\
g_t &= \tanh(\theta_{xg} x_t + \theta_{hg} h_{t-1} + b_g) && \text{cell update}\\
C_t &= f_t \odot C_{t-1} + i_t \odot g_t && \text{cell}\\
h_t &= o_t \odot \tanh(C_t) && \text{output}
\end{aligned}`}
        />
        <p>
          All of it is learned by backpropagation. The forget gate decides what of the old cell to keep, the input gate how much of the
          candidate <Tex math="g_t" /> to write, the output gate how much of the cell to show as <Tex math="h_t" />. The cell is a{' '}
          <strong>highway for the gradient</strong>: along it, <Tex math={String.raw`\partial C_t / \partial C_{t-1} = f_t`} /> element by
          element — no weight matrix and no squashing in between, so with forget gates near one the gradient reaches far back without
          vanishing.
        </p>
      </Section>
      <Section id="lstm-code" title="LSTM dimensions and code">
        <p>
          When coding an LSTM we choose the size of the hidden state, say <Tex math="H = 128" />, and the dimensions must match: the cell
          update <Tex math="g_t" /> is a 128-vector, so <Tex math={String.raw`\theta_{xg}`} /> is <Tex math={String.raw`128 \times D`} />{' '}
          for a <Tex math="D" />-dimensional input and <Tex math={String.raw`\theta_{hg}`} /> is <Tex math={String.raw`128 \times 128`} />.
          To turn an input into a 128-vector representation, a linear layer (a matrix multiplication plus a bias) is all it takes.
          Implementations stack the four gates into one product: with a minibatch of <Tex math="N" /> rows,
        </p>
        <Tex display math={String.raw`a = x\,W_x + h_{t-1} W_h + b, \qquad x \in \mathbb{R}^{N\times D},\; W_x \in \mathbb{R}^{D \times 4H},\; W_h \in \mathbb{R}^{H\times 4H},\; b \in \mathbb{R}^{4H},`} />
        <p>
          and slice <Tex math="a" /> into four <Tex math={String.raw`N \times H`} /> blocks for <Tex math="i, f, o, g" />. That is the
          notes' <code>lstm_step_forward</code>; its backward pass goes through the same five numbered steps in reverse. The forward pass is
          right, the backward pass is not:
        </p>
        <Erratum>
          in <code>lstm_step_backward</code>, the derivative of <Tex math={String.raw`\tanh`} /> is{' '}
          <Tex math={String.raw`1 - \tanh^2(a)`} />, so <code>dag = (1 - np.tanh(ag) ** 2) * dg</code> (the notes square{' '}
          <Tex math={String.raw`1 - \tanh`} />); the gradient to the previous hidden state is <code>dprev_h = da.dot(Wh.T)</code> (the notes'{' '}
          <code>da.dot(Wh.T, da.T)</code> passes a second matrix as NumPy's output argument and fails); and{' '}
          <code>dnext_c += …</code> changes the caller's array in place — write <code>dc = dnext_c + …</code>. (The backward docstring is
          also never closed.) The lab shows the corrected code next to the notes' and a finite-difference gradient check of both.
        </Erratum>
      </Section>
      <LabSlot id="lstm" title="An LSTM cell at work" lab={LstmLab} />
    </>
  );
}

function AttentionAndTransformers() {
  return (
    <>
      <Section id="attention-intuition" title="Attention">
        <p>
          A convolution looks at a fixed neighbourhood; an RNN squeezes a whole sentence through one state vector, and long-term
          dependencies fade on the way. <strong>Attention</strong> lets every output look directly at every input and decide how much of
          each to use. In an encoder–decoder for translation, the decoder producing the next word takes as input its previous hidden state,
          its previous output, and the <strong>attention</strong>: a weighted sum of all the encoder's states, with weights computed from
          how well each one matches what the decoder is looking for right now.
        </p>
      </Section>
      <Section id="transformers-intro" title="Transformers">
        <p>The transformer dropped the recurrence and kept only attention — a second deep-learning revolution:</p>
        <table className="notes-table notes-table-left">
          <thead>
            <tr>
              <td />
              <th scope="col">Deep learning</th>
              <th scope="col">Deep learning 2.0</th>
            </tr>
          </thead>
          <tbody>
            <tr><th scope="row">Main idea</th><td>Convolution</td><td>Attention</td></tr>
            <tr><th scope="row">Field invented</th><td>Computer vision</td><td>NLP</td></tr>
            <tr><th scope="row">Started</th><td>NeurIPS 2012</td><td>NeurIPS 2017</td></tr>
            <tr><th scope="row">Paper</th><td>AlexNet</td><td>Transformers</td></tr>
            <tr><th scope="row">Conquered vision</th><td>around 2014–2015</td><td>around 2020–2021</td></tr>
            <tr><th scope="row">Replaced (augmented)</th><td>traditional ML/CV</td><td>CNNs, RNNs</td></tr>
          </tbody>
        </table>
      </Section>
      <Section id="multi-head-attention" title="Scaled dot-product and multi-head attention">
        <p>
          The intuition: take the query <Tex math="Q" />, find the most similar key <Tex math="K" />, and return the value{' '}
          <Tex math="V" /> that belongs to that key. The network learns all three: <Tex math="V" /> — here is a bunch of interesting things;{' '}
          <Tex math="K" /> — here is how we can index them; <Tex math="Q" /> — I would like to know this interesting thing. It is indexing
          the values through a <em>differentiable</em> operator (loosely related to Neural Turing Machines): multiply the queries with the
          keys, then get the values,
        </p>
        <Tex display math={String.raw`\operatorname{Attention}(Q, K, V) = \operatorname{softmax}\!\left(\frac{QK^{T}}{\sqrt{d_k}}\right) V .`} />
        <p>
          Row <Tex math="i" /> of <Tex math="QK^T" /> holds the dot products of query <Tex math="i" /> with every key,{' '}
          <Tex math={String.raw`(q_i \cdot k_1, q_i \cdot k_2, \dots)`} />. The softmax turns them into a distribution over the values — the
          larger a dot product, the larger its weight — so the output is a soft, differentiable lookup. Why divide by{' '}
          <Tex math={String.raw`\sqrt{d_k}`} />? The notes say "probably" because large dot products push the softmax into regions with
          extremely small gradients. The arithmetic behind it: if the entries of <Tex math="q" /> and <Tex math="k" /> are independent with
          mean 0 and variance 1, then <Tex math={String.raw`q\cdot k = \sum_{j=1}^{d_k} q_j k_j`} /> has variance <Tex math="d_k" />; at{' '}
          <Tex math="d_k = 64" /> its standard deviation is <Tex math={String.raw`\sqrt{64} = 8`} />, enough for one weight to take nearly
          all the mass. Dividing by <Tex math={String.raw`\sqrt{d_k}`} /> brings the variance back to one.
        </p>
        <p>
          <strong>Multi-head attention</strong> runs <Tex math="h" /> attentions in parallel, each on its own learned projections, and
          concatenates them:
        </p>
        <Tex
          display
          math={String.raw`\operatorname{MultiHead}(Q,K,V) = \operatorname{Concat}(\text{head}_1, \dots, \text{head}_h)\, W^{O}, \qquad \text{head}_i = \operatorname{Attention}(Q W_i^{Q}, K W_i^{K}, V W_i^{V}).`}
        />
      </Section>
      <LabSlot id="attention" title="Scaled dot-product attention" lab={AttentionLab} />
      <Section id="transformer-closer-look" title="The transformer, a closer look">
        <p>Reading the architecture from the inside out:</p>
        <ul>
          <li><strong>Multi-head attention</strong>: <Tex math="h" /> parallel attention heads select the values where the network needs to attend.</li>
          <li><strong>Feed-forward</strong>: good old fully connected layers, applied to every position separately.</li>
          <li>
            Each sub-layer has a residual connection and layer normalisation, and the block (attention followed by the fully connected layers)
            is stacked <Tex math="N" /> times.
          </li>
          <li>
            <strong>Masked multi-head attention</strong> in the decoder: the same, but positions after the current one are hidden, so the
            prediction for position <Tex math="i" /> can depend only on the known outputs at positions less than <Tex math="i" />.
          </li>
          <li><strong>Encoder–decoder attention</strong>: multi-head attention with queries from the decoder and keys and values from the encoder.</li>
          <li>Finally a linear <strong>projection and a softmax</strong> predict the next token.</li>
        </ul>
        <p>
          What is missing from self-attention? A convolution applies a different linear transformation to each relative position, so it
          knows what came from where. Self-attention is a <strong>weighted average</strong>: shuffle the inputs and the outputs are shuffled
          the same way — it has no idea of order.
        </p>
      </Section>
      <Section id="positional-encoding" title="Positional encoding">
        <p>
          So the transformer adds a fixed positional encoding to its input embeddings, built from a trigonometric series, for the model to
          make use of the order of the sequence. For position <Tex math="pos" /> and dimension pair <Tex math="i" />,
        </p>
        <Tex
          display
          math={String.raw`PE_{(pos,\,2i)} = \sin\!\left(\frac{pos}{10000^{2i/d_{\text{model}}}}\right), \qquad PE_{(pos,\,2i+1)} = \cos\!\left(\frac{pos}{10000^{2i/d_{\text{model}}}}\right).`}
        />
        <p>
          Each pair of dimensions is a sine and cosine of its own wavelength, from <Tex math={String.raw`2\pi`} /> for the first pair up to
          almost <Tex math={String.raw`10000 \cdot 2\pi`} /> for the last — a clock with many hands. Because{' '}
          <Tex math={String.raw`\sin(a+b)`} /> and <Tex math={String.raw`\cos(a+b)`} /> are linear in <Tex math={String.raw`\sin a, \cos a`} />,
          the encoding of <Tex math="pos + k" /> is a fixed linear function (a rotation in each pair) of the encoding of{' '}
          <Tex math="pos" />, which makes relative positions easy to learn.
        </p>
      </Section>
      <LabSlot id="positional" title="Sinusoidal positional encoding" lab={PositionalLab} />
      <Section id="self-attention-complexity" title="Self-attention: complexity">
        <div className="notes-scroll" tabIndex={0} role="region" aria-label="The notes' complexity table">
        <table className="notes-table" style={{ display: 'table' }} data-testid="complexity-table">
          <thead>
            <tr>
              <th scope="col">Layer type</th>
              <th scope="col">Complexity per layer</th>
              <th scope="col">Sequential operations</th>
              <th scope="col">Maximum path length</th>
            </tr>
          </thead>
          <tbody>
            <tr><th scope="row">Self-attention</th><td><Tex math="O(n^2 \cdot d)" /></td><td><Tex math="O(1)" /></td><td><Tex math="O(1)" /></td></tr>
            <tr><th scope="row">Recurrent</th><td><Tex math="O(n \cdot d^2)" /></td><td><Tex math="O(n)" /></td><td><Tex math="O(n)" /></td></tr>
            <tr><th scope="row">Convolutional</th><td><Tex math="O(k \cdot n \cdot d^2)" /></td><td><Tex math="O(1)" /></td><td><Tex math={String.raw`O(\log_k n)`} /></td></tr>
            <tr><th scope="row">Self-attention (restricted)</th><td><Tex math={String.raw`O(r \cdot n \cdot d)`} /></td><td><Tex math="O(1)" /></td><td><Tex math="O(n/r)" /></td></tr>
          </tbody>
        </table>
        </div>
        <p>
          Here <Tex math="n" /> is the sequence length, <Tex math="d" /> the representation dimension, <Tex math="k" /> the convolution's
          kernel size and <Tex math="r" /> the size of the neighbourhood in restricted self-attention. (The path length{' '}
          <Tex math={String.raw`O(\log_k n)`} /> is for dilated convolutions; a stack of ordinary ones needs <Tex math="O(n/k)" /> layers to
          connect the ends.) Self-attention is cheaper than a
          recurrent layer exactly when <Tex math="n^2 d < n d^2" />, that is when <Tex math="n < d" />. Most sentences are shorter than the
          representation dimension, so self-attention is very efficient: for a {N_TOK}-token sentence and <Tex math={`d = ${D_MODEL}`} />,{' '}
          <Tex math={String.raw`n^2 d = ${tex(SELF_ATT)}`} /> against <Tex math={String.raw`n d^2 = ${tex(RECURRENT)}`} />, about{' '}
          {Math.round(RECURRENT / SELF_ATT)} times less — and all positions are computed at once, with every pair of positions one step
          apart.
        </p>
      </Section>
      <LabSlot id="complexity" title="Self-attention complexity" lab={ComplexityLab} />
      <Section id="training-tricks" title="Training tricks">
        <p>The transformer was trained with the Adam optimiser and a learning rate that first grows, then decays:</p>
        <Tex
          display
          math={String.raw`\text{lrate} = d_{\text{model}}^{-0.5} \cdot \min\!\left(\text{step\_num}^{-0.5},\; \text{step\_num} \cdot \text{warmup\_steps}^{-1.5}\right).`}
        />
        <p>
          It rises linearly for the first <Tex math={String.raw`\text{warmup\_steps}`} /> steps and then falls as the inverse square root
          of the step; the two branches meet at the warm-up step, where the rate peaks at{' '}
          <Tex math={String.raw`d_{\text{model}}^{-0.5}\,\text{warmup\_steps}^{-0.5}`} />. With the paper's{' '}
          <Tex math={`d_{\\text{model}} = ${D_MODEL}`} /> and {txt(WARMUP)} warm-up steps that is{' '}
          <Tex math={`${PEAK_LR.toExponential(2).replace(/e-(\d+)/, '\\cdot 10^{-$1}')}`} />. The other tricks:
        </p>
        <ul>
          <li><strong>Residual dropout</strong>: dropout on the output of each sub-layer before it is added to the residual, and on the embeddings.</li>
          <li>
            <strong>Label smoothing</strong>: the target puts <Tex math={String.raw`1 - \varepsilon`} /> on the right token and spreads{' '}
            <Tex math={String.raw`\varepsilon`} /> over the vocabulary, so the model is not pushed to infinite confidence.
          </li>
          <li><strong>Checkpoint averaging</strong>: the final model averages the weights of the last few checkpoints.</li>
        </ul>
        <p>
          The lab trains a tiny transformer with this schedule: embedding, positional encoding, multi-head self-attention, feed-forward
          layers, residuals and layer normalisation, on a toy sequence task you can watch it solve head by head.
        </p>
      </Section>
      <LabSlot id="transformer" title="A tiny transformer" lab={TransformerLab} />
      <Section id="transformer-results" title="Results and summary">
        <p>
          The transformer reached better BLEU scores than the previous state-of-the-art models on the English-to-German and English-to-French
          newstest2014 tests, at a fraction of the training cost:
        </p>
        <div className="notes-scroll" tabIndex={0} role="region" aria-label="BLEU scores and training cost">
          <table className="notes-table" style={{ display: 'table' }}>
            <thead>
              <tr>
                <th scope="col" rowSpan={2} style={{ textAlign: 'left' }}>Model</th>
                <th scope="colgroup" colSpan={2}>BLEU</th>
                <th scope="colgroup" colSpan={2}>Training cost (FLOPs)</th>
              </tr>
              <tr>
                <th scope="col">EN-DE</th>
                <th scope="col">EN-FR</th>
                <th scope="col">EN-DE</th>
                <th scope="col">EN-FR</th>
              </tr>
            </thead>
            <tbody>
              {BLEU_ROWS.map(([model, ...cells]) => (
                <tr key={model}>
                  <th scope="row" style={{ textAlign: 'left' }}>{model}</th>
                  {cells.map((c, j) => (
                    <td key={j}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <p>
          In short: transformers significantly improved the state of the art in machine translation and launched a new deep-learning
          revolution in natural-language processing (the notes' "MLP" is a slip for NLP). They are the building block of language models
          such as BERT (Google, heavily used in Google Search) and GPT/ChatGPT (OpenAI), and eventually made their way to computer vision and
          related fields.
        </p>
      </Section>
    </>
  );
}

export default function Lecture11(_props: LecturePageProps) {
  return (
    <div className="lecture-page">
      <p className="lead">
        Reusing what a network has learned, and networks for sequences: transfer learning, recurrent networks and why their gradients
        vanish or explode, the LSTM that fixes it, and attention — the idea behind the transformer.
      </p>
      <TransferAndRepresentations />
      <RecurrentNetworks />
      <Lstm />
      <AttentionAndTransformers />
      <SelfCheck lecture="11-rnn-transformers" />
    </div>
  );
}
