// Wires the app once: URL <-> store, store -> worker, and a small test/debug handle on window.
import { planePaintCount } from '../plots/plane';
import { appStore } from '../state/store';
import { startUrlSync } from '../state/url-sync';
import { WorkerBridge } from '../state/bridge';
import { followParams } from '../state/follow-params';
import { frameBus } from '../state/frame-bus';
import { CompareSession } from '../state/compare/compare-session';
import { compareHandle } from './compare/compare-handle';
import { pauseWhenHidden } from '../state/visibility-pause';
import { prefersReducedMotion } from './a11y/motion';

let bridge: WorkerBridge | null = null;
let compare: CompareSession | null = null;

/** the A/B comparison's B run, when `ab=1` (null before boot) */
export const compareSession = (): CompareSession | null => compare;

export function boot(): WorkerBridge {
  if (bridge) return bridge;
  startUrlSync({ store: appStore, location: window.location, history: window.history, target: window });
  // a new visitor sees particles moving at once, unless the system asks for reduced motion
  appStore.getState().setRun({ playing: !prefersReducedMotion() });
  bridge = new WorkerBridge(undefined, appStore);
  bridge.start(appStore.getState().requestedBackend);
  followParams(appStore, bridge);
  compare = new CompareSession({ store: appStore, bridge, bus: frameBus });
  pauseWhenHidden(document, appStore, bridge);
  // a pasted link may name another backend: restart the worker on it
  appStore.subscribe((s, prev) => {
    if (s.requestedBackend !== prev.requestedBackend) bridge!.start(s.requestedBackend);
  });
  // e2e tests and curious researchers can read frames without scraping pixels
  let frames = 0;
  frameBus.subscribe(() => frames++);
  (window as unknown as { __playground: unknown }).__playground = {
    store: appStore,
    frames: () => frames,
    paints: planePaintCount,
    latest: () => frameBus.latest(),
    simulateBackendFailure: () => bridge!.simulateFailure(),
    destroyGpuDevice: () => bridge!.destroyDevice(),
    workerMemory: () => bridge!.memory(),
    compare: compareHandle(() => compare),
  };
  return bridge;
}
