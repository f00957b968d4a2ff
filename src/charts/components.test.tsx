// Server-rendered markup only (Node, no DOM): checks the shared figure/export contract.
// Canvas drawing and recharts layout need a browser and are not exercised here.
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CLASS_COLORS, Histogram, ImageGrid, LineChart, ScatterHeatmap } from './index';

function expectFigureContract(html: string, title: string) {
  expect(html).toMatch(/^<figure class="chart[^"]*"><figcaption class="chart-title">/);
  expect(html).toContain(`<div class="chart-export" role="group" aria-label="Export ${title}">`);
  for (const f of ['PNG', 'SVG', 'CSV']) {
    expect(html).toContain(`aria-label="Export ${title} as ${f}"`);
  }
  expect(html).toMatch(/role="img" aria-label="[^"]+"/);
}

describe('chart components (static markup)', () => {
  it('ScatterHeatmap: figure, focusable canvas only when clickable, legend', () => {
    const props = {
      title: 'Decision regions',
      chartKey: 'regions',
      fileBase: 'lecture02-knn',
      domain: { xMin: -1, xMax: 1, yMin: -1, yMax: 1 },
      points: [{ x: 0, y: 0, label: 0 }, { x: 0.5, y: 0.2, label: 1, set: 'val' as const }],
      classColors: CLASS_COLORS,
      classNames: ['A', 'B'],
    };
    const clickable = renderToStaticMarkup(<ScatterHeatmap {...props} onCanvasClick={() => {}} />);
    expectFigureContract(clickable, 'Decision regions');
    expect(clickable).toContain('tabindex="0"');
    expect(clickable).toContain('press Enter to add one at the centre');
    expect(clickable).toContain('>validation</li>');
    const passive = renderToStaticMarkup(<ScatterHeatmap {...props} />);
    expect(passive).not.toContain('tabindex');
  });

  it('ImageGrid, Histogram and LineChart share the frame', () => {
    const grid = renderToStaticMarkup(
      <ImageGrid title="Samples" chartKey="samples" fileBase="x" images={[{ width: 2, height: 2, data: [0, 1, 1, 0], label: '1' }]} />,
    );
    expectFigureContract(grid, 'Samples');
    const hist = renderToStaticMarkup(
      <Histogram title="Residuals" chartKey="res" fileBase="x" xLabel="r" values={[1, 2, 3]} />,
    );
    expectFigureContract(hist, 'Residuals');
    const line = renderToStaticMarkup(
      <LineChart title="Loss" chartKey="loss" fileBase="x" xLabel="step" yLabel="loss"
        series={[{ key: 'a', label: 'train', color: '#000', points: [{ x: 0, y: 1 }] }]} />,
    );
    expectFigureContract(line, 'Loss');
  });
});
