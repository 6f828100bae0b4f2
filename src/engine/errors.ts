// Turns an exception from an experiment into a message a user can act on.

/**
 * What a lost GPU device looks like from the inside. tfjs does not wrap WebGPU's losses, so the errors are
 * the browser's own: the read-backs (`mapAsync`) in flight when the device goes are rejected ("Buffer was
 * unmapped before mapping was resolved", "Device is lost", "... was destroyed"), later ones fail to map;
 * WebGL's equivalent is a lost context. None of these come from a parameter the user could change.
 */
const DEVICE_LOSS = [
  /device (is |was )?(lost|destroyed)/i,
  /\[Device[^\]]*\] is lost/i, // Dawn's validation messages name the device in brackets
  /context (was )?lost|CONTEXT_LOST/i,
  /\bGPUDevice\b/,
  /mapAsync/,
  /unmapped before mapping/i,
  /buffer (is |was )?destroyed/i,
  /instance dropped/i,
];

/** true when an error's text says the GPU device (or context) went away, not that the run's settings were bad */
export function isDeviceLoss(text: string): boolean {
  return DEVICE_LOSS.some((re) => re.test(text));
}

/**
 * [message, suggestion, fatal]: fatal means the backend itself is broken (restart on another one).
 * `lost`: the reason the worker was given when its GPU device was lost, if it was: from then on every error
 * is the loss's (a read-back of a tensor on the dead device fails however it is worded).
 */
export function describeError(e: unknown, where: 'create' | 'step' | 'snapshot' | 'update', lost?: string | null): [string, string, boolean] {
  const text = e instanceof Error ? e.message : String(e);
  if (lost || isDeviceLoss(text)) return [`The GPU device was lost (${lost || text}).`, 'Restarting on the next backend; the experiment resumes from the link.', true];
  const oom = /out of memory|allocation failed|OOM/i.test(text);
  if (oom) return [`Out of memory while running (${text}).`, 'Use fewer particles or a smaller network, then reset.', false];
  const phase = where === 'create' ? 'Could not set up the experiment' : where === 'step' ? 'A step failed' : where === 'update' ? 'A live change failed' : 'Drawing the state failed';
  return [`${phase}: ${text}`, 'Check the parameters named above, or reset to the defaults.', false];
}
