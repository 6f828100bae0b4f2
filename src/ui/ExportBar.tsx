// Export the plane as PNG or SVG, and the particles as CSV.
import type { RefObject } from 'react';
import { frameBus } from '../state/frame-bus';
import type { PlaneHandle } from './plots/PlanePanel';
import type { WorkerBridge } from '../state/bridge';
import { appStore } from '../state/store';
import { decodeWeightsFile, encodeWeightsFile } from '../state/weights-file';
import { fileSlug, pointsCsv, pointsLayerName } from '../plots/points-csv';
import { usePointLayers } from './exports/use-point-layers';

function download(name: string, blob: Blob) {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
}

export function ExportBar({ plane, lab, bridge, weightsLabel, layers = ['particles'], view }: { plane: RefObject<PlaneHandle | null>; lab: string; bridge: WorkerBridge; weightsLabel?: string; layers?: readonly string[]; view?: string }) {
  // one CSV per point cloud the plane shows (particles; data vs samples; a twin run's samples)
  const pointLayers = usePointLayers(layers);
  // a lab with several planes (guidance: samples and two fields) gets one file name per plane
  const figure = view ? `${lab}-${view}` : lab;
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
  const csv = (id: string) => {
    const layer = frameBus.latest()?.layers[id];
    if (!layer || layer.kind !== 'points') return;
    download(`${lab}-${fileSlug(id)}.csv`, new Blob([pointsCsv(layer.xy)], { type: 'text/csv' }));
  };
  return (
    <div className="runbar" style={{ marginTop: 6, marginBottom: 0 }}>
      <button type="button" onClick={async () => plane.current && download(`${figure}.png`, await plane.current.toPNG())}>PNG</button>
      <button type="button" onClick={() => plane.current && download(`${figure}.svg`, new Blob([plane.current.toSVG()], { type: 'image/svg+xml' }))}>SVG</button>
      {pointLayers.map((id) => <button key={id} type="button" onClick={() => csv(id)} data-testid={`csv-${id}`}>{pointsLayerName(id)} CSV</button>)}
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
