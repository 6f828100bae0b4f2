// The one module in src/ (outside worker/ and cli/) that imports TensorFlow.js.
// Everything in core/, labs/ and engine/ does `import { tf } from '../tf'` (or a relative path to it),
// so swapping or instrumenting tfjs happens in one place.
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone registers no gradients (the @tensorflow/tfjs union package does this import);
// without it tf.grad / tf.variableGrads fail with "gradient function not found".
import '@tensorflow/tfjs-core/dist/register_all_gradients';
export { tf };
export type { Tensor, Tensor1D, Tensor2D, Scalar, Variable } from '@tensorflow/tfjs-core';
