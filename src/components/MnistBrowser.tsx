/**
 * A small browser of the shared MNIST digits (src/labs/mnist.ts): one canvas showing a page of
 * digits (drawn with a single putImageData, scaled up crisply by CSS), a class filter with the
 * per-class counts, paging, and a click (or arrow keys + the canvas focused) to enlarge one digit
 * with its index and label. Exports PNG/SVG/CSV of the page through the chart kit.
 *
 * "All digits" interleaves the classes (0, 1, …, 9, 0, 1, …) so every page shows all of them; the
 * asset itself is grouped by class (see src/ml/data/mnist.ts).
 *
 * Test hooks (data attributes on the root): data-mnist-browser, data-status ('loading'|'ready'),
 * data-class ('all' or 0–9), data-page (1-based), data-labels (the distinct labels on the page, sorted,
 * comma-separated), data-selected (index of the enlarged digit, or '').
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent, type MouseEvent } from 'react';
import { ChartFrame } from '../charts/ChartFrame';
import { composeExportSvg, type ExportSvg } from '../charts/export';
import { svgEl } from '../charts/svgText';
import { loadMnist, useMnistProgress } from '../labs/mnist';
import { classCounts, MNIST_PIXELS, MNIST_SIDE, type MnistSet } from '../ml/data/mnist';
import { MnistProgress } from './MnistProgress';
import './MnistBrowser.css';
import { groupDigits } from '../charts/format';

export interface MnistBrowserProps {
  /** Digits per page (default 100). */
  pageSize?: number;
  /** Digits per row (default 10). */
  columns?: number;
  /** Caption and export title (default "MNIST digits"). */
  title?: string;
  /** Base of export file names (default "lecture08-mnist"). */
  fileBase?: string;
}

const GAP = 1; // px between digits, in canvas pixels
const GAP_RGB = [255, 255, 255] as const;
const SELECT_COLOR = '#f0a020';
const DIGITS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9] as const;

/** Digit indices in display order for a class filter: one class in set order, or all interleaved. */
export function browseOrder(set: MnistSet, cls: number | 'all'): number[] {
  const byClass: number[][] = DIGITS.map(() => []);
  for (let i = 0; i < set.n; i++) byClass[set.labels[i]].push(i);
  if (cls !== 'all') return byClass[cls];
  const out: number[] = [];
  const longest = Math.max(...byClass.map((c) => c.length));
  for (let k = 0; k < longest; k++) for (const c of byClass) if (k < c.length) out.push(c[k]);
  return out;
}

function gridSize(count: number, columns: number): { cols: number; rows: number; width: number; height: number } {
  const cols = Math.max(1, Math.min(columns, count || columns));
  const rows = Math.max(1, Math.ceil(count / cols));
  return { cols, rows, width: cols * (MNIST_SIDE + GAP) + GAP, height: rows * (MNIST_SIDE + GAP) + GAP };
}

/** White digits on black, as MNIST is usually shown, on a white lattice. */
function paintDigits(ctx: CanvasRenderingContext2D, set: MnistSet, indices: readonly number[], columns: number): void {
  const { cols, width, height } = gridSize(indices.length, columns);
  const img = ctx.createImageData(width, height);
  const px = img.data;
  for (let p = 0; p < px.length; p += 4) {
    px[p] = GAP_RGB[0];
    px[p + 1] = GAP_RGB[1];
    px[p + 2] = GAP_RGB[2];
    px[p + 3] = 255;
  }
  indices.forEach((idx, k) => {
    const ox = GAP + (k % cols) * (MNIST_SIDE + GAP);
    const oy = GAP + Math.floor(k / cols) * (MNIST_SIDE + GAP);
    const src = idx * MNIST_PIXELS;
    for (let y = 0; y < MNIST_SIDE; y++) {
      let o = ((oy + y) * width + ox) * 4;
      for (let x = 0; x < MNIST_SIDE; x++, o += 4) {
        const v = set.images[src + y * MNIST_SIDE + x];
        px[o] = v;
        px[o + 1] = v;
        px[o + 2] = v;
      }
    }
  });
  ctx.putImageData(img, 0, 0);
}

function paintSelection(ctx: CanvasRenderingContext2D, k: number, columns: number, count: number): void {
  const { cols } = gridSize(count, columns);
  const ox = GAP + (k % cols) * (MNIST_SIDE + GAP);
  const oy = GAP + Math.floor(k / cols) * (MNIST_SIDE + GAP);
  ctx.strokeStyle = SELECT_COLOR;
  ctx.lineWidth = 1;
  ctx.strokeRect(ox - 0.5, oy - 0.5, MNIST_SIDE + 1, MNIST_SIDE + 1);
}

/** The enlarged digit: a 28×28 canvas scaled up by CSS (pixelated). */
const DigitZoom = memo(function DigitZoom({ set, index }: { set: MnistSet; index: number }) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = ref.current?.getContext('2d');
    if (ctx) paintDigits(ctx, set, [index], 1);
  }, [set, index]);
  const size = MNIST_SIDE + 2 * GAP;
  return (
    <canvas
      ref={ref}
      className="mnist-zoom-canvas"
      width={size}
      height={size}
      role="img"
      aria-label={`Digit ${index}, label ${set.labels[index]}, enlarged`}
    />
  );
});

function Browser({ set, pageSize, columns, title, fileBase }: Required<MnistBrowserProps> & { set: MnistSet }) {
  const [cls, setCls] = useState<number | 'all'>('all');
  const [page, setPage] = useState(0);
  const [sel, setSel] = useState<number | null>(null); // position on the page
  const canvasRef = useRef<HTMLCanvasElement>(null);

  const counts = useMemo(() => classCounts(set), [set]);
  const order = useMemo(() => browseOrder(set, cls), [set, cls]);
  const pages = Math.max(1, Math.ceil(order.length / pageSize));
  const current = Math.min(page, pages - 1);
  const shown = useMemo(() => order.slice(current * pageSize, (current + 1) * pageSize), [order, current, pageSize]);
  const grid = gridSize(shown.length, columns);
  const selected = sel !== null && sel < shown.length ? shown[sel] : null;

  useEffect(() => {
    const ctx = canvasRef.current?.getContext('2d');
    if (!ctx) return;
    paintDigits(ctx, set, shown, columns);
    if (sel !== null && sel < shown.length) paintSelection(ctx, sel, columns, shown.length);
  }, [set, shown, columns, sel]);

  const choose = (c: number | 'all') => {
    setCls(c);
    setPage(0);
    setSel(null);
  };
  const goto = (p: number) => {
    setPage(Math.max(0, Math.min(pages - 1, p)));
    setSel(null);
  };

  const onClick = (e: MouseEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    const x = ((e.clientX - r.left) / r.width) * grid.width;
    const y = ((e.clientY - r.top) / r.height) * grid.height;
    const col = Math.floor((x - GAP / 2) / (MNIST_SIDE + GAP));
    const row = Math.floor((y - GAP / 2) / (MNIST_SIDE + GAP));
    if (col < 0 || col >= grid.cols || row < 0) return;
    const k = row * grid.cols + col;
    if (k < shown.length) setSel(k);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLCanvasElement>) => {
    const moves: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -grid.cols, ArrowDown: grid.cols };
    if (e.key === 'Escape') {
      setSel(null);
      return;
    }
    if (!(e.key in moves)) return;
    e.preventDefault();
    const next = sel === null ? 0 : sel + moves[e.key];
    if (next >= 0 && next < shown.length) setSel(next);
  };

  const labelsOnPage = useMemo(() => [...new Set(shown.map((i) => set.labels[i]))].sort((a, b) => a - b).join(','), [set, shown]);
  const classText = cls === 'all' ? 'all classes' : `class ${cls}`;
  const first = current * pageSize + 1;
  const last = current * pageSize + shown.length;
  const summary = `MNIST digits ${first}–${last} of ${order.length} (${classText}), white on black.`;

  const getSvg = useCallback((): ExportSvg => {
    const scale = 4;
    const src = document.createElement('canvas');
    src.width = grid.width;
    src.height = grid.height;
    const sctx = src.getContext('2d');
    if (!sctx) throw new Error('Canvas 2D is not available');
    paintDigits(sctx, set, shown, columns);
    const big = document.createElement('canvas');
    big.width = grid.width * scale;
    big.height = grid.height * scale;
    const bctx = big.getContext('2d');
    if (!bctx) throw new Error('Canvas 2D is not available');
    bctx.imageSmoothingEnabled = false;
    bctx.drawImage(src, 0, 0, big.width, big.height);
    const w = grid.width * 2;
    const h = grid.height * 2;
    const body = svgEl('image', { x: 0, y: 0, width: w, height: h, 'xlink:href': big.toDataURL('image/png') });
    return composeExportSvg({ title: `${title} — ${classText}, ${first}–${last} of ${order.length}`, width: w, height: h, body, legend: [] });
  }, [grid.width, grid.height, set, shown, columns, title, classText, first, last, order.length]);

  const getCsv = useCallback(() => {
    const header = ['index', 'label', ...Array.from({ length: MNIST_PIXELS }, (_, p) => `p${p}`)].join(',');
    const rows = shown.map((i) => [i, set.labels[i], ...set.images.subarray(i * MNIST_PIXELS, (i + 1) * MNIST_PIXELS)].join(','));
    return [header, ...rows].join('\n');
  }, [set, shown]);

  return (
    <div
      className="mnist-browser"
      data-mnist-browser=""
      data-status="ready"
      data-class={String(cls)}
      data-page={current + 1}
      data-labels={labelsOnPage}
      data-selected={selected ?? ''}
    >
      <div className="mnist-browser-filter" role="group" aria-label="Show digits of class">
        <button type="button" aria-pressed={cls === 'all'} onClick={() => choose('all')}>
          All <span className="mnist-count">{groupDigits(set.n)}</span>
        </button>
        {DIGITS.map((d) => (
          <button key={d} type="button" aria-pressed={cls === d} onClick={() => choose(d)} aria-label={`Digit ${d} (${counts[d]} images)`}>
            {d} <span className="mnist-count">{counts[d]}</span>
          </button>
        ))}
      </div>
      <div className="mnist-browser-main">
        <ChartFrame title={title} chartKey={`digits-${cls}-page${current + 1}`} fileBase={fileBase} getSvg={getSvg} getCsv={getCsv}>
          <canvas
            ref={canvasRef}
            className="mnist-grid-canvas"
            width={grid.width}
            height={grid.height}
            style={{ maxWidth: grid.width * 2 }}
            tabIndex={0}
            role="img"
            aria-label={`${summary} Click a digit, or use the arrow keys, to enlarge it.`}
            onClick={onClick}
            onKeyDown={onKeyDown}
          />
          <div className="mnist-pager">
            <button type="button" onClick={() => goto(current - 1)} disabled={current === 0} aria-label="Previous page">
              ‹ Prev
            </button>
            <button type="button" onClick={() => goto(current + 1)} disabled={current >= pages - 1} aria-label="Next page">
              Next ›
            </button>
            <span className="mnist-pager-text" aria-live="polite">
              Page {current + 1} of {pages} · digits {first}–{last} of {groupDigits(order.length)} ({classText})
            </span>
          </div>
        </ChartFrame>
        <aside className="mnist-zoom" aria-live="polite">
          {selected !== null ? (
            <>
              <DigitZoom set={set} index={selected} />
              <p className="mnist-zoom-caption">
                Index <strong data-mnist-zoom-index="">{selected}</strong> · label <strong data-mnist-zoom-label="">{set.labels[selected]}</strong>
              </p>
            </>
          ) : (
            <p className="mnist-zoom-hint muted">Click a digit to enlarge it.</p>
          )}
        </aside>
      </div>
    </div>
  );
}

/** The MNIST browser; loads the shared digits (with a progress bar) the first time it is shown. */
export function MnistBrowser({ pageSize = 100, columns = 10, title = 'MNIST digits', fileBase = 'lecture08-mnist' }: MnistBrowserProps) {
  const [set, setSet] = useState<MnistSet | null>(null);
  const status = useMnistProgress((s) => s.status);
  useEffect(() => {
    if (set || status === 'loading' || status === 'error') return;
    let live = true;
    loadMnist().then(
      (s) => {
        if (live) setSet(s);
      },
      () => {
        /* shown by <MnistProgress /> with a Retry button */
      },
    );
    return () => {
      live = false;
    };
  }, [set, status]);
  if (!set) {
    return (
      <div className="mnist-browser" data-mnist-browser="" data-status={status === 'error' ? 'error' : 'loading'}>
        <MnistProgress />
      </div>
    );
  }
  return <Browser set={set} pageSize={pageSize} columns={columns} title={title} fileBase={fileBase} />;
}
