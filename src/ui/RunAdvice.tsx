// A problem the run has that does not stop it (a chain that stopped moving), with its fix as a button.
// It rides on the frames (Snapshot.advice), so it is read from the frame bus; React state changes only
// when the advice does, not at every frame.
import { useEffect, useState } from 'react';
import type { ParamValue } from '../labs/types';
import type { RunAdvice as Advice } from '../protocol/snapshot';
import { frameBus } from '../state/frame-bus';

export function RunAdvice({ setParam }: { setParam: (key: string, v: ParamValue) => void }) {
  const [advice, setAdvice] = useState<Advice | null>(null);
  useEffect(() => frameBus.subscribe((snap) => {
    const next = snap.advice ?? null;
    setAdvice((prev) => (prev?.message === next?.message && prev?.fix?.value === next?.fix?.value ? prev : next));
  }), []);
  if (!advice) return null;
  return (
    <div className="notice" role="status" data-testid="advice">
      <strong>{advice.message}</strong>
      <div>{advice.suggestion}</div>
      {advice.fix && (
        <div style={{ display: 'flex', gap: 8, marginTop: 6 }}>
          {/* a live param: the running chain takes the new value at once, and the notice goes when it moves again */}
          <button type="button" data-testid="advice-fix" onClick={() => setParam(advice.fix!.key, advice.fix!.value)}>{advice.fix.label}</button>
        </div>
      )}
    </div>
  );
}
