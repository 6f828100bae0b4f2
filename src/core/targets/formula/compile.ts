// A parsed formula as tfjs ops: the log density the samplers evaluate on [N,2] batches, and its score by
// tfjs autodiff. The tree is walked once per call (a few dozen ops, nothing compared with the kernels).
// Constant subtrees (no x, no y) are folded in float64 to one number first, so pi, e, the parameters and
// things like exp(100)/exp(99) cost nothing and lose no precision to float32.
import { tf } from '../../tf';
import type { Tensor, Tensor1D, Tensor2D } from '../../tf';
import { dependsOnXY, evaluate, type Expr } from './parse';

/** a value during compilation: a number (folded constant) or a tensor of shape [N] */
type Val = number | Tensor;

/** integer exponents up to this size become products; larger ones overflow float32 anyway */
const MAX_INT_POWER = 1 << 20;

/**
 * base^k for an integer k by square-and-multiply (k < 0: 1 / base^|k|). tf.pow of a negative base is NaN
 * in some GPU shaders (they compute exp(k log base)), where (−2)·(−2) is 4 on every backend.
 */
function intPower(base: Tensor, k: number): Tensor {
  if (k === 0) return tf.onesLike(base);
  let n = Math.abs(k);
  let acc: Tensor | null = null;
  let sq = base;
  for (;;) {
    if (n & 1) acc = acc === null ? sq : tf.mul(acc, sq);
    n = Math.floor(n / 2);
    if (n === 0) break;
    sq = tf.square(sq);
  }
  return k < 0 ? tf.reciprocal(acc!) : acc!;
}

/**
 * log Σ_k exp(v[k]) of rows [k, N] (constants broadcast to [N]), with the column max subtracted. Not
 * tf.logSumExp, which is NaN where every term is −∞ (−∞ − (−∞)): here an infinite max is replaced by 0, so
 * that column comes out −∞ (zero density), as in float64. The max's own gradient cancels (d/dm = 1 − Σ
 * softmax = 0), so autodiff through it is exact.
 */
function logSumExp(v: Tensor2D): Tensor1D {
  const m = tf.max(v, 0);
  const shift = tf.where(tf.isFinite(m), m, tf.zerosLike(m));
  return tf.add(shift, tf.log(tf.sum(tf.exp(tf.sub(v, shift)), 0))) as Tensor1D;
}

const asTensor = (v: Val, like: Tensor): Tensor => (typeof v === 'number' ? tf.fill(like.shape, v) : v);

/** the formula on columns x1, x2 ([N] each); a constant formula comes back as a number */
function build(expr: Expr, params: Readonly<Record<string, number>>, x1: Tensor1D, x2: Tensor1D): Val {
  const go = (e: Expr): Val => {
    if (!dependsOnXY(e)) return evaluate(e, 0, 0, params);
    switch (e.kind) {
      case 'num': return e.value;
      case 'name': return e.name === 'x' ? x1 : x2;
      case 'neg': return tf.neg(go(e.arg) as Tensor);
      case 'bin': {
        if (e.op === '^' && !dependsOnXY(e.right)) {
          const k = evaluate(e.right, 0, 0, params);
          const base = go(e.left) as Tensor;
          if (Number.isInteger(k) && Math.abs(k) <= MAX_INT_POWER) return intPower(base, k);
          if (k === 0.5) return tf.sqrt(base);
          return tf.pow(base, k);
        }
        const a = go(e.left);
        const b = go(e.right);
        // at least one side is a tensor here (else the node would have been folded)
        const ta = typeof a === 'number' ? tf.scalar(a) : a;
        const tb = typeof b === 'number' ? tf.scalar(b) : b;
        switch (e.op) {
          case '+': return tf.add(ta, tb);
          case '-': return tf.sub(ta, tb);
          case '*': return tf.mul(ta, tb);
          case '/': return tf.div(ta, tb);
          // a tensor exponent: a positive constant base is exp(b log a), which is what pow computes
          case '^': return tf.pow(ta, tb);
        }
        break;
      }
      case 'call': {
        const args = e.args.map(go);
        const t0 = args.find((a): a is Tensor => typeof a !== 'number')!;
        const a0 = args[0] as Tensor; // one-argument functions: their argument depends on x or y
        switch (e.fn) {
          case 'exp': return tf.exp(a0);
          case 'log': return tf.log(a0);
          case 'log1p': return tf.log1p(a0);
          case 'sqrt': return tf.sqrt(a0);
          case 'abs': return tf.abs(a0);
          case 'sin': return tf.sin(a0);
          case 'cos': return tf.cos(a0);
          case 'tanh': return tf.tanh(a0);
          case 'sigmoid': return tf.sigmoid(a0);
          case 'softplus': return tf.softplus(a0);
          case 'min':
          case 'max': {
            const op = e.fn === 'min' ? tf.minimum : tf.maximum;
            return args.slice(1).reduce((acc: Tensor, v) => op(acc, typeof v === 'number' ? tf.scalar(v) : v), asTensor(args[0], t0));
          }
          case 'logsumexp': return logSumExp(tf.stack(args.map((v) => asTensor(v, t0))) as Tensor2D);
        }
      }
    }
    throw new Error(`formula: cannot compile a '${e.kind}' node`);
  };
  return go(expr);
}

/** the formula times sign, as one tensor [N] */
function columns(expr: Expr, params: Readonly<Record<string, number>>, sign: 1 | -1, x: Tensor2D): Tensor1D {
  const [x1, x2] = tf.unstack(x, 1) as [Tensor1D, Tensor1D];
  const v = build(expr, params, x1, x2);
  if (typeof v === 'number') return tf.fill([x.shape[0]], sign * v) as Tensor1D;
  return (sign === 1 ? v : tf.neg(v)) as Tensor1D;
}

/** log density (or minus the energy: the caller passes sign) as a columnwise tfjs function; x [N,2] -> [N]. Runs inside tf.tidy. */
export function compileLogDensity(expr: Expr, params: Readonly<Record<string, number>>, sign: 1 | -1 = 1): (x: Tensor2D) => Tensor1D {
  return (x) => tf.tidy(() => columns(expr, params, sign, x));
}

/** its gradient by tfjs autodiff (tf.grad of the sum), x [N,2] -> [N,2] */
export function compileScore(expr: Expr, params: Readonly<Record<string, number>>, sign: 1 | -1 = 1): (x: Tensor2D) => Tensor2D {
  // a formula in neither x nor y has no path from x to differentiate along (tf.grad would refuse)
  if (!dependsOnXY(expr)) return (x) => tf.zeros([x.shape[0], 2]) as Tensor2D;
  const g = tf.grad((x: Tensor) => tf.sum(columns(expr, params, sign, x as Tensor2D)));
  return (x) => tf.tidy(() => g(x) as Tensor2D);
}
