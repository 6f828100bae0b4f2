// The one module in src/ (outside worker/ and cli/) that imports TensorFlow.js.
// Everything in core/, labs/ and engine/ does `import { tf } from '../tf'` (or a relative path to it),
// so swapping or instrumenting tfjs happens in one place.
import * as tf from '@tensorflow/tfjs-core';
export { tf };
export type { Tensor, Tensor1D, Tensor2D, Scalar, Variable } from '@tensorflow/tfjs-core';
