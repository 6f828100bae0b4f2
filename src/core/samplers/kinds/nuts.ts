// The No-U-Turn Sampler (Hoffman & Gelman 2014, JMLR 15, Algorithms 3 and 6) in its multinomial form, as
// Stan runs it (Betancourt 2017, "A Conceptual Introduction to Hamiltonian Monte Carlo", appendix A;
// Stan's base_nuts): identity mass, one transition per chain per iteration, every chain with its own step
// size tuned by dual averaging (../dual-averaging.ts, as hmcda) towards the acceptance statistic δ.
//
// One transition of a chain at x: p ~ N(0, I), H0 = −log p(x) + |p|²/2. The trajectory starts as the one
// state (x, p) and doubles, depth j = 0, 1, …, maxDepth − 1: a direction ±1 at random, then a subtree of
// 2^j leapfrog steps of that sign from the trajectory's end on that side. Each state z of it weighs
// w(z) = e^(H0 − H(z)). The subtree is invalid (the chain stops doubling, the subtree discarded) when a
// leaf diverges (H − H0 > 1000, or H not a number) or any of its sub-subtrees (sizes 2, 4, …, 2^j) fails
// the no-U-turn criterion; else its candidate, a leaf drawn ∝ w, replaces the chain's sample with
// probability min(1, W_new / W_old) (Betancourt 2017's biased progressive sampling), W the summed weights
// of the subtree and of the old trajectory, and the chain stops doubling when the merged trajectory fails
// the criterion. The criterion on a span of states with end momenta p⁻, p⁺ and summed momenta ρ is
// p⁻·ρ > 0 and p⁺·ρ > 0 (the generalized criterion of Betancourt 2013, identity mass); every merge of two
// adjacent spans A, B checks it on A ∪ B, on A plus B's first state and on B plus A's last state (Stan's
// checks between subtrees, stan-dev/stan#2800, 2019). Detailed balance holds for this transition as for
// Stan's: the within-subtree draw is the same multinomial draw ∝ w, here made progressively leaf by leaf
// (leaf k replaces the subtree's candidate with probability w_k / Σ_{i≤k} w_i) rather than by recursive
// halves, which gives every leaf the same probability w_k / W (and the subtree is used only when
// complete). The acceptance statistic the step is tuned by is Stan's: the mean over every leapfrog step
// built, those of a discarded subtree included, of min(1, e^(H0 − H)) (Algorithm 6's α / n_α).
//
// Batched: all chains double in lockstep, each subtree is 2^j leapfrog steps on the [N,2] tensors, and a
// chain that has stopped (or whose subtree became invalid) is masked while the others go on: tf.where
// keeps its sample, trajectory ends and running sums (its discarded subtree integrates on, never read).
// The subtree's recursion is iterative: after leaf k the blocks that k completes are merged bottom-up (bit
// l of k set: the block of size 2^l ending at k merges with the one stored at level l), so every check of
// the recursion is made, with a stored (first momentum, last momentum, summed momenta) per level. On the
// CPU, WASM and WebGL backends the loop reads back (one number) after each doubling and at sizes 4, 8, …
// within a subtree, and ends as soon as every chain has stopped; on other backends (WebGPU, where a
// synchronous read-back stalls or loses the device) it reads nothing and runs all maxDepth doublings
// masked. Both give the same numbers: every random draw of a transition comes from one seed in a fixed
// order (direction and merge uniforms per doubling, one uniform per leaf).
//
// Cost, per chain: the score and the log density at x (recomputed, not cached from the last transition,
// so a target changed live is read afresh) and at every leaf that chain built: 1 + n_leapfrog of each.
// That is what `cost` charges, per chain, though a masked chain's batched rows were computed too (the
// read-back path counts at once; the other adds the count when the device answers, a frame later).
// Stats: `step_adapted` (geometric mean of the chains' steps) and `tree_depth` (mean number of doublings
// kept); the acceptance reported is the mean acceptance statistic.
import { tf } from '../../tf';
import type { Scalar, Tensor, Tensor1D, Tensor2D } from '../../tf';
import { CLEAN } from '../../types';
import { Rng } from '../../rng';
import { MetropolisSampler, sqNorm, type Advance } from '../base';
import { DualAveraging } from '../dual-averaging';
import type { SamplerOptions } from '../types';

/** an energy error above this is a divergence (Stan's max_deltaH) */
const MAX_DELTA_H = 1000;
/** backends where a synchronous read of one number is cheap enough to stop the doubling early */
const READ_BACKENDS = new Set(['cpu', 'wasm', 'webgl']);

/** a transition's per-chain tensors by name (the tree, the subtree being built, its stored blocks) */
type State = Record<string, Tensor>;

/** fn's tensors (made in a tidy) replace those keys; a replaced tensor that no key holds any more is freed */
function evolve(s: State, fn: (s: State) => State): State {
  const patch = tf.tidy(() => fn(s));
  const next = { ...s, ...patch };
  const held = new Set(Object.values(next));
  for (const k of Object.keys(patch)) if (s[k] && !held.has(s[k])) s[k].dispose();
  return next;
}

/**
 * Two adjacent spans, A then B in integration order (each: first momentum, last momentum, summed momenta):
 * the no-U-turn criterion p⁻·ρ > 0 and p⁺·ρ > 0 on A ∪ B, on A plus B's first state and on B plus A's last
 * state (Stan's base_nuts), its six dot products as one [n,6,2] product
 */
function merge(aFirst: Tensor, aLast: Tensor, aRho: Tensor, bFirst: Tensor, bLast: Tensor, bRho: Tensor): { ok: Tensor; rho: Tensor } {
  const n = aFirst.shape[0];
  const rho = tf.add(aRho, bRho);
  const rhoA = tf.add(aRho, bFirst);
  const rhoB = tf.add(bRho, aLast);
  const ends = tf.reshape(tf.concat([aFirst, bLast, aFirst, bFirst, aLast, bLast], 1), [n, 6, 2]);
  const sums = tf.reshape(tf.concat([rho, rho, rhoA, rhoA, rhoB, rhoB], 1), [n, 6, 2]);
  const ok = tf.greater(tf.min(tf.sum(tf.mul(ends, sums), 2), 1), 0);
  return { ok, rho };
}

/** log(e^a + e^b), elementwise (NaN where both are −∞: only for chains whose values are masked) */
function logAddExp(a: Tensor, b: Tensor): Tensor {
  return tf.add(tf.maximum(a, b), tf.log1p(tf.exp(tf.neg(tf.abs(tf.sub(a, b))))));
}

/**
 * a per-chain [n] tensor as [n,2], the column twice: masks and steps on the [n,2] states have their shape
 * (tfjs's CPU kernels broadcast an [n,1] operand element by element, several times slower)
 */
const both = (t: Tensor) => {
  const c = tf.reshape(t, [t.shape[0], 1]);
  return tf.concat([c, c], 1);
};

export class NutsSampler extends MetropolisSampler {
  readonly id = 'nuts' as const;
  private readonly da: DualAveraging;
  /** 'auto': read back where it is cheap (READ_BACKENDS); tests force either path to compare them */
  loop: 'auto' | 'read' | 'masked' = 'auto';
  /** masked-path transitions whose leapfrog count the device has not answered yet (each frees its own tensor) */
  pending = 0;
  private closed = false;

  constructor(opts: SamplerOptions) {
    super('nuts', opts, 'NUTS');
    this.da = new DualAveraging(this.particles().shape[0], opts.step);
  }

  /** while the single-chain view is on: chain 0's leaves of this transition, [1,4] each (x, y, forward, building) */
  private leafRec: Tensor[] = [];

  protected advance(): Advance {
    tf.dispose(this.leafRec);
    this.leafRec = [];
    const x = this.particles();
    const n = x.shape[0];
    const adaptSteps = Number(this.setting('adaptSteps'));
    const adapting = this.da.adapting(adaptSteps);
    const maxDepth = Number(this.setting('maxDepth'));
    const read = this.loop === 'read' || (this.loop === 'auto' && READ_BACKENDS.has(tf.getBackend()));
    const cost0 = { ...this.cost };
    const eps = both(tf.exp(this.da.logStep(adaptSteps))); // [n,2]
    const p0 = this.noise();
    const draws = new Rng(this.rng.seed()); // every draw of the tree, in a fixed order
    const g0 = this.score(x, CLEAN);
    const H0 = tf.sub(tf.mul(sqNorm(p0), 0.5), this.logDensity(x));
    const x0 = tf.clone(x); // the state's own copy: evolve() may free what it replaces
    const zeros = tf.zeros([n]);
    let s: State = {
      qm: x0, pm: p0, gm: g0, qp: x0, pp: p0, gp: g0, rho: p0, lsw: zeros, sample: x0,
      active: tf.ones([n], 'bool'), depth: zeros, sumAcc: zeros, nLeap: zeros,
    };
    let done = false;
    for (let j = 0; j < maxDepth && !done; j++) {
      const dirSeed = draws.seed();
      const mergeSeed = draws.seed();
      // the subtree starts at the trajectory's end on a random side; building: still valid and extending
      s = evolve(s, (s) => {
        const fwd = tf.greater(tf.randomUniform([n], 0, 1, 'float32', dirSeed), 0.5);
        const f = both(fwd);
        const e = tf.where(f, eps, tf.neg(eps));
        const q = tf.where(f, s.qp, s.qm);
        return { fwd, e, he: tf.mul(e, 0.5), q, p: tf.where(f, s.pp, s.pm), g: tf.where(f, s.gp, s.gm), building: s.active, lswS: tf.fill([n], -Infinity), cand: q };
      });
      const leaves = 2 ** j;
      for (let k = 0; k < leaves; k++) {
        const leafSeed = draws.seed();
        s = evolve(s, (s) => this.leaf(s, k, j, H0, leafSeed));
        // every chain's subtree invalid (or stopped): nothing is left to build this transition
        if (read && k < leaves - 1 && k >= 3 && ((k + 1) & k) === 0 && !this.any(s.building)) {
          done = true;
          break;
        }
      }
      if (done) break;
      s = evolve(s, (s) => {
        const valid = s.building;
        const f = both(s.fwd);
        // the old trajectory runs from its far end (away from the subtree) to the end the subtree grew from
        const m = merge(tf.where(f, s.pm, s.pp), tf.where(f, s.pp, s.pm), s.rho, s.subFirst, s.subLast, s.subRho);
        const take = tf.logicalAnd(valid, tf.less(tf.randomUniform([n], 0, 1, 'float32', mergeSeed), tf.exp(tf.sub(s.lswS, s.lsw))));
        const ahead = both(tf.logicalAnd(valid, s.fwd));
        const behind = both(tf.logicalAnd(valid, tf.logicalNot(s.fwd)));
        return {
          sample: tf.where(both(take), s.cand, s.sample),
          lsw: tf.where(valid, logAddExp(s.lsw, s.lswS), s.lsw),
          rho: tf.where(both(valid), m.rho, s.rho),
          depth: tf.add(s.depth, tf.cast(valid, 'float32')),
          qp: tf.where(ahead, s.q, s.qp), pp: tf.where(ahead, s.p, s.pp), gp: tf.where(ahead, s.g, s.gp),
          qm: tf.where(behind, s.q, s.qm), pm: tf.where(behind, s.p, s.pm), gm: tf.where(behind, s.g, s.gm),
          active: tf.logicalAnd(valid, m.ok),
        };
      });
      if (read && !this.any(s.active)) done = true;
    }
    const alpha = tf.div(s.sumAcc, s.nLeap); // nLeap >= 1: every chain builds the first leaf
    if (adapting) this.da.update(alpha as Tensor1D, Number(this.setting('delta')));
    // charge each chain its own leapfrog steps (the batched calls above counted every row)
    const leapSum = tf.sum(s.nLeap);
    this.cost.gradients = cost0.gradients + 1;
    this.cost.densities = cost0.densities + 1;
    if (read) this.charge(leapSum.dataSync()[0] / n);
    else {
      const kept = tf.keep(leapSum);
      this.pending += 1;
      void kept.data()
        .then((v) => {
          if (!this.closed) this.charge(v[0] / n);
        })
        .catch(() => undefined) // a device lost mid-read: the count is lost with it
        .finally(() => {
          this.pending -= 1;
          kept.dispose();
        });
    }
    const tree = this.following ? this.treeOfChain0(x) : undefined;
    return {
      x: s.sample as Tensor2D,
      accept: tf.mean(alpha) as Scalar,
      proposal: this.following ? (s.sample as Tensor2D) : undefined,
      path0: tree?.path,
      path0Order: tree?.order,
      stats: { step_adapted: this.da.geometricMean(adaptSteps), tree_depth: tf.mean(s.depth) as Scalar },
    };
  }

  /**
   * leaf k of a depth-j subtree: one leapfrog step, its weight, the candidate, the checks. Only the chains
   * still building (s.building) count: the rest integrate on unmasked (their subtree is discarded whole, so
   * its positions, weights and candidate are never read), and only the running sums and the flag are masked.
   */
  private leaf(s: State, k: number, j: number, H0: Tensor, seed: number): State {
    const n = H0.shape[0];
    const b = s.building;
    const pHalf = tf.add(s.p, tf.mul(s.he, s.g));
    const q1 = tf.add(s.q, tf.mul(s.e, pHalf)) as Tensor2D;
    if (this.following) {
      const flag = (t: Tensor) => tf.reshape(tf.cast(tf.slice(t, [0], [1]), 'float32'), [1, 1]);
      this.leafRec.push(tf.keep(tf.concat([tf.slice(q1, [0, 0], [1, 2]), flag(s.fwd), flag(b)], 1)));
    }
    const g1 = this.score(q1, CLEAN);
    const p1 = tf.add(pHalf, tf.mul(s.he, g1));
    const logW = tf.sub(H0, tf.sub(tf.mul(sqNorm(p1 as Tensor2D), 0.5), this.logDensity(q1)));
    // H − H0 ≤ 1000, false also when H is not a number (Stan: NaN counts as +∞)
    const fine = tf.greaterEqual(logW, -MAX_DELTA_H);
    const lswS = logAddExp(s.lswS, logW);
    // progressive multinomial draw within the subtree: leaf k becomes the candidate w.p. w_k / Σ_{i≤k} w_i
    const take = tf.less(tf.randomUniform([n], 0, 1, 'float32', seed), tf.exp(tf.sub(logW, lswS)));
    const out: State = {
      q: q1, p: p1, g: g1, lswS,
      cand: tf.where(both(take), q1, s.cand),
      // Stan's acceptance statistic sums min(1, e^(H0 − H)) over every leaf built (0 for a divergent one)
      sumAcc: tf.add(s.sumAcc, tf.where(tf.logicalAnd(b, fine), tf.minimum(tf.exp(logW), 1), tf.zerosLike(logW))),
      nLeap: tf.add(s.nLeap, tf.cast(b, 'float32')),
    };
    // the leaf is a block of size 1; merge it up with the stored blocks it completes (bits of k set), and
    // store the first one it does not (a first half, waiting for its second)
    let first: Tensor = p1;
    let rho: Tensor = p1;
    let ok = fine;
    let l = 0;
    for (; l < j && ((k >> l) & 1) === 1; l++) {
      const m = merge(s[`first${l}`], s[`last${l}`], s[`rho${l}`], first, p1, rho);
      ok = tf.logicalAnd(ok, m.ok);
      first = s[`first${l}`];
      rho = m.rho;
    }
    if (l < j) Object.assign(out, { [`first${l}`]: first, [`last${l}`]: p1, [`rho${l}`]: rho });
    else Object.assign(out, { subFirst: first, subLast: p1, subRho: rho }); // k = 2^j − 1: the whole subtree
    out.building = tf.logicalAnd(b, ok);
    return out;
  }

  /**
   * chain 0's trajectory for the single-chain view, from its backward end to its forward end: the leaves it
   * built (while it was still building), each placed beside the end its subtree grew from, around x. One read.
   */
  private treeOfChain0(x: Tensor2D): { path: Float32Array; order: Float32Array } {
    const rec = this.leafRec.length ? (tf.concat(this.leafRec, 0).dataSync() as Float32Array) : new Float32Array(0);
    const start = tf.slice(x, [0, 0], [1, 2]).dataSync();
    // x, y and the leaf's place in build order (the start is 0)
    const back: number[][] = [];
    const ahead: number[][] = [];
    let built = 0;
    for (let i = 0; i + 3 < rec.length; i += 4) {
      if (rec[i + 3] !== 1) continue; // chain 0 had stopped, or this subtree was already refused
      (rec[i + 2] === 1 ? ahead : back).push([rec[i], rec[i + 1], ++built]);
    }
    tf.dispose(this.leafRec);
    this.leafRec = [];
    const pts = [...back.reverse(), [start[0], start[1], 0], ...ahead];
    return { path: new Float32Array(pts.flatMap((p) => [p[0], p[1]])), order: new Float32Array(pts.map((p) => p[2])) };
  }

  /** a read-back of whether any entry of a bool [n] tensor is true */
  private any(t: Tensor): boolean {
    return tf.tidy(() => tf.any(t).dataSync()[0]) !== 0;
  }

  private charge(leapfrogs: number): void {
    this.cost.gradients += leapfrogs;
    this.cost.densities += leapfrogs;
  }

  dispose(): void {
    super.dispose();
    this.da?.dispose();
    tf.dispose(this.leafRec);
    this.leafRec = [];
    this.closed = true;
  }
}

// registry.ts loads a sampler by its id: the class is this file's default export
export default NutsSampler;
