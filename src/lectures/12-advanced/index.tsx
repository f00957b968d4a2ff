/**
 * Lecture 12 — Advanced DL topics, in the lecture's order: graph neural networks (message passing),
 * generative models (autoencoders, VAEs, GANs, diffusion), reinforcement learning (MDPs), and the
 * course overview as a map of every lab. Worked numbers (the karate club's degree, the DDPM
 * schedule's ᾱ_T, the GAN's log 2, a discounted reward) are computed here.
 */
import { lazy } from 'react';
import type { LecturePageProps } from '../../app/registry';
import { Erratum, Section } from '../../components/LectureParts';
import { Tex } from '../../components/Tex';
import { LabSlot } from '../../labs/LabSlot';
import { CourseMap } from './CourseMap';
import SelfCheck from '../../selfcheck/SelfCheck';

const GnnLab = lazy(() => import('./labs/gnn/GnnLab').then((m) => ({ default: m.GnnLab })));
const AutoencoderLab = lazy(() => import('./labs/autoencoder/AutoencoderLab').then((m) => ({ default: m.AutoencoderLab })));
const GanLab = lazy(() => import('./labs/gan/GanLab').then((m) => ({ default: m.GanLab })));
const DiffusionLab = lazy(() => import('./labs/diffusion/DiffusionLab').then((m) => ({ default: m.DiffusionLab })));
const RlLab = lazy(() => import('./labs/rl/RlLab').then((m) => ({ default: m.RlLab })));

/** Zachary's karate club: 34 members, 78 friendships. */
const KARATE_NODES = 34;
const KARATE_EDGES = 78;
const MEAN_DEGREE = (2 * KARATE_EDGES) / KARATE_NODES;

/** DDPM's linear schedule: β from 10⁻⁴ to 0.02 over T = 1000 steps, and the ᾱ it reaches. */
const DDPM_T = 1000;
function ddpmAlphaBar(t: number): number {
  let ab = 1;
  for (let s = 1; s <= t; s++) ab *= 1 - (1e-4 + ((0.02 - 1e-4) * (s - 1)) / (DDPM_T - 1));
  return ab;
}
const ALPHA_BAR_T = ddpmAlphaBar(DDPM_T);
const ALPHA_BAR_HALF = ddpmAlphaBar(DDPM_T / 2);

/** A reward ten steps ahead, discounted with γ = 0.9. */
const GAMMA = 0.9;
const DISCOUNT_10 = GAMMA ** 10;

const sci = (v: number, d = 1) => v.toExponential(d).replace(/e([+-])(\d+)/, (_, s: string, e: string) => String.raw`\cdot 10^{${s === '-' ? '-' : ''}${e}}`);

function Graphs() {
  return (
    <>
      <Section id="graphs" title="Graphs and deep learning on graphs">
        <p>
          A graph is made of <strong>nodes</strong> — concepts — and <strong>edges</strong>, the connections between them: people and
          friendships, atoms and bonds, road junctions and roads. Graph neural networks generalise neural networks to such graph-structured
          domains (Scarselli et al. 2009; Kipf and Welling's graph convolutional networks; Gilmer et al.'s message passing for quantum
          chemistry, 2017; Battaglia et al.'s 2018 review of graph networks). Two challenges set them apart from images and sequences:
        </p>
        <ul>
          <li><strong>variable-sized inputs</strong> — every graph has its own number of nodes and edges;</li>
          <li>
            <strong>invariance to node permutations</strong> — the nodes have no natural order, so numbering them differently must not change
            the answer.
          </li>
        </ul>
        <p>
          The general idea: give every node (and edge) an embedding, and let neighbours exchange information through the edges, round after
          round, with functions whose weights are shared across the whole graph.
        </p>
      </Section>
      <Section id="message-passing" title="Message passing">
        <p>
          Each propagation round <Tex math="l" /> splits into two steps. First a <strong>node-to-edge</strong> update: every edge{' '}
          <Tex math="(i, j)" /> reads the embeddings of its two nodes and its own previous embedding,
        </p>
        <Tex display math={String.raw`h_{(i,j)}^{(l)} = \mathcal{N}_e\!\left(\big[h_i^{(l-1)},\, h_{(i,j)}^{(l-1)},\, h_j^{(l-1)}\big]\right),`} />
        <p>
          with <Tex math={String.raw`\mathcal{N}_e`} /> a learnable function (an MLP, say) shared by all edges. After it, each edge embedding
          knows about its pair of nodes. Then an <strong>edge-to-node</strong> update: node <Tex math="i" /> aggregates the embeddings of
          its edges with an <strong>order-invariant</strong> operation <Tex math={String.raw`\Phi`} /> — sum, mean or max — over its
          neighbours <Tex math="N_i" />, and combines the result with its own previous embedding through another shared MLP:
        </p>
        <Tex
          display
          math={String.raw`m_i^{(l)} = \Phi\!\left(\big\{ h_{(i,j)}^{(l)} \big\}_{j \in N_i}\right), \qquad h_i^{(l)} = \mathcal{N}_v\!\left(\big[m_i^{(l)},\, h_i^{(l-1)}\big]\right).`}
        />
        <p>
          The aggregation gives each node contextual information about its neighbours, and after <Tex math="L" /> rounds about everything
          within <Tex math="L" /> hops. Because <Tex math={String.raw`\Phi`} /> ignores order and the MLPs are shared, renumbering the nodes
          only renumbers the outputs — the permutation invariance the graph needs — and the same network runs on a graph of any size. The
          lab runs it on Zachary's karate club: {KARATE_NODES} members and {KARATE_EDGES} friendships (on average{' '}
          <Tex math={String.raw`2 \cdot ${KARATE_EDGES} / ${KARATE_NODES} \approx ${MEAN_DEGREE.toFixed(2)}`} /> friends each), a club that
          split into two after a quarrel between its instructor and its administrator. Knowing only which side those two leaders are on,
          can message passing tell everyone else's?
        </p>
      </Section>
      <LabSlot id="gnn" title="Message passing on the karate club" lab={GnnLab} />
      <Section id="gnn-applications" title="GNN applications">
        <ul>
          <li>node or edge classification — identifying anomalies such as spam or fraud, discovering relationships in social or search networks;</li>
          <li>modelling epidemiology, on spatio-temporal graphs;</li>
          <li>traffic forecasting;</li>
          <li>scene-graph generation;</li>
          <li>3D mesh generation.</li>
        </ul>
      </Section>
    </>
  );
}

function Generative() {
  return (
    <>
      <Section id="generative-models" title="Generative models">
        <p>
          Recall the fully convolutional networks of Lecture 10 (and SegNet, an encoder–decoder of the same kind): they map an image to an
          image. A <strong>generative model</strong> goes further — given training data, it learns to generate <em>new</em> samples from the
          same distribution.
        </p>
      </Section>
      <Section id="autoencoders" title="Autoencoders">
        <p>
          An autoencoder <strong>encodes</strong> the input into a small representation, the <strong>bottleneck</strong>, and{' '}
          <strong>reconstructs</strong> it with a decoder. It needs no labels — the input is its own target — so it is unsupervised learning,
          and the bottleneck forces it to keep what matters most about the data.
        </p>
      </Section>
      <Section id="variational-autoencoders" title="Variational autoencoders">
        <p>
          The goal of a variational autoencoder (VAE) is to <strong>sample from the latent space to generate new outputs</strong>. So the
          latent code is no longer a point but a distribution, specifically a Gaussian: the encoder outputs a mean{' '}
          <Tex math={String.raw`\mu(x)`} /> and a standard deviation <Tex math={String.raw`\sigma(x)`} />. Training uses a loss that keeps
          the reconstruction close to the input and the latent distribution close to a standard Gaussian; at test time we sample from the
          latent space and decode. With a KL weight <Tex math={String.raw`\beta`} /> (1 for the plain VAE),
        </p>
        <Tex
          display
          math={String.raw`\mathcal{L}(x) = \underbrace{-\log p_\theta(x \mid z)}_{\text{reconstruction}} + \beta\, \underbrace{D_{KL}\big(\mathcal{N}(\mu, \sigma^2 I) \,\|\, \mathcal{N}(0, I)\big)}_{= \frac12 \sum_k \left(\mu_k^2 + \sigma_k^2 - 1 - \log \sigma_k^2\right)}.`}
        />
        <p>
          The code fed to the decoder is drawn by the <strong>reparameterisation</strong>{' '}
          <Tex math={String.raw`z = \mu + \sigma \odot \varepsilon,\ \varepsilon \sim \mathcal{N}(0, I)`} />. It moves the randomness into{' '}
          <Tex math={String.raw`\varepsilon`} />, so the sample is a differentiable function of <Tex math={String.raw`\mu`} /> and{' '}
          <Tex math={String.raw`\sigma`} /> and backpropagation reaches the encoder. The KL term is zero only at{' '}
          <Tex math={String.raw`\mu = 0, \sigma = 1`} />; a code one unit off centre with <Tex math={String.raw`\sigma = 1`} /> costs{' '}
          <Tex math={String.raw`\tfrac12 \cdot 1^2 = 0.5`} /> nats.
        </p>
        <table className="notes-table notes-table-left">
          <thead>
            <tr>
              <th scope="col">Autoencoder (AE)</th>
              <th scope="col">Variational autoencoder (VAE)</th>
            </tr>
          </thead>
          <tbody>
            <tr><td>reconstructs its input</td><td>a probability distribution (a Gaussian) in latent space</td></tr>
            <tr><td>unsupervised learning</td><td>an interpretable latent space (in faces: head pose, smile)</td></tr>
            <tr><td>its codes can lie anywhere</td><td>sample from the model to generate output</td></tr>
          </tbody>
        </table>
      </Section>
      <LabSlot id="autoencoder" title="Autoencoder against VAE on MNIST" lab={AutoencoderLab} />
      <Section id="gans" title="Generative adversarial networks">
        <p>
          Take the decoder of an autoencoder on its own: fed a random code <Tex math="z" />, it is a generative model. A GAN trains such a
          decoder, the <strong>generator</strong> <Tex math="G" />, without any encoder — against a second network, the{' '}
          <strong>discriminator</strong> <Tex math="D" />, which sees real samples and generated ones and tries to tell them apart. The
          generator gets better by fooling it.
        </p>
      </Section>
      <Section id="gan-loss" title="GANs: the loss function">
        <p>The discriminator minimises the binary cross-entropy of telling real (label 1) from generated (label 0),</p>
        <Tex display math={String.raw`J^{(D)} = -\tfrac12\, \mathbb{E}_{x \sim p_{data}} \log D(x) \;-\; \tfrac12\, \mathbb{E}_{z} \log\big(1 - D(G(z))\big),`} />
        <p>
          and in the minimax game the generator's loss is its negative, <Tex math={String.raw`J^{(G)} = -J^{(D)}`} />: <Tex math="G" />{' '}
          minimises the probability that <Tex math="D" /> is correct. The equilibrium is a saddle point of the discriminator's loss, and{' '}
          <Tex math="D" /> provides the supervision — the gradients — for <Tex math="G" />. When <Tex math="D" /> can no longer tell,{' '}
          <Tex math={String.raw`D = \tfrac12`} /> everywhere and{' '}
          <Tex math={String.raw`J^{(D)} = -\tfrac12\log\tfrac12 - \tfrac12\log\tfrac12 = \log 2 \approx ${Math.LN2.toFixed(3)}`} />. In
          practice the minimax generator loss saturates — when <Tex math="D" /> easily rejects the fakes,{' '}
          <Tex math={String.raw`\log(1 - D(G(z)))`} /> is flat — so generators are usually trained with the non-saturating loss{' '}
          <Tex math={String.raw`-\tfrac12\,\mathbb{E}_z \log D(G(z))`} /> instead; the lab lets you compare both.
        </p>
        <p>
          GANs gave BigGAN (high-resolution images), StyleGAN (faces), CycleGAN (unpaired image-to-image translation), SPADE (GAN-based image
          editing) and Texturify (3D texture generation).
        </p>
      </Section>
      <LabSlot id="gan" title="A GAN on 2-D distributions" lab={GanLab} />
      <Section id="diffusion-models" title="Diffusion models">
        <p>
          Diffusion models are a class of generative models that reached state-of-the-art image generation (DALL·E 2, Imagen, Stable
          Diffusion). The idea: <strong>gradually add noise</strong> to an input image <Tex math="x_0" /> over a series of <Tex math="T" />{' '}
          time steps, and train a neural network to <strong>recover the original data</strong> — to undo the noise one step at a time.
        </p>
      </Section>
      <Section id="forward-diffusion" title="Forward diffusion">
        <p>
          The forward process is a Markov chain of <Tex math="T" /> steps, each depending only on the previous one, adding Gaussian noise to a
          sample <Tex math="x_0" /> from the real distribution <Tex math="q(x)" />:
        </p>
        <Tex
          display
          math={String.raw`q(x_{1:T} \mid x_0) = \prod_{t=1}^{T} q(x_t \mid x_{t-1}), \qquad x_t = \sqrt{1 - \beta_t}\, x_{t-1} + \sqrt{\beta_t}\, \epsilon_{t-1}.`}
        />
        <p>
          With <Tex math={String.raw`\alpha_t = 1 - \beta_t`} /> and <Tex math={String.raw`\bar\alpha_t = \prod_{s=1}^{t} \alpha_s`} />, two
          steps merge into one (a sum of independent Gaussians is Gaussian, and the variances add), and so do all of them:
        </p>
        <Tex
          display
          math={String.raw`\begin{aligned} x_t &= \sqrt{\alpha_t}\, x_{t-1} + \sqrt{1 - \alpha_t}\, \epsilon_{t-1} \\ &= \sqrt{\alpha_t \alpha_{t-1}}\, x_{t-2} + \sqrt{1 - \alpha_t \alpha_{t-1}}\, \bar\epsilon_{t-2} \\ &= \dots = \sqrt{\bar\alpha_t}\, x_0 + \sqrt{1 - \bar\alpha_t}\, \epsilon, \end{aligned} \qquad q(x_t \mid x_0) = \mathcal{N}\big(x_t;\ \sqrt{\bar\alpha_t}\, x_0,\ (1 - \bar\alpha_t) I\big).`}
        />
        <p>
          So any <Tex math="x_t" /> can be drawn from <Tex math="x_0" /> in one go. With DDPM's linear schedule (<Tex math={String.raw`\beta`} />{' '}
          from <Tex math={String.raw`10^{-4}`} /> to <Tex math="0.02" /> over <Tex math={`T = ${DDPM_T}`} /> steps),{' '}
          <Tex math={String.raw`\bar\alpha_{${DDPM_T / 2}} \approx ${ALPHA_BAR_HALF.toFixed(3)}`} /> and{' '}
          <Tex math={String.raw`\bar\alpha_{${DDPM_T}} \approx ${sci(ALPHA_BAR_T)}`} />: by the end only{' '}
          <Tex math={String.raw`\sqrt{\bar\alpha_T} \approx ${Math.sqrt(ALPHA_BAR_T).toFixed(4)}`} /> of the image is left, and{' '}
          <Tex math="x_T" /> is practically a standard Gaussian.
        </p>
        <Erratum>
          <Tex math={String.raw`\bar\alpha_t`} /> is the product from <Tex math="s = 1" /> (the notes start at <Tex math="s = 0" />, but there
          is no <Tex math={String.raw`\alpha_0`} />), and the chain's second line is{' '}
          <Tex math={String.raw`\sqrt{\alpha_t\alpha_{t-1}}\,x_{t-2} + \sqrt{1-\alpha_t\alpha_{t-1}}\,\bar\epsilon_{t-2}`} /> (the notes
          write <Tex math={String.raw`\sqrt{\alpha_t}\,x_{t-2} + \sqrt{1-\alpha_t}\,\epsilon_{t-2}`} />, which loses a factor).
        </Erratum>
      </Section>
      <Section id="reverse-diffusion" title="Reverse diffusion">
        <p>
          As <Tex math={String.raw`T \to \infty`} />, <Tex math="x_T" /> becomes a Gaussian. If we knew the reverse distribution{' '}
          <Tex math={String.raw`q(x_{t-1} \mid x_t)`} />, we could sample <Tex math={String.raw`x_T \sim \mathcal{N}(0, I)`} />, run the process
          backwards, and obtain a novel data point from the original distribution. We do not, so a parameterised model — a deep network —
          approximates it:
        </p>
        <Tex
          display
          math={String.raw`p_\theta(x_{t-1} \mid x_t) = \mathcal{N}\big(x_{t-1};\ \mu_\theta(x_t, t),\ \Sigma_\theta(x_t, t)\big), \qquad p_\theta(x_{0:T}) = p_\theta(x_T) \prod_{t=1}^{T} p_\theta(x_{t-1} \mid x_t).`}
        />
      </Section>
      <Section id="training-diffusion" title="Training a diffusion model">
        <p>Training minimises the negative log-likelihood of the data through its variational bound,</p>
        <Tex
          display
          math={String.raw`L_{VLB} = \mathbb{E}_q\Big[\underbrace{D_{KL}\big(q(x_T \mid x_0) \,\|\, p_\theta(x_T)\big)}_{L_T} + \sum_{t=2}^{T} \underbrace{D_{KL}\big(q(x_{t-1} \mid x_t, x_0) \,\|\, p_\theta(x_{t-1} \mid x_t)\big)}_{L_{t-1}} \underbrace{- \log p_\theta(x_0 \mid x_1)}_{L_0}\Big].`}
        />
        <p>
          Each <Tex math="L_{t-1}" /> compares two Gaussians, so it reduces to the distance between their means,{' '}
          <Tex math={String.raw`L_{t-1} \propto \lVert \tilde\mu_t(x_t, x_0) - \mu_\theta(x_t, t) \rVert^2`} />: the network predicts the mean of
          the diffusion posterior. Writing that mean through the noise, DDPM trains the network <Tex math={String.raw`\epsilon_\theta`} /> to
          predict the noise that was added, with the simple loss{' '}
          <Tex math={String.raw`\lVert \epsilon - \epsilon_\theta(\sqrt{\bar\alpha_t}\,x_0 + \sqrt{1-\bar\alpha_t}\,\epsilon,\ t) \rVert^2`} />.
          Input and output dimensions must match, the architecture is otherwise free, and for images it is commonly a U-Net. Applications:
          text to image, image inpainting and outpainting, text-to-3D neural radiance fields. (Lilian Weng's post on diffusion models has
          the derivations in full.)
        </p>
        <Erratum>
          the first term of <Tex math="L_{VLB}" /> is <Tex math={String.raw`D_{KL}\big(q(x_T \mid x_0) \,\|\, p_\theta(x_T)\big)`} />; the notes
          close the bracket of <Tex math={String.raw`q`} /> after <Tex math={String.raw`p_\theta(x_T)`} />.
        </Erratum>
      </Section>
      <LabSlot id="diffusion" title="Diffusion, forward and reverse" lab={DiffusionLab} />
    </>
  );
}

function Reinforcement() {
  return (
    <>
      <Section id="reinforcement-learning" title="Reinforcement learning">
        <p>
          Besides supervised and unsupervised learning there is a third paradigm. A reinforcement-learning agent is trained with carrot and
          stick: good behaviour is encouraged by rewards, bad behaviour discouraged by punishment. The <strong>agent</strong> acts on an{' '}
          <strong>environment</strong>; at each step it sees an observation <Tex math="o_t" />, takes an action <Tex math="a_t" />, and
          receives a reward <Tex math="r_t" /> and the next observation, both functions of the current observation and action only. What
          makes it different:
        </p>
        <ul>
          <li>sequential, non-i.i.d. data — time matters;</li>
          <li>actions affect the environment, and so change the future input;</li>
          <li>there is no supervisor: the target is approximated by the reward signal.</li>
        </ul>
      </Section>
      <Section id="history-and-state" title="History, state and the Markov assumption">
        <p>The agent decides from the history of observations, actions and rewards up to time step <Tex math="t" />,</p>
        <Tex display math={String.raw`h_t = o_1, a_1, r_1, \dots, a_{t-1}, r_{t-1}, o_t,`} />
        <p>
          and the <strong>state</strong> <Tex math={String.raw`s_t = f(h_t)`} /> holds all the information it needs from it. The history grows
          linearly with time; the <strong>Markov assumption</strong> keeps it in check. A state is Markov if and only if
        </p>
        <Tex display math={String.raw`\mathbb{P}[s_{t+1} \mid s_t] = \mathbb{P}[s_{t+1} \mid s_1, \dots, s_t]:`} />
        <p>the future is independent of the past given the present.</p>
      </Section>
      <Section id="rl-formulation" title="Markov decision processes">
        <p>
          The RL problem is a <strong>Markov decision process</strong> <Tex math={String.raw`(\mathcal{S}, \mathcal{A}, \mathcal{R}, \mathbb{P}, \gamma)`} />:
          the set of possible states <Tex math={String.raw`\mathcal{S}`} />, the set of possible actions <Tex math={String.raw`\mathcal{A}`} />,
          the distribution of the reward given a (state, action) pair <Tex math={String.raw`\mathcal{R}`} />, the transition probabilities of a
          (state, action) pair <Tex math={String.raw`\mathbb{P}`} />, and the discount factor <Tex math={String.raw`\gamma`} /> that discounts
          future rewards: with <Tex math={`\\gamma = ${GAMMA}`} />, a reward ten steps ahead counts{' '}
          <Tex math={String.raw`${GAMMA}^{10} \approx ${DISCOUNT_10.toFixed(3)}`} /> of its value today. An agent has two components:
        </p>
        <ul>
          <li>
            a <strong>policy</strong> <Tex math={String.raw`\pi`} />, its behaviour — a mapping from state to action,{' '}
            <Tex math={String.raw`a = \pi(s)`} />;
          </li>
          <li>
            a <strong>value function</strong> or <strong>Q-function</strong>: how good a state, or a (state, action) pair, is — the expected
            future reward,{' '}
            <Tex math={String.raw`Q^\pi(s, a) = \mathbb{E}\big[\textstyle\sum_{k \ge 0} \gamma^k r_{t+k} \mid s_t = s, a_t = a, \pi\big]`} />.
          </li>
        </ul>
        <p>
          RL algorithms divide into value-based ones (learn <Tex math="V" /> or <Tex math="Q" />, act greedily), policy-based ones (learn{' '}
          <Tex math={String.raw`\pi`} /> directly) and actor–critic methods combining both, each model-based or model-free. The lab solves a
          gridworld both ways round: <strong>value iteration</strong> knows the MDP and applies the Bellman optimality update{' '}
          <Tex math={String.raw`V(s) \leftarrow \max_a \sum_{s'} \mathbb{P}(s' \mid s, a)\,[\,r + \gamma V(s')\,]`} />;{' '}
          <strong>Q-learning</strong> does not, and learns from its own ε-greedy episodes with{' '}
          <Tex math={String.raw`Q(s,a) \leftarrow Q(s,a) + \alpha\,[\,r + \gamma \max_{a'} Q(s', a') - Q(s,a)\,]`} />.
        </p>
      </Section>
      <LabSlot id="rl" title="Value iteration and Q-learning on a gridworld" lab={RlLab} />
    </>
  );
}

export default function Lecture12(_props: LecturePageProps) {
  return (
    <div className="lecture-page">
      <p className="lead">
        Beyond images and sequences: networks on graphs, models that generate new data — autoencoders, VAEs, GANs and diffusion — and agents
        that learn from rewards. The lecture, and the course, end with an overview of everything it covered.
      </p>
      <Graphs />
      <Generative />
      <Reinforcement />
      <Section id="course-overview" title="I2DL overview">
        <p>
          The course in one map, grouped as the notes' closing overview: machine-learning basics (supervised and unsupervised learning, data
          splitting, linear and logistic regression), an introduction to neural networks (backpropagation, activation and loss functions,
          their comparison and effects), training neural networks (gradient descent and SGD, regularisation, parameters and how to interpret
          them), and the typology of neural networks (CNNs, autoencoders, RNNs, GANs — and, from this course, transformers, graph networks,
          diffusion and reinforcement learning). Every lab is linked from the topic it teaches.
        </p>
        <CourseMap />
      </Section>
      <SelfCheck lecture="12-advanced" />
    </div>
  );
}
