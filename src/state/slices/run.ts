// What the worker is doing: status, iteration, which backend on which adapter, errors with their
// suggested next step, and the backends we fell back from (the UI says so).
import type { StateCreator } from 'zustand/vanilla';
import type { BackendEstimate, BackendMeasurement, BackendName, BackendRequest, RunStatus } from '../../protocol/messages';
import type { AppState } from '../store';

export interface Fallback {
  backend: BackendName;
  reason: string;
}

export interface RunFields {
  /** 'starting': the worker has not said `ready` yet */
  status: RunStatus | 'starting';
  /** the user's intent (play/pause), kept across reconfigures and backend restarts */
  playing: boolean;
  iteration: number;
  requestedBackend: BackendRequest;
  backend: BackendName | null;
  adapter: string;
  /** what the fused training step runs on ('2 threads', '1 thread (no cross-origin isolation)'); '' until known */
  threads: string;
  runId: number;
  message: string | null;
  suggestion: string | null;
  fallbacks: Fallback[];
  /** auto's start-up probe on each backend (this start's, or the remembered one) */
  measured: BackendMeasurement[];
  /** auto: the current lab's estimated ms per iteration on each measured backend (the choice's figures) */
  estimates: BackendEstimate[];
  /** short facts for the status line, from the latest frame */
  info: Record<string, string>;
}

export interface RunSlice extends RunFields {
  setRun(patch: Partial<RunFields>): void;
  addFallback(f: Fallback): void;
  clearError(): void;
}

export const initialRun: RunFields = {
  status: 'starting',
  playing: false,
  iteration: 0,
  requestedBackend: 'auto',
  backend: null,
  adapter: '',
  threads: '',
  runId: 0,
  message: null,
  suggestion: null,
  fallbacks: [],
  measured: [],
  estimates: [],
  info: {},
};

export const createRunSlice: StateCreator<AppState, [], [], RunSlice> = (set) => ({
  ...initialRun,
  setRun: (patch) => set(patch),
  addFallback: (f) => set((s) => ({ fallbacks: [...s.fallbacks, f] })),
  clearError: () => set({ message: null, suggestion: null }),
});
