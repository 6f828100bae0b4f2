// The start-up probe behind auto's backend choice: four small timings per backend, one for each kind of work
// the labs do (a fused mixture step, a fused DSM training step, a tfjs-autodiff network training step, and
// op-by-op tfjs closed forms). A lab's cost on a backend is then its mix of these (LabSchema.backendProfile;
// engine/bench/backend-choice.ts), so one probe serves every lab and the choice is per lab: a pure-kernel
// sampler and a network trainer can prefer different backends. About 100–400 ms a backend on a CPU; it runs
// once per device, and the main thread remembers the figures.
import { tf } from '../../core/tf';
import type { Tensor2D } from '../../core/tf';
import { Rng } from '../../core/rng';
import { gmmLogProbAndScore, gmmScore } from '../../core/gmm';
import { MOG40 } from '../../core/targets/mixtures';
import { createSampler, loadSamplers } from '../../core/samplers/registry';
import { createScoreNet } from '../../core/nets/score-net';
import { Mlp } from '../../core/nets/mlp';
import type { ProbeTimes } from '../../protocol/messages';

const clock = (globalThis as unknown as { performance?: { now(): number } }).performance;
const now = () => (clock ? clock.now() : Date.now());

async function median(once: () => Promise<void>, repeats: number): Promise<number> {
  await once(); // warm-up: shader compilation, first allocations, kernel registration
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = now();
    await once();
    times.push(now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

/** ms of one ULA step on MoG-40 at N = 2000, read back (the Samplers lab's fused kernel where the backend has one) */
async function mixtureStep(repeats: number): Promise<number> {
  await loadSamplers(['ula']);
  const sampler = createSampler('ula', {
    init: tf.randomNormal([2000, 2], 0, 1, 'float32', 1) as Tensor2D, score: (x, l) => gmmScore(x, MOG40, l), mixture: MOG40,
    rng: new Rng(1), step: 0.1, leapfrog: 1, eta: 0, integrator: 'euler', annealStepsPerLevel: 1,
  });
  try {
    return await median(async () => {
      sampler.step();
      await sampler.particles().data();
    }, repeats);
  } finally {
    sampler.dispose();
  }
}

/** ms of one DSM step of the score net (128 wide, batch 128): fused on CPU/WASM, tfjs on the GPUs */
async function fusedNetStep(repeats: number): Promise<number> {
  const data = tf.randomNormal([512, 2], 0, 1, 'float32', 2) as Tensor2D;
  const net = createScoreNet({ hidden: 128, depth: 2, lr: 1e-3, batch: 128, dataScale: 1, rng: new Rng(2) });
  try {
    return await median(async () => {
      if (net.trainStepAsync) await net.trainStepAsync(data);
      else net.trainStep(data);
    }, repeats);
  } finally {
    net.dispose();
    data.dispose();
  }
}

/** ms of one tfjs-autodiff Adam step of a 2 -> 128 -> 128 -> 2 MLP at batch 256, read back (generators, energies, policies) */
async function netStep(repeats: number): Promise<number> {
  const mlp = new Mlp({ inDim: 2, outDim: 2, hidden: 128, depth: 2, rng: new Rng(3) });
  const opt: tf.Optimizer = tf.train.adam(1e-3);
  const x = tf.randomNormal([256, 2], 0, 1, 'float32', 3) as Tensor2D;
  try {
    return await median(async () => {
      const loss = tf.tidy(() => {
        const { value, grads } = tf.variableGrads(() => tf.mean(tf.square(tf.sub(mlp.apply(x), x))) as tf.Scalar, mlp.vars);
        opt.applyGradients(grads);
        return value;
      });
      await loss.data();
      loss.dispose();
    }, repeats);
  } finally {
    mlp.dispose();
    opt.dispose();
    x.dispose();
  }
}

/** ms of the op-by-op MoG-40 log density and score at N = 1000, read back (metrics, grids, the Mismatch rules) */
async function opsPass(repeats: number): Promise<number> {
  const x = tf.randomNormal([1000, 2], 0, 3, 'float32', 4) as Tensor2D;
  try {
    return await median(async () => {
      const s = tf.tidy(() => {
        const { logp, score } = gmmLogProbAndScore(x, MOG40);
        return tf.add(tf.sum(logp), tf.sum(score));
      });
      await s.data();
      s.dispose();
    }, repeats);
  } finally {
    x.dispose();
  }
}

/** the four timings on the active backend */
export async function probeBackend(repeats = 3): Promise<ProbeTimes> {
  return {
    mixture: await mixtureStep(repeats),
    fusedNet: await fusedNetStep(repeats),
    net: await netStep(repeats),
    ops: await opsPass(repeats),
  };
}
