import { describe, expect, it } from 'vitest';
import { composeExportSvg, csvField, escapeXml, exportFileName, sanitizeFileName, toCsv } from './export';

describe('toCsv', () => {
  it('writes a header row and CRLF-terminated records', () => {
    expect(toCsv(['x', 'y'], [[1, 2], [3, 4]])).toBe('x,y\r\n1,2\r\n3,4\r\n');
  });

  it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
    expect(toCsv(['label'], [['a,b'], ['say "hi"'], ['two\nlines'], ['cr\rx'], ['plain']])).toBe(
      'label\r\n"a,b"\r\n"say ""hi"""\r\n"two\nlines"\r\n"cr\rx"\r\nplain\r\n',
    );
  });

  it('keeps numbers at full round-trip precision', () => {
    const values = [0.1 + 0.2, 1 / 3, 1e-12, 123456789.12345679, -2.5e21, Math.PI];
    const csv = toCsv(['v'], values.map((v) => [v]));
    const parsed = csv.trim().split('\r\n').slice(1).map(Number);
    expect(parsed).toEqual(values);
    expect(csv).toContain('0.30000000000000004');
  });

  it('keeps blanks and non-finite numbers distinguishable', () => {
    expect(csvField('')).toBe('');
    expect(csvField(NaN)).toBe('NaN');
    expect(csvField(Infinity)).toBe('Infinity');
    expect(csvField(-0)).toBe('0');
  });
});

describe('file names', () => {
  it('sanitises to [a-z0-9._-]', () => {
    expect(sanitizeFileName('Lecture 02 / kNN: k=5, L2')).toBe('lecture-02-knn-k-5-l2');
    expect(sanitizeFileName('Café Grüße—θ')).toBe('cafe-gru-e');
    expect(sanitizeFileName('..hidden')).toBe('hidden');
    expect(sanitizeFileName('///')).toBe('chart');
  });

  it('joins fileBase and chartKey with the extension', () => {
    expect(exportFileName('lecture02-knn-k5-l2-seed1', 'accuracy-vs-k', 'png')).toBe(
      'lecture02-knn-k5-l2-seed1-accuracy-vs-k.png',
    );
    expect(exportFileName('Lab A', 'Loss (log)', 'csv')).toBe('lab-a-loss-log.csv');
    expect(exportFileName('lecture02-linreg-n50-sigma0.5', 'mse', 'svg')).toBe('lecture02-linreg-n50-sigma0.5-mse.svg');
  });
});

describe('escapeXml', () => {
  it('escapes the five XML special characters', () => {
    expect(escapeXml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;Tom &amp; &apos;Jerry&apos;&lt;/a&gt;',
    );
  });
});

describe('composeExportSvg', () => {
  const body = '<rect x="0" y="0" width="300" height="200" fill="#eee"/>';

  it('produces a standalone SVG with title, plot and legend on white', () => {
    const out = composeExportSvg({
      title: 'Loss <train & val>',
      width: 300,
      height: 200,
      body,
      legend: [{ label: 'training', color: '#0072B2' }, { label: 'val "set"', color: '#E69F00', marker: 'dashed' }],
    });
    expect(out.svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(out.svg).toContain('xmlns:xlink="http://www.w3.org/1999/xlink"');
    expect(out.svg).toContain('font-family="DejaVu Sans, Arial, sans-serif"');
    expect(out.svg).toContain('Loss &lt;train &amp; val&gt;');
    expect(out.svg).toContain('val &quot;set&quot;');
    expect(out.svg).toContain(body);
    expect(out.svg).toContain('fill="#ffffff"');
    expect(out.svg).toContain('stroke-dasharray="4 3"');
    expect(out.svg).not.toMatch(/class=/);
    expect(out.svg).not.toMatch(/(?:href|src)="https?:/);
    expect(out.width).toBe(324);
    // padding 12 + title 28 + plot 200 + gap 8 + one legend row 20 + padding 12
    expect(out.height).toBe(280);
    expect(out.svg).toContain(`width="${out.width}" height="${out.height}" viewBox="0 0 ${out.width} ${out.height}"`);
  });

  it('wraps a long legend onto more rows and omits an empty one', () => {
    const legend = Array.from({ length: 12 }, (_, i) => ({ label: `series number ${i}`, color: '#000' }));
    const wide = composeExportSvg({ title: 't', width: 200, height: 100, body: '', legend });
    const none = composeExportSvg({ title: 't', width: 200, height: 100, body: '', legend: [] });
    expect(none.height).toBe(12 + 28 + 100 + 12);
    expect(wide.height).toBeGreaterThan(none.height + 8 + 20 * 5);
    const texts = wide.svg.match(/<text /g) ?? [];
    expect(texts.length).toBe(13);
  });

  it('keeps tags balanced', () => {
    const { svg } = composeExportSvg({ title: 't', width: 10, height: 10, body: '<g><line x1="0"/></g>', legend: [] });
    for (const tag of ['svg', 'g', 'text', 'title']) {
      const open = svg.match(new RegExp(`<${tag}[ >]`, 'g'))?.length ?? 0;
      const close = svg.match(new RegExp(`</${tag}>`, 'g'))?.length ?? 0;
      expect(close, tag).toBe(open);
    }
  });
});
