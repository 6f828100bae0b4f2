// The start-up probe behind "backend choice by measurement" (issue 8): one real step of what the labs
// do most, timed on each backend that starts, so `auto` picks the fastest here rather than trusting a
// fixed order (a fast CPU's WASM can beat a weak GPU; a big GPU wins at large N). It is small on purpose
// (about 50–300 ms a backend): it runs once per device, the main thread remembers the choice.
import { tf } from '../../core/tf';
import type { Tensor2D } from '../../core/tf';
import { Rng } from '../../core/rng';
import { gmmScore } from '../../core/gmm';
import { MOG40 } from '../../core/targets/mixtures';
import { createSampler } from '../../core/samplers/registry';
import { createScoreNet } from '../../core/nets/score-net';

const clock = (globalThis as unknown as { performance?: { now(): number } }).performance;
const now = () => (clock ? clock.now() : Date.now());

/** median ms of (ULA step on MoG-40 at N = 2000 + one DSM training step, batch 128, 128 wide: the labs train nets too, and there CPU is 10-20x slower than WASM), read back */
export async function probeBackend(repeats = 3): Promise<number> {
  const rng = new Rng(1);
  const sampler = createSampler('ula', {
    init: tf.randomNormal([2000, 2], 0, 1, 'float32', 1) as Tensor2D, score: (x, l) => gmmScore(x, MOG40, l), mixture: MOG40,
    rng, step: 0.1, leapfrog: 1, eta: 0, integrator: 'euler', annealStepsPerLevel: 1,
  });
  const data = tf.randomNormal([512, 2], 0, 1, 'float32', 2) as Tensor2D;
  const net = createScoreNet({ hidden: 128, depth: 2, lr: 1e-3, batch: 128, dataScale: 1, rng });
  const once = async () => {
    sampler.step();
    if (net.trainStepAsync) await net.trainStepAsync(data);
    else net.trainStep(data);
    await sampler.particles().data();
  };
  try {
    await once(); // warm-up: shader compilation, first allocations
    const times: number[] = [];
    for (let i = 0; i < repeats; i++) {
      const t0 = now();
      await once();
      times.push(now() - t0);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)];
  } finally {
    sampler.dispose();
    net.dispose();
    data.dispose();
  }
}
