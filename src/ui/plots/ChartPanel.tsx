// React shell around ChartView. Metric series come from the store at a low rate, so unlike the
// plane this one is driven by props: each new `series` object redraws the chart.
import { useEffect, useMemo, useRef } from 'react';
import { ChartView, type ChartSeries } from '../../plots/chart';
import '../../plots/plots.css';

export type { ChartMetricSpec as ChartMetric } from '../../labs/types';
import type { ChartMetricSpec as ChartMetric } from '../../labs/types';

export interface ChartPanelProps {
  title: string;
  metrics: readonly ChartMetric[];
  series: Record<string, { xs: number[]; ys: number[] } | undefined>;
  /** an A/B comparison's B series (same keys): drawn dashed over A's, in the same colours */
  seriesB?: Record<string, { xs: number[]; ys: number[] } | undefined>;
  ariaLabel?: string;
  /** show the title above the plot (default true) */
  showTitle?: boolean;
  className?: string;
}

const EMPTY: number[] = [];

/** The chart's series in the order of `metrics`; a metric with no series yet is an empty one. */
export function toChartSeries(metrics: readonly ChartMetric[], series: ChartPanelProps['series']): ChartSeries[] {
  return metrics.map((m) => ({ ...m, xs: series[m.key]?.xs ?? EMPTY, ys: series[m.key]?.ys ?? EMPTY }));
}

/** A's and B's series for one chart: B dashed in its A twin's colour (the legend pairs them). */
export function toCompareSeries(metrics: readonly ChartMetric[], a: ChartPanelProps['series'], b: ChartPanelProps['series']): ChartSeries[] {
  const sa = toChartSeries(metrics, a).map((s, i) => ({ ...s, colorIndex: i, side: 'A' as const }));
  const sb = toChartSeries(metrics, b).map((s, i) => ({ ...s, colorIndex: i, side: 'B' as const }));
  return [...sa, ...sb];
}

function hasFinite(s: ChartSeries): boolean {
  for (let i = 0; i < s.ys.length; i++) if (Number.isFinite(s.ys[i])) return true;
  return false;
}

export function ChartPanel({ title, metrics, series, seriesB, ariaLabel, showTitle = true, className }: ChartPanelProps) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<ChartView | null>(null);
  const data = useMemo(() => (seriesB ? toCompareSeries(metrics, series, seriesB) : toChartSeries(metrics, series)), [metrics, series, seriesB]);
  const empty = !data.some(hasFinite);
  const label = ariaLabel ?? `${title}: ${metrics.map((m) => m.label).join(', ')} over iterations${seriesB ? ', A solid and B dashed' : ''}`;

  useEffect(() => {
    const el = host.current;
    if (!el) return;
    const c = new ChartView(el, label);
    chart.current = c;
    return () => {
      c.dispose();
      chart.current = null;
    };
    // the label is updated in place below; a new view would only flicker
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    chart.current?.setAriaLabel(label);
  }, [label]);

  useEffect(() => {
    chart.current?.render(data);
  }, [data]);

  return (
    <div className={className ? `plot-panel ${className}` : 'plot-panel'}>
      {showTitle && <h3 className="plot-panel-title">{title}</h3>}
      <div className="plot-chart" ref={host}>
        {empty && <div className="plot-empty">no data yet</div>}
      </div>
    </div>
  );
}
