// Play, pause, single step, reset; the run's status, iteration and phase, and in words what the run is doing
// (a finished run says Play runs it again; a paused one says who paused it).
import { useStore } from '../state/use-store';
import type { WorkerBridge } from '../state/bridge';
import type { RunFields } from '../state/store';

/** Pure: what the status line adds to the bare status word, if anything (who paused, what Play does now). */
export function statusDetail(status: RunFields['status'], playing: boolean): string | null {
  switch (status) {
    case 'starting': return 'loading the compute backend';
    case 'paused': return playing ? null : 'by you: Play (or space) continues';
    case 'done': return 'Run again starts it over from the seed';
    case 'diverged': return 'see the message above';
    case 'error': return 'see the message above';
    default: return null;
  }
}

export function RunBar({ bridge, stepSize }: { bridge: WorkerBridge; stepSize: number }) {
  const status = useStore((s) => s.status);
  const playing = useStore((s) => s.playing);
  const iteration = useStore((s) => s.iteration);
  const phase = useStore((s) => s.info.phase);
  const finished = status === 'done' || status === 'diverged';
  const detail = statusDetail(status, playing);
  return (
    <div className="runbar" role="toolbar" aria-label="Run">
      {playing && !finished ? (
        <button type="button" className="primary" onClick={() => bridge.pause()} data-testid="play" aria-label="Pause">Pause</button>
      ) : (
        // done: run it again from its seed; diverged: it would diverge again, the message says what to change
        <button type="button" className="primary" onClick={() => bridge.play()} data-testid="play" disabled={status === 'diverged'}
          aria-label={status === 'done' ? 'Run again' : 'Play'} title={status === 'done' ? 'Run the same experiment again from its seed' : undefined}>
          {status === 'done' ? 'Run again' : 'Play'}
        </button>
      )}
      <button type="button" onClick={() => bridge.step(stepSize)} disabled={(playing && !finished) || finished} data-testid="step" title={`Advance ${stepSize} iteration(s)`}>Step</button>
      <button type="button" onClick={() => bridge.reset()} data-testid="reset">Reset</button>
      <span className="status" aria-live="polite">
        <span data-testid="status">{status}</span>
        {detail && <span data-testid="status-detail"> ({detail})</span>} · iteration <span data-testid="iteration">{iteration}</span>
        {phase && <> · <span className="phase">{phase}</span></>}
      </span>
    </div>
  );
}
