// Every live key of every lab, through the real engine and the real experiment: a change to it keeps the
// run going (same run, no reset, the next steps and frame work), and a change to any other key asks for a
// restart. The schema's `live` flags are the only record of liveness (labs/live.ts); this checks that each
// experiment really takes what its schema promises, in every mode of the lab.
import { describe, expect, it } from 'vitest';
import { Engine, type EngineHost } from '../engine/engine';
import type { FromWorker } from '../protocol/messages';
import { loadLab } from './registry';
import { LAB_SCHEMAS } from './schemas';
import { LAB_IDS, type LabSchema, type ParamSpec, type ParamValue } from './types';
import { defaultsOf } from './codec/url-codec';
import { isLive, paramDiff } from './live';
import { specsOf, switchMode } from './modes';

/** small sizes so that a lab's set-up and first frames take a moment on the CPU backend */
const SMALL: Record<string, number> = { width: 16, show: 200, aisSteps: 2, malaSteps: 1, dsmSteps: 1, particles: 64, batch: 32, hidden: 16, correctionWidth: 16, trainSteps: 3, isSamples: 8, refBatch: 64, ftSteps: 2, nestedRun: 2 };

function small(schema: LabSchema, p: Record<string, ParamValue>): Record<string, ParamValue> {
  const out = { ...p };
  for (const s of schema.params) if (Object.hasOwn(SMALL, s.key)) out[s.key] = Math.max(s.min ?? -Infinity, SMALL[s.key]);
  return out;
}

/** one setting per mode of the lab: its defaults, and each value of a `mode` key */
function modes(schema: LabSchema): Record<string, ParamValue>[] {
  const mode = schema.params.find((s) => s.key === schema.modeKey && s.kind === 'enum');
  return mode ? mode.values!.map((v) => small(schema, defaultsOf(schema, v))) : [small(schema, defaultsOf(schema))];
}

/** a valid value different from the current one */
function changed(spec: ParamSpec, v: ParamValue): ParamValue | undefined {
  switch (spec.kind) {
    case 'bool': return !v;
    case 'enum': {
      const vs = spec.values!;
      return vs[(vs.indexOf(String(v)) + 1) % vs.length];
    }
    case 'int':
    case 'number': {
      const x = Number(v);
      const lo = spec.min ?? x - 1;
      const hi = spec.max ?? x + 1;
      let y = spec.scale === 'log' && lo > 0 ? Math.sqrt(x * Math.min(hi, x * 4)) : x + (hi - x) * 0.25;
      if (spec.kind === 'int') y = Math.round(y) === x ? x + (x + 1 <= hi ? 1 : -1) : Math.round(y);
      return y === x || y < lo || y > hi ? undefined : y;
    }
    default: return undefined; // points and drawn data are edited, not stepped
  }
}

function host(out: FromWorker[]): EngineHost {
  return {
    emit: (m) => out.push(m),
    yieldNow: () => new Promise((r) => setTimeout(r, 0)),
    now: () => performance.now(),
    labs: loadLab,
    backend: () => 'cpu',
  };
}

const frames = (out: FromWorker[]) => out.filter((m): m is Extract<FromWorker, { type: 'frame' }> => m.type === 'frame');

describe('live keys', () => {
  for (const id of LAB_IDS) {
    const schema = LAB_SCHEMAS[id]!;
    for (const p of modes(schema)) {
      const label = `${id}${p.mode ? ` (${p.mode})` : ''}`;
      it(`${label}: each live key is applied without a restart, every other key restarts`, async () => {
        const out: FromWorker[] = [];
        const engine = new Engine(host(out));
        await engine.handle({ type: 'configure', runId: 1, lab: id, params: p, play: false });
        expect(out.filter((m) => m.type === 'error'), 'set-up').toEqual([]);
        await engine.handle({ type: 'step', runId: 1, n: 1 });
        let params = p;
        let applied = 0;
        for (const spec of specsOf(schema, p)) {
          const v = changed(spec, params[spec.key]);
          if (v === undefined) continue;
          // another mode brings its own keys (labs/modes.ts): a restart with all of them
          const toMode = spec.key === schema.modeKey;
          const next = toMode ? switchMode(schema, params, String(v)) : { ...params, [spec.key]: v };
          const { patch, live } = paramDiff(schema, params, next);
          expect(live, `${spec.key}: the UI and the flag agree`).toBe(isLive(spec, next));
          const before = out.length;
          const it0 = frames(out).at(-1)!.snapshot.iteration;
          await engine.handle({ type: 'update', runId: 1, patch });
          const replies = out.slice(before);
          const reset = replies.find((m) => m.type === 'needsReset');
          const errors = replies.filter((m) => m.type === 'error');
          expect(errors, `${spec.key} → ${String(v)}`).toEqual([]);
          if (!live) {
            if (toMode) expect((reset as { keys: string[] } | undefined)?.keys, 'a new mode restarts').toContain(spec.key);
            else expect(reset, `${spec.key} is not live: it restarts`).toMatchObject({ keys: [spec.key] });
            continue;
          }
          expect(reset, `${spec.key} is live: no restart`).toBeUndefined();
          // the same run goes on from where it was, with the new value
          await engine.handle({ type: 'step', runId: 1, n: 1 });
          const last = frames(out).at(-1)!;
          expect(last.runId).toBe(1);
          expect(last.snapshot.iteration, `${spec.key}: the run continued`).toBeGreaterThanOrEqual(it0);
          expect(out.slice(before).filter((m) => m.type === 'error'), `${spec.key}: the next step`).toEqual([]);
          params = next;
          applied++;
        }
        expect(applied, 'live keys applied (speed at least)').toBeGreaterThan(0);
        engine.dispose();
      }, 60_000);
    }
  }
});
