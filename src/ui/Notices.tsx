// Corrections made while reading a link (unknown keys, clamped or invalid values), in one notice.
import { useStore } from '../state/use-store';

export function Notices() {
  const notices = useStore((s) => s.notices);
  const dismiss = useStore((s) => s.dismissNotices);
  if (!notices.length) return null;
  return (
    <div className="notice" role="status" data-testid="notice" style={{ margin: '12px 12px 0' }}>
      <strong>The link was corrected:</strong>
      <ul>{notices.map((n, i) => <li key={i}>{n}</li>)}</ul>
      <button type="button" onClick={dismiss}>Dismiss</button>
    </div>
  );
}
