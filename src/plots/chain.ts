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
const HALO = 'rgba(0, 0, 0, 0.85)';
const MIN_ALPHA = 0.15;

/** the opacity of event k of n (the newest is 1) */
export const chainAlpha = (k: number, n: number): number => (n <= 1 ? 1 : MIN_ALPHA + ((1 - MIN_ALPHA) * k) / (n - 1));

/** stroke the current path twice: a dark halo, then the colour */
function haloStroke(ctx: CanvasRenderingContext2D, color: string, width: number): void {
  ctx.strokeStyle = HALO;
  ctx.lineWidth = width + 2;
  ctx.stroke();
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.stroke();
}

export function drawChain(ctx: CanvasRenderingContext2D, l: ChainLayer, s: PlaneScale, dpr = 1): void {
  const n = l.accepted.length;
  const r = 3.5 * Math.max(1, dpr / 1.5);
  ctx.save();
  ctx.lineCap = 'round';
  for (let k = 0; k < n; k++) {
    const [fx, fy] = s.toPixel(l.moves[4 * k], l.moves[4 * k + 1]);
    const [tx, ty] = s.toPixel(l.moves[4 * k + 2], l.moves[4 * k + 3]);
    if (!Number.isFinite(fx + fy + tx + ty)) continue;
    const ok = l.accepted[k] === 1;
    const color = ok ? CHAIN_ACCEPT : CHAIN_REJECT;
    ctx.globalAlpha = chainAlpha(k, n);
    ctx.setLineDash(ok ? [] : [5, 4]);
    ctx.beginPath();
    ctx.moveTo(fx, fy);
    ctx.lineTo(tx, ty);
    haloStroke(ctx, color, 1.5);
    ctx.setLineDash([]);
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
    const px: [number, number][] = [];
    for (let i = 0; i + 1 < l.path.length; i += 2) px.push(s.toPixel(l.path[i], l.path[i + 1]));
    ctx.beginPath();
    px.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
    haloStroke(ctx, CHAIN_PATH, 1.6);
    for (const [x, y] of px.slice(1, -1)) {
      ctx.fillStyle = HALO;
      ctx.fillRect(x - 2.5, y - 2.5, 5, 5);
      ctx.fillStyle = CHAIN_PATH;
      ctx.fillRect(x - 1.5, y - 1.5, 3, 3);
    }
  }
  const [cx, cy] = s.toPixel(l.current[0], l.current[1]);
  ctx.globalAlpha = 1;
  ctx.beginPath();
  ctx.arc(cx, cy, r + 3, 0, 2 * Math.PI);
  haloStroke(ctx, '#ffffff', 2);
  ctx.restore();
}
