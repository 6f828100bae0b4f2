// Turns an exception from an experiment into a message a user can act on.

/** [message, suggestion, fatal]: fatal means the backend itself is broken (restart on another one) */
export function describeError(e: unknown, where: 'create' | 'step' | 'snapshot'): [string, string, boolean] {
  const text = e instanceof Error ? e.message : String(e);
  const lost = /device (was )?lost|context lost|GPUDevice|CONTEXT_LOST/i.test(text);
  if (lost) return [`The GPU backend failed (${text}).`, 'Restarting on the next backend; the experiment resumes from the link.', true];
  const oom = /out of memory|allocation failed|OOM/i.test(text);
  if (oom) return [`Out of memory while running (${text}).`, 'Use fewer particles or a smaller network, then reset.', false];
  const phase = where === 'create' ? 'Could not set up the experiment' : where === 'step' ? 'A step failed' : 'Drawing the state failed';
  return [`${phase}: ${text}`, 'Check the parameters named above, or reset to the defaults.', false];
}
