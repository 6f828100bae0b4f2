// The 2D plane: a heatmap canvas, an overlay canvas (arrows, paths, particles) and an SVG
// (contours, axes, handles, drawing) stacked in one container. Frames arrive from the frame bus
// faster than the screen may refresh, so render() only records the latest frame and one
// requestAnimationFrame draws it. Grid layers arrive less often than particles: the last one of
// each name is kept, and the costly parts (heatmap colouring, contours) are redone only when the
// grid's array, the colour mode or the scale changes.
import type { Mixture } from '../core/types';
import type { Layer, Snapshot } from '../protocol/snapshot';
import { ARROW_COLORS, ARROW_COLORS_PLAIN, arrowSegments, drawArrows, robustMax, type VectorGrid } from './arrows';
import { createGroup, createPlotSvg, drawAxes, drawFrame } from './axes';
import type { ColormapName } from './colormap';
import { drawContours } from './contours';
import { DrawLayer, type DrawCallbacks } from './draw';
import { HandlesLayer, type HandleCallbacks } from './handles';
import { HeatmapLayer, type DensityMode, type ScalarGrid, type ValueRange } from './heatmap';
import { exportPNG, exportSVG } from './plane-export';
import { PATH_COLOR, PATH_COLOR_PLAIN, drawPaths, type PathsLayer } from './paths';
import { CHAIN_ACCEPT, drawChain, type ChainLayer } from './chain';
import { POINT_COLORS, POINT_COLORS_PLAIN, drawPoints } from './points';
import { fitCanvas, planeScale, sameBox, type PlaneScale } from './scale';
import { sameGrid } from './grid-compare';
import { PlaneLegend, type LegendEntry } from './plane-legend';

export interface PlaneToggles {
  density: DensityMode;
  field: boolean;
  paths: boolean;
  /** the slow-motion tween (ms): a followed chain's latest step is drawn growing over this long */
  tween?: number;
}
export type InteractionMode = 'none' | 'edit' | 'draw';
export type PlaneCallbacks = HandleCallbacks & DrawCallbacks;

type Pending = { snap: Snapshot; names: readonly string[]; toggles: PlaneToggles };

let planePaints = 0;
/** planes painted since load (the benchmark's drawn-frames figure; the frame bus counts frames received) */
export const planePaintCount = (): number => planePaints;

export class PlaneView {
  private heat = document.createElement('canvas');
  private overlay = document.createElement('canvas');
  private svg: SVGSVGElement;
  private gContours: SVGGElement;
  private gFrame: SVGGElement;
  private gx: SVGGElement;
  private gy: SVGGElement;
  private heatmap: HeatmapLayer;
  private handles: HandlesLayer;
  private draw: DrawLayer;
  private observer: ResizeObserver;
  private cache = new Map<string, Layer>();
  private lastIteration = -1;
  private pending: Pending | null = null;
  private last: Pending | null = null;
  /** when the latest chain step arrived (its tween runs from here) */
  private chainAt = 0;
  private raf = 0;
  private size = { w: 0, h: 0, dpr: 1 };
  private s: PlaneScale | null = null;
  /** what the heatmap and contours were last drawn from; any change triggers a repaint */
  private gridKey: { grid: ScalarGrid | null; mode: DensityMode; s: PlaneScale | null; range?: ValueRange | null } = { grid: null, mode: 'off', s: null };
  /** an outside colour range (shared by an A/B comparison); null: the grid's own */
  private valueRange: ValueRange | null = null;
  private handlesKey: { comps: Mixture | null; s: PlaneScale | null } = { comps: null, s: null };
  private legend: PlaneLegend | null = null;
  /** what each layer is, for the key (layer name -> label); unlabelled layers stay out of it */
  private legendLabels: Readonly<Record<string, string>> = {};

  constructor(
    private container: HTMLElement,
    opts: { ariaLabel?: string; colormap?: ColormapName; legend?: HTMLElement } = {},
  ) {
    if (opts.legend) this.legend = new PlaneLegend(opts.legend);
    container.classList.add('plot-plane');
    this.heat.className = 'plot-layer';
    this.overlay.className = 'plot-layer';
    this.heat.setAttribute('aria-hidden', 'true');
    this.overlay.setAttribute('aria-hidden', 'true');
    this.svg = createPlotSvg(opts.ariaLabel ?? 'plane plot');
    this.svg.setAttribute('class', 'plot-layer plot-svg');
    this.gContours = createGroup(this.svg, 'contours');
    this.gFrame = createGroup(this.svg, 'frame');
    this.gx = createGroup(this.svg, 'axis axis-x');
    this.gy = createGroup(this.svg, 'axis axis-y');
    const gHandles = createGroup(this.svg, 'handles');
    const gDraw = createGroup(this.svg, 'drawing');
    gDraw.setAttribute('data-export', 'skip');
    container.append(this.heat, this.overlay, this.svg);
    this.heatmap = new HeatmapLayer(opts.colormap);
    this.handles = new HandlesLayer(gHandles, this.svg);
    this.draw = new DrawLayer(gDraw, this.svg, () => this.s);
    this.setInteraction('none');
    this.observer = new ResizeObserver(() => this.resize());
    this.observer.observe(container);
    this.resize();
  }

  /** Record the frame; it is drawn on the next animation frame (frames in between are dropped). */
  render(snap: Snapshot, layerNames: readonly string[], toggles: PlaneToggles): void {
    this.pending = { snap, names: layerNames, toggles };
    if (!this.raf) this.raf = requestAnimationFrame(() => this.flush());
  }

  /** Draw the pending frame now (export calls this so the file matches the latest frame). */
  flush(): void {
    if (this.raf) cancelAnimationFrame(this.raf);
    this.raf = 0;
    const p = this.pending ?? this.last;
    this.pending = null;
    if (!p) return;
    if (p !== this.last) this.absorb(p);
    this.last = p;
    this.paint(p);
  }

  /** Forget cached grid layers (e.g. on reset, when the next frame may come without grids). */
  reset(): void {
    this.cache.clear();
    this.heatmap.clear();
    this.handles.clear();
    this.lastIteration = -1;
    this.gridKey = { grid: null, mode: 'off', s: null };
    this.handlesKey = { comps: null, s: null };
  }

  setInteraction(mode: InteractionMode, cb: PlaneCallbacks = {}): void {
    this.handles.setInteractive(mode === 'edit', cb);
    this.draw.setActive(mode === 'draw', cb);
    this.svg.style.pointerEvents = mode === 'none' ? 'none' : 'auto';
    // an img role hides its children from assistive tech: editable handles need a group
    this.svg.setAttribute('role', mode === 'edit' ? 'group' : 'img');
    // without this, a touch drag would scroll the page instead of moving a handle
    this.svg.style.touchAction = mode === 'none' ? '' : 'none';
    this.svg.style.cursor = mode === 'draw' ? 'crosshair' : '';
    this.container.dataset.interaction = mode;
  }

  /** Colour the heatmap over this range instead of the grid's own (null goes back); repaints at once. */
  setValueRange(r: ValueRange | null): void {
    if (r === this.valueRange || (r && this.valueRange && r[0] === this.valueRange[0] && r[1] === this.valueRange[1])) return;
    this.valueRange = r;
    if (this.last) {
      this.pending ??= this.last;
      if (!this.raf) this.raf = requestAnimationFrame(() => this.flush());
    }
  }

  /** the key's labels per layer name; shown for the layers the next paint draws */
  setLegendLabels(labels: Readonly<Record<string, string>>): void {
    this.legendLabels = labels;
  }

  setAriaLabel(label: string): void {
    this.svg.setAttribute('aria-label', label);
  }

  /** The current scale (null before the first frame); for tooltips and tests in the browser. */
  scale(): PlaneScale | null {
    return this.s;
  }

  toSVG(): string {
    this.flush();
    return exportSVG(this.exportParts());
  }

  toPNG(): Promise<Blob> {
    this.flush();
    return exportPNG(this.exportParts());
  }

  dispose(): void {
    if (this.raf) cancelAnimationFrame(this.raf);
    this.observer.disconnect();
    this.handles.dispose();
    this.draw.dispose();
    this.legend?.dispose();
    this.heat.remove();
    this.overlay.remove();
    this.svg.remove();
    this.container.classList.remove('plot-plane');
    delete this.container.dataset.interaction;
    this.cache.clear();
  }

  private exportParts() {
    return { width: this.size.w, height: this.size.h, canvases: [this.heat, this.overlay], svg: this.svg };
  }

  private resize(): void {
    const w = this.container.clientWidth;
    // a container without a set height gets a square plot
    const h = this.container.clientHeight || w;
    const dpr = window.devicePixelRatio || 1;
    if (w === this.size.w && h === this.size.h && dpr === this.size.dpr) return;
    this.size = { w, h, dpr };
    this.s = null; // rebuilt for the new size in paint()
    if (this.last) {
      this.pending ??= this.last;
      this.flush();
    }
  }

  /** Take the frame's layers into the cache; an iteration going backwards means a new run. */
  private absorb(p: Pending): void {
    if (p.snap.iteration < this.lastIteration) this.reset();
    this.lastIteration = p.snap.iteration;
    for (const name of p.names) {
      const l = p.snap.layers[name];
      if (l) this.cache.set(name, l);
      // a followed chain is in every frame while the view is on: a frame without it means it was turned off
      else if (this.cache.get(name)?.kind === 'chain') this.cache.delete(name);
      if (l?.kind === 'chain') this.chainAt = performance.now();
    }
  }

  private layersOf<K extends Layer['kind']>(names: readonly string[], kind: K): Extract<Layer, { kind: K }>[] {
    const out: Extract<Layer, { kind: K }>[] = [];
    for (const n of names) {
      const l = this.cache.get(n);
      if (l && l.kind === kind) out.push(l as Extract<Layer, { kind: K }>);
    }
    return out;
  }

  private paint({ snap, names, toggles }: Pending): void {
    const { w, h, dpr } = this.size;
    if (w <= 0 || h <= 0) return;
    planePaints += 1;
    if (!this.s || !sameBox(this.s.box, snap.box)) this.s = planeScale(snap.box, w, h);
    const s = this.s;
    this.svg.setAttribute('width', String(w));
    this.svg.setAttribute('height', String(h));
    const shaded = toggles.density !== 'off';

    // heatmap, contours, frame and axes: only when the grid, the mode or the scale changed
    const grid = shaded ? (this.layersOf(names, 'scalarGrid')[0] ?? null) : null;
    const k = this.gridKey;
    // labs resend their cached grid as a fresh copy in every frame (arrays are transferred): compare
    // contents, so the heatmap and the contours (the costliest drawing) are redone only on a new grid
    if (!sameGrid(k.grid, grid) || k.mode !== toggles.density || k.s !== s || k.range !== this.valueRange) {
      const hctx = fitCanvas(this.heat, w, h, dpr);
      hctx.clearRect(0, 0, w, h);
      if (grid) {
        this.heatmap.update(grid, toggles.density, this.valueRange);
        this.heatmap.draw(hctx, s);
      }
      drawContours(this.gContours, grid, s, toggles.density);
      if (k.s !== s) {
        drawFrame(this.gFrame, s.plot);
        drawAxes(this.gx, this.gy, s.x, s.y, s.plot);
      }
      this.gridKey = { grid, mode: toggles.density, s, range: this.valueRange };
    }

    // particles, fields and paths change every frame: the overlay is always redrawn
    const ctx = fitCanvas(this.overlay, w, h, dpr);
    ctx.clearRect(0, 0, w, h);
    // arrows at edge cells would otherwise poke into the axes
    ctx.save();
    ctx.beginPath();
    ctx.rect(s.plot.left, s.plot.top, s.plot.width, s.plot.height);
    ctx.clip();
    const pc = shaded ? POINT_COLORS : POINT_COLORS_PLAIN;
    this.layersOf(names, 'points').forEach((l, i) => drawPoints(ctx, l.xy, s, { color: pc[Math.min(i, pc.length - 1)] }, dpr));
    if (toggles.field) this.paintFields(ctx, this.layersOf(names, 'vectorGrid'), s, shaded);
    if (toggles.paths) {
      for (const l of this.layersOf(names, 'paths') as PathsLayer[]) drawPaths(ctx, l, s, shaded ? PATH_COLOR : PATH_COLOR_PLAIN);
    }
    const tween = toggles.tween ?? 0;
    const progress = tween > 0 ? Math.min(1, (performance.now() - this.chainAt) / tween) : 1;
    const chains = this.layersOf(names, 'chain') as ChainLayer[];
    for (const l of chains) drawChain(ctx, l, s, dpr, progress);
    // the tween runs on: paint the same frame again next animation frame until the step is drawn whole
    if (chains.length && progress < 1 && !this.raf) this.raf = requestAnimationFrame(() => this.flush());
    ctx.restore();
    if (this.legend) this.legend.update(this.legendEntries(names, toggles, grid));

    const comps = this.layersOf(names, 'handles')[0]?.components ?? null;
    if (comps !== this.handlesKey.comps || s !== this.handlesKey.s) {
      if (comps) this.handles.update(comps, s);
      else this.handles.clear(s);
      this.handlesKey = { comps, s };
    }
  }

  /** the key for what paint() just drew: the same layer order and colour choices as above */
  private legendEntries(names: readonly string[], toggles: PlaneToggles, grid: ScalarGrid | null): LegendEntry[] {
    const shaded = toggles.density !== 'off';
    const pc = shaded ? POINT_COLORS : POINT_COLORS_PLAIN;
    const ac = shaded ? ARROW_COLORS : ARROW_COLORS_PLAIN;
    const counts = { points: 0, vectorGrid: 0 };
    const out: LegendEntry[] = [];
    for (const name of names) {
      const l = this.cache.get(name);
      const label = this.legendLabels[name];
      if (!l || !label) continue;
      const add = (mark: LegendEntry['mark'], color: string) => out.push({ layer: name, label, mark, color, shaded });
      if (l.kind === 'points') {
        const i = counts.points++;
        if (l.xy.length > 0) add('dot', pc[Math.min(i, pc.length - 1)]);
      } else if (l.kind === 'vectorGrid') {
        const i = counts.vectorGrid++;
        if (toggles.field) add('arrow', ac[Math.min(i, ac.length - 1)]);
      } else if (l.kind === 'paths') {
        if (toggles.paths && l.nPaths > 0) add('line', shaded ? PATH_COLOR : PATH_COLOR_PLAIN);
      } else if (l.kind === 'chain') {
        if (l.accepted.length > 0) add('dot', CHAIN_ACCEPT);
      } else if (l.kind === 'handles') {
        if (l.components.length > 0) add('handle', '#ffffff');
      } else if (l.kind === 'scalarGrid') {
        if (grid === l) add('heat', '');
      }
    }
    return out;
  }

  private paintFields(ctx: CanvasRenderingContext2D, fields: VectorGrid[], s: PlaneScale, shaded: boolean): void {
    if (fields.length === 0) return;
    // one normalisation for all fields so an exact and a learned arrow compare by length
    const ref = robustMax(fields);
    const colors = shaded ? ARROW_COLORS : ARROW_COLORS_PLAIN;
    fields.forEach((f, i) => drawArrows(ctx, arrowSegments(f, s, ref), colors[Math.min(i, colors.length - 1)]));
  }
}

