// DiKL's own evaluation (METHODS.md §3.5, the official eval.py): 10 repeats, each with 2 000 fresh
// generator samples and 2 000 fresh exact target samples, of
//   * the mean log-density of the generator samples under the target,
//   * the exact W2 between the two sets (optimal assignment, the role POT's emd plays in the paper),
//   * the energy-histogram TVD over 200 bins on the edges of that repeat's target-energy histogram;
// reported as the mean (and the W2's standard deviation) over the repeats.
// An exact W2 on 2 000 points costs ~2 s here, so the solves advance a few rows per call of
// `advance(deadline)` from the worker's step loop and the lab keeps training and drawing meanwhile; the
// samples are all drawn when the evaluation starts, so every repeat measures the same generator.
import { tf } from '../../core/tf';
import type { Rng } from '../../core/rng';
import type { Target } from '../../core/targets/types';
import type { DiklTrainer } from '../../core/dikl/trainer';
import { AssignmentSolver, squaredCosts } from '../../core/metrics/w2-exact';
import { energyTvd } from '../../core/metrics/energy-tvd';
import { finiteRange } from '../common/extent';

export const PAPER_N = 2000;
export const PAPER_REPEATS = 10;

export interface PaperResult {
  /** the generator iteration whose samples were evaluated */
  iteration: number;
  meanLogp: number;
  w2: number;
  w2Sd: number;
  tvd: number;
}

interface Repeat {
  gen: Float32Array;
  ref: Float32Array;
}

export class PaperEvaluation {
  private solver: AssignmentSolver | null = null;
  private at = 0;
  private readonly w2s: number[] = [];

  private constructor(
    readonly iteration: number,
    private readonly repeats: Repeat[],
    private readonly meanLogp: number,
    private readonly tvd: number,
    /** the mean log-density of the exact target samples: the value a perfect sampler's meanLogp scatters around */
    readonly targetLogp: number,
  ) {}

  /** draws every repeat's samples now and takes the cheap metrics; the W2 solves follow in `advance` */
  static async start(tr: DiklTrainer, target: Target, rng: Rng, n = PAPER_N, repeats = PAPER_REPEATS): Promise<PaperEvaluation> {
    const out: Repeat[] = [];
    let logp = 0;
    let refLogp = 0;
    let tvd = 0;
    for (let r = 0; r < repeats; r++) {
      const [g, x, eg, ex] = tf.tidy(() => {
        const gen = tr.sample(n, rng.seed());
        const ref = target.sample(n, rng);
        return [gen, ref, tf.neg(target.logDensity!(gen)), tf.neg(target.logDensity!(ref))];
      });
      // not a params cast: tensor data() is typed for every dtype, and these four tensors are float32
      const [gen, ref, genE, refE] = (await Promise.all([g.data(), x.data(), eg.data(), ex.data()])) as Float32Array[];
      tf.dispose([g, x, eg, ex]);
      out.push({ gen, ref });
      let s = 0;
      let sr = 0;
      for (let i = 0; i < n; i++) {
        s -= genE[i];
        sr -= refE[i];
      }
      logp += s / n;
      refLogp += sr / n;
      tvd += energyTvd(genE, refE, { bins: 200, range: finiteRange(refE) ?? [0, 1] });
    }
    return new PaperEvaluation(tr.iteration, out, logp / repeats, tvd / repeats, refLogp / repeats);
  }

  /** repeats whose W2 is solved, of PAPER_REPEATS */
  get progress(): { repeats: number; of: number; rows: number } {
    return { repeats: this.w2s.length, of: this.repeats.length, rows: this.solver?.progress ?? 0 };
  }

  get done(): boolean {
    return this.w2s.length === this.repeats.length;
  }

  /** solves until `stop()` says so (checked after each assignment row) or all repeats are done */
  advance(stop: () => boolean): boolean {
    while (!this.done) {
      if (!this.solver) {
        const { gen, ref } = this.repeats[this.at];
        // a non-finite sample makes W2 undefined: the repeat reports NaN rather than a number
        if (!gen.every(Number.isFinite)) {
          this.finish(NaN);
          continue;
        }
        this.solver = new AssignmentSolver(squaredCosts(gen, ref), gen.length / 2);
      }
      if (!this.solver.advance(stop)) return false;
      this.finish(Math.sqrt(this.solver.meanCost()));
      if (stop()) return this.done;
    }
    return true;
  }

  private finish(w2: number): void {
    this.w2s.push(w2);
    this.solver = null;
    this.repeats[this.at] = { gen: new Float32Array(0), ref: new Float32Array(0) }; // free the samples
    this.at++;
  }

  result(): PaperResult {
    if (!this.done) throw new Error('PaperEvaluation: not finished');
    const k = this.w2s.length;
    const mean = this.w2s.reduce((a, b) => a + b, 0) / k;
    const sd = Math.sqrt(this.w2s.reduce((a, b) => a + (b - mean) ** 2, 0) / Math.max(1, k - 1));
    return { iteration: this.iteration, meanLogp: this.meanLogp, w2: mean, w2Sd: sd, tvd: this.tvd };
  }
}
