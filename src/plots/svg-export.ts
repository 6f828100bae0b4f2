// Export of an SVG plot (chart, histogram, bars, xy curves) as a figure that stands alone: every
// element's computed paint and type are written inline (page CSS and `currentColor` do not travel
// with a file), the HTML title and x label around the plot are drawn into it, and a PNG is the same
// SVG rasterized on a canvas at device resolution.

const SVG_NS = 'http://www.w3.org/2000/svg';
/** what decides how an SVG element looks; layout comes from attributes that are already there */
const STYLE_PROPS = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'stroke-dasharray', 'stroke-linejoin', 'stroke-linecap',
  'opacity', 'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'paint-order',
] as const;
const TITLE_H = 22;
const XLABEL_H = 20;

export interface SvgFigure {
  svg: SVGSVGElement;
  /** drawn above the plot (the panel's HTML title) */
  title?: string;
  /** drawn under the plot (an HTML axis label) */
  xLabel?: string;
  background?: string;
}

function inlineStyles(src: Element, dst: Element): void {
  const cs = getComputedStyle(src);
  if (cs.display === 'none') {
    dst.remove();
    return;
  }
  const style = STYLE_PROPS.map((p) => `${p}:${cs.getPropertyValue(p)}`).filter((d) => !d.endsWith(':')).join(';');
  dst.setAttribute('style', style);
  dst.removeAttribute('class');
  const a = src.children;
  const b = Array.from(dst.children);
  for (let i = 0; i < a.length && i < b.length; i++) inlineStyles(a[i], b[i]);
}

function text(x: number, y: number, s: string, anchor: string, size: number, weight = 'normal'): SVGTextElement {
  const t = document.createElementNS(SVG_NS, 'text');
  t.setAttribute('x', String(x));
  t.setAttribute('y', String(y));
  t.setAttribute('text-anchor', anchor);
  t.setAttribute('style', `font-family:system-ui, sans-serif;font-size:${size}px;font-weight:${weight};fill:#1a1a1a`);
  t.textContent = s;
  return t;
}

/** A standalone copy of the figure as an SVG element, and its size in CSS pixels. */
export function standaloneFigure(f: SvgFigure): { el: SVGSVGElement; width: number; height: number } {
  const r = f.svg.getBoundingClientRect();
  const w = Math.max(1, Math.round(r.width || Number(f.svg.getAttribute('width')) || 300));
  const h = Math.max(1, Math.round(r.height || Number(f.svg.getAttribute('height')) || 150));
  const top = f.title ? TITLE_H : 0;
  const bottom = f.xLabel ? XLABEL_H : 0;
  const height = h + top + bottom;
  const out = document.createElementNS(SVG_NS, 'svg');
  out.setAttribute('xmlns', SVG_NS);
  out.setAttribute('width', String(w));
  out.setAttribute('height', String(height));
  out.setAttribute('viewBox', `0 0 ${w} ${height}`);
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', f.background ?? '#ffffff');
  out.appendChild(bg);
  if (f.title) out.appendChild(text(6, 15, f.title, 'start', 13, '600'));
  const body = f.svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(f.svg, body);
  body.querySelectorAll('[data-export="skip"]').forEach((el) => el.remove());
  body.removeAttribute('role');
  body.setAttribute('x', '0');
  body.setAttribute('y', String(top));
  body.setAttribute('width', String(w));
  body.setAttribute('height', String(h));
  // `currentColor` (axes) resolves against the colour the plot had on the page
  body.setAttribute('color', getComputedStyle(f.svg).color);
  out.appendChild(body);
  if (f.xLabel) out.appendChild(text(w / 2, top + h + 14, f.xLabel, 'middle', 12));
  return { el: out, width: w, height };
}

export function figureSVG(f: SvgFigure): string {
  return new XMLSerializer().serializeToString(standaloneFigure(f).el);
}

/** Rasterize SVG text of a known CSS size at `scale` device pixels per CSS pixel. */
export async function svgTextToPNG(svgText: string, width: number, height: number, scale: number): Promise<Blob> {
  const out = document.createElement('canvas');
  out.width = Math.max(1, Math.round(width * scale));
  out.height = Math.max(1, Math.round(height * scale));
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('canvas 2d context unavailable');
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  await img.decode();
  ctx.drawImage(img, 0, 0, out.width, out.height);
  return new Promise((resolve, reject) => out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'));
}

export function figurePNG(f: SvgFigure, scale = Math.max(1, window.devicePixelRatio || 1)): Promise<Blob> {
  const { el, width, height } = standaloneFigure(f);
  return svgTextToPNG(new XMLSerializer().serializeToString(el), width, height, scale);
}
