/**
 * Self-check questions of Lecture 12 (Advanced DL topics): message passing, autoencoders, GANs,
 * diffusion and reinforcement learning. The numeric ones read the GNN, diffusion and RL labs.
 */
import { fmt } from '../../selfcheck/grading';
import type { SelfCheckSet } from '../../selfcheck/types';
import { DIFFUSION_PARAMS } from './labs/diffusion/params';
import { GNN_PARAMS } from './labs/gnn/params';
import { RL_PARAMS } from './labs/rl/params';

const GNN_LAB = { labId: 'gnn', labTitle: 'Message passing on the karate club' };
const DIFFUSION_LAB = { labId: 'diffusion', labTitle: 'Diffusion, forward and reverse' };
const RL_LAB = { labId: 'rl', labTitle: 'Value iteration and Q-learning on a gridworld' };

/** The diffusion lab's schedules (see src/ml/diffusion.ts): DDPM's linear β range scaled by 1000/T, or the cosine one. */
const MAX_BETA = 0.999;
const COSINE_OFFSET = 0.008;

function betaAt(kind: 'linear' | 'cosine', T: number, t: number): number {
  if (kind === 'linear') {
    const k = 1000 / T;
    const b1 = Math.min(1e-4 * k, MAX_BETA);
    const bT = Math.min(0.02 * k, MAX_BETA);
    return T === 1 ? b1 : b1 + ((bT - b1) * (t - 1)) / (T - 1);
  }
  const f = (u: number) => Math.cos(((u / T + COSINE_OFFSET) / (1 + COSINE_OFFSET)) * (Math.PI / 2)) ** 2;
  return Math.min(1 - f(t) / f(t - 1), MAX_BETA);
}

/** Rounds to `digits` significant digits (as the prompt shows the number). */
const sig = (v: number, digits = 4) => Number(v.toPrecision(digits));

/** Steps until the goal in the return question. */
const RL_MOVES = 4;

const set: SelfCheckSet = {
  lecture: '12-advanced',
  questions: [
    {
      id: 'order-invariant',
      build: () => ({
        prompt: 'In message passing, $m_i = \\Phi\\big(\\{h_{(i,j)}\\}_{j \\in N_i}\\big)$ combines the edge embeddings of node $i$\'s neighbours. Why must $\\Phi$ be an order-invariant operation such as sum, mean or max?',
        answer: {
          kind: 'choice',
          options: [
            'So that $\\Phi$ can be learned by back-propagation.',
            'A node\'s neighbours have no natural order and their number varies, so the result must not depend on how the nodes are numbered.',
            'Because the edge embeddings are all equal after the first round.',
            'To make every node\'s embedding identical, so the weights can be shared.',
          ],
          correct: 1,
        },
        explanation:
          'Graphs bring variable-sized inputs and need invariance to node permutations. Sum, mean and max take any number of inputs and give the same result in any order; concatenating the neighbours would depend on the numbering and on the degree. The learned parts are the shared MLPs $\\mathcal{N}_e$ and $\\mathcal{N}_v$.',
      }),
    },
    {
      id: 'gnn-hops',
      build: (ctx) => {
        const p = ctx.params(GNN_LAB.labId, GNN_PARAMS);
        const L = Math.round(p.rounds);
        return {
          prompt: `The GNN lab runs $L = ${L}$ rounds of message passing (node → edge, then edge → node). From how many hops away, at most, can a node's input features influence node $i$'s final embedding $h_i^{(${L})}$?`,
          answer: { kind: 'number', value: L, abs: 0, rel: 0 },
          explanation: `Each round lets information cross one edge: $h_{(i,j)}^{(l)}$ reads $h_i^{(l-1)}$ and $h_j^{(l-1)}$, and $h_i^{(l)}$ aggregates the edges of its neighbours. After $${L}$ round${L === 1 ? '' : 's'} node $i$ has seen its ${L}-hop neighbourhood — no farther, so a node whose labelled members are farther away gets no signal from them.`,
          fromLab: { ...GNN_LAB, values: `L = ${L}` },
        };
      },
    },
    {
      id: 'vae-vs-ae',
      build: () => ({
        prompt: 'What lets a variational autoencoder generate new samples where a plain autoencoder cannot?',
        answer: {
          kind: 'choice',
          options: [
            'It has a larger bottleneck than the input.',
            'It is trained with labels, so it knows the classes.',
            'Its decoder is a discriminator trained against the encoder.',
            'Its latent code is a distribution (a Gaussian), and the loss keeps it close to a Gaussian, so decoding samples $z \\sim \\mathcal{N}(0, I)$ gives plausible outputs.',
          ],
          correct: 3,
        },
        explanation:
          'A plain autoencoder only learns to reconstruct: its codes can sit anywhere, and a random $z$ may decode to garbage. The VAE\'s encoder outputs a mean and a variance, the loss adds a KL term that pulls this distribution towards $\\mathcal{N}(0, I)$, so at test time one samples from that prior and decodes. A discriminator belongs to GANs.',
      }),
    },
    {
      id: 'gan-equilibrium',
      build: () => ({
        prompt: 'A GAN has reached its ideal equilibrium: the generator\'s distribution equals the data distribution. What does the optimal discriminator output for any input $x$?',
        answer: { kind: 'choice', options: ['$D(x) = 1$', '$D(x) = 0$', '$D(x) = \\tfrac12$', 'It depends on $x$'], correct: 2 },
        explanation:
          'The optimal discriminator is $D^*(x) = p_{\\text{data}}(x) / (p_{\\text{data}}(x) + p_g(x))$; with $p_g = p_{\\text{data}}$ it is $\\tfrac12$ everywhere — it cannot tell real from fake. This is the saddle point of the minimax game $J^{(G)} = -J^{(D)}$, where $J^{(D)} = -\\tfrac12 E\\log D(x) - \\tfrac12 E\\log(1 - D(G(z)))$ equals $\\log 2$.',
      }),
    },
    {
      id: 'diffusion-noise',
      build: (ctx) => {
        const p = ctx.params(DIFFUSION_LAB.labId, DIFFUSION_PARAMS);
        const T = Math.max(2, Math.round(p.T));
        const t = Math.min(Math.max(Math.round(p.t), 1), T);
        let alphaBar = 1;
        for (let s = 1; s < t; s++) alphaBar *= 1 - betaAt(p.schedule, T, s);
        const vPrev = sig(1 - alphaBar);
        const beta = sig(betaAt(p.schedule, T, t));
        const v = 1 - (1 - vPrev) * (1 - beta);
        return {
          prompt: `In the diffusion lab's ${p.schedule} schedule with $T = ${T}$, the noise variance after $t - 1 = ${t - 1}$ steps is $1 - \\bar\\alpha_{${t - 1}} = ${fmt(vPrev, 4)}$ and the next step has $\\beta_{${t}} = ${fmt(beta, 4)}$. What is $1 - \\bar\\alpha_{${t}}$, the variance of the noise in $x_{${t}} \\sim q(x_{${t}} \\mid x_0)$? (3 significant digits)`,
          answer: { kind: 'number', value: v, rel: 0.005 },
          explanation: `$\\alpha_t = 1 - \\beta_t$ and $\\bar\\alpha_t = \\prod_{s=1}^{t}\\alpha_s = \\bar\\alpha_{t-1}(1 - \\beta_t)$ (the product starts at $s = 1$). So $1 - \\bar\\alpha_{${t}} = 1 - (1 - ${fmt(vPrev, 4)})(1 - ${fmt(beta, 4)}) = ${fmt(v, 4)}$, and $x_{${t}} = \\sqrt{\\bar\\alpha_{${t}}}\\,x_0 + \\sqrt{1 - \\bar\\alpha_{${t}}}\\,\\epsilon$ with $\\sqrt{\\bar\\alpha_{${t}}} = ${fmt(Math.sqrt(Math.max(0, 1 - v)), 4)}$ of the signal left.`,
          fromLab: { ...DIFFUSION_LAB, values: `${p.schedule} schedule, T = ${T}, t = ${t}` },
        };
      },
    },
    {
      id: 'diffusion-training',
      build: () => ({
        prompt: 'Training a diffusion model picks a random step $t$ for each training image. Why does it not need to run the forward chain $t$ times to get $x_t$?',
        answer: {
          kind: 'choice',
          options: [
            'Because the network itself predicts $x_t$ from $x_0$.',
            'Because $x_t$ is always pure noise, whatever $t$ is.',
            'The Gaussian steps compose into a closed form, $x_t = \\sqrt{\\bar\\alpha_t}\\,x_0 + \\sqrt{1 - \\bar\\alpha_t}\\,\\epsilon$, so $x_t$ is drawn in one step.',
            'It does need to: training costs $T$ forward steps per image.',
          ],
          correct: 2,
        },
        explanation:
          'Each step adds independent Gaussian noise, and sums of Gaussians are Gaussian: $q(x_t \\mid x_0) = \\mathcal{N}(\\sqrt{\\bar\\alpha_t}x_0, (1 - \\bar\\alpha_t)I)$. Training then samples $t$ and $\\epsilon$, builds $x_t$ directly and teaches the network to undo that step (predicting the noise, equivalently the posterior mean). Only $x_T$ for large $T$ is close to pure noise.',
      }),
    },
    {
      id: 'rl-return',
      build: (ctx) => {
        const p = ctx.params(RL_LAB.labId, RL_PARAMS);
        const g = Number(p.gamma.toFixed(2));
        const r = Number(p.stepReward.toFixed(2));
        let G = 0;
        const terms: string[] = [];
        for (let k = 0; k < RL_MOVES; k++) {
          const reward = k === RL_MOVES - 1 ? 1 : r;
          G += g ** k * reward;
          terms.push(k === 0 ? fmt(reward, 3) : `${fmt(g, 3)}^{${k}}\\cdot ${reward < 0 ? `(${fmt(reward, 3)})` : fmt(reward, 3)}`);
        }
        return {
          prompt: `In the RL lab's grid world every move costs the step reward $r_{\\text{step}} = ${fmt(r, 3)}$, and entering the goal pays $+1$ instead. With discount factor $\\gamma = ${fmt(g, 3)}$, what is the discounted return $G_0 = \\sum_k \\gamma^k r_{k+1}$ of an episode that enters the goal on its ${RL_MOVES}th move? (3 decimals)`,
          answer: { kind: 'number', value: G, abs: 0.001, rel: 0 },
          explanation: `Three step rewards, then the goal: $G_0 = ${terms.join(' + ')} = ${fmt(G, 4)}$. The discount factor $\\gamma$ makes a reward one step later worth $\\gamma$ times as much, so a smaller $\\gamma$ favours quick rewards and $\\gamma = 0$ sees only the next one.`,
          fromLab: { ...RL_LAB, values: `γ = ${fmt(g, 3)}, r_step = ${fmt(r, 3)}` },
        };
      },
    },
    {
      id: 'markov',
      build: () => ({
        prompt: 'What does the Markov assumption $\\mathbb{P}[s_{t+1} \\mid s_t] = \\mathbb{P}[s_{t+1} \\mid s_1, \\dots, s_t]$ say?',
        answer: {
          kind: 'choice',
          options: [
            'The next state is independent of the current state.',
            'The future is independent of the past given the present: the current state holds all the information from the history that matters.',
            'All states are equally likely.',
            'The rewards do not depend on the actions.',
          ],
          correct: 1,
        },
        explanation:
          'The history $h_t = o_1, a_1, r_1, \\dots, o_t$ grows linearly with time. If the state $s_t = f(h_t)$ is Markov, conditioning on it is as good as conditioning on the whole history, which is what lets an MDP $(\\mathcal{S}, \\mathcal{A}, \\mathcal{R}, \\mathbb{P}, \\gamma)$ describe the problem.',
      }),
    },
  ],
};

export default set;
