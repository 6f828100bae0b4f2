// Remembers auto's probe figures per device, so the probe runs once, not on every page load, and every
// load makes the same per-lab choice from the same figures. The device key is what can change the answer: the browser build
// and the core count (the GPU shows up in the user agent's platform only coarsely, so an entry also
// expires after 30 days and is dropped when the remembered backend no longer starts).
import type { BackendMeasurement } from '../protocol/messages';

// v2: the figures per kind of work (v1 held one probe time and a single choice, and is not read)
const KEY = 'playground.backend-choice.v2';
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

interface Entry {
  device: string;
  measured: BackendMeasurement[];
  at: number;
}

export interface StorageLike {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
  removeItem(k: string): void;
}

const nav = (): { userAgent?: string; hardwareConcurrency?: number } => (globalThis as unknown as { navigator?: { userAgent?: string; hardwareConcurrency?: number } }).navigator ?? {};
export const deviceKey = (): string => `${nav().userAgent ?? 'unknown'}|${nav().hardwareConcurrency ?? 0}`;

function storage(): StorageLike | null {
  try {
    return (globalThis as unknown as { localStorage?: StorageLike }).localStorage ?? null;
  } catch {
    return null; // storage disabled (privacy mode): measure every time
  }
}

/** the remembered figures for this device, if fresh and well formed */
export function rememberedBackend(store = storage(), now = Date.now()): Entry | null {
  try {
    const e = JSON.parse(store?.getItem(KEY) ?? 'null') as Entry | null;
    if (!e || e.device !== deviceKey() || !(now - e.at < MAX_AGE_MS) || !Array.isArray(e.measured)) return null;
    const ok = (m: BackendMeasurement) => m && typeof m.backend === 'string' && m.times && ['mixture', 'fusedNet', 'net', 'ops'].every((k) => Number.isFinite((m.times as unknown as Record<string, number>)[k]));
    if (!e.measured.every(ok)) return null;
    return e;
  } catch {
    return null;
  }
}

export function rememberBackend(measured: BackendMeasurement[], store = storage(), now = Date.now()): void {
  try {
    store?.setItem(KEY, JSON.stringify({ device: deviceKey(), measured, at: now } satisfies Entry));
  } catch {
    // quota or privacy mode: nothing to keep
  }
}

export function forgetBackend(store = storage()): void {
  try {
    store?.removeItem(KEY);
  } catch {
    // nothing stored
  }
}
