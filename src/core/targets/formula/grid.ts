// The ground truth of a typed density, from a grid: its log normalizer, exact-in-the-limit samples and its
// marginals. A formula has no closed form for any of these, but in 2D a 400 × 400 midpoint grid over a box
// holding the mass is cheap (160 000 evaluations of a closure tree, ~10-40 ms) and accurate: the midpoint
// rule converges spectrally for smooth densities that decay inside the box. Plain float64 JS, no tensors.
// Also here: the checks that turn a formula which is not a density into a message the user can act on.
import type { Box } from '../../types';
import type { Rng } from '../../rng';

export interface GridTruth {
  box: Box;
  /** cells per axis */
  n: number;
  /** log ∫∫_box exp(log p), by the midpoint rule on the cells (log-sum-exp: no overflow) */
  logZ: number;
  /** cell log-masses normalized, row-major [iy*n+ix] (the cell at column ix, row iy) */
  logMass: Float64Array;
  /** the largest log p at a cell centre */
  logMax: number;
  /** the share of the mass in the box's outer frame (EDGE_FRAME of the width on each side) */
  edgeFraction: number;
  /** interleaved x,y: a cell by its mass (binary search on the CDF), then uniform within the cell */
  sample(count: number, rng: Rng): Float32Array;
  /** one such draw into out[i], out[i + 1] (three rng.uniform() per point, so a seed replays) */
  draw(out: Float32Array, i: number, rng: Rng): void;
  /** normalized marginal density, linear between cell centres (constant in the half cells at the box's edge, 0 outside) */
  marginal(axis: 0 | 1, xs: Float32Array): Float32Array;
}

export type GridProblem =
  | { kind: 'nonfinite'; x: number; y: number; value: number }
  | { kind: 'flat' }
  | { kind: 'edge-mass'; fraction: number }
  /** log p beyond what float32 (the samplers' arithmetic) holds; where, when known */
  | { kind: 'overflow'; x?: number; y?: number }
  | { kind: 'empty' };

type Fail = { ok: false; problem: GridProblem; message: string };

/** the outer frame whose mass is checked: 2.5% of the width on each side (10 cells of 400), so the test does not depend on n */
export const EDGE_FRAME = 1 / 40;
/** more of the mass than this in the frame: not a density on this box (a uniform density has 9.75% there) */
export const EDGE_ERROR = 0.02;
/** more than this: a warning (the box cuts off a visible part) */
export const EDGE_WARN = 1e-3;
/** a range of log p below this over the box counts as flat */
const FLAT = 1e-9;
const FLOAT32_MAX = 3.4028234663852886e38;

/** a coordinate for a message: 4 significant digits, no trailing zeros */
const fmt = (v: number) => String(Number(v.toPrecision(4)));
const pct = (f: number) => `${(100 * f).toFixed(f < 0.1 ? 1 : 0)}%`;

/** the user-facing sentence for a problem; sign −1 words it for an energy E (log p = −E) */
export function gridProblemMessage(problem: GridProblem, sign: 1 | -1 = 1): string {
  const f = sign === 1 ? 'log p' : 'E';
  const confine = sign === 1 ? '-(x^2 + y^2)/2' : '+(x^2 + y^2)/2';
  switch (problem.kind) {
    case 'nonfinite': {
      const at = `(${fmt(problem.x)}, ${fmt(problem.y)})`;
      if (Number.isNaN(problem.value)) return `${f} is NaN at ${at}: e.g. the log or square root of a negative number, 0/0 or ∞ − ∞`;
      return `${f} is ${sign === 1 ? '+∞' : '−∞'} at ${at} (e.g. a division by zero): the density is infinite there. ` +
        `${f} = ${sign === 1 ? '−∞' : '+∞'} is allowed (zero density), ${sign === 1 ? '+∞' : '−∞'} is not`;
    }
    case 'flat':
      return 'the density is flat on the box: it does not depend on x and y there, so it cannot be normalized over the plane; ' +
        `add a confining term like ${confine}`;
    case 'edge-mass':
      if (problem.fraction <= EDGE_ERROR) return `${pct(problem.fraction)} of the mass is at the box's edge: the box cuts off part of the density; enlarge it`;
      return `the density has ${pct(problem.fraction)} of its mass at the box's edge: it may not be normalizable (it does not decay) ` +
        `or the box is too small; enlarge the box or add a confining term like ${confine}`;
    case 'overflow': {
      const at = problem.x !== undefined && problem.y !== undefined ? ` at (${fmt(problem.x)}, ${fmt(problem.y)})` : '';
      return `${f} overflows float32, the samplers' arithmetic${at}: e.g. exp of a number above 88, or values beyond 3.4e38; ` +
        'keep the terms moderate (logsumexp(a, b) rather than log(exp(a) + exp(b)))';
    }
    case 'empty':
      return `the density is zero everywhere on the box (${f} = ${sign === 1 ? '−∞' : '+∞'} at every point)`;
  }
}

const failWith = (problem: GridProblem, sign: 1 | -1): Fail => ({ ok: false, problem, message: gridProblemMessage(problem, sign) });

interface Scan {
  vals: Float64Array;
  nx: number;
  ny: number;
  hx: number;
  hy: number;
  max: number;
  min: number;
  /** a NaN or +∞, the one nearest the box centre */
  bad: { x: number; y: number; value: number } | null;
  /** how many cells are finite */
  finite: number;
}

/** log p at every cell centre of an nx × ny grid over the box (row-major, [iy*nx+ix]) */
function scan(logp: (x: number, y: number) => number, box: Box, nx: number, ny: number): Scan {
  const hx = (box.xmax - box.xmin) / nx, hy = (box.ymax - box.ymin) / ny;
  const cx = (box.xmin + box.xmax) / 2, cy = (box.ymin + box.ymax) / 2;
  const vals = new Float64Array(nx * ny);
  let max = -Infinity, min = Infinity, finite = 0;
  let bad: Scan['bad'] = null;
  let badD = Infinity;
  for (let iy = 0; iy < ny; iy++) {
    const y = box.ymin + (iy + 0.5) * hy;
    for (let ix = 0; ix < nx; ix++) {
      const x = box.xmin + (ix + 0.5) * hx;
      const v = logp(x, y);
      vals[iy * nx + ix] = v;
      if (v > -Infinity && v < Infinity) {
        finite++;
        if (v > max) max = v;
        if (v < min) min = v;
      } else if (v !== -Infinity) {
        const d = (x - cx) ** 2 + (y - cy) ** 2;
        if (d < badD) {
          badD = d;
          bad = { x, y, value: v };
        }
      }
    }
  }
  return { vals, nx, ny, hx, hy, max, min, bad, finite };
}

/** the scan's failures that no box can cure: NaN or +∞, nothing but −∞, beyond float32, a constant */
function basicProblem(s: Scan): GridProblem | null {
  if (s.bad) return { kind: 'nonfinite', ...s.bad };
  if (s.finite === 0) return { kind: 'empty' };
  if (Math.abs(s.max) > FLOAT32_MAX) return { kind: 'overflow' };
  if (s.finite === s.vals.length && s.max - s.min <= FLAT * Math.max(1, Math.abs(s.max))) return { kind: 'flat' };
  return null;
}

/** the share of the mass (exp(v − max), summed) within `frame` cells of the grid's edge */
function edgeShare(s: Scan, frame: number): number {
  let all = 0, edge = 0;
  for (let iy = 0; iy < s.ny; iy++) {
    const rowEdge = iy < frame || iy >= s.ny - frame;
    for (let ix = 0; ix < s.nx; ix++) {
      const w = Math.exp(s.vals[iy * s.nx + ix] - s.max);
      all += w;
      if (rowEdge || ix < frame || ix >= s.nx - frame) edge += w;
    }
  }
  return edge / all;
}

const frameCells = (n: number) => Math.max(1, Math.round(n * EDGE_FRAME));

function checkBox(box: Box) {
  const ok = [box.xmin, box.xmax, box.ymin, box.ymax].every(Number.isFinite) && box.xmax > box.xmin && box.ymax > box.ymin;
  if (!ok) throw new Error(`the box must have finite bounds with xmin < xmax and ymin < ymax, got [${box.xmin}, ${box.xmax}] × [${box.ymin}, ${box.ymax}]`);
}

/**
 * The grid truth of exp(logp) on the box: n × n cells, the midpoint rule. Fails (with the message to show)
 * for NaN or +∞ anywhere on the box, nothing but −∞, a flat log p, more than EDGE_ERROR of the mass in the
 * box's outer frame (not normalizable, or the box too small), or log p beyond float32's range at its mode.
 * Warns (edge-mass) when the frame holds more than EDGE_WARN. `sign` words the messages for an energy
 * (logp is then −E).
 */
export function gridTruth(
  logp: (x: number, y: number) => number, box: Box, n = 400, sign: 1 | -1 = 1,
): { ok: true; truth: GridTruth; warnings: GridProblem[] } | Fail {
  checkBox(box);
  if (!Number.isInteger(n) || n < 4) throw new Error(`gridTruth: n must be an integer >= 4, got ${n}`);
  const s = scan(logp, box, n, n);
  const basic = basicProblem(s);
  if (basic) return failWith(basic, sign);
  const N = n * n;
  let S = 0;
  for (let k = 0; k < N; k++) S += Math.exp(s.vals[k] - s.max);
  const logS = Math.log(S);
  const logZ = s.max + logS + Math.log(s.hx * s.hy);
  const logMass = new Float64Array(N);
  const cdf = new Float64Array(N);
  const mx = new Float64Array(n), my = new Float64Array(n);
  const frame = frameCells(n);
  let acc = 0, edge = 0, last = 0;
  for (let iy = 0; iy < n; iy++) {
    for (let ix = 0; ix < n; ix++) {
      const k = iy * n + ix;
      const lm = s.vals[k] - s.max - logS;
      logMass[k] = lm;
      const m = Math.exp(lm);
      acc += m;
      cdf[k] = acc;
      if (m > 0) last = k;
      mx[ix] += m;
      my[iy] += m;
      if (iy < frame || iy >= n - frame || ix < frame || ix >= n - frame) edge += m;
    }
  }
  // the last cell with mass ends the CDF at +∞, so a draw never lands past it (rounding leaves acc ≈ 1)
  for (let k = last; k < N; k++) cdf[k] = Infinity;
  for (let i = 0; i < n; i++) {
    mx[i] /= s.hx;
    my[i] /= s.hy;
  }
  const edgeFraction = edge / acc;
  if (edgeFraction > EDGE_ERROR) return failWith({ kind: 'edge-mass', fraction: edgeFraction }, sign);
  const warnings: GridProblem[] = edgeFraction > EDGE_WARN ? [{ kind: 'edge-mass', fraction: edgeFraction }] : [];

  const { xmin, ymin } = box;
  const { hx, hy } = s;
  const draw = (out: Float32Array, i: number, rng: Rng) => {
    const u = rng.uniform();
    let lo = 0, hi = last;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cdf[mid] > u) hi = mid;
      else lo = mid + 1;
    }
    const ix = lo % n, iy = (lo - ix) / n;
    out[i] = xmin + (ix + rng.uniform()) * hx;
    out[i + 1] = ymin + (iy + rng.uniform()) * hy;
  };
  const truth: GridTruth = {
    box: { ...box }, n, logZ, logMass, logMax: s.max, edgeFraction,
    draw,
    sample(count, rng) {
      if (!Number.isInteger(count) || count < 0) throw new Error(`sample: count must be a non-negative integer, got ${count}`);
      const out = new Float32Array(2 * count);
      for (let j = 0; j < count; j++) draw(out, 2 * j, rng);
      return out;
    },
    marginal(axis, xs) {
      const m = axis === 0 ? mx : my;
      const lo = axis === 0 ? box.xmin : box.ymin, hi = axis === 0 ? box.xmax : box.ymax;
      const h = axis === 0 ? hx : hy;
      const out = new Float32Array(xs.length);
      for (let i = 0; i < xs.length; i++) {
        const v = xs[i];
        if (!(v >= lo && v <= hi)) continue;
        const t = (v - lo) / h - 0.5;
        if (t <= 0) out[i] = m[0];
        else if (t >= n - 1) out[i] = m[n - 1];
        else {
          const j = Math.floor(t), r = t - j;
          out[i] = m[j] * (1 - r) + m[j + 1] * r;
        }
      }
      return out;
    },
  };
  return { ok: true, truth, warnings };
}

/** the half-widths of the wide boxes findBox looks in, in turn, until the mass fits in one */
export const FIND_BOX_WIDE = [20, 40, 80, 160] as const;
/** where the box ends: log p more than this below its maximum (a Gaussian keeps all but e^{-12} ≈ 6e-6 of its mass within) */
export const FIND_BOX_DROP = 12;
/** the margin added on each side, as a share of the region's size (5%: a standard normal gets ±5.5) */
export const FIND_BOX_PAD = 0.05;
const SCAN = 161;
/** refinement scans at most (two when the first region found holds the mass) */
const FIND_BOX_PASSES = 8;

/**
 * The bounding box of the cells with log p above max − FIND_BOX_DROP, one cell wider on each side (the
 * region ends between cell centres), and which sides of the scanned box it reaches.
 */
function region(s: Scan, box: Box): { box: Box; touches: boolean; sides: { left: boolean; right: boolean; bottom: boolean; top: boolean } } {
  const cut = s.max - FIND_BOX_DROP;
  let i0 = s.nx, i1 = -1, j0 = s.ny, j1 = -1;
  for (let iy = 0; iy < s.ny; iy++) {
    for (let ix = 0; ix < s.nx; ix++) {
      if (s.vals[iy * s.nx + ix] > cut) {
        if (ix < i0) i0 = ix;
        if (ix > i1) i1 = ix;
        if (iy < j0) j0 = iy;
        if (iy > j1) j1 = iy;
      }
    }
  }
  const sides = { left: i0 === 0, right: i1 === s.nx - 1, bottom: j0 === 0, top: j1 === s.ny - 1 };
  return {
    touches: sides.left || sides.right || sides.bottom || sides.top,
    sides,
    box: {
      xmin: box.xmin + (i0 - 1) * s.hx, xmax: box.xmin + (i1 + 2) * s.hx,
      ymin: box.ymin + (j0 - 1) * s.hy, ymax: box.ymin + (j1 + 2) * s.hy,
    },
  };
}

const pad = (b: Box): Box => {
  const px = FIND_BOX_PAD * (b.xmax - b.xmin), py = FIND_BOX_PAD * (b.ymax - b.ymin);
  return { xmin: b.xmin - px, xmax: b.xmax + px, ymin: b.ymin - py, ymax: b.ymax + py };
};

/** 1, 2 or 5 times a power of ten, the largest not above v */
function niceStep(v: number): number {
  const p = 10 ** Math.floor(Math.log10(v));
  return v >= 5 * p ? 5 * p : v >= 2 * p ? 2 * p : p;
}

/**
 * Square (so a circle looks round in the plot) and rounded outward to a step of about a twentieth of the
 * side (1, 2 or 5 times a power of ten: ±3 for the ring of radius 2, ±5.5 for a standard normal).
 */
export function roundSquare(b: Box): Box {
  const side = Math.max(b.xmax - b.xmin, b.ymax - b.ymin);
  const step = niceStep(side / 20);
  const cx = (b.xmin + b.xmax) / 2, cy = (b.ymin + b.ymax) / 2;
  const q = (k: number) => Number((k * step).toPrecision(12));
  // a bound already on the step stays (0.01 / 0.002 is 4.999...: no extra step for rounding error)
  const down = (v: number) => Math.floor(v / step + 1e-9), up = (v: number) => Math.ceil(v / step - 1e-9);
  const x0 = down(cx - side / 2), x1 = up(cx + side / 2);
  const y0 = down(cy - side / 2), y1 = up(cy + side / 2);
  const k = Math.max(x1 - x0, y1 - y0);
  return { xmin: q(x0), xmax: q(x0 + k), ymin: q(y0), ymax: q(y0 + k) };
}

/**
 * A sensible default box from the density: look on a coarse grid over [−20, 20]² (widened to ±40, ±80,
 * ±160 while the region where log p > max − 12 reaches the edge), take that region's bounding box, refine
 * it on finer grids over the region found (moving a side out while the region reaches it), pad 5% a side
 * and make it square (roundSquare). Fails with the scan's problem (NaN, flat, empty) or, when the mass
 * still reaches the edge of the widest box with more than EDGE_ERROR of it in the frame, edge-mass: the
 * density does not decay. `sign` words the messages for an energy.
 */
export function findBox(logp: (x: number, y: number) => number, sign: 1 | -1 = 1): { ok: true; box: Box } | Fail {
  let found: Box | null = null;
  let lastEmpty = false;
  for (const half of FIND_BOX_WIDE) {
    const wide = { xmin: -half, xmax: half, ymin: -half, ymax: half };
    const s = scan(logp, wide, SCAN, SCAN);
    const basic = basicProblem(s);
    // nothing but −∞ here may still have mass further out; anything else is final
    if (basic?.kind === 'empty') {
      lastEmpty = true;
      continue;
    }
    lastEmpty = false;
    if (basic) return failWith(basic, sign);
    const r = region(s, wide);
    if (!r.touches) {
      found = r.box;
      break;
    }
    if (half === FIND_BOX_WIDE[FIND_BOX_WIDE.length - 1]) {
      const fraction = edgeShare(s, frameCells(SCAN));
      if (fraction > EDGE_ERROR) {
        return {
          ok: false, problem: { kind: 'edge-mass', fraction },
          message: `the density does not decay: even on [-${half}, ${half}]² it has ${pct(fraction)} of its mass at the edge, ` +
            `so it may not be normalizable; add a confining term like ${sign === 1 ? '-' : '+'}(x^2 + y^2)/2`,
        };
      }
      found = r.box;
    }
  }
  if (lastEmpty || !found) return failWith({ kind: 'empty' }, sign);
  // The coarse cells are 0.25 wide at ±20 (2 at ±160), too coarse for a narrow ridge: refine on the
  // region itself, and where the finer scan finds the region reaching a side, move that side out by the
  // box's size (a steep ridge like y = x², 0.3 wide, slips between coarse cells far out).
  let box = pad(found);
  for (let pass = 0; pass < FIND_BOX_PASSES; pass++) {
    const s = scan(logp, box, SCAN, SCAN);
    const basic = basicProblem(s);
    if (basic?.kind === 'nonfinite') return failWith(basic, sign);
    if (basic) break;
    const r = region(s, box);
    const w = box.xmax - box.xmin, h = box.ymax - box.ymin;
    const next = pad(r.box);
    if (r.sides.left) next.xmin = box.xmin - w;
    if (r.sides.right) next.xmax = box.xmax + w;
    if (r.sides.bottom) next.ymin = box.ymin - h;
    if (r.sides.top) next.ymax = box.ymax + h;
    box = next;
    if (!r.touches && pass >= 1) break;
  }
  return { ok: true, box: roundSquare(box) };
}
