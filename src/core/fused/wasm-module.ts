// Compiling and instantiating the hand-written WebAssembly SIMD modules (gmm-simd.wat, mlp-simd.wat) from
// the base64 bytes that scripts/build-wasm.mjs generates. Synchronous (each module is a few KB), compiled
// once per module, instantiated per caller that needs its own memory. Returns null where WebAssembly
// SIMD is missing or the bytes fail to compile, so callers keep their JavaScript or tfjs path.

// core/ compiles without DOM or Node types (tsconfig.core.json), so the little of the WebAssembly API
// used here is declared locally; every runtime the app supports has it
export interface WasmMemory { buffer: ArrayBuffer | SharedArrayBuffer; grow(pages: number): number }
interface WasmApi {
  validate(bytes: Uint8Array): boolean;
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: Record<string, unknown> };
  Memory: new (d: { initial: number; maximum?: number; shared?: boolean }) => WasmMemory;
}
const wasmApi = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;

export const WASM_PAGE = 65536;

// base64 decoding by hand: atob is a DOM/Node global outside core's types, and this runs once per module
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
function decode(base64: string): Uint8Array {
  const s = base64.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let j = 0;
  for (let i = 0; i < s.length; i++) {
    acc = (acc << 6) | B64.indexOf(s[i]);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[j++] = (acc >> bits) & 255;
    }
  }
  return out;
}

const compiled = new Map<string, object | null>();

function compile(base64: string): object | null {
  if (compiled.has(base64)) return compiled.get(base64) ?? null;
  let mod: object | null = null;
  try {
    const b = decode(base64);
    if (wasmApi && wasmApi.validate(b)) mod = new wasmApi.Module(b);
  } catch {
    mod = null;
  }
  compiled.set(base64, mod);
  return mod;
}

/** a fresh instance (with its own memory) of the module in `base64`, or null where it cannot run */
export function instantiateSimd(base64: string, imports: object = {}): Record<string, unknown> | null {
  const mod = compile(base64);
  if (!mod || !wasmApi) return null;
  try {
    return new wasmApi.Instance(mod, imports).exports;
  } catch {
    return null;
  }
}

/**
 * A shared WebAssembly memory (its buffer a SharedArrayBuffer, for threads), or null where there is none:
 * no SharedArrayBuffer (a page that is not cross-origin isolated) or no threads in this WebAssembly.
 */
export function sharedMemory(initialPages: number, maximumPages: number): WasmMemory | null {
  if (!wasmApi || typeof SharedArrayBuffer === 'undefined') return null;
  try {
    const m = new wasmApi.Memory({ initial: initialPages, maximum: maximumPages, shared: true });
    return m.buffer instanceof SharedArrayBuffer ? m : null;
  } catch {
    return null;
  }
}

/** grows `memory` so that it holds at least `bytes` */
export function ensureBytes(memory: WasmMemory, bytes: number): void {
  const have = memory.buffer.byteLength;
  if (have < bytes) memory.grow(Math.ceil((bytes - have) / WASM_PAGE));
}
