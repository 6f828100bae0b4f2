// Editable mixture components as SVG handles: a dot at each mean and its 1-sigma ellipse.
// Pointer events (not mouse events) so touch and pen work; the handle being dragged is drawn from
// the pointer, not from the worker's echo, so it does not jitter while the echo lags behind.
import { select } from 'd3';
import type { Mixture, Vec2 } from '../core/types';
import { ellipsePath } from './ellipse';
import { clampToBox, eventPoint, inPlot, type PlaneScale } from './scale';

export interface HandleCallbacks {
  /** a mean was dragged to p (called on every move) */
  onMove?(i: number, p: Vec2): void;
  /** shift-click on empty space, or a finger held there (LONG_PRESS_MS) */
  onAdd?(p: Vec2): void;
  /** alt-click on a handle, Delete on a focused one, or a finger held on it without moving */
  onRemove?(i: number): void;
  /** wheel over a handle, or +/- on a focused one: multiply the covariance width by factor */
  onScale?(i: number, factor: number): void;
  /** plain click on empty plot space */
  onClick?(p: Vec2): void;
}

/** grab radius in CSS pixels: a fingertip on touch screens, generous for a mouse */
export const HIT_RADIUS = 12;

/** Index of the nearest mean within `radius` pixels of (px, py), or -1. */
export function hitHandle(components: Mixture, s: PlaneScale, px: number, py: number, radius = HIT_RADIUS): number {
  let best = -1;
  let bestD = radius * radius;
  components.forEach((c, i) => {
    const [hx, hy] = s.toPixel(c.mean[0], c.mean[1]);
    const d = (hx - px) ** 2 + (hy - py) ** 2;
    if (d <= bestD) {
      bestD = d;
      best = i;
    }
  });
  return best;
}

/** Width factor of one wheel event: one notch (100 px) is about 18 %, capped for trackpad flings. */
export function wheelFactor(deltaY: number, deltaMode = 0): number {
  const px = deltaY * (deltaMode === 1 ? 33 : deltaMode === 2 ? 400 : 1);
  return Math.exp(-0.002 * Math.max(-300, Math.min(300, px)));
}

const KEY_STEP = 0.02; // arrow keys move a focused handle by 2 % of the box width

/** Touch and pen have no shift or alt key: holding still this long adds (empty space) or removes (a handle). */
export const LONG_PRESS_MS = 550;
/** a hold that moves further than this (CSS px) is a drag or a scroll, not a press */
export const HOLD_SLOP = 8;

export class HandlesLayer {
  private components: Mixture = [];
  private s: PlaneScale | null = null;
  private cb: HandleCallbacks = {};
  private interactive = false;
  private drag: { i: number; id: number; p: Vec2 } | null = null;
  /** a touch or pen press being timed: i = the handle under it, or -1 for empty space at `at` */
  private hold: { id: number; px: number; py: number; i: number; at: Vec2; timer: ReturnType<typeof setTimeout> } | null = null;

  constructor(
    private g: SVGGElement,
    private surface: SVGSVGElement,
  ) {
    surface.addEventListener('pointerdown', this.onDown);
    surface.addEventListener('pointermove', this.onPointerMove);
    surface.addEventListener('pointerup', this.onUp);
    surface.addEventListener('pointercancel', this.onUp);
    // not passive: the wheel over a handle must not scroll the page
    surface.addEventListener('wheel', this.onWheel, { passive: false });
  }

  setInteractive(on: boolean, cb: HandleCallbacks = {}): void {
    this.interactive = on;
    this.cb = cb;
    if (!on) {
      this.drag = null;
      this.cancelHold();
    }
    this.draw();
  }

  update(components: Mixture, s: PlaneScale): void {
    this.components = components;
    this.s = s;
    this.draw();
  }

  /** no handles, but keep the scale: a plain click on the plane (a lab's click binding) still needs it */
  clear(s?: PlaneScale): void {
    this.components = [];
    if (s) this.s = s;
    this.draw();
  }

  private draw(): void {
    const s = this.s;
    const comps = s ? this.components : [];
    const drag = this.drag;
    const interactive = this.interactive;
    const sel = select(this.g)
      .selectAll<SVGGElement, number>('g.handle')
      .data(comps.map((_, i) => i))
      .join((enter) => {
        const h = enter.append('g').attr('class', 'handle');
        h.append('path').attr('class', 'handle-ellipse').attr('fill', 'none').attr('stroke', '#ffffff').attr('stroke-width', 1.5);
        h.append('circle').attr('class', 'handle-mean').attr('r', 5).attr('fill', '#ffffff').attr('stroke', '#1a1a1a').attr('stroke-width', 1.5);
        h.on('keydown', (ev: KeyboardEvent, i: number) => this.onKey(ev, i));
        return h;
      });
    if (!s) return;
    sel
      .attr('tabindex', interactive ? 0 : null)
      .attr('role', interactive ? 'button' : null)
      .attr('aria-label', (i) => {
        const m = comps[i].mean;
        return `component ${i + 1} at (${m[0].toFixed(2)}, ${m[1].toFixed(2)}); arrows move, Delete removes, + and - scale`;
      })
      .attr('opacity', interactive ? 1 : 0.75);
    sel.select('path').attr('d', (i) => ellipsePath(drag?.i === i ? drag.p : comps[i].mean, comps[i].cov, s));
    sel
      .select('circle')
      .attr('cx', (i) => s.x(drag?.i === i ? drag.p[0] : comps[i].mean[0]))
      .attr('cy', (i) => s.y(drag?.i === i ? drag.p[1] : comps[i].mean[1]))
      .attr('r', (i) => (drag?.i === i ? 7 : 5));
  }

  private world(ev: PointerEvent): Vec2 | null {
    if (!this.s) return null;
    const [px, py] = eventPoint(ev, this.surface);
    return clampToBox(this.s.toWorld(px, py), this.s.box);
  }

  private onDown = (ev: PointerEvent): void => {
    const s = this.s;
    if (!this.interactive || !s || ev.button !== 0) return;
    const [px, py] = eventPoint(ev, this.surface);
    const i = hitHandle(this.components, s, px, py);
    const held = ev.pointerType === 'touch' || ev.pointerType === 'pen';
    if (i >= 0 && ev.altKey) {
      ev.preventDefault();
      this.cb.onRemove?.(i);
    } else if (i >= 0) {
      ev.preventDefault();
      this.surface.setPointerCapture(ev.pointerId);
      this.drag = { i, id: ev.pointerId, p: [...this.components[i].mean] as Vec2 };
      if (held && this.cb.onRemove) this.startHold(ev, px, py, i, this.components[i].mean);
      this.draw();
    } else if (ev.shiftKey && inPlot(s, px, py)) {
      ev.preventDefault();
      this.cb.onAdd?.(s.toWorld(px, py));
    } else if (held && this.cb.onAdd && inPlot(s, px, py)) {
      // a finger on empty space: a tap is the lab's click, a hold adds a component (decided on release)
      ev.preventDefault();
      this.surface.setPointerCapture(ev.pointerId);
      this.startHold(ev, px, py, -1, s.toWorld(px, py));
    } else if (!ev.altKey && inPlot(s, px, py) && this.cb.onClick) {
      // a plain click on empty space: the lab's click binding (a reward bump, a measurement)
      ev.preventDefault();
      this.cb.onClick(s.toWorld(px, py));
    }
  };

  private startHold(ev: PointerEvent, px: number, py: number, i: number, at: Vec2): void {
    this.cancelHold();
    const timer = setTimeout(() => {
      const h = this.hold;
      this.hold = null;
      if (!h) return;
      if (h.i >= 0) {
        // held still on a handle: remove it (the drag that began with the press is dropped)
        this.drag = null;
        this.cb.onRemove?.(h.i);
        this.draw();
      } else this.cb.onAdd?.(h.at);
    }, LONG_PRESS_MS);
    this.hold = { id: ev.pointerId, px, py, i, at: [...at] as Vec2, timer };
  }

  /** ends a timed press; returns it if it was still pending (a tap, not a hold) */
  private cancelHold(): NonNullable<HandlesLayer['hold']> | null {
    const h = this.hold;
    if (h) clearTimeout(h.timer);
    this.hold = null;
    return h;
  }

  private onPointerMove = (ev: PointerEvent): void => {
    const h = this.hold;
    if (h && ev.pointerId === h.id) {
      const [px, py] = eventPoint(ev, this.surface);
      if (Math.hypot(px - h.px, py - h.py) > HOLD_SLOP) this.cancelHold(); // a drag, not a hold
    }
    const d = this.drag;
    if (!d || ev.pointerId !== d.id) return;
    const p = this.world(ev);
    if (!p) return;
    d.p = p;
    this.draw();
    this.cb.onMove?.(d.i, p);
  };

  private onUp = (ev: PointerEvent): void => {
    const h = this.hold && ev.pointerId === this.hold.id ? this.cancelHold() : null;
    if (h && h.i < 0) {
      // a tap on empty space (released before the hold): the lab's click binding, as a mouse click
      if (this.surface.hasPointerCapture(ev.pointerId)) this.surface.releasePointerCapture(ev.pointerId);
      if (ev.type === 'pointerup') this.cb.onClick?.(h.at);
      return;
    }
    if (!this.drag || ev.pointerId !== this.drag.id) return;
    if (this.surface.hasPointerCapture(ev.pointerId)) this.surface.releasePointerCapture(ev.pointerId);
    this.drag = null;
    this.draw();
  };

  private onWheel = (ev: WheelEvent): void => {
    if (!this.interactive || !this.s) return;
    const [px, py] = eventPoint(ev, this.surface);
    const i = hitHandle(this.components, this.s, px, py, HIT_RADIUS * 2);
    if (i < 0) return;
    ev.preventDefault();
    this.cb.onScale?.(i, wheelFactor(ev.deltaY, ev.deltaMode));
  };

  private onKey(ev: KeyboardEvent, i: number): void {
    const s = this.s;
    const c = this.components[i];
    if (!this.interactive || !s || !c) return;
    const step = KEY_STEP * (s.box.xmax - s.box.xmin);
    const moves: Record<string, Vec2> = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, step], ArrowDown: [0, -step] };
    if (moves[ev.key]) {
      const m = moves[ev.key];
      this.cb.onMove?.(i, clampToBox([c.mean[0] + m[0], c.mean[1] + m[1]], s.box));
    } else if (ev.key === 'Delete' || ev.key === 'Backspace') this.cb.onRemove?.(i);
    else if (ev.key === '+' || ev.key === '=') this.cb.onScale?.(i, 1.2);
    else if (ev.key === '-') this.cb.onScale?.(i, 1 / 1.2);
    else return;
    ev.preventDefault();
  }

  dispose(): void {
    this.cancelHold();
    this.surface.removeEventListener('pointerdown', this.onDown);
    this.surface.removeEventListener('pointermove', this.onPointerMove);
    this.surface.removeEventListener('pointerup', this.onUp);
    this.surface.removeEventListener('pointercancel', this.onUp);
    this.surface.removeEventListener('wheel', this.onWheel);
    this.g.replaceChildren();
  }
}
