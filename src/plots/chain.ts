// The single-chain view's layer on the plane's overlay: chain 0's last proposals, oldest faintest. An
// accepted proposal is a cyan dot reached by a solid segment, a rejected one a red cross on a dashed
// segment (the chain stayed where it was); the latest step's path (HMC's leapfrog positions, NUTS's tree) is a
// white polyline through them; the chain's position now is a white ring. Every mark has a dark halo so it
// reads on both ends of the heatmap, and accepted and rejected differ by shape as well as hue.
import type { Layer } from '../protocol/snapshot';
import type { PlaneScale } from './scale';

export type ChainLayer = Extract<Layer, { kind: 'chain' }>;

export const CHAIN_ACCEPT = '#00e0ff';
export const CHAIN_REJECT = '#ff4d4d';
export const CHAIN_PATH = '#ffffff';
/** the part of a NUTS trajectory integrated backwards in time */
export const CHAIN_PATH_BACK = '#ffb000';
const HALO = 'rgba(0, 0, 0, 0.85)';
const MIN_ALPHA = 0.15;

/** the opacity of event k of n (the newest is 1) */
export const chainAlpha = (k: number, n: number): number => (n <= 1 ? 1 : MIN_ALPHA + ((1 - MIN_ALPHA) * k) / (n - 1));

/**
 * The part of segment a-b inside the plot grown by its own size on every side (Liang-Barsky), or null: a
 * diverged proposal at 1e30 would otherwise reach the canvas as coordinates it draws as garbage.
 */
export function clipSegment(a: [number, number], b: [number, number], s: PlaneScale): [[number, number], [number, number]] | null {
  const { left, top, width, height } = s.plot;
  const [x0, x1, y0, y1] = [left - width, left + 2 * width, top - height, top + 2 * height];
  const dx = b[0] - a[0];
  const dy = b[1] - a[1];
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [[-dx, a[0] - x0], [dx, x1 - a[0]], [-dy, a[1] - y0], [dy, y1 - a[1]]]) {
    if (!Number.isFinite(p) || !Number.isFinite(q)) return null;
    if (p === 0) {
      if (q < 0) return null;
      continue;
    }
    const r = q / p;
    if (p < 0) t0 = Math.max(t0, r);
    else t1 = Math.min(t1, r);
    if (t0 > t1) return null;
  }
  return [[a[0] + t0 * dx, a[1] + t0 * dy], [a[0] + t1 * dx, a[1] + t1 * dy]];
}

/** whether a pixel point is where clipSegment keeps points (a mark there is drawn) */
const near = ([x, y]: [number, number], s: PlaneScale): boolean =>
  x >= s.plot.left - s.plot.width && x <= s.plot.left + 2 * s.plot.width && y >= s.plot.top - s.plot.height && y <= s.plot.top + 2 * s.plot.height;

/** stroke the current path twice: a dark halo, then the colour */
function haloStroke(ctx: CanvasRenderingContext2D, color: string, width: number): void {
  ctx.strokeStyle = HALO;
  ctx.lineWidth = width + 2;
  ctx.stroke();
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.stroke();
}

/**
 * `progress` in [0, 1]: how far the latest step is drawn (the slow-motion tween): its path grows out from
 * the start, one leapfrog state after another in both directions, the ring travels to where the chain
 * went, and the proposal's mark appears at the end
 */
export function drawChain(ctx: CanvasRenderingContext2D, l: ChainLayer, s: PlaneScale, dpr = 1, progress = 1): void {
  const n = l.accepted.length;
  const done = progress >= 1;
  const r = 3.5 * Math.max(1, dpr / 1.5);
  ctx.save();
  ctx.lineCap = 'round';
  for (let k = 0; k < (done ? n : n - 1); k++) {
    const from = s.toPixel(l.moves[4 * k], l.moves[4 * k + 1]);
    const to = s.toPixel(l.moves[4 * k + 2], l.moves[4 * k + 3]);
    const seg = clipSegment(from, to, s);
    if (!seg) continue;
    const ok = l.accepted[k] === 1;
    const color = ok ? CHAIN_ACCEPT : CHAIN_REJECT;
    ctx.globalAlpha = chainAlpha(k, n);
    ctx.setLineDash(ok ? [] : [5, 4]);
    ctx.beginPath();
    ctx.moveTo(seg[0][0], seg[0][1]);
    ctx.lineTo(seg[1][0], seg[1][1]);
    haloStroke(ctx, color, 1.5);
    ctx.setLineDash([]);
    // the proposal's mark, where it is in view (a far one is marked by its segment running off the plot)
    if (!near(to, s)) continue;
    const [tx, ty] = to;
    ctx.beginPath();
    if (ok) {
      ctx.arc(tx, ty, r, 0, 2 * Math.PI);
      ctx.fillStyle = color;
      ctx.fill();
      ctx.strokeStyle = HALO;
      ctx.lineWidth = 1.2;
      ctx.stroke();
    } else {
      ctx.moveTo(tx - r, ty - r); ctx.lineTo(tx + r, ty + r);
      ctx.moveTo(tx - r, ty + r); ctx.lineTo(tx + r, ty - r);
      haloStroke(ctx, color, 2.2);
    }
  }
  // the latest step's path: HMC's from where the chain was through its leapfrog positions to the proposal,
  // NUTS's whole tree from one end of the trajectory to the other
  if (n > 0 && l.path.length >= 4) {
    ctx.globalAlpha = 1;
    const all: [number, number][] = [];
    for (let i = 0; i + 1 < l.path.length; i += 2) all.push(s.toPixel(l.path[i], l.path[i + 1]));
    // the states revealed so far, in the order they were built: HMC's along its path, NUTS's doubling by
    // doubling to one side or the other (pathOrder); they are contiguous around the start either way
    const st = Math.min(Math.max(0, l.pathStart), all.length - 1);
    const rank = (i: number) => (l.pathOrder.length === all.length ? l.pathOrder[i] : Math.abs(i - st));
    let maxRank = 0;
    for (let i = 0; i < all.length; i++) maxRank = Math.max(maxRank, rank(i));
    const shown = (i: number) => rank(i) <= progress * maxRank;
    let lo = st;
    let hi = st;
    while (lo > 0 && shown(lo - 1)) lo--;
    while (hi < all.length - 1 && shown(hi + 1)) hi++;
    const px = all.slice(lo, hi + 1);
    const at = st - lo;
    // coloured by direction (backwards in time: amber) and, once complete, by the verdict (refused: red, dashed)
    const refused = done && l.accepted[n - 1] === 0;
    const part = (from: number, to: number, color: string) => {
      if (to <= from) return;
      ctx.beginPath();
      for (let i = from; i < to; i++) {
        const seg = clipSegment(px[i], px[i + 1], s);
        if (!seg) continue;
        ctx.moveTo(seg[0][0], seg[0][1]);
        ctx.lineTo(seg[1][0], seg[1][1]);
      }
      ctx.setLineDash(refused ? [5, 4] : []);
      haloStroke(ctx, refused ? CHAIN_REJECT : color, 1.6);
      ctx.setLineDash([]);
    };
    part(0, at, CHAIN_PATH_BACK);
    part(at, px.length - 1, CHAIN_PATH);
    for (const [x, y] of px.filter((p, i) => i !== at && near(p, s))) {
      ctx.fillStyle = HALO;
      ctx.fillRect(x - 2.5, y - 2.5, 5, 5);
      ctx.fillStyle = CHAIN_PATH;
      ctx.fillRect(x - 1.5, y - 1.5, 3, 3);
    }
  }
  // the ring travels from where the chain was to where it is while the step is drawn
  const k = n - 1;
  const [ox, oy] = k >= 0 ? [l.moves[4 * k], l.moves[4 * k + 1]] : [l.current[0], l.current[1]];
  const t = done ? 1 : progress;
  const [cx, cy] = s.toPixel(ox + (l.current[0] - ox) * t, oy + (l.current[1] - oy) * t);
  ctx.globalAlpha = 1;
  ctx.beginPath();
  ctx.arc(cx, cy, r + 3, 0, 2 * Math.PI);
  haloStroke(ctx, '#ffffff', 2);
  ctx.restore();
}
