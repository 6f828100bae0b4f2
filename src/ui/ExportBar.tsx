// Export the plane as PNG or SVG, and the particles as CSV.
import type { RefObject } from 'react';
import { frameBus } from '../state/frame-bus';
import type { PlaneHandle } from './plots/PlanePanel';
import type { WorkerBridge } from '../state/bridge';
import { appStore } from '../state/store';
import { decodeWeightsFile, encodeWeightsFile } from '../state/weights-file';

function download(name: string, blob: Blob) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function ExportBar({ plane, lab, bridge, weightsLabel }: { plane: RefObject<PlaneHandle | null>; lab: string; bridge: WorkerBridge; weightsLabel?: string }) {
  const fail = (what: string, e: unknown) => appStore.getState().setRun({ message: `${what}: ${e instanceof Error ? e.message : String(e)}`, suggestion: null });
  const saveWeights = async () => {
    try {
      const w = await bridge.getWeights();
      download(`${lab}-weights.json`, new Blob([encodeWeightsFile(lab, location.hash, w)], { type: 'application/json' }));
    } catch (e) {
      fail('Could not save the weights', e);
    }
  };
  const loadWeights = (file: File | undefined) => {
    if (!file) return;
    void file.text().then((text) => {
      try {
        bridge.setWeights(decodeWeightsFile(text, lab));
      } catch (e) {
        fail(`Could not load ${file.name}`, e);
      }
    });
  };
  const csv = () => {
    const layer = frameBus.latest()?.layers.particles;
    if (!layer || layer.kind !== 'points') return;
    const rows = ['x,y'];
    for (let k = 0; k < layer.xy.length; k += 2) rows.push(`${layer.xy[k]},${layer.xy[k + 1]}`);
    download(`${lab}-particles.csv`, new Blob([rows.join('\n')], { type: 'text/csv' }));
  };
  return (
    <div className="runbar" style={{ marginTop: 6, marginBottom: 0 }}>
      <button type="button" onClick={async () => plane.current && download(`${lab}.png`, await plane.current.toPNG())}>PNG</button>
      <button type="button" onClick={() => plane.current && download(`${lab}.svg`, new Blob([plane.current.toSVG()], { type: 'image/svg+xml' }))}>SVG</button>
      <button type="button" onClick={csv}>Particles CSV</button>
      {weightsLabel && (
        <>
          <button type="button" onClick={saveWeights} data-testid="save-weights">Save {weightsLabel}</button>
          <label className="file-button">
            Load {weightsLabel}
            <input type="file" accept="application/json,.json" data-testid="load-weights" onChange={(e) => { loadWeights(e.target.files?.[0]); e.target.value = ''; }} />
          </label>
        </>
      )}
    </div>
  );
}
