// What the Samplers lab draws: density heatmap of the (noised) target at the particles' level,
// score arrows (exact and learned side by side), trajectories, marginals, mixture handles.
import type { SamplersParams } from './params';
import { tf } from '../../core/tf';
import type { Tensor2D } from '../../core/tf';
import { CLEAN, type Mixture, type NoiseLevel } from '../../core/types';
import type { Target } from '../../core/targets/types';
import type { ScoreNet } from '../../core/nets/types';
import { gmmLogProb, gmmMarginal } from '../../core/gmm';
import type { Layer } from '../../protocol/snapshot';
import { histogramGrid, marginalHistogram, scalarGrid, vectorGrid } from '../common/grid';

const HEAT_N = 96;
const FIELD_N = 21;
const PATHS = 6;
const PATH_LEN = 80;
const BINS = 48;

export class SamplersView {
  private level: NoiseLevel = CLEAN;
  private paths: Tensor2D[] = [];
  private grids: Record<string, Layer> = {};
  private dataHeat: Layer | null = null;
  /** what the cached grids were computed for: a Langevin run (one level throughout) computes them once,
   *  not every 400 ms (12 ms each at N = 10 000, a missed display frame every time) */
  private densityFor: unknown[] | null = null;
  private fieldsFor: unknown[] | null = null;

  constructor(private target: Target, private reference: Float32Array) {}

  recordLevel(level: NoiseLevel): void {
    this.level = level;
  }

  reset(x: Tensor2D): void {
    this.paths.forEach((t) => t.dispose());
    this.paths = [];
    this.level = CLEAN;
    this.recordPath(x);
  }

  /** keeps the first few particles of each step (a tiny slice, read only at snapshot time) */
  recordPath(x: Tensor2D): void {
    const k = Math.min(PATHS, x.shape[0]);
    this.paths.push(tf.keep(tf.slice(x, [0, 0], [k, 2])));
    if (this.paths.length > PATH_LEN) this.paths.shift()!.dispose();
  }

  async trainingLayers(p: SamplersParams, grids: boolean): Promise<Record<string, Layer>> {
    if (grids) await this.refreshDensity(p, CLEAN);
    const layers: Record<string, Layer> = { ...this.grids, particles: { kind: 'points', xy: this.reference } };
    this.addHandles(layers);
    return layers;
  }

  async samplingLayers(p: SamplersParams, xy: Float32Array, grids: boolean, net: ScoreNet | null): Promise<Record<string, Layer>> {
    if (grids) {
      await this.refreshDensity(p, this.level);
      await this.refreshFields(p, net);
    }
    const layers: Record<string, Layer> = { ...this.grids, particles: { kind: 'points', xy } };
    if (p.paths && this.paths.length > 1) layers.paths = await this.pathLayer();
    if (p.hist) {
      layers.histX = this.hist(xy, 0);
      layers.histY = this.hist(xy, 1);
    }
    this.addHandles(layers);
    return layers;
  }

  private addHandles(layers: Record<string, Layer>): void {
    if (this.target.id === 'custom' && this.target.mixture) layers.handles = { kind: 'handles', components: this.target.mixture };
  }

  private async refreshDensity(p: SamplersParams, level: NoiseLevel): Promise<void> {
    const key = [this.target, p.density, level.a, level.s2];
    if (sameKey(this.densityFor, key)) return;
    this.densityFor = key;
    delete this.grids.density;
    if (p.density === 'off') return;
    const t = this.target;
    if (t.mixture) {
      const mix = t.mixture;
      this.grids.density = await scalarGrid(t.box, HEAT_N, (x) => gmmLogProb(x, mix, level), true);
    } else if (t.logDensity) {
      this.grids.density = await scalarGrid(t.box, HEAT_N, t.logDensity, true);
    } else {
      this.dataHeat ??= histogramGrid(this.reference, t.box, 64);
      this.grids.density = this.dataHeat;
    }
  }

  private async refreshFields(p: SamplersParams, net: ScoreNet | null): Promise<void> {
    const key = [this.target, p.field, this.level.a, this.level.s2, net, net?.steps];
    if (sameKey(this.fieldsFor, key)) return;
    this.fieldsFor = key;
    delete this.grids.fieldExact;
    delete this.grids.fieldLearned;
    if (!p.field) return;
    const t = this.target;
    const level = this.level;
    const exactHere = t.score && (t.exactNoisedScore || (level.a === 1 && level.s2 === 0));
    if (exactHere) this.grids.fieldExact = await vectorGrid(t.box, FIELD_N, (x) => t.score!(x, level));
    if (net) this.grids.fieldLearned = await vectorGrid(t.box, FIELD_N, (x) => net.score(x, level));
  }

  private async pathLayer(): Promise<Layer> {
    const k = this.paths[0].shape[0];
    const len = this.paths.length;
    // [len, k, 2] -> path-major [k, len, 2]
    const stacked = tf.tidy(() => tf.transpose(tf.stack(this.paths.filter((t) => t.shape[0] === k)), [1, 0, 2]));
    const xy = new Float32Array(await stacked.data());
    const n = stacked.shape[1];
    stacked.dispose();
    return { kind: 'paths', xy, nPaths: k, length: n ?? len };
  }

  private hist(xy: Float32Array, axis: 0 | 1): Layer {
    const b = this.target.box;
    const [lo, hi] = axis === 0 ? [b.xmin, b.xmax] : [b.ymin, b.ymax];
    const t = this.target;
    const level = this.level;
    let ref: ((c: Float32Array) => Float32Array) | undefined;
    if (t.mixture) ref = (c) => gmmMarginal(noised(t.mixture!, level), axis, c);
    else if (t.marginal && level.s2 === 0) ref = (c) => t.marginal!(axis, c);
    else ref = (c) => (marginalHistogram(this.reference, axis, lo, hi, c.length) as { density: Float32Array }).density;
    return marginalHistogram(xy, axis, lo, hi, BINS, ref);
  }

  dispose(): void {
    this.paths.forEach((t) => t.dispose());
    this.paths = [];
  }
}

function sameKey(a: unknown[] | null, b: unknown[]): boolean {
  return a !== null && a.length === b.length && a.every((v, i) => Object.is(v, b[i]));
}

/** the mixture of x_t = a x0 + s z when x0 follows `mix` */
export function noised(mix: Mixture, level: NoiseLevel): Mixture {
  const a2 = level.a * level.a;
  return mix.map((c) => ({
    w: c.w,
    mean: [level.a * c.mean[0], level.a * c.mean[1]],
    cov: [a2 * c.cov[0] + level.s2, a2 * c.cov[1], a2 * c.cov[2] + level.s2],
  }));
}
