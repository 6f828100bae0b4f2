// With prefers-reduced-motion the run does not start by itself (see boot.ts); this says why the
// plot is still, until the user starts it.
import { useStore } from '../../state/use-store';
import { prefersReducedMotion } from './motion';

export function MotionNote() {
  const playing = useStore((s) => s.playing);
  const iteration = useStore((s) => s.iteration);
  if (!prefersReducedMotion() || playing || iteration > 0) return null;
  return (
    <p className="motion-note" data-testid="motion-note">
      Your system asks for reduced motion, so the run waits for you: press Play to start it, or Step to advance one iteration at a time.
    </p>
  );
}
