// Panels that draw one layer of each frame: bars (e.g. mixture weights) and xy curves (sweeps).
// Like the plane, they subscribe to the frame bus and never re-render through React per frame.
import { useEffect, useRef, useState, type ReactNode, type RefObject } from 'react';
import type { ViewSpec } from '../../labs/types';
import { BarsView } from '../../plots/bars';
import { ChartView } from '../../plots/chart';
import { frameBus } from '../../state/frame-bus';
import '../../plots/plots.css';

type BarsSpec = Extract<ViewSpec, { kind: 'bars' }>;
type XYSpec = Extract<ViewSpec, { kind: 'xy' }>;

function useLayerView<V>(make: (el: HTMLElement) => V & { dispose(): void }, draw: (v: V, layer: unknown) => boolean, deps: unknown[]) {
  const host = useRef<HTMLDivElement>(null);
  const [hasData, setHasData] = useState(false);
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const view = make(el);
    let seen = false;
    const off = frameBus.subscribe((snap) => {
      if (!draw(view, snap)) return;
      if (!seen) {
        seen = true;
        setHasData(true);
      }
    });
    return () => {
      off();
      view.dispose();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
  return { host, hasData };
}

/** the panel both layer views draw into: title, the view's host (height px, "no data yet" until its first layer), then children */
function LayerPanelShell({ title, host, hasData, height, children }: { title: string; host: RefObject<HTMLDivElement | null>; hasData: boolean; height: number; children?: ReactNode }) {
  return (
    <div className="plot-panel">
      <h3 className="plot-panel-title">{title}</h3>
      <div className="plot-chart-host" ref={host} style={{ height, position: 'relative' }}>
        {!hasData && <div className="plot-empty">no data yet</div>}
      </div>
      {children}
    </div>
  );
}

export function BarsPanel({ view }: { view: BarsSpec }) {
  const { host, hasData } = useLayerView(
    (el) => new BarsView(el, `${view.title}: bar chart`),
    (v, snap) => {
      const l = (snap as { layers: Record<string, { kind: string }> }).layers[view.layer];
      if (!l || l.kind !== 'bars') return false;
      v.render(l as unknown as Parameters<BarsView['render']>[0]);
      return true;
    },
    [view.layer, view.title],
  );
  return <LayerPanelShell title={view.title} host={host} hasData={hasData} height={180} />;
}

export function XYPanel({ view, current }: { view: XYSpec; current?: number }) {
  // read through a ref at each draw: a new setting (T) restarts the run, whose next frame redraws the curves
  const cur = useRef<number | undefined>(current);
  cur.current = current;
  const mark = () => (view.current && cur.current !== undefined ? { x: cur.current, label: `${view.current.label} = ${cur.current}` } : undefined);
  const { host, hasData } = useLayerView(
    (el) => new ChartView(el, `${view.title}: curves against ${view.xLabel}`, { logX: view.logX, markers: true, legendValues: view.legendValues }),
    (v, snap) => {
      const l = (snap as { layers: Record<string, { kind: string; xs?: Float32Array; ys?: Record<string, Float32Array> }> }).layers[view.layer];
      if (!l || l.kind !== 'series') return false;
      const xs = Array.from(l.xs!);
      v.render(Object.entries(l.ys!).map(([key, ys]) => ({ key, label: key, log: view.logY, xs, ys: Array.from(ys) })), mark());
      return true;
    },
    [view.layer, view.title, view.logX, view.logY, view.legendValues],
  );
  return (
    <LayerPanelShell title={view.title} host={host} hasData={hasData} height={200}>
      <div className="plot-xlabel" style={{ textAlign: 'center', fontSize: 12, color: 'var(--muted)' }}>{view.xLabel}</div>
    </LayerPanelShell>
  );
}
