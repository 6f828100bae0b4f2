import { describe, expect, it } from 'vitest';
import { forgetBackend, rememberBackend, rememberedBackend, type StorageLike } from './backend-memory';

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('remembered backend choice', () => {
  const times = (k: number) => ({ mixture: k, fusedNet: k, net: 8 * k, ops: 3 * k });
  const measured = [{ backend: 'wasm' as const, adapter: 'WebAssembly (SIMD)', times: times(1) }, { backend: 'cpu' as const, adapter: 'JavaScript', times: times(5) }];

  it('remembers the measured choice for this device and forgets it after 30 days or on request', () => {
    const st = memoryStorage();
    expect(rememberedBackend(st)).toBeNull();
    rememberBackend(measured, st, 1000);
    expect(rememberedBackend(st, 2000)?.measured).toEqual(measured);
    expect(rememberedBackend(st, 1000 + 31 * 24 * 3600 * 1000)).toBeNull();
    forgetBackend(st);
    expect(rememberedBackend(st, 2000)).toBeNull();
  });

  it('ignores another device, corrupt entries and missing or failing storage', () => {
    const st = memoryStorage();
    st.setItem('playground.backend-choice.v2', JSON.stringify({ device: 'another browser|64', measured: [], at: 1 }));
    expect(rememberedBackend(st, 2)).toBeNull();
    // an entry of the earlier format (one time per backend) is not read
    rememberBackend(measured, st, 1);
    const e = JSON.parse(st.getItem('playground.backend-choice.v2')!);
    e.measured[0] = { backend: 'wasm', adapter: 'x', ms: 3 };
    st.setItem('playground.backend-choice.v2', JSON.stringify(e));
    expect(rememberedBackend(st, 2)).toBeNull();
    st.setItem('playground.backend-choice.v2', '{not json');
    expect(rememberedBackend(st, 2)).toBeNull();
    expect(rememberedBackend(null)).toBeNull();
    const throwing: StorageLike = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); }, removeItem: () => {} };
    expect(() => rememberBackend(measured, throwing)).not.toThrow();
    expect(rememberedBackend(throwing)).toBeNull();
  });
});
