/**
 * Lecture 10 — Convolutional Neural Networks II, in the lecture's order: the classic architectures
 * (LeNet, ImageNet and the top-1/top-5 metrics, AlexNet, VGG), skip connections (the problem of depth,
 * residual blocks, ResNet, why it works), 1×1 convolutions, Inception, Xception and depthwise-separable
 * convolutions, fully convolutional networks, upsampling, and U-Net.
 * Worked numbers (LeNet's shapes and parameters, the 1×1 and Inception costs) are computed here.
 */
import { lazy } from 'react';
import type { LecturePageProps } from '../../app/registry';
import { Erratum, Section } from '../../components/LectureParts';
import { Tex } from '../../components/Tex';
import { LabSlot } from '../../labs/LabSlot';
import SelfCheck from '../../selfcheck/SelfCheck';
import { groupDigits } from '../../charts/format';

const ArchitecturesLab = lazy(() => import('./labs/architectures/ArchitecturesLab').then((m) => ({ default: m.ArchitecturesLab })));
const ResnetLab = lazy(() => import('./labs/resnet/ResnetLab').then((m) => ({ default: m.ResnetLab })));
const ConvVariantsLab = lazy(() => import('./labs/conv-variants/ConvVariantsLab').then((m) => ({ default: m.ConvVariantsLab })));
const UpsamplingLab = lazy(() => import('./labs/upsampling/UpsamplingLab').then((m) => ({ default: m.UpsamplingLab })));
const SegmentationLab = lazy(() => import('./labs/segmentation/SegmentationLab').then((m) => ({ default: m.SegmentationLab })));

/** 1234567 → 1{,}234{,}567 for TeX; 1,234,567 for text. */
const tex = (v: number) => groupDigits(v, '{,}');
const txt = (v: number) => v.toLocaleString('en-GB');

interface LeNetRow {
  layer: string;
  shape: string;
  params: number;
}
/** LeNet-5 (valid 5×5 convolutions, 2×2 average pooling), its output shapes and parameters from the layer definitions. */
function lenet(): LeNetRow[] {
  const rows: LeNetRow[] = [{ layer: 'Input', shape: '32 × 32 × 1', params: 0 }];
  let side = 32;
  let depth = 1;
  const conv = (k: number, f: number) => {
    const params = k * (f * f * depth + 1);
    side = side - f + 1;
    depth = k;
    rows.push({ layer: `Conv ${f}×${f}, ${k} filters`, shape: `${side} × ${side} × ${depth}`, params });
  };
  const pool = () => {
    side = side / 2;
    rows.push({ layer: 'Avg pool 2×2, stride 2', shape: `${side} × ${side} × ${depth}`, params: 0 });
  };
  const fc = (n: number) => {
    const inputs = side * side * depth;
    rows.push({ layer: `FC ${n}`, shape: `${n}`, params: n * (inputs + 1) });
    side = 1;
    depth = n;
  };
  conv(6, 5);
  pool();
  conv(16, 5);
  pool();
  conv(120, 5);
  fc(84);
  fc(10);
  return rows;
}
const LENET = lenet();
const LENET_TOTAL = LENET.reduce((a, r) => a + r.params, 0);

/** The classic 1×1 / Inception cost example: 28×28×192 in, 5×5 same convolution to 32 channels. */
const HW = 28 * 28;
const NAIVE_5x5 = HW * 32 * 5 * 5 * 192;
const BOTTLENECK_1x1 = HW * 16 * 192;
const AFTER_5x5 = HW * 32 * 5 * 5 * 16;

function Classic() {
  return (
    <>
      <Section id="lenet" title="LeNet">
        <p>
          LeNet recognised handwritten digits — 10 classes. Its layout, <strong>conv → pool → conv → pool → conv → FC</strong>, set the pattern
          that every later network in this lecture follows: as we go deeper, <strong>width and height go down while the number of filters
          goes up</strong>. It used valid convolutions, average pooling (max pooling is much more common today) and tanh/sigmoid activations
          (not common now either). With the usual layer sizes:
        </p>
        <table className="notes-table notes-table-left" data-testid="lenet-table">
          <thead>
            <tr>
              <th scope="col">Layer</th>
              <th scope="col">Output</th>
              <th scope="col">Parameters</th>
            </tr>
          </thead>
          <tbody>
            {LENET.map((r) => (
              <tr key={r.layer}>
                <td>{r.layer}</td>
                <td>{r.shape}</td>
                <td>{txt(r.params)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row" colSpan={2}>
                Total
              </th>
              <td>
                <strong>{txt(LENET_TOTAL)}</strong>
              </td>
            </tr>
          </tbody>
        </table>
        <p>
          About 60k parameters, as the notes say; the last convolution already sees a 5×5 map, so it is a fully connected layer in disguise.
        </p>
      </Section>
      <Section id="benchmarks-metrics" title="ImageNet and top-1/top-5 error">
        <p>
          The benchmark of the following architectures is ImageNet, through the ImageNet Large Scale Visual Recognition Challenge (ILSVRC):
          over a million training photos in 1,000 classes. Two scores are common:
        </p>
        <ul>
          <li>
            <strong>Top-1</strong>: is the sample's top class (the one with the highest probability) its target label?
          </li>
          <li>
            <strong>Top-5</strong>: is the label among the five classes with the highest probabilities?
          </li>
        </ul>
        <p>
          The <strong>top-5 error</strong> is the percentage of test samples whose correct class is <em>not</em> among the top five
          predictions (and the top-1 error likewise with one). With 1,000 classes, many of them similar dog breeds, top-5 forgives a plausible
          confusion.
        </p>
      </Section>
      <Section id="alexnet" title="AlexNet">
        <p>
          AlexNet cut the ImageNet error in half in 2012. It is similar to LeNet, but much bigger — about 60M parameters, roughly 1,000
          times as many — with ReLU instead of tanh/sigmoid, same convolutions after the first layer, a softmax over 1,000 classes, and
          again width and height going down as the number of filters goes up.
        </p>
      </Section>
      <Section id="vggnet" title="VGGNet">
        <p>
          VGG strives for simplicity: every convolution is <strong>3×3, stride 1, same</strong>, every max pool is <strong>2×2, stride 2</strong>.
          The pattern is the familiar conv → pool → conv → pool → … → FC, the channels doubling (64, 128, 256, 512) as each pool halves
          the width and height. VGG-16 has 16 layers with weights and about 138M parameters — large, but its simplicity makes it appealing,
          and it was used to analyse many architectural choices. The lab computes all of these tables from their layer definitions.
        </p>
      </Section>
      <LabSlot id="architectures" title="Classic architectures" lab={ArchitecturesLab} />
    </>
  );
}

function Residual() {
  return (
    <>
      <Section id="depth-problem" title="The problem of depth">
        <p>
          As we add more and more layers, training becomes harder: the gradients that reach the early layers are products of many factors,
          and they vanish or explode. How can we train very deep networks? Plain stacking does not: beyond some depth, even the{' '}
          <em>training</em> error of a plain network gets worse — not overfitting, but an optimisation failure.
        </p>
      </Section>
      <Section id="residual-block" title="Residual blocks">
        <p>Two ordinary layers compute</p>
        <Tex
          display
          math={String.raw`x^{L-1} \xrightarrow{\text{linear}} W^L x^{L-1} + b^L \xrightarrow{\text{non-linearity}} x^L = f(W^L x^{L-1} + b^L) \xrightarrow{\ \ } x^{L+1} = f(W^{L+1} x^L + b^{L+1})`}
        />
        <p>
          A <strong>residual block</strong> adds a skip connection that carries the input around the two layers and adds it before the last
          non-linearity:
        </p>
        <Tex display math={String.raw`x^{L+1} = f\big(W^{L+1} x^L + b^{L+1} + x^{L-1}\big)`} />
        <p>
          The addition needs <Tex math="x^{L-1}" /> and <Tex math="W^{L+1}x^L" /> to have the same dimensions, which is why residual blocks
          usually use same convolutions; otherwise the skip converts the dimensions with a matrix of learned weights (a 1×1 convolution) or
          with zero padding.
        </p>
      </Section>
      <Section id="resnet-section" title="ResNet">
        <p>
          ResNet stacks residual blocks — 152 layers in ResNet-152, with about 60M parameters. The training recipe of the paper:
        </p>
        <ul>
          <li>Xavier/2 initialisation (Kaiming's variance <Tex math="2/n" />, twice Xavier's <Tex math="1/n" />, for ReLU),</li>
          <li>SGD with momentum 0.9, learning rate 0.1 divided by 10 when the error plateaus, minibatches of 256,</li>
          <li>weight decay <Tex math="10^{-4}" />, and no dropout (batch norm after every convolution).</li>
        </ul>
        <Erratum>
          the notes list a weight decay of <Tex math="10^{-5}" />; the ResNet paper (He et al., 2015) uses <Tex math="10^{-4}" /> (0.0001).
        </Erratum>
        <p>
          With plain networks, making the network deeper degrades performance at some point; with residual blocks the deeper network keeps
          improving.
        </p>
      </Section>
      <Section id="why-resnet-works" title="Why does ResNet work?">
        <p>
          How does the block affect the network? If the weights of the block's layers are zero (weight decay pushes towards that), the block
          keeps the values that came in and only adds a non-linearity: <Tex math="x^{L+1} = f(x^{L-1})" /> — the identity for a ReLU, whose
          inputs here are already non-negative. So the identity is <strong>easy</strong> for a residual block to learn, while a plain layer
          has to find exactly <Tex math="W = I" />. A residual network can therefore always represent its shallower self, and the skips give
          gradients a direct path back to the early layers.
        </p>
        <Erratum>
          the notes say a residual block is "guaranteed" not to hurt performance. What holds is weaker: since it can represent the identity,
          adding a block cannot make the <em>best achievable</em> training loss worse. Whether the optimiser finds that solution, and whether
          the test error improves, is not guaranteed — in practice it usually does, as the lab below shows.
        </Erratum>
      </Section>
      <LabSlot id="resnet" title="Plain against residual networks" lab={ResnetLab} />
    </>
  );
}

function Efficient() {
  return (
    <>
      <Section id="one-by-one-convolutions" title="1×1 convolutions">
        <p>
          A 1×1 convolution looks at one pixel at a time, across all its channels: it is a small fully connected layer applied at every
          pixel, with the same weights everywhere. It leaves width and height unchanged and changes the number of channels — a{' '}
          <Tex math="32 \times 32 \times 200" /> volume and 32 filters of <Tex math="1 \times 1 \times 200" /> give{' '}
          <Tex math="32 \times 32 \times 32" />. With a non-linearity after it, it also adds depth cheaply. It is the standard way to shrink
          (or expand) the channel count before an expensive convolution.
        </p>
      </Section>
      <Section id="inception" title="The Inception layer">
        <p>
          Which filter size should a layer use — 1×1, 3×3, 5×5 or a pooling? The <strong>Inception layer</strong> uses all of them in parallel
          (same padding, stride 1) and concatenates their outputs along the channels. Computed naively this is expensive, so each expensive
          branch first shrinks the channels with a 1×1 convolution, a <em>bottleneck</em>. The classic example: a{' '}
          <Tex math="28 \times 28 \times 192" /> input and a 5×5 same convolution to 32 channels costs
        </p>
        <Tex display math={String.raw`28 \cdot 28 \cdot 32 \cdot (5 \cdot 5 \cdot 192) = ${tex(NAIVE_5x5)}\ \text{multiplications,}`} />
        <p data-testid="inception-cost">
          while a 1×1 bottleneck to 16 channels first costs <Tex math={String.raw`28 \cdot 28 \cdot 16 \cdot 192 = ${tex(BOTTLENECK_1x1)}`} />{' '}
          and the 5×5 convolution then <Tex math={String.raw`28 \cdot 28 \cdot 32 \cdot (5 \cdot 5 \cdot 16) = ${tex(AFTER_5x5)}`} />: in total{' '}
          {txt(BOTTLENECK_1x1 + AFTER_5x5)}, about {Math.round(NAIVE_5x5 / (BOTTLENECK_1x1 + AFTER_5x5))} times fewer, for the same output
          shape.
        </p>
      </Section>
      <Section id="xception-depthwise" title="Xception and depthwise-separable convolutions">
        <p>
          Xception is the "extreme version of Inception": it replaces normal convolutions by (modified) <strong>depthwise-separable</strong>{' '}
          convolutions — 36 convolution layers structured into modules with skip connections — and outperforms Inception V3.
        </p>
        <p>
          A <strong>depthwise</strong> convolution applies each filter only to its own slice of the input's depth, instead of to all
          channels. In PyTorch this is the <code>groups</code> argument of
        </p>
        <pre className="notes-code">
          <code>{`torch.nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, groups=1)
torch.nn.ConvTranspose2d(in_channels, out_channels, kernel_size, stride=1, padding=0, groups=1)`}</code>
        </pre>
        <p>
          Normal convolutions have <code>groups=1</code>: every filter sees every input channel. With <code>groups=3</code> on a 3-channel
          input each filter sees one channel, and the depth of the output stays the same as the input's. A 1×1 ("pointwise") convolution
          afterwards mixes the channels again; depthwise followed by pointwise is the depthwise-separable convolution, with far fewer
          parameters and multiplications than one full <Tex math="k \times k" /> convolution.
        </p>
      </Section>
      <LabSlot id="conv-variants" title="1×1, Inception and depthwise-separable convolutions" lab={ConvVariantsLab} />
    </>
  );
}

function Dense() {
  return (
    <>
      <Section id="fully-convolutional" title="Fully convolutional networks">
        <p>
          A classification network ends in fully connected layers that throw away where things are. A <strong>fully convolutional network</strong>{' '}
          (FCN) converts those fully connected layers into convolutions (an FC layer on a <Tex math="7 \times 7 \times 512" /> map is a{' '}
          7×7 convolution; the following ones are 1×1 convolutions). The network then accepts any input size and outputs a coarse{' '}
          <em>map</em> of class scores instead of one vector. For <strong>semantic segmentation</strong> — a class for every pixel — that
          coarse map must be brought back to the input size.
        </p>
      </Section>
      <Section id="upsampling-types" title="Types of upsampling">
        <ol>
          <li>
            <strong>Interpolation</strong>: nearest neighbour (each value copied into a block) or bilinear (weighted by distance) — fixed,
            nothing learned. Blown up 10 times, an image looks blocky or blurred.
          </li>
          <li>
            <strong>Transposed convolution</strong>: either <em>unpooling</em> (values put back where the max pool took them, zeros elsewhere)
            or a <em>learned</em> convolutional filter, where each input value scatters a weighted copy of the kernel into the output. Also
            called up-convolution — never "deconvolution", which is the inverse of a convolution and a different thing. Its output size is{' '}
            <Tex math="(N - 1)\,S - 2P + F" />.
          </li>
        </ol>
        <p>
          A cascade of unpooling and convolution gives the <strong>encoder–decoder</strong> architecture; more refined still are
          autoencoders with skip connections, the U-Net.
        </p>
      </Section>
      <LabSlot id="upsampling" title="Upsampling" lab={UpsamplingLab} />
      <Section id="u-net" title="U-Net">
        <p>
          The U-Net draws its feature maps as boxes on a U: the number of channels above each box, its width and height beside it, and the
          copied encoder maps as extra boxes in the decoder.
        </p>
        <p>
          <strong>Left side, the contraction path (encoder)</strong>, captures the context of the image and is a typical CNN: repeated
          pairs of unpadded 3×3 convolutions, each followed by a ReLU, then a 2×2 max pool with stride 2 for downsampling. At each downsampling
          step the number of channels doubles — height and width go down, depth goes up.
        </p>
        <p>
          <strong>Right side, the expansion path (decoder)</strong>, upsamples to recover the spatial locations needed to give each pixel a
          class: a 2×2 up-convolution that halves the channels; a <strong>skip connection</strong> concatenating the matching encoder feature
          map; then two ordinary 3×3 convolutions. A final 1×1 convolution maps the 64 channels to the number of classes. Height and width go
          up, depth goes down. The skips hand the decoder the fine detail that the encoder's pooling threw away — the lab trains a small U-Net
          with and without them.
        </p>
      </Section>
      <LabSlot id="segmentation" title="A mini U-Net for segmentation" lab={SegmentationLab} />
    </>
  );
}

export default function Lecture10(_props: LecturePageProps) {
  return (
    <div className="lecture-page">
      <p className="lead">
        From LeNet's 60 thousand parameters to ResNet's 152 layers: the classic architectures, the skip connection that made very deep
        networks trainable, cheaper convolutions (1×1, Inception, depthwise-separable), and networks that output an image — upsampling and
        the U-Net for segmentation.
      </p>
      <Classic />
      <Residual />
      <Efficient />
      <Dense />
      <SelfCheck lecture="10-cnn-2" />
    </div>
  );
}
