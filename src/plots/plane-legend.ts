// The plane's key: what each colour and mark on it is (red = samples, white = data, arrows = the score
// field...). It sits in its own row under the plot, so it never hides data, and lists only what the
// last paint drew, in the colours that paint used (they depend on the layer's order and on whether
// the heatmap is shown), so the key cannot disagree with the picture.

export type LegendMark = 'dot' | 'arrow' | 'line' | 'handle' | 'heat';
export interface LegendEntry {
  layer: string;
  label: string;
  mark: LegendMark;
  color: string;
  /** drawn over the heatmap (swatch on the map's dark end) or on a plain white plane */
  shaded: boolean;
}

const SVG = 'http://www.w3.org/2000/svg';
/** viridis's dark end: the background most points are seen on when the heatmap is shown */
const SHADED_BG = '#3b1f5c';

function swatch(e: LegendEntry): SVGSVGElement {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('width', '18');
  svg.setAttribute('height', '14');
  svg.setAttribute('aria-hidden', 'true');
  const el = (tag: string, attrs: Record<string, string>) => {
    const n = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) n.setAttribute(k, v);
    svg.append(n);
  };
  if (e.mark === 'heat') {
    // the colour map itself: dark = low, bright = high
    const grad = document.createElementNS(SVG, 'linearGradient');
    const id = `plane-legend-heat-${Math.random().toString(36).slice(2, 8)}`;
    grad.setAttribute('id', id);
    for (const [o, c] of [['0', '#440154'], ['0.5', '#21918c'], ['1', '#fde725']]) {
      const st = document.createElementNS(SVG, 'stop');
      st.setAttribute('offset', o);
      st.setAttribute('stop-color', c);
      grad.append(st);
    }
    svg.append(grad);
    el('rect', { x: '0', y: '1', width: '18', height: '12', rx: '2', fill: `url(#${id})` });
    return svg;
  }
  el('rect', { x: '0', y: '1', width: '18', height: '12', rx: '2', fill: e.shaded ? SHADED_BG : '#ffffff', stroke: '#b8bfcc' });
  if (e.mark === 'dot') el('circle', { cx: '9', cy: '7', r: '2.6', fill: e.color });
  else if (e.mark === 'line') el('path', { d: 'M2 10 L7 5 L11 8 L16 3', fill: 'none', stroke: e.color, 'stroke-width': '1.6' });
  else if (e.mark === 'arrow') el('path', { d: 'M3 10 L14 4 M10 3.5 L14 4 L12.5 7.5', fill: 'none', stroke: e.color, 'stroke-width': '1.4' });
  else el('circle', { cx: '9', cy: '7', r: '3.2', fill: '#ffffff', stroke: '#1a1a1a', 'stroke-width': '1.2' });
  return svg;
}

export class PlaneLegend {
  private key = '';

  constructor(private host: HTMLElement) {
    host.classList.add('plane-legend');
    host.setAttribute('role', 'list');
    host.setAttribute('aria-label', 'plot key');
  }

  /** redraw only when the entries changed (paint runs every frame) */
  update(entries: readonly LegendEntry[]): void {
    const key = entries.map((e) => `${e.layer}|${e.label}|${e.mark}|${e.color}|${e.shaded}`).join(';');
    if (key === this.key) return;
    this.key = key;
    this.host.replaceChildren(...entries.map((e) => {
      const item = document.createElement('span');
      item.className = 'plane-legend-item';
      item.setAttribute('role', 'listitem');
      item.dataset.layer = e.layer;
      item.dataset.color = e.color;
      const text = document.createElement('span');
      text.textContent = e.label;
      item.append(swatch(e), text);
      return item;
    }));
    this.host.hidden = entries.length === 0;
  }

  dispose(): void {
    this.host.replaceChildren();
    this.key = '';
  }
}
