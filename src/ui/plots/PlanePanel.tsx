// React shell around PlaneView. React owns only the host <div>; frames go from the frame bus
// straight into PlaneView.render (never through React state), so a running sampler does not
// re-render the component tree. Props that change at human speed (toggles, mode, callbacks) are
// read through refs so the bus subscription is made once per mount.
import { useEffect, useImperativeHandle, useRef, type Ref } from 'react';
import type { ViewSpec } from '../../labs/types';
import { PlaneView, type InteractionMode, type PlaneCallbacks, type PlaneToggles } from '../../plots/plane';
import { frameBus, type FrameBus } from '../../state/frame-bus';
import type { SharedRange } from '../../state/compare/shared-range';
import '../../plots/plots.css';

export type PlaneViewSpec = Extract<ViewSpec, { kind: 'plane' }>;

/** What a parent can do with the plot (export buttons live in the UI). */
export interface PlaneHandle {
  toPNG(): Promise<Blob>;
  toSVG(): string;
  /** forget cached grid layers, e.g. right after a reset */
  reset(): void;
}

export interface PlanePanelProps {
  view: PlaneViewSpec;
  toggles: PlaneToggles;
  interaction?: InteractionMode;
  callbacks?: PlaneCallbacks;
  ariaLabel: string;
  className?: string;
  /** where frames come from (default: the app's bus; an A/B comparison's B has its own) */
  bus?: FrameBus;
  /** a colour range shared with another plot (A/B comparison); default: each grid's own */
  sharedRange?: SharedRange;
  /** React 19: a plain prop */
  ref?: Ref<PlaneHandle>;
}

export function PlanePanel({ view, toggles, interaction = 'none', callbacks, ariaLabel, className, bus = frameBus, sharedRange, ref }: PlanePanelProps) {
  const host = useRef<HTMLDivElement>(null);
  const legend = useRef<HTMLDivElement>(null);
  const plane = useRef<PlaneView | null>(null);
  const layers = useRef(view.layers);
  const tog = useRef(toggles);
  const cbs = useRef(callbacks);

  useEffect(() => {
    layers.current = view.layers;
    tog.current = toggles;
    cbs.current = callbacks;
  });

  // mount: one PlaneView and one bus subscription for the life of the component
  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const p = new PlaneView(el, { ariaLabel, legend: legend.current ?? undefined });
    p.setLegendLabels(view.legend ?? {});
    plane.current = p;
    const off = bus.subscribe((snap) => p.render(snap, layers.current, tog.current));
    return () => {
      off();
      p.dispose();
      plane.current = null;
    };
    // ariaLabel is applied by its own effect below; re-creating the view for it would drop the cache
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    if (!sharedRange) return;
    const off = sharedRange.subscribe((r) => plane.current?.setValueRange(r));
    return () => {
      off();
      plane.current?.setValueRange(null);
    };
  }, [sharedRange]);

  // a toggle or a different layer list repaints the latest frame at once, even while paused
  const { density, field, paths, tween } = toggles;
  useEffect(() => {
    const snap = bus.latest();
    if (snap) plane.current?.render(snap, view.layers, { density, field, paths, tween });
  }, [density, field, paths, tween, view.layers, bus]);

  // stable callbacks that forward to the latest props, so a parent re-render does not re-bind
  useEffect(() => {
    const forward: PlaneCallbacks = {
      onMove: (i, p) => cbs.current?.onMove?.(i, p),
      onAdd: (p) => cbs.current?.onAdd?.(p),
      onRemove: (i) => cbs.current?.onRemove?.(i),
      onScale: (i, f) => cbs.current?.onScale?.(i, f),
      onPoints: (xy) => cbs.current?.onPoints?.(xy),
      onClick: (p) => cbs.current?.onClick?.(p),
    };
    plane.current?.setInteraction(interaction, forward);
  }, [interaction]);

  useEffect(() => {
    plane.current?.setAriaLabel(ariaLabel);
  }, [ariaLabel]);

  // a mode switch may keep the plane but change what its layers mean; the next paint shows the new key
  useEffect(() => {
    plane.current?.setLegendLabels(view.legend ?? {});
    const snap = bus.latest();
    if (snap) plane.current?.render(snap, layers.current, tog.current);
  }, [view.legend, bus]);

  useImperativeHandle(
    ref,
    () => ({
      toPNG: () => plane.current?.toPNG() ?? Promise.reject(new Error('plot not mounted')),
      toSVG: () => plane.current?.toSVG() ?? '',
      reset: () => plane.current?.reset(),
    }),
    [],
  );

  // the key is a sibling of the square plot, under it: it wraps to the panel's width and hides no data
  return (
    <>
      <div ref={host} className={className ? `plot-plane ${className}` : 'plot-plane'} data-view={view.id} />
      <div ref={legend} className="plane-legend" data-view={view.id} hidden />
    </>
  );
}
