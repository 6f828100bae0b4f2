// The single-chain view (issue 19): chain 0 followed step by step the way Chi Feng's MCMC gallery shows a
// chain. Each iteration's event is where the chain was, what it proposed (Metropolis samplers), the path
// it took to the proposal (HMC's leapfrog steps) and whether it moved there; the last MOVES events go to
// the plane as a `chain` layer, drawn fading with age (plots/chain.ts). A sampler without proposals (ULA,
// slice, Gibbs, SVGD, NUTS) shows its moves only. Reads two tiny rows per iteration, only while on.
import { tf } from '../../core/tf';
import type { Tensor2D } from '../../core/tf';
import type { Sampler } from '../../core/samplers/types';
import type { Layer } from '../../protocol/snapshot';

/** the events the plane keeps (older ones have faded out) */
export const MOVES = 40;

export class ChainFollow {
  /** per event: from x, y, proposal x, y (the move's end for a sampler without proposals) */
  private moves: number[] = [];
  private accepted: number[] = [];
  /** the latest event's path (x, y pairs), empty when there is none */
  private path: Float32Array = new Float32Array(0);
  private order: Float32Array = new Float32Array(0);
  private at: [number, number] | null = null;

  reset(): void {
    this.moves = [];
    this.accepted = [];
    this.path = new Float32Array(0);
    this.order = new Float32Array(0);
    this.at = null;
  }

  /** after one sampler step: chain 0's event */
  record(sampler: Sampler): void {
    const now = row0(sampler.particles());
    const probe = sampler.probe?.() ?? { proposal: null, path: null, order: null };
    const from = this.at ?? now;
    const to = probe.proposal ?? now;
    // moved to the proposal (bitwise: the Metropolis step copies the proposal's row); a sampler without
    // proposals always "accepts" its move
    const took = probe.proposal ? now[0] === to[0] && now[1] === to[1] : true;
    this.moves.push(from[0], from[1], to[0], to[1]);
    this.accepted.push(took ? 1 : 0);
    if (this.accepted.length > MOVES) {
      this.moves.splice(0, 4);
      this.accepted.shift();
    }
    this.path = probe.path ?? new Float32Array(0);
    this.order = probe.order ?? new Float32Array(0);
    this.at = now;
  }

  layer(): Extract<Layer, { kind: 'chain' }> | null {
    if (!this.at) return null;
    const k = this.accepted.length - 1;
    const [fx, fy] = [this.moves[4 * k], this.moves[4 * k + 1]];
    let pathStart = 0;
    for (let i = 0; i + 1 < this.path.length; i += 2) {
      if (Math.fround(this.path[i]) === Math.fround(fx) && Math.fround(this.path[i + 1]) === Math.fround(fy)) {
        pathStart = i / 2;
        break;
      }
    }
    return { kind: 'chain', moves: new Float32Array(this.moves), accepted: new Uint8Array(this.accepted), path: this.path.slice(), pathStart, pathOrder: this.order.slice(), current: new Float32Array(this.at) };
  }
}

function row0(x: Tensor2D): [number, number] {
  const v = tf.slice(x, [0, 0], [1, 2]);
  const d = v.dataSync();
  v.dispose();
  return [d[0], d[1]];
}
