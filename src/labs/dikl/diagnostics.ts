// The DiKL lab's diagnostic layers: the posterior inspector (exact p(x0 | x_t) samples against the paper's
// AIS estimator at a clicked x_t) and the score errors per noise level.
import { tf } from '../../core/tf';
import type { Tensor2D } from '../../core/tf';
import type { Rng } from '../../core/rng';
import type { Box } from '../../core/types';
import type { Layer } from '../../protocol/snapshot';
import { mixtureRowPosteriorSample, mixtureRowScore } from '../../core/dikl/mixture-rows';
import { aisPosterior } from '../../core/dikl/posterior-ais';
import type { DiklTrainer } from '../../core/dikl/trainer';

const POSTERIOR_N = 300;
const PER_LEVEL = 48;

/** exact and AIS posterior samples at x_t = (px, py), level t; a small cross marks x_t */
export async function inspectorLayers(tr: DiklTrainer, px: number, py: number, tLevel: number, box: Box, rng: Rng): Promise<Record<string, Layer>> {
  const t = Math.min(Math.max(1, Math.round(tLevel)), tr.sched.T - 1);
  const a = tr.sched.a[t];
  const s2 = tr.sched.s[t] ** 2;
  const n = POSTERIOR_N;
  const mix = tr.target.mixture;
  const outs = tf.tidy(() => {
    const x = tf.tile(tf.tensor2d([[px, py]]), [n, 1]) as Tensor2D;
    const ac = tf.fill([n, 1], a) as Tensor2D;
    const sc = tf.fill([n, 1], s2) as Tensor2D;
    const out = aisPosterior(x, ac, sc, tr.target.density, tr.cfg.ais, rng);
    return mix ? [out.x0, mixtureRowPosteriorSample(x, mix, ac, sc, rng)] : [out.x0];
  });
  const [ais, exact] = outs;
  const layers: Record<string, Layer> = {};
  if (exact) {
    layers.postExact = { kind: 'points', xy: new Float32Array(await exact.data()) };
    exact.dispose();
  }
  layers.postAis = { kind: 'points', xy: new Float32Array(await ais.data()) };
  ais.dispose();
  const r = 0.02 * (box.xmax - box.xmin);
  layers.marker = { kind: 'paths', nPaths: 2, length: 2, xy: Float32Array.of(px - r, py - r, px + r, py + r, px - r, py + r, px + r, py - r) };
  return layers;
}

/**
 * Per level t = 1..T−1, on generator samples noised to that level: the model score's DSM loss (its error up to
 * a constant), and, for mixtures, the RMS gap ‖s_ψ − ∇log p^{(t)}‖ between the model score and the exact target
 * score (what DiKL drives to zero) and the RMS error of the run's target-score estimator.
 */
export async function levelErrors(tr: DiklTrainer, rng: Rng): Promise<Layer> {
  const T = tr.sched.T;
  const levels = Int32Array.from({ length: (T - 1) * PER_LEVEL }, (_, i) => 1 + Math.floor(i / PER_LEVEL));
  const n = levels.length;
  const zSeed = rng.seed();
  const eSeed = rng.seed();
  const mix = tr.target.mixture;
  const perRow = tf.tidy(() => {
    const r = tr.rows(levels);
    const x = tr.sample(n, zSeed);
    const eps = tf.randomNormal([n, 2], 0, 1, 'float32', eSeed) as Tensor2D;
    const xt = tf.add(tf.mul(r.a, x), tf.mul(r.s, eps)) as Tensor2D;
    // DSM loss per row: ‖s_t s_ψ + ε‖²
    const sm = tr.model.score(xt, r.t);
    const cols = [tf.sum(tf.square(tf.add(tf.mul(r.s, sm), eps)), 1)];
    if (mix) {
      const exact = mixtureRowScore(xt, mix, r.a, r.s2);
      cols.push(tf.sum(tf.square(tf.sub(sm, exact)), 1));
      if (tr.targetKind !== 'exact') {
        const est = tr.estimateTarget(xt, r.a, r.s2);
        cols.push(tf.sum(tf.square(tf.sub(est.score, exact)), 1));
      }
    }
    return tf.stack(cols, 1);
  });
  const v = await perRow.data();
  const k = perRow.shape[1]!;
  perRow.dispose();
  const xs = Float32Array.from({ length: T - 1 }, (_, i) => i + 1);
  const mean = (c: number, root: boolean) => xs.map((_, li) => {
    let s = 0;
    for (let j = 0; j < PER_LEVEL; j++) s += v[(li * PER_LEVEL + j) * k + c];
    return root ? Math.sqrt(s / PER_LEVEL) : s / PER_LEVEL;
  });
  const ys: Record<string, Float32Array> = { 'model DSM loss': mean(0, false) };
  if (k > 1) ys['RMS ‖s_ψ − exact target score‖'] = mean(1, true);
  if (k > 2) ys['RMS target estimator error'] = mean(2, true);
  return { kind: 'series', xs, ys };
}
