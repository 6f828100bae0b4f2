// Saving and loading an experiment's trained network for the engine: the two messages' answers, kept
// out of the step loop's file. Weights travel as copies (transferred), so the experiment keeps its own.
import type { FromWorker } from '../protocol/messages';
import type { Experiment, PlainWeights } from '../labs/types';

type Emit = (msg: FromWorker, transfer?: ArrayBuffer[]) => void;

/** answer 'getWeights': the weights, or a message saying there are none yet */
export function sendWeights(exp: Experiment | null, runId: number, emit: Emit): void {
  const w = exp?.getWeights?.();
  if (!w) return emit({ type: 'error', runId, fatal: false, message: 'This experiment has no trained network to save yet.' });
  const weights = { ...w, values: w.values.map((v) => v.slice()) };
  emit({ type: 'weights', runId, weights }, weights.values.map((v) => v.buffer as ArrayBuffer));
}

/** answer 'setWeights': true when loaded; otherwise the reason and a way forward are emitted */
export function loadWeights(exp: Experiment | null, runId: number, weights: PlainWeights, emit: Emit): boolean {
  try {
    if (!exp?.setWeights) throw new Error('this experiment cannot load weights');
    exp.setWeights(weights);
    return true;
  } catch (e) {
    emit({ type: 'error', runId, fatal: false, message: `Could not load the weights: ${e instanceof Error ? e.message : String(e)}`, suggestion: 'Load a file saved from this lab with the same network settings (width, depth, target).' });
    return false;
  }
}
