// Which of a plane's layers are point clouds in the current frames (particles, samples, data...):
// one CSV button each. Re-renders only when that list changes, not per frame.
import { useEffect, useState } from 'react';
import { frameBus } from '../../state/frame-bus';
import { pointLayersOf } from '../../plots/points-csv';

export function usePointLayers(layers: readonly string[]): string[] {
  const [ids, setIds] = useState<string[]>(() => pointLayersOf(frameBus.latest(), layers));
  useEffect(() => {
    const check = () => {
      const next = pointLayersOf(frameBus.latest(), layers);
      setIds((prev) => (prev.join() === next.join() ? prev : next));
    };
    check();
    return frameBus.subscribe(check);
  }, [layers]);
  return ids;
}
