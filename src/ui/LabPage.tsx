// One lab, generated from its schema: controls, the run bar, and every view it declares.
import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { LAB_SCHEMAS } from '../labs/schemas';
import { activeClick, type LabId, type LabSchema, type ParamValue, type ViewSpec } from '../labs/types';
import type { WorkerBridge } from '../state/bridge';
import type { Series } from '../state/store';
import { useStore } from '../state/use-store';
import { ControlsPanel } from './ControlsPanel';
import { ControlsDrawer } from './a11y/ControlsDrawer';
import { MetricsAnnouncer } from './a11y/MetricsAnnouncer';
import { MotionNote } from './a11y/MotionNote';
import { RunBar } from './RunBar';
import { RunError } from './RunError';
import { PlanePanel, type PlaneHandle } from './plots/PlanePanel';
import { HistPanel } from './plots/HistPanel';
import { ChartPanel } from './plots/ChartPanel';
import { BarsPanel, XYPanel } from './plots/LayerPanels';
import { ExportBar } from './ExportBar';
import { usePlaneBindings } from './plane-bindings';
import { ExportablePanel } from './exports/ExportablePanel';
import { PlotExportMenu } from './exports/PlotExportMenu';
import { ExperimentBar } from './exports/ExperimentBar';
import { EquationsPanel } from './EquationsPanel';
import { HiddenNotice } from './share/HiddenNotice';
import { useHidden } from './share/use-share';
import { LabKeys } from './present/LabKeys';
import { CompareBar } from './compare/CompareBar';
import { CompareSplit, SmallMultiples } from './compare/CompareSplit';
import { useCompareSeries } from './compare/use-compare';
import type { SharedRange } from '../state/compare/shared-range';
import { planeToggles } from './plots/plane-toggles';
import { namedFirst } from './layout/named-chart';
import { resolveTour } from '../labs/codec/tour-codec';
import { resolveViews } from '../labs/view-tokens';
import type { FormulaDraft } from '../labs/common/user-data';

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
  const setParams = useStore((s) => s.setParams);
  const onChangeMany = useCallback((patch: Record<string, ParamValue>) => setParams(patch), [setParams]);
  const checkFormula = useCallback((d: FormulaDraft) => bridge.checkFormula(d), [bridge]);
  const onDrawToggle = useCallback(() => setDrawing((d) => !d), []);
  // memoized: a lab with {tokens} gets new view objects only when its params change (charts memoize on them)
  const views = useMemo(() => resolveViews(schema, schema.views.filter((v) => !v.when || v.when(params)), params), [schema, params]);
  const planes = views.filter((v): v is PlaneSpec => v.kind === 'plane');
  // a chart appears once it has data (acceptance only for MALA/HMC, loss only for a learned score)
  // the chart the preset's text says to watch comes first, in the row the layout keeps on screen with the plane
  // (a tour step's own text when a tour is open: that is what the reader is reading)
  const tourAt = useStore((s) => s.ui.tour);
  const tourLook = useMemo(() => {
    if (!tourAt) return undefined;
    const r = resolveTour(tourAt.ref);
    return r && 'tour' in r ? r.tour.steps[tourAt.step]?.lookFor : undefined;
  }, [tourAt]);
  const lookFor = tourLook ?? schema.presets.find((p) => p.id === preset)?.lookFor;
  const charts = namedFirst(views.filter((v): v is ChartSpec => v.kind === 'chart' && v.metrics.some((m) => withData.includes(m.key))), lookFor);
  // two or more full-size planes are a comparison (the guidance fields, DxMI's τ = 0 twin): one row, equal sizes
  const big = planes.filter((p) => !p.small);
  // a link's hide= list: hidden parts are not rendered (the lab still runs with every value)
  const hidden = useHidden();
  const show = (section: 'notes' | 'charts' | 'runbar' | 'controls') => !hidden.sections.has(section);

  const xyPanel = (v: Extract<ViewSpec, { kind: 'xy' }>) => (
    <ExportablePanel key={v.id} id={v.id} title={v.title} xLabel={v.xLabel}><XYPanel view={v} current={v.current ? Number(params[v.current.key]) : undefined} /></ExportablePanel>
  );
  const chartGrid = show('charts') && (
    <div className="charts">
      {charts.map((c) => <ChartBlock key={c.id} chart={c} />)}
    </div>
  );

  return (
    <main className={show('controls') ? 'lab' : 'lab no-controls'}>
      <h1 className="sr-only">{schema.title} lab</h1>
      {show('controls') && (
        <ControlsDrawer>
          <ControlsPanel
            schema={schema} params={params} preset={preset} onChange={onChange} onChangeMany={onChangeMany} checkFormula={checkFormula} onPreset={applyPreset}
            drawing={drawing} onDrawToggle={onDrawToggle} hidden={hidden}
          />
        </ControlsDrawer>
      )}
      <section aria-label={`${schema.title} lab`}>
        <LabKeys bridge={bridge} />
        <HiddenNotice />
        {show('runbar') && <RunBar bridge={bridge} stepSize={1} />}
        <CompareBar schema={schema} />
        <MotionNote />
        <MetricsAnnouncer charts={charts} />
        <RunError bridge={bridge} params={params} setParam={setParam} />
        {show('notes') && notes.map((n) => <p key={n} className="info-notes">{n}</p>)}
        {big.length > 1 && (
          <div className="plane-row" data-testid="plane-row">
            {big.map((p) => (
              <CompareSplit key={p.id} schema={schema} view={p}>
                {(range) => <PlaneBlock schema={schema} view={p} params={params} setParam={setParam} drawing={drawing} lab={lab} bridge={bridge} sharedRange={range} />}
              </CompareSplit>
            ))}
          </div>
        )}
        {/* one plane: it on the left as large as the screen's height allows, and beside it what is
            read against it (marginals, then the charts, the one a preset names first), so a wide
            screen shows plane and charts together; compared planes keep their charts below */}
        <div className={big.length === 1 ? 'plots' : 'plots plots-flat'}>
          {big.length === 1 && big.map((p) => (
            <CompareSplit key={p.id} schema={schema} view={p}>
              {(range) => <PlaneBlock schema={schema} view={p} params={params} setParam={setParam} drawing={drawing} lab={lab} bridge={bridge} sharedRange={range} />}
            </CompareSplit>
          ))}
          <div className="plots-side">
            {views.map((v) => {
              if (v.kind === 'hist') return params.hist !== false && <ExportablePanel key={v.id} id={v.id} title={v.title}><HistPanel view={v} /></ExportablePanel>;
              if (v.kind === 'bars') return <ExportablePanel key={v.id} id={v.id} title={v.title}><BarsPanel view={v} /></ExportablePanel>;
              if (v.kind === 'xy' && !(v.afterCharts && big.length === 1)) return xyPanel(v);
              return null;
            })}
            {big.length === 1 && chartGrid}
            {big.length === 1 && views.map((v) => (v.kind === 'xy' && v.afterCharts ? xyPanel(v) : null))}
          </div>
        </div>
        {planes.some((p) => p.small) && (
          <SmallMultiples schema={schema} planes={planes.filter((p) => p.small)}>
            {(p, range) => <PlaneBlock key={p.id} schema={schema} view={p} params={params} setParam={setParam} drawing={drawing} lab={lab} bridge={bridge} small sharedRange={range} />}
          </SmallMultiples>
        )}
        {big.length !== 1 && chartGrid}
        <EquationsPanel lab={lab} params={params} />
        <ExperimentBar />
      </section>
    </main>
  );
}

function PlaneBlock({ schema, view, params, setParam, drawing, lab, bridge, small, sharedRange }: {
  schema: LabSchema; view: PlaneSpec; params: Record<string, ParamValue>;
  setParam: (k: string, v: ParamValue) => void; drawing: boolean; lab: LabId; bridge: WorkerBridge; small?: boolean; sharedRange?: SharedRange;
}) {
  const plane = useRef<PlaneHandle>(null);
  const { mode, callbacks } = usePlaneBindings(schema, view, params, setParam, drawing);
  const hidden = useHidden();
  const exports = !hidden.sections.has('export');
  const toggles = planeToggles(params);
  const click = activeClick(view, params);
  return (
    <div className={small ? 'panel' : 'panel plane-wrap'}>
      <div className="plot-title">{view.title}</div>
      {click && !hidden.sections.has('help') && <div className="help">{click.hint}</div>}
      <PlanePanel ref={plane} className="plane-host" view={view} toggles={toggles} interaction={mode} callbacks={callbacks} sharedRange={sharedRange} ariaLabel={`${view.title}: heatmap with points`} />
      {!small && exports && <ExportBar plane={plane} lab={lab} bridge={bridge} weightsLabel={schema.weights?.label} layers={view.layers} view={view.id} />}
      {small && exports && (
        <div className="plane-export-row">
          <PlotExportMenu title={view.title} name={`${lab}-${view.id}`} png={() => plane.current?.toPNG() ?? Promise.reject(new Error('plot not mounted'))} svg={() => plane.current?.toSVG() ?? ''} />
        </div>
      )}
    </div>
  );
}

const ChartBlock = memo(function ChartBlock({ chart }: { chart: ChartSpec }) {
  const maxKeys = chart.metrics.flatMap((m) => (m.maxKey ? [m.maxKey] : []));
  const keys = [...chart.metrics.map((m) => m.key), ...(chart.x ? [chart.x.key] : []), ...maxKeys];
  const mine = useStore(useShallow((s) => Object.fromEntries(keys.map((k) => [k, s.series[k]]))));
  const series = chart.x ? against(mine, chart) : mine;
  const b = useCompareSeries(keys);
  const seriesB = b && (chart.x ? against(b, chart) : b);
  const metrics = useMemo(() => withMaxKeys(chart.metrics, mine), [chart.metrics, mine]);
  return <ExportablePanel id={chart.id} title={chart.title} xLabel={chart.x?.label}><ChartPanel title={chart.title} metrics={metrics} series={series} seriesB={seriesB} /></ExportablePanel>;
});

/** a metric whose axis reaches up to another metric's latest value (modes covered up to the number of modes) */
function withMaxKeys(metrics: ChartSpec['metrics'], series: Record<string, Series | undefined>): ChartSpec['metrics'] {
  if (!metrics.some((m) => m.maxKey)) return metrics;
  return metrics.map((m) => {
    const top = m.maxKey ? series[m.maxKey]?.ys.at(-1) : undefined;
    return top !== undefined && Number.isFinite(top) ? { ...m, range: [m.range?.[0] ?? null, top] as const } : m;
  });
}

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
