import { describe, expect, it } from 'vitest';
import { heatmapRgba, mixWithWhite, parseColor } from './heatmapImage';
import { scatterSvgBody } from './scatterRender';
import { niceTicks } from './ticks';
import {
  buildScene, clipLineToDomain, dataToPixel, describeScatter, pixelToData, plotRect, presentSets,
} from './scatterScene';

const UNIT = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };

describe('niceTicks', () => {
  it('gives round, noise-free ticks inside the range', () => {
    expect(niceTicks(-1, 1)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(niceTicks(-1, 1, 2)).toEqual([-1, 0, 1]);
    expect(niceTicks(-3.5, 3.5)).toEqual([-2, 0, 2]);
    expect(niceTicks(0, 0.3, 3)).toEqual([0, 0.1, 0.2, 0.3]);
    expect(niceTicks(1, 1)).toEqual([]);
  });
});

describe('pixel mapping', () => {
  it('maps yMax to the top and round-trips', () => {
    const rect = plotRect(360);
    expect(dataToPixel(UNIT, rect, -1, 1)).toEqual([rect.left, rect.top]);
    const [x, y] = pixelToData(UNIT, rect, ...dataToPixel(UNIT, rect, 0.3, -0.7));
    expect(x).toBeCloseTo(0.3, 12);
    expect(y).toBeCloseTo(-0.7, 12);
  });
});

describe('clipLineToDomain', () => {
  it('clips a diagonal to the box corners', () => {
    const seg = clipLineToDomain({ a: 1, b: -1, c: 0 }, UNIT);
    expect(seg).not.toBeNull();
    const flat = seg!.flat();
    [-1, -1, 1, 1].forEach((v, i) => expect(flat[i]).toBeCloseTo(v, 12));
  });

  it('handles vertical, steep, missing and degenerate lines', () => {
    expect(clipLineToDomain({ a: 1, b: 0, c: -0.5 }, UNIT)).toEqual([[0.5, -1], [0.5, 1]]);
    const steep = clipLineToDomain({ a: 10, b: -1, c: 0 }, UNIT)!;
    expect(steep[0][1]).toBeCloseTo(-1, 12);
    expect(steep[1][1]).toBeCloseTo(1, 12);
    expect(clipLineToDomain({ a: 0, b: 1, c: -5 }, UNIT)).toBeNull();
    expect(clipLineToDomain({ a: 0, b: 0, c: 1 }, UNIT)).toBeNull();
    expect(clipLineToDomain({ a: NaN, b: 1, c: 0 }, UNIT)).toBeNull();
  });
});

describe('buildScene', () => {
  it('places points by set (user on top), skips points outside and colours by class', () => {
    const scene = buildScene({
      size: 360,
      domain: UNIT,
      classColors: ['#0072B2', '#E69F00'],
      points: [
        { x: 0, y: 0, label: 1, set: 'user' },
        { x: 0.5, y: 0.5, label: 0 },
        { x: 5, y: 0, label: 0, set: 'val' },
        { x: -0.5, y: 0, label: 7, set: 'test' },
      ],
      lines: [{ a: 1, b: 1, c: 0, color: '#000', label: 'b' }, { a: 0, b: 1, c: -9, color: '#000', label: 'off' }],
    });
    expect(scene.points.map((p) => p.kind)).toEqual(['circle', 'diamond', 'user']);
    expect(scene.points[0].color).toBe('#0072B2');
    expect(scene.points[1].color).toBe('#8c959f');
    expect(scene.lines).toHaveLength(1);
    expect(scene.xTicks.map((t) => t.text)).toEqual(['-1', '-0.5', '0', '0.5', '1']);
  });

  it('renders an SVG body with an embedded heatmap and vector points', () => {
    const scene = buildScene({ size: 200, domain: UNIT, classColors: ['#0072B2'], points: [{ x: 0, y: 0, label: 0 }] });
    const svg = scatterSvgBody(scene, 'data:image/png;base64,AAAA');
    expect(svg).toContain('xlink:href="data:image/png;base64,AAAA"');
    expect(svg).toContain('<circle');
    expect(svg).toContain('clip-path="url(#scatter-plot-clip)"');
    expect(svg).not.toMatch(/class=/);
    expect(scatterSvgBody(scene, null)).not.toContain('<image');
  });
});

describe('describeScatter and presentSets', () => {
  it('summarises counts per class and set', () => {
    const points = [
      { x: 0, y: 0, label: 0 },
      { x: 0, y: 0, label: 1, set: 'val' as const },
      { x: 0, y: 0, label: 1, set: 'val' as const },
    ];
    expect(presentSets(points)).toEqual(['train', 'val']);
    const text = describeScatter({ title: 'Regions', domain: UNIT, points, classNames: ['A', 'B'], heatmapKind: 'class', lineLabels: [] });
    expect(text).toContain('3 points (1 A, 2 B; 1 training, 2 validation)');
    expect(text).toContain('Background shaded by predicted class.');
  });
});

describe('heatmap colours', () => {
  it('parses colours and blends towards white', () => {
    expect(parseColor('#0072B2')).toEqual([0, 114, 178]);
    expect(parseColor('#fff')).toEqual([255, 255, 255]);
    expect(parseColor('rgb(1, 2, 3)')).toEqual([1, 2, 3]);
    expect(mixWithWhite([0, 0, 0], 0)).toEqual([255, 255, 255]);
    expect(mixWithWhite([0, 100, 200], 1)).toEqual([0, 100, 200]);
  });

  it('tints class cells and makes p = 0.5 white', () => {
    const cls = heatmapRgba({ nx: 2, ny: 1, values: [0, NaN], kind: 'class', classColors: ['#000000'] });
    expect(Array.from(cls)).toEqual([166, 166, 166, 255, 0, 0, 0, 0]);
    const prob = heatmapRgba({ nx: 3, ny: 1, values: [0, 0.5, 1], kind: 'probability', classColors: ['#000000', '#ff0000'] });
    expect(Array.from(prob.slice(4, 8))).toEqual([255, 255, 255, 255]);
    expect(Array.from(prob.slice(0, 3))).toEqual([128, 128, 128]);
    expect(Array.from(prob.slice(8, 11))).toEqual([255, 128, 128]);
  });
});
