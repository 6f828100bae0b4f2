import { describe, expect, it } from 'vitest';
import { forgetBackend, rememberBackend, rememberedBackend, type StorageLike } from './backend-memory';

function memoryStorage(): StorageLike & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return { data, getItem: (k) => data.get(k) ?? null, setItem: (k, v) => void data.set(k, v), removeItem: (k) => void data.delete(k) };
}

describe('remembered backend choice', () => {
  const measured = [{ backend: 'wasm' as const, adapter: 'WebAssembly (SIMD)', ms: 12 }, { backend: 'cpu' as const, adapter: 'JavaScript', ms: 40 }];

  it('remembers the measured choice for this device and forgets it after 30 days or on request', () => {
    const st = memoryStorage();
    expect(rememberedBackend(st)).toBeNull();
    rememberBackend('wasm', measured, st, 1000);
    expect(rememberedBackend(st, 2000)?.backend).toBe('wasm');
    expect(rememberedBackend(st, 2000)?.measured).toEqual(measured);
    expect(rememberedBackend(st, 1000 + 31 * 24 * 3600 * 1000)).toBeNull();
    forgetBackend(st);
    expect(rememberedBackend(st, 2000)).toBeNull();
  });

  it('ignores another device, corrupt entries and missing or failing storage', () => {
    const st = memoryStorage();
    st.setItem('playground.backend-choice.v1', JSON.stringify({ device: 'another browser|64', backend: 'webgpu', measured: [], at: 1 }));
    expect(rememberedBackend(st, 2)).toBeNull();
    st.setItem('playground.backend-choice.v1', '{not json');
    expect(rememberedBackend(st, 2)).toBeNull();
    expect(rememberedBackend(null)).toBeNull();
    const throwing: StorageLike = { getItem: () => { throw new Error('denied'); }, setItem: () => { throw new Error('quota'); }, removeItem: () => {} };
    expect(() => rememberBackend('cpu', measured, throwing)).not.toThrow();
    expect(rememberedBackend(throwing)).toBeNull();
  });
});
