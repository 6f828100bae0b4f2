// Remembers auto's measured backend choice per device (issue 8: "remembered per device"), so the probe
// runs once, not on every page load. The device key is what can change the answer: the browser build
// and the core count (the GPU shows up in the user agent's platform only coarsely, so an entry also
// expires after 30 days and is dropped when the remembered backend no longer starts).
import type { BackendMeasurement, BackendName } from '../protocol/messages';

const KEY = 'playground.backend-choice.v1';
const MAX_AGE_MS = 30 * 24 * 3600 * 1000;

interface Entry {
  device: string;
  backend: BackendName;
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

/** the remembered choice for this device, if fresh */
export function rememberedBackend(store = storage(), now = Date.now()): Entry | null {
  try {
    const e = JSON.parse(store?.getItem(KEY) ?? 'null') as Entry | null;
    if (!e || e.device !== deviceKey() || !(now - e.at < MAX_AGE_MS)) return null;
    return e;
  } catch {
    return null;
  }
}

export function rememberBackend(backend: BackendName, measured: BackendMeasurement[], store = storage(), now = Date.now()): void {
  try {
    store?.setItem(KEY, JSON.stringify({ device: deviceKey(), backend, measured, at: now } satisfies Entry));
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
