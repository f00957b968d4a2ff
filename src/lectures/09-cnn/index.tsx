/**
 * Lecture 9 — Convolutional Neural Networks, in the lecture's order: why fully connected layers do not
 * scale to images, convolution (1-D, image filters, RGB volumes), the convolution layer and its output
 * size (stride, padding, valid and same), the CNN prototype, max and average pooling, the fully
 * connected head, convolutions against fully connected layers, and the receptive field.
 * Every worked number on the page is computed here from its definition, not typed in.
 */
import { lazy } from 'react';
import type { LecturePageProps } from '../../app/registry';
import { Erratum, Section } from '../../components/LectureParts';
import { Tex, texNum } from '../../components/Tex';
import { LabSlot } from '../../labs/LabSlot';
import SelfCheck from '../../selfcheck/SelfCheck';
import { groupDigits } from '../../charts/format';

const FiltersLab = lazy(() => import('./labs/filters/FiltersLab').then((m) => ({ default: m.FiltersLab })));
const ConvArithLab = lazy(() => import('./labs/conv-arith/ConvArithLab').then((m) => ({ default: m.ConvArithLab })));
const PoolingLab = lazy(() => import('./labs/pooling/PoolingLab').then((m) => ({ default: m.PoolingLab })));
const CnnMnistLab = lazy(() => import('./labs/cnn-mnist/CnnMnistLab').then((m) => ({ default: m.CnnMnistLab })));
const ReceptiveFieldLab = lazy(() => import('./labs/receptive-field/ReceptiveFieldLab').then((m) => ({ default: m.ReceptiveFieldLab })));

/** A 1-D signal and a 3-tap box filter (the classic lecture example), convolved without padding. */
const SIGNAL = [4, 3, 2, -5, 3, 5, 2, 5, 5, 6];
const BOX = [1 / 3, 1 / 3, 1 / 3];
function convolve1d(f: readonly number[], g: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + g.length <= f.length; i++) {
    let s = 0;
    for (let j = 0; j < g.length; j++) s += f[i + j] * g[g.length - 1 - j];
    out.push(s);
  }
  return out;
}
const SMOOTHED = convolve1d(SIGNAL, BOX);

/** Shows a third-multiple as a fraction when it is not whole (10/3 rather than 3.333). */
function thirds(v: number): string {
  const t = Math.round(v * 3);
  if (Math.abs(v * 3 - t) > 1e-9) return v.toFixed(3);
  return t % 3 === 0 ? String(t / 3) : `${t}/3`;
}

/** 3072 → 3{,}072 for TeX. */
const thousands = (v: number) => groupDigits(v, '{,}');

/** Output size of a convolution or pooling window: (N + 2P − F)/S + 1 before the floor. */
const rawSize = (n: number, f: number, s: number, p = 0) => (n + 2 * p - f) / s + 1;

/** The notes' pooling example (a single depth slice) and both poolings with F = 2, S = 2. */
const POOL_INPUT = [
  [3, 1, 3, 5],
  [6, 0, 7, 9],
  [3, 2, 1, 4],
  [0, 2, 4, 3],
];
function pool(x: number[][], f: number, s: number, kind: 'max' | 'avg'): number[][] {
  const n = Math.floor(rawSize(x.length, f, s));
  return Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => {
      const window = x.slice(i * s, i * s + f).flatMap((row) => row.slice(j * s, j * s + f));
      return kind === 'max' ? Math.max(...window) : window.reduce((a, b) => a + b, 0) / window.length;
    }),
  );
}
const MAX_POOLED = pool(POOL_INPUT, 2, 2, 'max');
const AVG_POOLED = pool(POOL_INPUT, 2, 2, 'avg');

function Grid({ values, caption, highlight }: { values: number[][]; caption: string; highlight?: boolean }) {
  return (
    <table className={`notes-table${highlight ? ' notes-pool-out' : ''}`}>
      <caption>{caption}</caption>
      <tbody>
        {values.map((row, i) => (
          <tr key={i}>
            {row.map((v, j) => (
              <td key={j}>{v}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** One conv layer's parameter count: K filters of F×F×D weights plus one bias each. */
const convParams = (k: number, f: number, d: number) => k * (f * f * d + 1);

function WhyConvolutions() {
  const tiny = 32 * 32 * 3;
  const photo = 1000 * 1000 * 3;
  return (
    <>
      <Section id="fc-on-images" title="Problems with fully connected layers on images">
        <p>
          A fully connected layer connects every input to every hidden unit. For a tiny 32×32 colour image that is already{' '}
          <Tex math={`32 \\cdot 32 \\cdot 3 = ${thousands(tiny)}`} /> weights for <em>each</em> hidden
          unit; for an ordinary 1000×1000 photo it is {(photo / 1e6).toFixed(0)} million weights per unit, and a layer of 1,000 units would
          need {(photo * 1000 / 1e9).toFixed(0)} billion.
        </p>
        <p>
          Why not just stack more fully connected layers and let depth sort it out? Because there is <strong>no structure</strong>: it is
          brute force. We cannot make networks arbitrarily complex — optimisation becomes hard and performance plateaus or even drops. What
          we want instead is a layer that <strong>restricts the degrees of freedom</strong> by building in structure: <strong>weight
          sharing</strong>, the same weights used for different parts of the image. That layer is the convolution, and networks built from it
          dominate computer vision.
        </p>
      </Section>
      <Section id="convolutions" title="What are convolutions?">
        <p>
          A convolution applies a filter to a function. The smaller of the two is called the <strong>filter kernel</strong>. In one
          dimension, for a signal <Tex math="f" /> and a kernel <Tex math="g" />:
        </p>
        <Tex display math={String.raw`(f * g)(t) = \int_{-\infty}^{\infty} f(\tau)\, g(t - \tau)\, d\tau \qquad (f * g)[n] = \sum_{m} f[m]\, g[n - m]`} />
        <p>
          Slide the (flipped) kernel along the signal and, at each position, sum the products. With the box kernel{' '}
          <Tex math={String.raw`g = [\tfrac13, \tfrac13, \tfrac13]`} /> every output is the mean of three neighbours — a smoothing filter.
          Computed over the positions where the kernel fits entirely (no padding), the signal of ten values gives eight:
        </p>
        <table className="notes-table" data-testid="conv1d-example">
          <tbody>
            <tr>
              <th scope="row">
                <Tex math="f" />
              </th>
              {SIGNAL.map((v, i) => (
                <td key={i}>{v}</td>
              ))}
            </tr>
            <tr>
              <th scope="row">
                <Tex math="f * g" />
              </th>
              <td aria-hidden="true" />
              {SMOOTHED.map((v, i) => (
                <td key={i}>{thirds(v)}</td>
              ))}
              <td aria-hidden="true" />
            </tr>
          </tbody>
        </table>
        <p>
          For example <Tex math={String.raw`\tfrac13(4 + 3 + 2) = 3`} /> and <Tex math={String.raw`\tfrac13(3 + 5 + 2) = \tfrac{10}{3}`} />. The
          two ends have no full neighbourhood; keeping them needs a rule for the missing values — padding, below. (Deep-learning libraries
          compute the cross-correlation, <Tex math={String.raw`\sum_m f[n + m]\, g[m]`} />, without the flip. Since the kernel is learned,
          the difference does not matter, and the word "convolution" is used for both.)
        </p>
      </Section>
      <Section id="image-filters" title="Image filters">
        <p>
          On an image the kernel is a small 2-D grid, slid over every pixel. <strong>Each kernel gives a different image filter</strong>:
        </p>
        <div className="notes-grids">
          <Tex math={String.raw`\text{edges: }\begin{bmatrix} -1 & -1 & -1 \\ -1 & 8 & -1 \\ -1 & -1 & -1 \end{bmatrix}`} />
          <Tex math={String.raw`\text{box mean: }\tfrac19\begin{bmatrix} 1 & 1 & 1 \\ 1 & 1 & 1 \\ 1 & 1 & 1 \end{bmatrix}`} />
          <Tex math={String.raw`\text{Gaussian blur: }\tfrac1{16}\begin{bmatrix} 1 & 2 & 1 \\ 2 & 4 & 2 \\ 1 & 2 & 1 \end{bmatrix}`} />
          <Tex math={String.raw`\text{sharpen: }\begin{bmatrix} 0 & -1 & 0 \\ -1 & 5 & -1 \\ 0 & -1 & 0 \end{bmatrix}`} />
        </div>
        <p>
          The edge kernel sums to 0, so flat regions give 0 and only changes survive; the blur kernels sum to 1, so flat regions keep their
          value. A CNN does not hand-pick such kernels: it <em>learns</em> them.
        </p>
      </Section>
    </>
  );
}

function ConvLayer() {
  const rgbOut = rawSize(32, 5, 1);
  const slideParams = convParams(10, 5, 3);
  return (
    <>
      <Section id="rgb-convolutions" title="Convolutions on RGB images">
        <p>
          A colour image is a volume, for example <Tex math="32 \times 32 \times 3" /> (width, height, and the three colour channels of the
          pixels <Tex math="\mathbf{x}" />). A filter always covers the <strong>full depth</strong> of its input: a 5×5 filter on this image
          is <Tex math="5 \times 5 \times 3" />. At each position it takes the dot product of its 75 weights with the 75 pixel values under
          it, plus a bias, and gives <strong>one</strong> number:
        </p>
        <Tex display math={String.raw`z_{ij} = \sum_{c=1}^{3} \sum_{u=1}^{5} \sum_{v=1}^{5} w_{c,u,v}\, x_{c,\,i+u-1,\,j+v-1} + b`} />
        <p>
          Sliding the filter over all positions gives an <strong>activation map</strong> (also called a feature map) of size{' '}
          <Tex math={`${rgbOut} \\times ${rgbOut} \\times 1`} />: one channel, whatever the input depth.
        </p>
      </Section>
      <LabSlot id="filters" title="Image filters and activation maps" lab={FiltersLab} />
      <Section id="conv-layer" title="The convolution layer">
        <p>
          A convolution layer applies several filters to the same input and stacks their activation maps. Five filters of{' '}
          <Tex math="5 \times 5 \times 3" /> on the <Tex math="32 \times 32 \times 3" /> image give a <Tex math={`${rgbOut} \\times ${rgbOut} \\times 5`} />{' '}
          volume. A basic layer is defined by
        </p>
        <ul>
          <li>the filter width and height (the depth is implied by the input), and</li>
          <li>the number of different filter banks — sets of weights, one per output channel.</li>
        </ul>
        <p>
          Each filter captures a different image characteristic: horizontal edges, vertical edges, circles, squares, … The number of
          parameters does not depend on the image size: five such filters have <Tex math={`5 \\cdot (5 \\cdot 5 \\cdot 3 + 1) = ${convParams(5, 5, 3)}`} />{' '}
          weights and biases — against 3,072 for <em>one</em> fully connected unit on the same image.
        </p>
      </Section>
      <Section id="stride-output-size" title="Output size and stride">
        <p>
          The <strong>stride</strong> <Tex math="S" /> is how far the filter moves between positions. A 3×3 filter on a 7×7 input fits 5
          times along a row with stride 1 and 3 times with stride 2. With stride 3 it does not really fit: after two positions a remainder is
          left. For an <Tex math="N \times N" /> input and an <Tex math="F \times F" /> filter the output is
        </p>
        <Tex display math={String.raw`\left(\frac{N - F}{S} + 1\right) \times \left(\frac{N - F}{S} + 1\right)`} />
        <Tex
          display
          math={String.raw`N = 7, F = 3:\quad S = 1: \tfrac{7-3}{1} + 1 = ${rawSize(7, 3, 1)} \qquad S = 2: \tfrac{7-3}{2} + 1 = ${rawSize(7, 3, 2)} \qquad S = 3: \tfrac{7-3}{3} + 1 = 2.\bar{3}`}
        />
        <p>
          A fraction means the filter does not tile the input: <strong>such a stride is illegal</strong> for this input and filter size.
        </p>
      </Section>
      <Section id="padding" title="Padding">
        <p>
          Without padding, sizes get small too quickly (every 3×3 layer removes a ring of pixels), and a corner pixel is used only once
          while a central one is used nine times. <strong>Padding</strong> adds a border of <Tex math="P" /> pixels around the input — most
          commonly zeros. A 7×7 input padded with <Tex math="P = 1" /> becomes 9×9, and a 3×3 filter with stride 1 gives back a{' '}
          <Tex math={`${rawSize(7, 3, 1, 1)} \\times ${rawSize(7, 3, 1, 1)}`} /> output. In general
        </p>
        <Tex
          display
          math={String.raw`\left(\left\lfloor \frac{N + 2P - F}{S} \right\rfloor + 1\right) \times \left(\left\lfloor \frac{N + 2P - F}{S} \right\rfloor + 1\right)`}
        />
        <p>
          where <Tex math="\lfloor\cdot\rfloor" /> is the floor: in practice an integer division is performed, and leftover rows and columns
          are simply not visited. Two types of convolution are named after their padding:
        </p>
        <ul>
          <li>
            <strong>valid</strong> convolution: no padding, <Tex math="P = 0" />;
          </li>
          <li>
            <strong>same</strong> convolution: the output has the input's size, with <Tex math="P = \frac{F - 1}{2}" /> (for odd{' '}
            <Tex math="F" /> and <Tex math="S = 1" />).
          </li>
        </ul>
        <p data-testid="conv-layer-example">
          A worked example: a <Tex math="32 \times 32 \times 3" /> input, 10 filters of 5×5, stride 1, padding 2 gives{' '}
          <Tex math={String.raw`\left\lfloor \tfrac{32 + 2\cdot 2 - 5}{1} \right\rfloor + 1 = ${rawSize(32, 5, 1, 2)}`} />, so a{' '}
          <Tex math={`${rawSize(32, 5, 1, 2)} \\times ${rawSize(32, 5, 1, 2)} \\times 10`} /> output, from{' '}
          <Tex math={`10 \\cdot (5 \\cdot 5 \\cdot 3 + 1) = ${slideParams}`} /> parameters.
        </p>
      </Section>
      <LabSlot id="conv-arith" title="Convolution arithmetic" lab={ConvArithLab} />
    </>
  );
}

function Pooling() {
  return (
    <>
      <Section id="cnn-prototype" title="A CNN prototype and its learned filters">
        <p>
          A ConvNet is a concatenation of convolution layers and activations — conv, ReLU, conv, ReLU, … — with the depth of the volume
          growing as its width and height shrink. Trained on images, the filters of the first layer come out as oriented edges, colour blobs
          and simple textures; the deeper layers, seeing larger regions, respond to more complex patterns built from those. The CNN lab below
          shows the first layer's filters of a network you train yourself.
        </p>
      </Section>
      <Section id="max-pooling" title="Max pooling">
        <p>
          A pooling layer shrinks each activation map on its own. <strong>Max pooling</strong> keeps the largest value of each window — on a
          single depth slice, with 2×2 windows and stride 2:
        </p>
        <div className="notes-grids" data-testid="max-pool-example">
          <Grid values={POOL_INPUT} caption="Input (one depth slice)" />
          <Grid values={MAX_POOLED} caption="Max pool, F = 2, S = 2" highlight />
        </div>
        <p>
          The convolution layer does <strong>feature extraction</strong> (it computes a feature in a given region); the pooling layer does{' '}
          <strong>feature selection</strong> (it picks the strongest activation in a region). For an input volume{' '}
          <Tex math="W_{in} \times H_{in} \times D_{in}" /> and two hyperparameters, the spatial extent <Tex math="F" /> and the stride{' '}
          <Tex math="S" />, the output volume is
        </p>
        <Tex
          display
          math={String.raw`W_{out} = \left\lfloor\frac{W_{in} - F}{S}\right\rfloor + 1, \qquad H_{out} = \left\lfloor\frac{H_{in} - F}{S}\right\rfloor + 1, \qquad D_{out} = D_{in}`}
        />
        <p>
          Pooling has no parameters: it is a fixed function. Common settings are <Tex math="F = 2, S = 2" /> and the overlapping{' '}
          <Tex math="F = 3, S = 2" />.
        </p>
        <Erratum>
          the notes give the pooling size without the floor. With their own common setting <Tex math="F = 3, S = 2" /> on the 4×4 example
          that is <Tex math={`\\tfrac{4 - 3}{2} + 1 = ${rawSize(4, 3, 2)}`} />: as for convolutions the division is an integer one, so the
          output is 1×1 (some libraries offer a ceiling mode, which would give 2×2).
        </Erratum>
      </Section>
      <Section id="average-pooling" title="Average pooling">
        <p>
          <strong>Average pooling</strong> takes the mean of each window instead. On the same slice:
        </p>
        <div className="notes-grids" data-testid="avg-pool-example">
          <Grid values={POOL_INPUT} caption="Input (one depth slice)" />
          <Grid values={AVG_POOLED} caption="Average pool, F = 2, S = 2" highlight />
        </div>
        <p>
          For example <Tex math={String.raw`\tfrac14(3 + 1 + 6 + 0) = 2.5`} />. Average pooling is typically used deeper in the network — most
          often as a global average over each whole map just before the classifier.
        </p>
      </Section>
      <LabSlot id="pooling" title="Max and average pooling" lab={PoolingLab} />
      <Section id="fc-head-and-comparison" title="The fully connected head; convolutions against FC layers">
        <p>
          Finally come <strong>fully connected layers</strong>, the same as in the ordinary networks of the earlier lectures: one or two of
          them make the final decision from the features the convolutions extracted. The prototype is therefore conv → ReLU → (pool) →
          … → FC → softmax.
        </p>
        <p>
          In contrast to fully connected layers, convolutions <strong>restrict the degrees of freedom</strong>. A fully connected layer is
          somewhat brute force; a convolution is structured. It slides a window with the <em>same</em> filter parameters over the image —
          weight sharing — and so extracts the same feature independent of its location. The lab trains such a network on real digits and
          counts where its parameters sit.
        </p>
      </Section>
      <LabSlot id="cnn-mnist" title="A CNN trained live on MNIST" lab={CnnMnistLab} />
      <Section id="receptive-fields" title="Receptive field">
        <p>
          The <strong>receptive field</strong> of a unit is the spatial extent of its connectivity: the region of the input it can see. One
          3×3 convolution gives a 3×3 receptive field — one output pixel is connected to 9 input pixels. Stacking layers widens it: two 3×3
          layers see 5×5 input pixels and three see 7×7, the same as a single 7×7 convolution but with fewer parameters (
          <Tex math="3 \cdot 3^2 C^2 = 27C^2" /> against <Tex math="7^2 C^2 = 49C^2" /> for <Tex math="C" /> channels) and more
          non-linearities in between. Strides and pooling make it grow faster: layer by layer,
        </p>
        <Tex display math={String.raw`r_l = r_{l-1} + (F_l - 1)\, j_{l-1}, \qquad j_l = j_{l-1}\, S_l, \qquad r_0 = j_0 = 1`} />
        <p>
          where <Tex math="r_l" /> is the receptive field after layer <Tex math="l" /> and <Tex math="j_l" /> the distance, in input pixels,
          between neighbouring units of that layer. Three 3×3 layers with stride 1: <Tex math={`r_3 = 1 + 2 + 2 + 2 = ${texNum(1 + 2 + 2 + 2)}`} />.
        </p>
      </Section>
      <LabSlot id="receptive-field" title="Receptive fields" lab={ReceptiveFieldLab} />
    </>
  );
}

export default function Lecture09(_props: LecturePageProps) {
  return (
    <div className="lecture-page">
      <p className="lead">
        Images have structure that fully connected layers ignore: nearby pixels belong together, and a cat is a cat anywhere in the frame.
        Convolutions build that structure in — small filters, shared across the image — and with pooling and a fully connected head they make
        the convolutional network. The labs compute every size by hand, filter real photos and train a CNN on real digits in the browser.
      </p>
      <WhyConvolutions />
      <ConvLayer />
      <Pooling />
      <SelfCheck lecture="09-cnn" />
    </div>
  );
}
