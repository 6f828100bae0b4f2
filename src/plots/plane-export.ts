// Export of a stacked plane (canvases under an SVG) as one PNG or one standalone SVG. Every SVG
// element carries its colours as attributes rather than page CSS, so a serialized copy looks the
// same outside the page; the canvases travel as embedded PNG images.

const SVG_NS = 'http://www.w3.org/2000/svg';

export interface ExportParts {
  width: number;
  height: number;
  /** bottom to top */
  canvases: readonly HTMLCanvasElement[];
  svg: SVGSVGElement;
  /** background behind everything (the page colour the plot was designed on) */
  background?: string;
}

/** A standalone copy of the SVG with the given canvases embedded as <image>s underneath it. */
function standaloneSvg(p: ExportParts, embedCanvases: boolean): SVGSVGElement {
  const clone = p.svg.cloneNode(true) as SVGSVGElement;
  clone.setAttribute('xmlns', SVG_NS);
  clone.setAttribute('width', String(p.width));
  clone.setAttribute('height', String(p.height));
  clone.setAttribute('viewBox', `0 0 ${p.width} ${p.height}`);
  clone.removeAttribute('style');
  clone.removeAttribute('class');
  // interactive-only parts (focus rings, a half-drawn stroke) are not part of the figure
  clone.querySelectorAll('[data-export="skip"]').forEach((el) => el.remove());
  const first = clone.firstChild;
  const bg = document.createElementNS(SVG_NS, 'rect');
  bg.setAttribute('width', '100%');
  bg.setAttribute('height', '100%');
  bg.setAttribute('fill', p.background ?? '#ffffff');
  clone.insertBefore(bg, first);
  if (embedCanvases) {
    for (const c of p.canvases) {
      const img = document.createElementNS(SVG_NS, 'image');
      img.setAttribute('href', c.toDataURL('image/png'));
      img.setAttribute('width', String(p.width));
      img.setAttribute('height', String(p.height));
      img.setAttribute('preserveAspectRatio', 'none');
      clone.insertBefore(img, first);
    }
  }
  return clone;
}

export function exportSVG(p: ExportParts): string {
  return new XMLSerializer().serializeToString(standaloneSvg(p, true));
}

/** The canvases at their full device resolution, with the vector layer rasterized on top. */
export async function exportPNG(p: ExportParts): Promise<Blob> {
  const base = p.canvases[0];
  const scale = base ? base.width / Math.max(p.width, 1) : 1;
  const out = document.createElement('canvas');
  out.width = Math.round(p.width * scale);
  out.height = Math.round(p.height * scale);
  const ctx = out.getContext('2d');
  if (!ctx) throw new Error('canvas 2d context unavailable');
  ctx.fillStyle = p.background ?? '#ffffff';
  ctx.fillRect(0, 0, out.width, out.height);
  for (const c of p.canvases) ctx.drawImage(c, 0, 0, out.width, out.height);
  const vector = standaloneSvg({ ...p, background: 'none' }, false);
  vector.firstChild?.remove(); // the background rect: the canvas already has one
  const text = new XMLSerializer().serializeToString(vector);
  const img = new Image();
  img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  await img.decode();
  ctx.drawImage(img, 0, 0, out.width, out.height);
  return new Promise((resolve, reject) =>
    out.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG encoding failed'))), 'image/png'),
  );
}
