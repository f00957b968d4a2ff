/**
 * Loads one of the sample photographs (public/data/images, CC0 / public domain, see SOURCES.md
 * there) as an RGB {@link Img}, shrunk once (area average) so its short side is PHOTO_SHORT_SIDE.
 * Browser only; cached per name.
 */
import { makeImg, resizeArea, resizedSize, type Img } from '../../../../ml/augment';
import { PHOTO_SHORT_SIDE } from './params';

const cache = new Map<string, Promise<Img>>();

async function fetchPhoto(name: string): Promise<Img> {
  const url = new URL(`data/images/${name}.png`, document.baseURI).href;
  const res = await fetch(url);
  if (!res.ok) throw new Error(`Could not load the photo ${name}.png (HTTP ${res.status}).`);
  const bitmap = await createImageBitmap(await res.blob());
  const canvas = document.createElement('canvas');
  canvas.width = bitmap.width;
  canvas.height = bitmap.height;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('Canvas 2D is not available.');
  ctx.drawImage(bitmap, 0, 0);
  bitmap.close();
  const rgba = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
  const n = canvas.width * canvas.height;
  const rgb = new Float32Array(n * 3);
  for (let i = 0; i < n; i++) {
    rgb[3 * i] = rgba[4 * i] / 255;
    rgb[3 * i + 1] = rgba[4 * i + 1] / 255;
    rgb[3 * i + 2] = rgba[4 * i + 2] / 255;
  }
  const full = makeImg(canvas.width, canvas.height, 3);
  full.data.set(rgb);
  const [w, h] = resizedSize(full.width, full.height, PHOTO_SHORT_SIDE);
  return w < full.width ? resizeArea(full, w, h) : full;
}

export function loadPhoto(name: string): Promise<Img> {
  let p = cache.get(name);
  if (!p) {
    p = fetchPhoto(name);
    cache.set(name, p);
    p.catch(() => cache.delete(name));
  }
  return p;
}
