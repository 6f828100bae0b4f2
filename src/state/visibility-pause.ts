// The run pauses while its tab is hidden: a sampler stepping in a background tab burns battery and a
// laptop fan for frames nobody sees (browsers throttle timers there, but not a worker's loop). On
// return it resumes only if it was playing when the tab was hidden, so a paused run stays paused.
import type { AppStore } from './store';

/** The part of `document` this needs (a fake in tests). */
export interface VisibilitySource {
  readonly visibilityState: DocumentVisibilityState;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

/** The part of the bridge this needs. */
export interface Pausable {
  play(): void;
  pause(): void;
}

/** Returns the function that stops following visibility. */
export function pauseWhenHidden(doc: VisibilitySource, store: AppStore, run: Pausable): () => void {
  let resume = false;
  const onChange = () => {
    const s = store.getState();
    if (doc.visibilityState === 'hidden') {
      if (s.playing) {
        resume = true;
        run.pause();
      }
    } else if (resume) {
      resume = false;
      // finished while hidden (or the user reconfigured to a run that is done): nothing to resume
      if (s.status !== 'done' && s.status !== 'diverged') run.play();
    }
  };
  doc.addEventListener('visibilitychange', onChange);
  return () => doc.removeEventListener('visibilitychange', onChange);
}
