// React shell around HistView: subscribes to the frame bus and draws the named `histogram` layer.
// The only React state is "has any data arrived", which flips once, so frames do not re-render.
import { useEffect, useRef, useState } from 'react';
import type { ViewSpec } from '../../labs/types';
import { HistView } from '../../plots/hist';
import { frameBus } from '../../state/frame-bus';
import { useCompareRun } from '../compare/use-compare';
import '../../plots/plots.css';

const HIST_EVERY_MS = 200;

export type HistViewSpec = Extract<ViewSpec, { kind: 'hist' }>;

export interface HistPanelProps {
  view: HistViewSpec;
  ariaLabel?: string;
  /** show view.title above the plot (default true) */
  showTitle?: boolean;
  className?: string;
}

export function HistPanel({ view, ariaLabel, showTitle = true, className }: HistPanelProps) {
  const host = useRef<HTMLDivElement>(null);
  const hvRef = useRef<HistView | null>(null);
  const [hasData, setHasData] = useState(false);
  const bRun = useCompareRun();
  const label = ariaLabel ?? `${view.title}: histogram of the particles with the true marginal as a line${bRun ? '; the B run as a dashed outline' : ''}`;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const hv = new HistView(el, label);
    hvRef.current = hv;
    let seen = false;
    let pending: ReturnType<typeof setTimeout> | undefined;
    // share the plane's x range so the marginal lines up with the particles above it
    const range = (b: { xmin: number; xmax: number; ymin: number; ymax: number }): [number, number] => (view.axis === 0 ? [b.xmin, b.xmax] : [b.ymin, b.ymax]);
    let lastDraw = -Infinity;
    const off = frameBus.subscribe((snap) => {
      const l = snap.layers[view.layer];
      if (!l || l.kind !== 'histogram') return;
      // an SVG histogram redrawn at frame rate costs more main-thread time than the particles
      // themselves: five times a second is plenty to read a marginal (the last frame always shows)
      const now = performance.now();
      if (seen && now - lastDraw < HIST_EVERY_MS) {
        clearTimeout(pending);
        pending = setTimeout(() => { lastDraw = performance.now(); hv.render(l, range(snap.box)); }, HIST_EVERY_MS);
        return;
      }
      lastDraw = now;
      hv.render(l, range(snap.box));
      if (!seen) {
        seen = true;
        setHasData(true);
      }
    });
    return () => {
      off();
      clearTimeout(pending);
      hv.dispose();
      hvRef.current = null;
    };
  }, [view.layer, view.axis, label]);

  // an A/B comparison: B's histogram of the same layer as a dashed outline over A's bars, at the same rate
  useEffect(() => {
    const hv = hvRef.current;
    if (!bRun || !hv) return;
    let last = -Infinity;
    const off = bRun.bus.subscribe((snap) => {
      const l = snap.layers[view.layer];
      const now = performance.now();
      if (!l || l.kind !== 'histogram' || now - last < HIST_EVERY_MS) return;
      last = now;
      hv.renderB(l);
    });
    return () => {
      off();
      hv.renderB(null);
    };
  }, [bRun, view.layer, view.axis, label]);

  return (
    <div className={className ? `plot-panel ${className}` : 'plot-panel'}>
      {showTitle && <h3 className="plot-panel-title">{view.title}</h3>}
      <div className="plot-hist" ref={host}>
        {!hasData && <div className="plot-empty">no data yet</div>}
      </div>
    </div>
  );
}
