/**
 * A canvas to draw a digit on with mouse, pen or finger (pointer events). After every stroke
 * segment (at most once per animation frame) the ink is preprocessed like MNIST (preprocess.ts)
 * and handed up; the lab runs the network on it and shows the class probabilities.
 */
import { useCallback, useEffect, useRef } from 'react';
import { preprocessDrawing, type Preprocessed } from './preprocess';

const SIZE = 224;
/** Stroke width in canvas px: MNIST strokes are ~2.5 px of a 20 px high digit; a digit drawn ~170 px high. */
const STROKE = 18;

interface Props {
  onChange: (p: Preprocessed | null) => void;
}

function inkOf(ctx: CanvasRenderingContext2D): Float32Array {
  const d = ctx.getImageData(0, 0, SIZE, SIZE).data;
  const ink = new Float32Array(SIZE * SIZE);
  for (let i = 0; i < ink.length; i++) ink[i] = d[i * 4] / 255;
  return ink;
}

export function DrawPad({ onChange }: Props) {
  const ref = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const frame = useRef(0);

  const clear = useCallback(() => {
    const ctx = ref.current?.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    ctx.fillStyle = '#000000';
    ctx.fillRect(0, 0, SIZE, SIZE);
    onChange(null);
  }, [onChange]);

  useEffect(() => {
    clear();
    return () => cancelAnimationFrame(frame.current);
  }, [clear]);

  const update = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      const ctx = ref.current?.getContext('2d', { willReadFrequently: true });
      if (ctx) onChange(preprocessDrawing(inkOf(ctx), SIZE, SIZE));
    });
  }, [onChange]);

  const pos = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return { x: ((e.clientX - r.left) / r.width) * SIZE, y: ((e.clientY - r.top) / r.height) * SIZE };
  };

  const drawTo = (p: { x: number; y: number }) => {
    const ctx = ref.current?.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    const from = last.current ?? p;
    ctx.strokeStyle = '#ffffff';
    ctx.lineWidth = STROKE;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.beginPath();
    ctx.moveTo(from.x, from.y);
    ctx.lineTo(p.x + (from === p ? 0.01 : 0), p.y);
    ctx.stroke();
    last.current = p;
    update();
  };

  return (
    <div className="cnn-mnist-drawpad">
      <canvas
        ref={ref}
        width={SIZE}
        height={SIZE}
        className="cnn-mnist-drawcanvas"
        role="img"
        aria-label="Drawing area: draw a digit 0–9 with the mouse, a pen or a finger"
        data-testid="cnn-mnist-draw"
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          last.current = null;
          drawTo(pos(e));
        }}
        onPointerMove={(e) => {
          if (last.current) drawTo(pos(e));
        }}
        onPointerUp={() => {
          last.current = null;
        }}
        onPointerCancel={() => {
          last.current = null;
        }}
      />
      <button type="button" onClick={clear}>Clear drawing</button>
    </div>
  );
}
