/**
 * A canvas to draw a digit on with mouse, pen or finger (pointer events). After every stroke
 * segment (at most once per animation frame) the ink is preprocessed like MNIST (preprocess.ts)
 * and handed up; the lab runs the network on it and shows the class probabilities. An image file
 * dropped on the pad (or picked with "Load image…") is turned into ink the same way (grey, inverted
 * when its background is light, src/labs/owndata/imageInk.ts) and replaces the drawing; a file
 * that is not a decodable image leaves the drawing as it was and says why.
 */
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { imageToInk } from '../../../../labs/owndata/imageInk';
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

/** Decode an image file into ink on a SIZE×SIZE field (the image fitted, aspect kept, centred). */
async function inkFromFile(file: File): Promise<{ ok: true; ink: Float32Array; inverted: boolean } | { ok: false; message: string }> {
  const looksImage = file.type.startsWith('image/') || /\.(png|jpe?g|gif|webp|bmp|avif|svg)$/i.test(file.name);
  if (!looksImage) return { ok: false, message: `${file.name} is not an image (PNG, JPEG, GIF, WebP, …); your drawing is unchanged.` };
  let bmp: ImageBitmap;
  try {
    bmp = await createImageBitmap(file);
  } catch {
    return { ok: false, message: `${file.name} could not be decoded as an image; your drawing is unchanged.` };
  }
  const scale = SIZE / Math.max(bmp.width, bmp.height);
  const w = Math.max(1, Math.round(bmp.width * scale));
  const hgt = Math.max(1, Math.round(bmp.height * scale));
  const c = document.createElement('canvas');
  c.width = w;
  c.height = hgt;
  const cx = c.getContext('2d', { willReadFrequently: true });
  if (!cx) return { ok: false, message: 'This browser cannot read images here; your drawing is unchanged.' };
  cx.drawImage(bmp, 0, 0, w, hgt);
  bmp.close();
  const r = imageToInk(cx.getImageData(0, 0, w, hgt).data, w, hgt);
  if (!r.ok) return { ok: false, message: `${file.name}: ${r.message} Your drawing is unchanged.` };
  const ink = new Float32Array(SIZE * SIZE);
  const ox = Math.floor((SIZE - w) / 2);
  const oy = Math.floor((SIZE - hgt) / 2);
  for (let y = 0; y < hgt; y++) for (let x = 0; x < w; x++) ink[(y + oy) * SIZE + x + ox] = r.ink[y * w + x];
  return { ok: true, ink, inverted: r.inverted };
}

export function DrawPad({ onChange }: Props) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ error: boolean; text: string } | null>(null);
  const [over, setOver] = useState(false);
  const ref = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const frame = useRef(0);

  const clear = useCallback(() => {
    const ctx = ref.current?.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    ctx.fillStyle = '#000000';
    ctx.fillRect(0, 0, SIZE, SIZE);
    setMessage(null);
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

  const loadImage = async (file: File | undefined) => {
    if (!file) return;
    const r = await inkFromFile(file);
    if (!r.ok) {
      setMessage({ error: true, text: r.message });
      return;
    }
    const ctx = ref.current?.getContext('2d', { willReadFrequently: true });
    if (!ctx) return;
    const img = ctx.createImageData(SIZE, SIZE);
    for (let i = 0; i < r.ink.length; i++) {
      const v = Math.round(r.ink[i] * 255);
      img.data[4 * i] = v;
      img.data[4 * i + 1] = v;
      img.data[4 * i + 2] = v;
      img.data[4 * i + 3] = 255;
    }
    ctx.putImageData(img, 0, 0);
    last.current = null;
    setMessage({ error: false, text: `Loaded ${file.name}${r.inverted ? ' (light background, so inverted to white on black like MNIST)' : ''}. Draw on it or clear it.` });
    update();
  };

  const files = (e: DragEvent) => Array.from(e.dataTransfer?.types ?? []).includes('Files');

  return (
    <div
      className={`cnn-mnist-drawpad${over ? ' cnn-mnist-drawpad-over' : ''}`}
      data-testid="cnn-mnist-drop"
      onDragEnter={(e) => {
        if (files(e)) {
          e.preventDefault();
          setOver(true);
        }
      }}
      onDragOver={(e) => {
        if (files(e)) {
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
        }
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setOver(false);
      }}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        void loadImage(e.dataTransfer?.files?.[0]);
      }}
    >
      <canvas
        ref={ref}
        width={SIZE}
        height={SIZE}
        className="cnn-mnist-drawcanvas"
        role="img"
        aria-label="Drawing area: draw a digit 0–9 with the mouse, a pen or a finger, or drop an image of one"
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
      <div className="cnn-mnist-drawbuttons">
        <button type="button" onClick={clear}>Clear drawing</button>{' '}
        <button type="button" onClick={() => fileRef.current?.click()}>Load image…</button>
        <input
          ref={fileRef}
          type="file"
          accept="image/*"
          className="visually-hidden"
          tabIndex={-1}
          aria-label="Image of a digit"
          data-testid="cnn-mnist-image-file"
          onChange={(e) => {
            void loadImage(e.currentTarget.files?.[0]);
            e.currentTarget.value = '';
          }}
        />
      </div>
      <p className="control-help">…or drop an image of a digit on the square.</p>
      {message ? (
        message.error
          ? <p className="notice danger" role="alert" data-testid="cnn-mnist-image-alert">{message.text}</p>
          : <p className="muted" role="status">{message.text}</p>
      ) : null}
    </div>
  );
}
