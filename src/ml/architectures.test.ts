import { describe, expect, it } from 'vitest';
import { buildTable, NETWORK_IDS, NETWORKS, outSide, rankOf, topKError, type ArchTable, type NetworkId, type TableOptions } from './architectures';

const DEFAULT: TableOptions = { bn: true, shortcut: 'projection' };

function table(id: NetworkId, opts: Partial<TableOptions> = {}): ArchTable {
  const t = buildTable(NETWORKS[id], { ...DEFAULT, ...opts });
  if (!t.ok) throw new Error(t.error);
  return t;
}
const shapeOf = (t: ArchTable, name: string) => {
  const r = t.rows.find((q) => q.name === name && q.level === 0);
  if (!r) throw new Error(`no row ${name}`);
  return [r.out.h, r.out.w, r.out.c];
};
const within = (v: number, target: number, rel: number) => expect(Math.abs(v - target) / target).toBeLessThanOrEqual(rel);

describe('parameter counts computed from the layer lists', () => {
  it('LeNet-5 (full C3 connectivity, 10-way fc output): 61,706, within 3 % of the notes’ ≈60k', () => {
    expect(table('lenet5').totals.params).toBe(156 + 2416 + 48120 + 10164 + 850);
    expect(table('lenet5').totals.params).toBe(61706);
    within(table('lenet5').totals.params, 60e3, 0.03);
  });
  it('AlexNet: 62,378,344 on one GPU; 60,965,224 with the original two-GPU grouping (≈60M, within 2 %)', () => {
    expect(table('alexnet').totals.params).toBe(62378344);
    expect(table('alexnet2gpu').totals.params).toBe(60965224);
    within(table('alexnet2gpu').totals.params, 60e6, 0.02);
    within(table('alexnet').totals.params, 60e6, 0.04);
    expect(table('alexnet').totals.fcParams).toBe(37752832 + 16781312 + 4097000);
  });
  it('VGG-16: 138,357,544 exactly (weights and biases)', () => {
    expect(table('vgg16').totals.params).toBe(138357544);
    expect(table('vgg16').totals.weightLayers).toBe(16);
  });
  it('ResNets with projection shortcuts and BN γ, β counted match torchvision exactly', () => {
    expect(table('resnet18').totals.params).toBe(11689512);
    expect(table('resnet34').totals.params).toBe(21797672);
    expect(table('resnet50').totals.params).toBe(25557032);
    expect(table('resnet101').totals.params).toBe(44549160);
    expect(table('resnet152').totals.params).toBe(60192808);
    within(table('resnet152').totals.params, 60e6, 0.01); // the notes' "60M"
    for (const d of [18, 34, 50, 101, 152] as const) expect(table(`resnet${d}`).totals.weightLayers).toBe(d);
  });
  it('BN off removes exactly 2 per BN channel; zero-padded shortcuts remove exactly the projections', () => {
    const withBn = table('resnet50');
    expect(withBn.totals.bnParams).toBe(53120);
    expect(table('resnet50', { bn: false }).totals.params).toBe(25557032 - 53120);
    const proj = withBn.rows.filter((r) => r.kind === 'shortcut');
    expect(proj).toHaveLength(4); // first block of every stage
    const projParams = proj.reduce((s, r) => s + r.params, 0);
    expect(projParams).toBe(64 * 256 + 2 * 256 + 256 * 512 + 2 * 512 + 512 * 1024 + 2 * 1024 + 1024 * 2048 + 2 * 2048);
    expect(table('resnet50', { shortcut: 'zeropad' }).totals.params).toBe(25557032 - projParams);
    expect(table('resnet18', { shortcut: 'zeropad' }).rows.filter((r) => r.kind === 'shortcut')).toHaveLength(0);
  });
  it('stage and block rows sum their children', () => {
    const t = table('resnet152');
    const top = t.top.map((i) => t.rows[i]);
    expect(top.reduce((s, r) => s + r.params, 0)).toBe(t.totals.params);
    const leaves = t.rows.filter((r) => r.level === 2 || (r.level === 0 && (r.kind === 'conv' || r.kind === 'fc')));
    expect(leaves.reduce((s, r) => s + r.params, 0)).toBe(t.totals.params);
    expect(leaves.reduce((s, r) => s + r.macs, 0)).toBe(t.totals.macs);
  });
});

describe('multiply-adds per image (conv + fc)', () => {
  it('match the usual figures', () => {
    within(table('vgg16').totals.macs, 15.47e9, 0.005);
    within(table('resnet50').totals.macs, 4.09e9, 0.01);
    within(table('resnet18').totals.macs, 1.81e9, 0.01);
    within(table('resnet152').totals.macs, 11.5e9, 0.01);
    within(table('alexnet2gpu').totals.macs, 0.724e9, 0.01);
    expect(table('lenet5').totals.macs).toBe(28 * 28 * 6 * 25 + 10 * 10 * 16 * 25 * 6 + 120 * 25 * 16 + 120 * 84 + 84 * 10);
  });
});

describe('output shapes', () => {
  it('LeNet-5: 32 → 28 → 14 → 10 → 5 → 1', () => {
    const t = table('lenet5');
    expect(shapeOf(t, 'C1')).toEqual([28, 28, 6]);
    expect(shapeOf(t, 'S2')).toEqual([14, 14, 6]);
    expect(shapeOf(t, 'C3')).toEqual([10, 10, 16]);
    expect(shapeOf(t, 'S4')).toEqual([5, 5, 16]);
    expect(shapeOf(t, 'C5')).toEqual([1, 1, 120]);
    expect(shapeOf(t, 'output')).toEqual([1, 1, 10]);
  });
  it('AlexNet: 227 → 55 → 27 → 13 → 6', () => {
    const t = table('alexnet');
    expect(shapeOf(t, 'conv1')).toEqual([55, 55, 96]);
    expect(shapeOf(t, 'pool1')).toEqual([27, 27, 96]);
    expect(shapeOf(t, 'conv2')).toEqual([27, 27, 256]);
    expect(shapeOf(t, 'pool2')).toEqual([13, 13, 256]);
    expect(shapeOf(t, 'conv5')).toEqual([13, 13, 256]);
    expect(shapeOf(t, 'pool5')).toEqual([6, 6, 256]);
  });
  it('VGG-16 halves the side five times: 224 → 7; ResNet-50 stages 56, 28, 14, 7 with 256…2048 channels', () => {
    expect(shapeOf(table('vgg16'), 'pool5')).toEqual([7, 7, 512]);
    const r = table('resnet50');
    expect(shapeOf(r, 'conv1')).toEqual([112, 112, 64]);
    expect(shapeOf(r, 'pool1')).toEqual([56, 56, 64]);
    expect(shapeOf(r, 'conv2_x')).toEqual([56, 56, 256]);
    expect(shapeOf(r, 'conv3_x')).toEqual([28, 28, 512]);
    expect(shapeOf(r, 'conv4_x')).toEqual([14, 14, 1024]);
    expect(shapeOf(r, 'conv5_x')).toEqual([7, 7, 2048]);
    expect(shapeOf(r, 'avgpool')).toEqual([1, 1, 2048]);
    expect(shapeOf(table('resnet18'), 'conv5_x')).toEqual([7, 7, 512]);
  });
  it('outSide is ⌊(n + 2p − k)/s⌋ + 1', () => {
    expect(outSide(227, 11, 4, 0)).toBe(55);
    expect(outSide(112, 3, 2, 1)).toBe(56);
    expect(outSide(224, 3, 1, 1)).toBe(224);
  });
  it('the input side: VGG’s fc6 grows with it, ResNet’s parameters do not (global average pooling); too small is an error', () => {
    const vgg32 = table('vgg16', { side: 32 });
    expect(shapeOf(vgg32, 'pool5')).toEqual([1, 1, 512]);
    expect(vgg32.totals.params).toBe(138357544 - 25088 * 4096 + 512 * 4096);
    const r448 = table('resnet50', { side: 448 });
    expect(r448.totals.params).toBe(25557032);
    expect(r448.totals.macs).toBeGreaterThan(3.9 * table('resnet50').totals.macs);
    const bad = buildTable(NETWORKS.alexnet, { ...DEFAULT, side: 40 });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error).toMatch(/too small/);
  });
  it('every network builds at its own size and ends in 1×1×classes', () => {
    for (const id of NETWORK_IDS) {
      const t = table(id);
      const last = t.rows[t.top[t.top.length - 1]];
      expect([last.out.h, last.out.w, last.out.c]).toEqual([1, 1, id === 'lenet5' ? 10 : 1000]);
    }
  });
});

describe('top-k error', () => {
  const ranked = [[0, 1, 2, 3, 4], [5, 6, 7, 8, 9], [1, 0, 2, 3, 4], [9, 8, 7, 6, 5]];
  it('counts samples whose label is not in the first k', () => {
    const truth = [0, 7, 0, 1];
    expect(topKError(ranked, truth, 1)).toBe(3 / 4);
    expect(topKError(ranked, truth, 5)).toBe(1 / 4);
    expect(rankOf(ranked[1], 7)).toBe(3);
    expect(rankOf(ranked[3], 1)).toBe(0);
  });
  it('top-5 error ≤ top-1 error always', () => {
    for (let t = 0; t < 50; t++) {
      const truth = ranked.map((_, i) => (t * 7 + i * 3) % 10);
      expect(topKError(ranked, truth, 5)).toBeLessThanOrEqual(topKError(ranked, truth, 1));
    }
  });
});
