// A lab's main plane as an A/B split while a comparison runs: A's plot (with its editing and export,
// rendered by the lab page) on the left, B's on the right, both labelled, on one colour scale.
// Without a comparison it renders A's plot alone, exactly as before.
import type { ReactNode } from 'react';
import type { LabSchema, ViewSpec } from '../../labs/types';
import type { CompareRun } from '../../state/compare/compare-run';
import { describeOverrides } from '../../state/compare/overrides';
import type { SharedRange } from '../../state/compare/shared-range';
import { useStore } from '../../state/use-store';
import { PlanePanel } from '../plots/PlanePanel';
import { useBStore, useCompareRun } from './use-compare';
import './compare.css';
import { planeToggles } from '../plots/plane-toggles';

type PlaneSpec = Extract<ViewSpec, { kind: 'plane' }>;

export function CompareSplit({ schema, view, children }: { schema: LabSchema; view: PlaneSpec; children: (range: SharedRange | undefined) => ReactNode }) {
  const run = useCompareRun();
  if (!run || run.lab !== schema.id) return <>{children(undefined)}</>;
  const range = run.ranges.get(view.id);
  return (
    <div className="compare-split" data-testid="compare-split">
      <div className="compare-side" data-side="a">
        <div className="compare-head">
          <span className="compare-tag">A</span> <span className="compare-summary">current settings</span>
          <ARunLine />
        </div>
        {children(range)}
      </div>
      <BSide key={run.id} schema={schema} view={view} run={run} range={range} />
    </div>
  );
}

function BSide({ schema, view, run, range }: { schema: LabSchema; view: PlaneSpec; run: CompareRun; range: SharedRange | undefined }) {
  const a = useStore((s) => s.params);
  const overrides = useStore((s) => s.ui.compare) ?? {};
  const params = useBStore(run, (s) => s.params);
  const message = useBStore(run, (s) => s.message);
  const summary = describeOverrides(schema, a, overrides);
  const toggles = planeToggles(params);
  return (
    <div className="compare-side" data-side="b">
      <div className="compare-head">
        <span className="compare-tag compare-tag-b">B</span> <span className="compare-summary" data-testid="compare-summary" title={summary}>{summary}</span>
        <BRunLine run={run} />
      </div>
      {message && <div className="compare-message" role="status">B: {message}</div>}
      <div className="panel plane-wrap">
        <div className="plot-title">{view.title} · B</div>
        <PlanePanel className="plane-host" view={view} toggles={toggles} bus={run.bus} sharedRange={range} ariaLabel={`${view.title}, configuration B (${summary}): heatmap with points`} />
      </div>
    </div>
  );
}

/**
 * A lab's small multiples (DxMI's value planes per t, ...): A's row as before; while a comparison runs, B's
 * row under it, each B plane on the colour scale it shares with its A twin.
 */
export function SmallMultiples({ schema, planes, children }: { schema: LabSchema; planes: PlaneSpec[]; children: (view: PlaneSpec, range: SharedRange | undefined) => ReactNode }) {
  const run = useCompareRun();
  const active = run && run.lab === schema.id ? run : null;
  return (
    <>
      <div className="small-multiples">
        {active && <div className="compare-row-tag"><span className="compare-tag">A</span></div>}
        {planes.map((p) => children(p, active?.ranges.get(p.id)))}
      </div>
      {active && (
        <div className="small-multiples" data-testid="compare-small-b">
          <div className="compare-row-tag"><span className="compare-tag compare-tag-b">B</span></div>
          {planes.map((p) => <BSmall key={`${active.id}-${p.id}`} view={p} run={active} range={active.ranges.get(p.id)} />)}
        </div>
      )}
    </>
  );
}

function BSmall({ view, run, range }: { view: PlaneSpec; run: CompareRun; range: SharedRange | undefined }) {
  const params = useBStore(run, (s) => s.params);
  const toggles = planeToggles(params);
  return (
    <div className="panel">
      <div className="plot-title">{view.title} · B</div>
      <PlanePanel className="plane-host" view={view} toggles={toggles} bus={run.bus} sharedRange={range} ariaLabel={`${view.title}, configuration B: heatmap with points`} />
    </div>
  );
}

/** own components: iterations change four times a second, and the plots must not re-render with them */
function ARunLine() {
  const status = useStore((s) => s.status);
  const iteration = useStore((s) => s.iteration);
  return <RunLine status={status} iteration={iteration} />;
}

function BRunLine({ run }: { run: CompareRun }) {
  const status = useBStore(run, (s) => s.status);
  const iteration = useBStore(run, (s) => s.iteration);
  return <RunLine status={status} iteration={iteration} testId="b" />;
}

function RunLine({ status, iteration, testId }: { status: string; iteration: number; testId?: string }) {
  return (
    <span className="compare-run">
      <span data-testid={testId && `${testId}-status`}>{status}</span> · iteration <span data-testid={testId && `${testId}-iteration`}>{iteration}</span>
    </span>
  );
}
