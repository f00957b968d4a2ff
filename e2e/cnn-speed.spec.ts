import { expect, test, type Page } from '@playwright/test';
import { watchConsole } from './helpers';

/**
 * The wasm training kernels (src/ml/wasmKernels.ts) in a real browser: on the wasm backend, tf.grads
 * of conv2d / fused conv2d+ReLU / conv2dTranspose / depthwise / separable / maxPool / avgPool /
 * resize / gather equal the cpu backend's (or, for the resize gradients tfjs gets wrong, the exact
 * adjoint), and ConvNetJS's MNIST net trains on wasm exactly as on cpu without leaking tensors.
 */

type Hook = { tf: typeof import('../src/ml/tf'); activate(name: string): Promise<string>; convnet(): Promise<typeof import('../src/ml/models/convnetjs')> };
declare global {
  interface Window {
    __backend?: Hook;
  }
}

async function openWithTf(page: Page) {
  await page.goto('./#/lecture/02-ml-basics');
  await page.waitForFunction(() => Boolean(window.__backend?.tf), null, { timeout: 60_000 });
}

test('wasm backend: conv/pool/depthwise/resize gradients equal the cpu backend’s', async ({ page }) => {
  test.setTimeout(120_000);
  const con = watchConsole(page);
  await openWithTf(page);
  const r = await page.evaluate(async () => {
    const { tf, activate } = window.__backend!;
    const first = tf.getBackend();
    let seed = 1;
    const rand = (shape: number[]) => {
      const n = shape.reduce((a, b) => a * b, 1);
      return tf.tensor(Float32Array.from({ length: n }, () => ((seed = (Math.imul(seed, 1103515245) + 12345) | 0) >>> 0) / 2147483648 - 1), shape);
    };
    type T = import('@tensorflow/tfjs-core').Tensor;
    type T4 = import('@tensorflow/tfjs-core').Tensor4D;
    const cases: [string, (...xs: T[]) => T, number[][]][] = [];
    const sq = (t: T) => tf.sum(tf.square(t));
    for (const [s, pad] of [[1, 'same'], [2, 'same'], [2, 'valid'], [3, 'valid']] as [number, 'same' | 'valid'][]) {
      cases.push([`conv2d s${s} ${pad}`, (x, f) => sq(tf.conv2d(x as T4, f as T4, s, pad)), [[2, 9, 8, 3], [3, 3, 3, 4]]]);
      cases.push([`fused conv2d+relu s${s} ${pad}`, (x, f, b) => sq(tf.fused.conv2d({ x: x as T4, filter: f as T4, bias: b, strides: s, pad, activation: 'relu' })), [[2, 9, 8, 3], [5, 5, 3, 4], [4]]]);
      cases.push([`depthwise s${s} ${pad}`, (x, f) => sq(tf.depthwiseConv2d(x as T4, f as T4, s, pad)), [[2, 9, 8, 3], [3, 3, 3, 2]]]);
      cases.push([`maxPool 3 s${s} ${pad}`, (x) => sq(tf.maxPool(x as T4, 3, s, pad)), [[2, 9, 8, 3]]]);
      cases.push([`avgPool 3 s${s} ${pad}`, (x) => sq(tf.avgPool(x as T4, 3, s, pad)), [[2, 9, 8, 3]]]);
    }
    cases.push(['maxPool 2 s2 valid, odd width', (x) => sq(tf.maxPool(x as T4, 2, 2, 'valid')), [[1, 8, 9, 1]]]);
    cases.push(['conv2dTranspose s2 same', (y, f) => sq(tf.conv2dTranspose(y as T4, f as T4, [2, 8, 8, 3], 2, 'same')), [[2, 4, 4, 4], [3, 3, 3, 4]]]);
    cases.push(['separableConv2d', (x, d, p) => sq(tf.separableConv2d(x as T4, d as T4, p as T4, 1, 'same')), [[2, 8, 8, 3], [3, 3, 3, 2], [1, 1, 6, 4]]]);
    cases.push(['ConvNetJS conv 2', (x, f) => sq(tf.conv2d(x as T4, f as T4, 1, 'same')), [[20, 12, 12, 8], [5, 5, 8, 16]]]);
    cases.push(['gather', (x) => sq(tf.gather(x, [0, 2, 2, 1])), [[3, 4]]]);
    const inputs = cases.map(([, , shapes]) => shapes.map((s) => rand(s)));
    const gradsOn = async (b: string) => {
      await activate(b);
      return cases.map(([, f], i) => tf.tidy(() => tf.grads(f)(inputs[i]).map((g) => Array.from(g.dataSync()))));
    };
    const wasm = await gradsOn('wasm');
    const wasmName = tf.getBackend();
    const cpu = await gradsOn('cpu');
    const errs: Record<string, number> = {};
    cases.forEach(([name], i) => {
      let m = 0;
      wasm[i].forEach((g, j) => {
        const ref = cpu[i][j];
        const scale = Math.max(1, ...ref.map(Math.abs));
        g.forEach((v, k) => (m = Math.max(m, Math.abs(v - ref[k]) / scale)));
        if (g.length !== ref.length) m = Infinity;
      });
      errs[name] = m;
    });
    // Resize gradients: tfjs' own are wrong (cpu too), so the reference is ⟨dy, resize(e_i)⟩.
    await activate('wasm');
    const resizeErr: Record<string, number> = {};
    for (const nearest of [false, true]) {
      const x = rand([2, 3, 4, 2]);
      const dy = rand([2, 6, 7, 2]);
      const rs = (t: T) => (nearest ? tf.image.resizeNearestNeighbor(t as T4, [6, 7]) : tf.image.resizeBilinear(t as T4, [6, 7]));
      const g = tf.tidy(() => Array.from(tf.grads((t: T) => tf.sum(tf.mul(rs(t), dy)))([x])[0].dataSync()));
      let m = 0;
      for (let i = 0; i < x.size; i++) {
        const ref = tf.tidy(() => tf.sum(tf.mul(rs(tf.reshape(tf.oneHot(tf.tensor1d([i], 'int32'), x.size).toFloat(), x.shape)), dy)).dataSync()[0]);
        m = Math.max(m, Math.abs(ref - g[i]));
      }
      resizeErr[nearest ? 'resizeNearestNeighbor' : 'resizeBilinear'] = m;
      tf.dispose([x, dy]);
    }
    tf.dispose(inputs.flat());
    await activate(first);
    return { first, wasmName, errs, resizeErr };
  });
  expect(r.wasmName).toBe('wasm');
  expect(Object.keys(r.errs).length).toBe(25);
  for (const [name, e] of Object.entries({ ...r.errs, ...r.resizeErr })) expect(e, name).toBeLessThan(1e-4);
  con.assertClean();
});

test('wasm backend: ConvNetJS’s MNIST net trains sync-free, as on cpu, without leaking tensors', async ({ page }) => {
  test.setTimeout(120_000);
  const con = watchConsole(page);
  await openWithTf(page);
  const r = await page.evaluate(async () => {
    const { tf, activate, convnet } = window.__backend!;
    const { createConvNet } = await convnet();
    const B = 20;
    const images = Float32Array.from({ length: B * 576 }, (_, i) => (Math.sin(i * 0.37) + 1) / 2);
    const labels = Int32Array.from({ length: B }, (_, i) => i % 10);
    const run = async (b: string) => {
      await activate(b);
      const before = tf.memory().numTensors;
      const net = createConvNet(3, { optimizer: 'sgd', lr: 0.05 });
      const losses: number[] = [];
      for (let i = 0; i < 8; i++) {
        losses.push((await net.evaluate(images, labels)).loss);
        net.trainBatch(images, labels);
        net.trainBatch(images, labels);
      }
      const probs = net.predict(images, 2);
      const shape = probs.shape;
      probs.dispose();
      net.dispose();
      return { backend: tf.getBackend(), losses, shape, leaked: tf.memory().numTensors - before };
    };
    const wasm = await run('wasm');
    const cpu = await run('cpu');
    await activate('wasm');
    return { wasm, cpu };
  });
  expect(r.wasm.backend).toBe('wasm');
  expect(r.wasm.shape).toEqual([2, 10]);
  expect(r.wasm.leaked).toBe(0);
  expect(r.cpu.leaked).toBe(0);
  // Learns (the loss on the batch falls well below ln 10) and matches the cpu backend step for step.
  expect(r.wasm.losses[7]).toBeLessThan(r.wasm.losses[0] - 0.3);
  r.wasm.losses.forEach((l, i) => expect(Math.abs(l - r.cpu.losses[i]), `step ${2 * i}`).toBeLessThan(2e-3));
  con.assertClean();
});
