// Bias against T for a mixture prior, where nothing is Gaussian and no closed form exists: for one (rule, T),
// run the zero-shot sampler on n particles, and estimate
//   KL(Q_{1|y} ‖ P_{1|y})  by a Gaussian KDE of the particles at t = 1 (kde-kl.ts: biased upward, mostly by
//                          the KDE's smoothing; the oracle's curve shows that floor),
//   SW₂(P_0, posterior)    sliced W2 of the final samples to exact posterior samples,
//   W₂(P_0, posterior)     exact W2 (Hungarian matching) on min(n, 300)-point subsamples.
// Each point has its own seed (from rule and T), so the result does not depend on the order of evaluation.
import type { Tensor2D } from '../tf';
import { gmmNoised } from '../gmm';
import { Rng } from '../rng';
import { slicedW2 } from '../metrics/sliced-w2';
import { w2ExactSubsampled } from '../metrics/w2-exact';
import { klKde } from './kde-kl';
import { RULE_IDS, type RuleId } from './measurement';
import { ReverseRun } from './reverse-run';
import { levelOf, makeVpTable, type VarianceKind, type VpKind } from './schedule';
import type { MixtureCondSetup } from './tensor-rules';
import { ruleStepFn } from './rule-steps';
import { noisedSamples } from './uncond-scores';

export interface SamplePoint {
  kl: number;
  sw2: number;
  w2: number;
}

export interface SampleSweepRef {
  /** exact posterior samples and fixed noise (the noised reference at t = 1 is a x0 + s z) */
  x0: Tensor2D;
  z: Tensor2D;
  /** the same posterior samples, read once */
  x0xy: Float32Array;
}

export async function samplePoint(
  cs: MixtureCondSetup, rule: RuleId, T: number, kind: VpKind, variance: VarianceKind, n: number,
  ref: SampleSweepRef, seed: number,
): Promise<SamplePoint> {
  if (!Number.isInteger(T) || T < 2) throw new Error(`sample sweep: T must be an integer >= 2, got ${T}`);
  const tab = makeVpTable(kind, T);
  const rng = new Rng((seed ^ (T * 7919) ^ ((RULE_IDS.indexOf(rule) + 1) * 104729)) >>> 0);
  const run = new ReverseRun(n, tab, variance, ruleStepFn(rule, cs, tab), rng);
  try {
    while (run.t > 1) run.step();
    const x1 = new Float32Array(await run.particles().data());
    const l1 = levelOf(tab, 1);
    const q1 = noisedSamples(ref.x0, ref.z, l1);
    let kl: number;
    try {
      kl = await klKde(gmmNoised(cs.post, l1), q1, x1);
    } finally {
      q1.dispose();
    }
    run.step();
    const x0 = new Float32Array(await run.particles().data());
    if (!x0.every(Number.isFinite)) return { kl: NaN, sw2: NaN, w2: NaN };
    const mrng = new Rng(seed + T);
    return { kl, sw2: slicedW2(x0, ref.x0xy, mrng, 64), w2: w2ExactSubsampled(x0, ref.x0xy, mrng, 300) };
  } finally {
    run.dispose();
  }
}
