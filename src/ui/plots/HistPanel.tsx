// React shell around HistView: subscribes to the frame bus and draws the named `histogram` layer.
// The only React state is "has any data arrived", which flips once, so frames do not re-render.
import { useEffect, useRef, useState } from 'react';
import type { ViewSpec } from '../../labs/types';
import { HistView } from '../../plots/hist';
import { frameBus } from '../../state/frame-bus';
import '../../plots/plots.css';

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
  const [hasData, setHasData] = useState(false);
  const label = ariaLabel ?? `${view.title}: histogram of the particles with the true marginal as a line`;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const hv = new HistView(el, label);
    let seen = false;
    const off = frameBus.subscribe((snap) => {
      const l = snap.layers[view.layer];
      if (!l || l.kind !== 'histogram') return;
      // share the plane's x range so the marginal lines up with the particles above it
      const b = snap.box;
      hv.render(l, view.axis === 0 ? [b.xmin, b.xmax] : [b.ymin, b.ymax]);
      if (!seen) {
        seen = true;
        setHasData(true);
      }
    });
    return () => {
      off();
      hv.dispose();
    };
  }, [view.layer, view.axis, label]);

  return (
    <div className={className ? `plot-panel ${className}` : 'plot-panel'}>
      {showTitle && <h3 className="plot-panel-title">{view.title}</h3>}
      <div className="plot-hist" ref={host}>
        {!hasData && <div className="plot-empty">no data yet</div>}
      </div>
    </div>
  );
}
