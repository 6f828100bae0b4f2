// How a lab's params bind to the plane: the first visible 'points' param is edited with the handles,
// the first visible 'xy' param is drawn into, and a view's `click` sets two number params.
import { useMemo } from 'react';
import type { Component, Mixture, Vec2 } from '../core/types';
import { activeClick, type LabSchema, type ParamValue, type ViewSpec } from '../labs/types';
import { specsOf } from '../labs/modes';
import type { InteractionMode, PlaneCallbacks } from '../plots/plane';
import { useThrottled } from './use-throttled';

type PlaneSpec = Extract<ViewSpec, { kind: 'plane' }>;

export function usePlaneBindings(
  schema: LabSchema, view: PlaneSpec, params: Record<string, ParamValue>,
  setParam: (key: string, v: ParamValue) => void, drawing: boolean,
): { mode: InteractionMode; callbacks: PlaneCallbacks } {
  const visible = specsOf(schema, params).filter((s) => !s.when || s.when(params));
  const pointsKey = visible.find((s) => s.kind === 'points')?.key;
  const xyKey = visible.find((s) => s.kind === 'xy')?.key;
  const comps = pointsKey ? (params[pointsKey] as Mixture) : undefined;
  const drawn = xyKey ? (params[xyKey] as Float32Array) : undefined;
  // a drag restarts the run: at most about 8 restarts a second
  const edit = useThrottled((next: Mixture) => pointsKey && setParam(pointsKey, next), 120);
  const click = activeClick(view, params);
  const callbacks = useMemo<PlaneCallbacks>(() => ({
    onMove: (i: number, p: Vec2) => comps && edit(comps.map((c, j) => (j === i ? { ...c, mean: p } : c))),
    onAdd: (p: Vec2) => comps && pointsKey && setParam(pointsKey, [...comps, { w: 1, mean: p, cov: [0.5, 0, 0.5] } as Component]),
    onRemove: (i: number) => comps && pointsKey && comps.length > 1 && setParam(pointsKey, comps.filter((_, j) => j !== i)),
    onScale: (i: number, f: number) => comps && edit(comps.map((c, j) => (j === i ? { ...c, cov: [c.cov[0] * f * f, c.cov[1] * f * f, c.cov[2] * f * f] } : c))),
    onClick: click ? (p: Vec2) => { setParam(click.x, Number(p[0].toPrecision(3))); setParam(click.y, Number(p[1].toPrecision(3))); } : undefined,
    onPoints: (xy: Float32Array) => {
      if (!xyKey) return;
      const old = drawn ?? new Float32Array(0);
      const next = new Float32Array(old.length + xy.length);
      next.set(old);
      next.set(xy, old.length);
      setParam(xyKey, next);
    },
  }), [comps, drawn, pointsKey, xyKey, click, setParam, edit]);
  const mode: InteractionMode = xyKey && drawing ? 'draw' : pointsKey || click ? 'edit' : 'none';
  return { mode, callbacks };
}
