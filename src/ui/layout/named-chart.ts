// A preset's text says which chart to watch ("Watch "modes covered""): that chart is drawn first in
// the chart row, which the layout keeps on screen under the plane, so the reader sees it without
// scrolling. Matching is on the chart's title or one of its series labels, case-insensitive.
import type { ViewSpec } from '../../labs/types';

type ChartSpec = Extract<ViewSpec, { kind: 'chart' }>;

/** where the text first names this chart (its title or a series label), or -1 */
function mention(text: string, c: ChartSpec): number {
  const names = [c.title, ...c.metrics.map((m) => m.label)].map((n) => n.toLowerCase()).filter((n) => n.length >= 4);
  const at = names.map((n) => text.indexOf(n)).filter((i) => i >= 0);
  return at.length ? Math.min(...at) : -1;
}

/** the charts with those the text names first, in the order it names them; the rest keep their order */
export function namedFirst<C extends ChartSpec>(charts: readonly C[], lookFor: string | undefined): C[] {
  if (!lookFor) return [...charts];
  const text = lookFor.toLowerCase();
  const named = charts.map((c) => ({ c, at: mention(text, c) })).filter((x) => x.at >= 0).sort((a, b) => a.at - b.at).map((x) => x.c);
  return [...named, ...charts.filter((c) => !named.includes(c))];
}
