/**
 * The one entry point to TensorFlow.js for the whole app.
 *
 * We import tfjs-core piecewise (not the full `@tensorflow/tfjs` bundle, which drags in layers,
 * converter and data). Piecewise imports need two side-effect modules, or training throws:
 * the gradient registry (for `tf.grad`, `optimizer.minimize`) and the chained ops
 * (`tensor.square()` style calls). Backends are registered in `backends.ts`.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';

export * from '@tensorflow/tfjs-core';
