// Auto's choice of backend for one lab, from the start-up probe's figures: the lab's estimated cost per
// iteration on a backend is its profile (how many of each probed kind of work one iteration does) against
// that backend's timings. Pure, so the choice is tested in Node and made the same way on every load.
import type { BackendEstimate, BackendMeasurement, BackendName, BackendProfile, ProbeTimes } from '../../protocol/messages';

/** when no lab is known yet: a bit of everything */
export const DEFAULT_PROFILE: BackendProfile = { mixture: 1, fusedNet: 1, net: 1, ops: 1 };

/**
 * Near ties go to the backend listed first: on a GPU the GPU (it scales better with N than the probe's
 * sizes show), else WebAssembly over JavaScript (they share the fused kernels, but every other op is
 * faster on WASM). Without this margin two nearly equal backends swap places from one load to the next.
 */
const PREFERENCE: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
export const TIE_MARGIN = 0.15;

const KEYS: readonly (keyof ProbeTimes)[] = ['mixture', 'fusedNet', 'net', 'ops'];

/** estimated ms per iteration of a lab with this profile on a backend with these timings */
export function estimateMs(times: ProbeTimes, profile: BackendProfile): number {
  let ms = 0;
  for (const k of KEYS) ms += (profile[k] ?? 0) * times[k];
  return ms;
}

export function estimatesFor(measured: readonly BackendMeasurement[], profile: BackendProfile): BackendEstimate[] {
  return measured.map((m) => ({ backend: m.backend, ms: estimateMs(m.times, profile) }));
}

/** the backend to run a lab with this profile on: the cheapest estimate, near ties by PREFERENCE */
export function chooseBackend(measured: readonly BackendMeasurement[], profile: BackendProfile, skip: readonly BackendName[] = []): BackendName | null {
  const est = estimatesFor(measured.filter((m) => !skip.includes(m.backend)), profile).filter((e) => Number.isFinite(e.ms));
  if (!est.length) return null;
  const best = Math.min(...est.map((e) => e.ms));
  const near = est.filter((e) => e.ms <= best * (1 + TIE_MARGIN));
  near.sort((a, b) => PREFERENCE.indexOf(a.backend) - PREFERENCE.indexOf(b.backend));
  return near[0].backend;
}
