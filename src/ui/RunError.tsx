// A failure in the worker, with the obvious next steps as buttons; above it, advice on a run that goes on.
import type { ParamValue } from '../labs/types';
import type { WorkerBridge } from '../state/bridge';
import { useStore } from '../state/use-store';
import { RunAdvice } from './RunAdvice';

interface Props {
  bridge: WorkerBridge;
  params: Record<string, ParamValue>;
  setParam: (key: string, v: ParamValue) => void;
}

export function RunError({ bridge, params, setParam }: Props) {
  const message = useStore((s) => s.message);
  const suggestion = useStore((s) => s.suggestion);
  const status = useStore((s) => s.status);
  const backend = useStore((s) => s.backend);
  const clear = useStore((s) => s.clearError);
  const setRun = useStore((s) => s.setRun);
  const diverged = status === 'diverged';
  return (
    <>
    <RunAdvice setParam={setParam} />
    {message && <div className={status === 'error' || diverged ? 'error' : 'notice'} role="alert" data-testid="error">
      <strong>{message}</strong>
      {suggestion && <div>{suggestion}</div>}
      <div style={{ display: 'flex', gap: 8, marginTop: 6, flexWrap: 'wrap' }}>
        {diverged && typeof params.step === 'number' && (
          <button
            type="button"
            onClick={() => {
              // `step` is a live param: the edit alone would only patch the diverged run, so restart it
              setParam('step', Number((Number(params.step) / 4).toPrecision(3)));
              clear();
              setRun({ playing: true });
              bridge.reset();
            }}
            data-testid="smaller-step"
          >
            Use step size {Number((Number(params.step) / 4).toPrecision(3))} and restart
          </button>
        )}
        <button type="button" onClick={() => { clear(); bridge.reset(); }}>Reset the run</button>
        {backend && backend !== 'cpu' && status === 'error' && (
          <button type="button" onClick={() => setRun({ requestedBackend: backend === 'wasm' ? 'cpu' : 'wasm' })}>Try the {backend === 'wasm' ? 'CPU' : 'WASM'} backend</button>
        )}
        <button type="button" onClick={clear}>Dismiss</button>
      </div>
    </div>}
    </>
  );
}
