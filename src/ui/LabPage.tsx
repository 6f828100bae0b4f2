// One lab: controls generated from its schema, the run bar, and the views it declares.
import { useCallback, useMemo, useRef, useState } from 'react';
import type { Component, Mixture, Vec2 } from '../core/types';
import { LAB_SCHEMAS } from '../labs/schemas';
import type { LabId, ParamValue, ViewSpec } from '../labs/types';
import type { WorkerBridge } from '../state/bridge';
import { useStore } from '../state/use-store';
import { ControlsPanel } from './ControlsPanel';
import { RunBar } from './RunBar';
import { RunError } from './RunError';
import { PlanePanel, type PlaneHandle } from './plots/PlanePanel';
import { HistPanel } from './plots/HistPanel';
import { ChartPanel } from './plots/ChartPanel';
import { ExportBar } from './ExportBar';
import { useThrottled } from './use-throttled';

export function LabPage({ lab, bridge }: { lab: LabId; bridge: WorkerBridge }) {
  const schema = LAB_SCHEMAS[lab]!;
  const params = useStore((s) => s.params);
  const preset = useStore((s) => s.preset);
  const setParam = useStore((s) => s.setParam);
  const applyPreset = useStore((s) => s.applyPreset);
  const series = useStore((s) => s.series);
  const info = useStore((s) => s.info);
  const [drawing, setDrawing] = useState(false);
  const plane = useRef<PlaneHandle>(null);

  const comps = params.comps as Mixture | undefined;
  const editMixture = useThrottled((next: Mixture) => setParam('comps', next), 120);
  const callbacks = useMemo(() => ({
    onMove: (i: number, p: Vec2) => comps && editMixture(comps.map((c, j) => (j === i ? { ...c, mean: p } : c))),
    onAdd: (p: Vec2) => comps && setParam('comps', [...comps, { w: 1, mean: p, cov: [0.5, 0, 0.5] } as Component]),
    onRemove: (i: number) => comps && comps.length > 1 && setParam('comps', comps.filter((_, j) => j !== i)),
    onScale: (i: number, f: number) => comps && editMixture(comps.map((c, j) => (j === i ? { ...c, cov: [c.cov[0] * f * f, c.cov[1] * f * f, c.cov[2] * f * f] } : c))),
    onPoints: (xy: Float32Array) => {
      const old = (params.drawn as Float32Array | undefined) ?? new Float32Array(0);
      const next = new Float32Array(old.length + xy.length);
      next.set(old);
      next.set(xy, old.length);
      setParam('drawn', next);
    },
  }), [comps, params.drawn, setParam, editMixture]);

  const onChange = useCallback((key: string, v: ParamValue) => setParam(key, v), [setParam]);
  const interaction = params.target === 'custom' ? 'edit' : params.target === 'drawn' && drawing ? 'draw' : 'none';
  const toggles = { density: params.density as 'log' | 'density' | 'off', field: Boolean(params.field), paths: Boolean(params.paths) };
  const notes = Object.entries(info).filter(([k]) => k.startsWith('note')).map(([, v]) => v);
  const views = schema.views;
  const planeView = views.find((v): v is Extract<ViewSpec, { kind: 'plane' }> => v.kind === 'plane')!;
  const hists = views.filter((v): v is Extract<ViewSpec, { kind: 'hist' }> => v.kind === 'hist');
  // a chart appears once it has data (acceptance only for MALA/HMC, loss only for a learned score)
  const charts = views.filter((v): v is Extract<ViewSpec, { kind: 'chart' }> => v.kind === 'chart' && v.metrics.some((m) => (series[m.key]?.xs.length ?? 0) > 0));

  return (
    <main className="lab">
      <ControlsPanel
        schema={schema} params={params} preset={preset} onChange={onChange} onPreset={applyPreset}
        drawing={drawing} onDrawToggle={() => setDrawing((d) => !d)}
      />
      <section aria-label={`${schema.title} lab`}>
        <RunBar bridge={bridge} stepSize={1} />
        <RunError bridge={bridge} params={params} setParam={setParam} />
        {notes.map((n) => <p key={n} className="info-notes">{n}</p>)}
        <div className="plots">
          <div className="panel plane-wrap">
            <div className="plot-title">{planeView.title}</div>
            <PlanePanel ref={plane} className="plane-host" view={planeView} toggles={toggles} interaction={interaction} callbacks={callbacks} ariaLabel={`${planeView.title}: heatmap of the target density with the particles`} />
            <ExportBar plane={plane} lab={lab} />
          </div>
          {params.hist !== false && hists.map((h) => (
            <div key={h.id} className="panel"><HistPanel view={h} /></div>
          ))}
        </div>
        <div className="charts">
          {charts.map((c) => (
            <div key={c.id} className="panel"><ChartPanel title={c.title} metrics={c.metrics} series={series} /></div>
          ))}
        </div>
      </section>
    </main>
  );
}
