/**
 * Loads one of the sample photographs (public/data/images, CC0 / public domain, see SOURCES.md
 * there) as an RGB {@link Img} with values in [0, 1], shrunk once (area average) so its short side
 * is at most `shortSide`. Shared by every lab that filters or augments a photo (Lectures 8 and 9).
 * Browser only; cached per name and size; a failed load is not cached, so a retry fetches again.
 */
import { makeImg, resizeArea, resizedSize, type Img } from '../ml/augment';

const cache = new Map<string, Promise<Img>>();

async function fetchPhoto(name: string, shortSide: number): Promise<Img> {
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
  const full = makeImg(canvas.width, canvas.height, 3);
  for (let i = 0; i < canvas.width * canvas.height; i++) {
    full.data[3 * i] = rgba[4 * i] / 255;
    full.data[3 * i + 1] = rgba[4 * i + 1] / 255;
    full.data[3 * i + 2] = rgba[4 * i + 2] / 255;
  }
  const [w, h] = resizedSize(full.width, full.height, shortSide);
  return w < full.width ? resizeArea(full, w, h) : full;
}

export function loadPhoto(name: string, shortSide: number): Promise<Img> {
  const key = `${name}@${shortSide}`;
  let p = cache.get(key);
  if (!p) {
    p = fetchPhoto(name, shortSide);
    cache.set(key, p);
    p.catch(() => cache.delete(key));
  }
  return p;
}
