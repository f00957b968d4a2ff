/** Types for scripts/mnist-format.mjs (the MNIST asset encoder shared by the build and the tests). */
export const MNIST_MAGIC: string;
export const MNIST_VERSION: number;
export const MNIST_SIDE: number;
export const MNIST_PIXELS: number;
export const MNIST_HEADER_BYTES: number;
export const MNIST_ASSET_PATH: string;
export function fnv1a32(bytes: Uint8Array, start?: number, end?: number): number;
export function mnistDigitsDir(): string;
export function readPackageDigits(dir?: string): { images: Uint8Array; labels: Uint8Array; counts: number[] };
export function readPackageDigitFile(d: number, dir?: string): number[];
export function readAssetFile(root?: string): Uint8Array | null;
export function encodeMnist(images: Uint8Array, labels: Uint8Array): Uint8Array;
export function gzipDeterministic(bytes: Uint8Array): Uint8Array;
export function buildMnistAsset(dir?: string): { raw: Uint8Array; gz: Uint8Array; counts: number[] };
/** Uncompressed I2DM bytes for node code: the generated file if valid, else built in memory. */
export function readMnistRaw(root?: string): Uint8Array;
export function isValidAsset(file: string): boolean;
export function ensureMnistAsset(options?: { force?: boolean; root?: string }): {
  file: string;
  built: boolean;
  rawBytes?: number;
  gzBytes: number;
};
