// One lab, generated from its schema: controls, the run bar, and every view it declares.
import { memo, useCallback, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LAB_SCHEMAS } from '../labs/schemas';
import type { LabId, LabSchema, ParamValue, ViewSpec } from '../labs/types';
import type { WorkerBridge } from '../state/bridge';
import type { Series } from '../state/store';
import { useStore } from '../state/use-store';
import { ControlsPanel } from './ControlsPanel';
import { RunBar } from './RunBar';
import { RunError } from './RunError';
import { PlanePanel, type PlaneHandle } from './plots/PlanePanel';
import { HistPanel } from './plots/HistPanel';
import { ChartPanel } from './plots/ChartPanel';
import { BarsPanel, XYPanel } from './plots/LayerPanels';
import { ExportBar } from './ExportBar';
import { usePlaneBindings } from './plane-bindings';

type PlaneSpec = Extract<ViewSpec, { kind: 'plane' }>;
type ChartSpec = Extract<ViewSpec, { kind: 'chart' }>;

export function LabPage({ lab, bridge }: { lab: LabId; bridge: WorkerBridge }) {
  const schema = LAB_SCHEMAS[lab]!;
  const params = useStore((s) => s.params);
  const preset = useStore((s) => s.preset);
  const setParam = useStore((s) => s.setParam);
  const applyPreset = useStore((s) => s.applyPreset);
  // metrics arrive at ~10 Hz: the page re-renders only when the set of series with data or the notes
  // change; each chart subscribes to its own series (ChartBlock), so the controls are not re-rendered
  const withData = useStore(useShallow((s) => Object.keys(s.series).filter((k) => s.series[k].xs.length > 0)));
  const notes = useStore(useShallow((s) => Object.entries(s.info).filter(([k]) => k.startsWith('note')).map(([, v]) => v)));
  const [drawing, setDrawing] = useState(false);
  const onChange = useCallback((key: string, v: ParamValue) => setParam(key, v), [setParam]);
  const onDrawToggle = useCallback(() => setDrawing((d) => !d), []);
  const views = schema.views.filter((v) => !v.when || v.when(params));
  const planes = views.filter((v): v is PlaneSpec => v.kind === 'plane');
  // a chart appears once it has data (acceptance only for MALA/HMC, loss only for a learned score)
  const charts = views.filter((v): v is ChartSpec => v.kind === 'chart' && v.metrics.some((m) => withData.includes(m.key)));

  return (
    <main className="lab">
      <ControlsPanel
        schema={schema} params={params} preset={preset} onChange={onChange} onPreset={applyPreset}
        drawing={drawing} onDrawToggle={onDrawToggle}
      />
      <section aria-label={`${schema.title} lab`}>
        <RunBar bridge={bridge} stepSize={1} />
        <RunError bridge={bridge} params={params} setParam={setParam} />
        {notes.map((n) => <p key={n} className="info-notes">{n}</p>)}
        <div className="plots">
          {planes.filter((p) => !p.small).map((p) => (
            <PlaneBlock key={p.id} schema={schema} view={p} params={params} setParam={setParam} drawing={drawing} lab={lab} bridge={bridge} />
          ))}
          {views.map((v) => {
            if (v.kind === 'hist') return params.hist !== false && <div key={v.id} className="panel"><HistPanel view={v} /></div>;
            if (v.kind === 'bars') return <div key={v.id} className="panel"><BarsPanel view={v} /></div>;
            if (v.kind === 'xy') return <div key={v.id} className="panel"><XYPanel view={v} /></div>;
            return null;
          })}
        </div>
        {planes.some((p) => p.small) && (
          <div className="small-multiples">
            {planes.filter((p) => p.small).map((p) => (
              <PlaneBlock key={p.id} schema={schema} view={p} params={params} setParam={setParam} drawing={drawing} lab={lab} bridge={bridge} small />
            ))}
          </div>
        )}
        <div className="charts">
          {charts.map((c) => <ChartBlock key={c.id} chart={c} />)}
        </div>
      </section>
    </main>
  );
}

function PlaneBlock({ schema, view, params, setParam, drawing, lab, bridge, small }: {
  schema: LabSchema; view: PlaneSpec; params: Record<string, ParamValue>;
  setParam: (k: string, v: ParamValue) => void; drawing: boolean; lab: LabId; bridge: WorkerBridge; small?: boolean;
}) {
  const plane = useRef<PlaneHandle>(null);
  const { mode, callbacks } = usePlaneBindings(schema, view, params, setParam, drawing);
  const toggles = {
    density: (params.density as 'log' | 'density' | 'off' | undefined) ?? 'log',
    field: Boolean(params.field ?? true),
    paths: Boolean(params.paths ?? true),
  };
  return (
    <div className={small ? 'panel' : 'panel plane-wrap'}>
      <div className="plot-title">{view.title}</div>
      {view.click && <div className="help">{view.click.hint}</div>}
      <PlanePanel ref={plane} className="plane-host" view={view} toggles={toggles} interaction={mode} callbacks={callbacks} ariaLabel={`${view.title}: heatmap with points`} />
      {!small && <ExportBar plane={plane} lab={lab} bridge={bridge} weightsLabel={schema.weights?.label} />}
    </div>
  );
}

const ChartBlock = memo(function ChartBlock({ chart }: { chart: ChartSpec }) {
  const keys = [...chart.metrics.map((m) => m.key), ...(chart.x ? [chart.x.key] : [])];
  const mine = useStore(useShallow((s) => Object.fromEntries(keys.map((k) => [k, s.series[k]]))));
  const series = chart.x ? against(mine, chart) : mine;
  return <div className="panel"><ChartPanel title={chart.title} metrics={chart.metrics} series={series} /></div>;
});

/** a chart against another metric (e.g. gradient evaluations): pair the values appended together */
function against(series: Record<string, Series | undefined>, c: ChartSpec): Record<string, { xs: number[]; ys: number[] }> {
  const xs = series[c.x!.key]?.ys ?? [];
  const out: Record<string, { xs: number[]; ys: number[] }> = {};
  for (const m of c.metrics) {
    const ys = series[m.key]?.ys ?? [];
    const n = Math.min(xs.length, ys.length);
    out[m.key] = { xs: xs.slice(0, n), ys: ys.slice(0, n) };
  }
  return out;
}
