import { describe, expect, it } from 'vitest';
import { chooseBackend, estimateMs, estimatesFor, TIE_MARGIN } from './backend-choice';
import { LAB_SCHEMAS } from '../../labs/schemas';
import type { BackendMeasurement } from '../../protocol/messages';

// the probe's figures on this 2-core machine (Node, 2026-12-02): the fused kernels cost the same on the two
// CPU backends, every other tfjs op far less on WASM
const HERE: BackendMeasurement[] = [
  { backend: 'wasm', adapter: 'WebAssembly (SIMD)', times: { mixture: 1.10, fusedNet: 1.19, net: 8.1, ops: 3.3 } },
  { backend: 'cpu', adapter: 'JavaScript', times: { mixture: 1.00, fusedNet: 1.17, net: 45.5, ops: 21.9 } },
];

describe('auto backend choice per lab', () => {
  it('every lab declares a profile, and on this machine every lab goes to WASM', () => {
    for (const schema of Object.values(LAB_SCHEMAS)) {
      expect(Object.keys(schema!.backendProfile).length, schema!.id).toBeGreaterThan(0);
      expect(chooseBackend(HERE, schema!.backendProfile), schema!.id).toBe('wasm');
    }
  });

  it('a pure-kernel lab whose two backends tie stays on the preferred one, whichever measured a hair faster', () => {
    const kernelOnly = { mixture: 1 };
    expect(chooseBackend(HERE, kernelOnly)).toBe('wasm'); // cpu 1.00 vs wasm 1.10: within the margin
    const swapped = HERE.map((m) => ({ ...m, times: { ...m.times, mixture: m.backend === 'wasm' ? 0.99 : 1.01 } }));
    expect(chooseBackend(swapped, kernelOnly)).toBe('wasm');
    // a clear win beyond the margin is taken
    const cpuFar = HERE.map((m) => ({ ...m, times: { ...m.times, mixture: m.backend === 'cpu' ? 1 : 1 + 2 * TIE_MARGIN } }));
    expect(chooseBackend(cpuFar, kernelOnly)).toBe('cpu');
  });

  it('a GPU wins the kernel-heavy lab and loses the small-network lab when its figures say so', () => {
    const gpu: BackendMeasurement = { backend: 'webgpu', adapter: 'NVIDIA', times: { mixture: 0.2, fusedNet: 2.0, net: 12, ops: 6 } };
    const all = [gpu, ...HERE];
    expect(chooseBackend(all, LAB_SCHEMAS.samplers!.backendProfile)).toBe('webgpu');
    expect(chooseBackend(all, LAB_SCHEMAS.dikl!.backendProfile)).toBe('wasm');
  });

  it('estimates are the profile against the timings; skipped backends are not chosen; nothing measured gives null', () => {
    expect(estimateMs(HERE[0].times, { net: 2, ops: 1 })).toBeCloseTo(2 * 8.1 + 3.3);
    expect(estimatesFor(HERE, { net: 1 }).map((e) => e.backend)).toEqual(['wasm', 'cpu']);
    expect(chooseBackend(HERE, { net: 1 }, ['wasm'])).toBe('cpu');
    expect(chooseBackend([], { net: 1 })).toBeNull();
  });
});
