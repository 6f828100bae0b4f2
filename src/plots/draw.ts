// Free-hand drawing of a point set over the plane (e.g. a target drawn by the user). Pointer
// moves fire at 60-240 Hz; recording every one would give clumps where the hand slows down, so a
// point is kept only once the pointer has moved MIN_STEP_PX since the last kept one.
import type { PlaneScale } from './scale';
import { eventPoint, inPlot } from './scale';
import { PATH_COLOR } from './paths';

export const MIN_STEP_PX = 4;
/** hard cap so a long scribble cannot make an enormous message */
export const MAX_DRAW_POINTS = 5000;

export interface DrawCallbacks {
  /** the stroke's world points, interleaved x,y, reported once on pointer up */
  onPoints?(xy: Float32Array): void;
}

/** Pure spacing filter over pixel positions; the world conversion happens at the end. */
export class PointRecorder {
  private px: number[] = [];

  constructor(
    private minStep = MIN_STEP_PX,
    private max = MAX_DRAW_POINTS,
  ) {}

  /** true when the point was kept */
  add(x: number, y: number): boolean {
    const n = this.px.length;
    if (n >= 2 * this.max) return false;
    if (n > 0) {
      const dx = x - this.px[n - 2];
      const dy = y - this.px[n - 1];
      if (dx * dx + dy * dy < this.minStep * this.minStep) return false;
    }
    this.px.push(x, y);
    return true;
  }

  get count(): number {
    return this.px.length >> 1;
  }

  pixels(): readonly number[] {
    return this.px;
  }

  /** world coordinates, interleaved x,y */
  toWorld(s: PlaneScale): Float32Array {
    const out = new Float32Array(this.px.length);
    for (let i = 0; i < this.px.length; i += 2) {
      const [x, y] = s.toWorld(this.px[i], this.px[i + 1]);
      out[i] = x;
      out[i + 1] = y;
    }
    return out;
  }
}

const SVG_NS = 'http://www.w3.org/2000/svg';

/** Listens on the overlay SVG while the plane is in 'draw' mode; shows the stroke as it grows. */
export class DrawLayer {
  private rec: PointRecorder | null = null;
  private pointerId = -1;
  private line: SVGPolylineElement;
  private active = false;
  private cb: DrawCallbacks = {};

  constructor(
    private g: SVGGElement,
    private surface: SVGSVGElement,
    private getScale: () => PlaneScale | null,
  ) {
    this.line = document.createElementNS(SVG_NS, 'polyline');
    this.line.setAttribute('fill', 'none');
    this.line.setAttribute('stroke', PATH_COLOR);
    this.line.setAttribute('stroke-width', '2');
    this.line.setAttribute('stroke-linejoin', 'round');
    surface.addEventListener('pointerdown', this.onDown);
    surface.addEventListener('pointermove', this.onMove);
    surface.addEventListener('pointerup', this.onUp);
    surface.addEventListener('pointercancel', this.onCancel);
  }

  setActive(on: boolean, cb: DrawCallbacks = {}): void {
    this.active = on;
    this.cb = cb;
    if (!on) this.reset();
  }

  private reset(): void {
    this.rec = null;
    this.pointerId = -1;
    this.line.remove();
    this.line.setAttribute('points', '');
  }

  private onDown = (ev: PointerEvent): void => {
    const s = this.getScale();
    if (!this.active || !s || ev.button !== 0) return;
    const [px, py] = eventPoint(ev, this.surface);
    if (!inPlot(s, px, py)) return;
    ev.preventDefault();
    this.surface.setPointerCapture(ev.pointerId);
    this.pointerId = ev.pointerId;
    this.rec = new PointRecorder();
    this.rec.add(px, py);
    this.g.appendChild(this.line);
    this.show();
  };

  private onMove = (ev: PointerEvent): void => {
    const s = this.getScale();
    if (!this.rec || !s || ev.pointerId !== this.pointerId) return;
    // coalesced events keep fast strokes smooth where the browser batches moves per frame
    const evs = typeof ev.getCoalescedEvents === 'function' ? ev.getCoalescedEvents() : [];
    let changed = false;
    for (const e of evs.length ? evs : [ev]) {
      const [px, py] = eventPoint(e, this.surface);
      if (inPlot(s, px, py) && this.rec.add(px, py)) changed = true;
    }
    if (changed) this.show();
  };

  private onUp = (ev: PointerEvent): void => {
    const s = this.getScale();
    if (!this.rec || ev.pointerId !== this.pointerId) return;
    if (this.surface.hasPointerCapture(ev.pointerId)) this.surface.releasePointerCapture(ev.pointerId);
    const xy = s ? this.rec.toWorld(s) : new Float32Array(0);
    this.reset();
    if (xy.length > 0) this.cb.onPoints?.(xy);
  };

  private onCancel = (ev: PointerEvent): void => {
    if (ev.pointerId === this.pointerId) this.reset();
  };

  private show(): void {
    const p = this.rec?.pixels() ?? [];
    let pts = '';
    for (let i = 0; i < p.length; i += 2) pts += `${p[i].toFixed(1)},${p[i + 1].toFixed(1)} `;
    this.line.setAttribute('points', pts);
  }

  dispose(): void {
    this.surface.removeEventListener('pointerdown', this.onDown);
    this.surface.removeEventListener('pointermove', this.onMove);
    this.surface.removeEventListener('pointerup', this.onUp);
    this.surface.removeEventListener('pointercancel', this.onCancel);
    this.reset();
  }
}
