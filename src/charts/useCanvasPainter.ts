import { useEffect, type RefObject } from 'react';

/**
 * Paint a canvas at devicePixelRatio resolution, at most once per animation frame:
 * whenever `paint` (memoise it!) or the size changes, the pending frame is replaced.
 * `paint` draws in CSS pixels; the DPR transform is already applied.
 */
export function useCanvasPainter(
  canvasRef: RefObject<HTMLCanvasElement | null>,
  width: number,
  height: number,
  paint: (ctx: CanvasRenderingContext2D) => void,
): void {
  useEffect(() => {
    const frame = requestAnimationFrame(() => {
      const canvas = canvasRef.current;
      const ctx = canvas?.getContext('2d');
      if (!canvas || !ctx) return;
      const dpr = window.devicePixelRatio || 1;
      const w = Math.max(1, Math.round(width * dpr));
      const h = Math.max(1, Math.round(height * dpr));
      if (canvas.width !== w || canvas.height !== h) {
        canvas.width = w;
        canvas.height = h;
      }
      ctx.setTransform(w / width, 0, 0, h / height, 0, 0);
      paint(ctx);
    });
    return () => cancelAnimationFrame(frame);
  }, [canvasRef, width, height, paint]);
}

/** Render `paint` into a fresh canvas at `scale`× and return it (for exports). */
export function paintOffscreen(
  width: number, height: number, scale: number, paint: (ctx: CanvasRenderingContext2D) => void,
): HTMLCanvasElement {
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(1, Math.round(width * scale));
  canvas.height = Math.max(1, Math.round(height * scale));
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas 2D is not available');
  ctx.setTransform(canvas.width / width, 0, 0, canvas.height / height, 0, 0);
  paint(ctx);
  return canvas;
}
