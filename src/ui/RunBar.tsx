// Play, pause, single step, reset; the run's status, iteration and phase.
import { useStore } from '../state/use-store';
import type { WorkerBridge } from '../state/bridge';

export function RunBar({ bridge, stepSize }: { bridge: WorkerBridge; stepSize: number }) {
  const status = useStore((s) => s.status);
  const playing = useStore((s) => s.playing);
  const iteration = useStore((s) => s.iteration);
  const phase = useStore((s) => s.info.phase);
  const finished = status === 'done' || status === 'diverged';
  return (
    <div className="runbar" role="toolbar" aria-label="Run">
      {playing && !finished ? (
        <button type="button" className="primary" onClick={() => bridge.pause()} data-testid="play" aria-label="Pause">Pause</button>
      ) : (
        <button type="button" className="primary" onClick={() => bridge.play()} disabled={finished} data-testid="play" aria-label="Play">Play</button>
      )}
      <button type="button" onClick={() => bridge.step(stepSize)} disabled={(playing && !finished) || finished} data-testid="step" title={`Advance ${stepSize} iteration(s)`}>Step</button>
      <button type="button" onClick={() => bridge.reset()} data-testid="reset">Reset</button>
      <span className="status" aria-live="polite">
        <span data-testid="status">{status}</span> · iteration <span data-testid="iteration">{iteration}</span>
        {phase && <> · <span className="phase">{phase}</span></>}
      </span>
    </div>
  );
}
