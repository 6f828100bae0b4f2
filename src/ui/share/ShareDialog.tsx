// The Share dialog: the link (copied on open), a QR code large enough to scan off a projector, and
// the "Hide for the class" checklist that edits the link's `hide=` (and so the QR) as you tick.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { LAB_SCHEMAS } from '../../labs/schemas';
import { useStore } from '../../state/use-store';
import { Dialog } from './Dialog';
import { HideChecklist } from './HideChecklist';
import { qrFor } from './qr';
import { copyText, useShareLink, type CopyResult } from './use-share';

const STATUS: Record<CopyResult | 'copying', string> = {
  copying: 'Copying…',
  copied: 'Link copied',
  selected: 'This browser did not allow copying: the link is selected, press Ctrl+C (⌘C on a Mac) to copy it.',
};

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const link = useShareLink();
  const lab = useStore((s) => s.lab);
  const schema = lab ? LAB_SCHEMAS[lab] : undefined;
  const field = useRef<HTMLInputElement>(null);
  const [status, setStatus] = useState<CopyResult | 'copying'>('copying');
  const [large, setLarge] = useState(false);
  const qr = useMemo(() => qrFor(link), [link]);

  const copy = useCallback((text: string) => {
    setStatus('copying');
    void copyText(text, field.current).then(setStatus);
  }, []);
  // copy once on open: the click that opened the dialog is the user's consent
  const first = useRef(link);
  useEffect(() => copy(first.current), [copy]);

  return (
    <Dialog title={schema ? `Share this ${schema.title} experiment` : 'Share this page'} onClose={onClose} className={large ? 'share-dialog qr-only' : 'share-dialog'} initialFocus={field} testId="share-dialog">
      <div className="share-body">
        <div className="share-main">
          <div className="share-link-row">
            <label htmlFor="share-link">Link</label>
            <input id="share-link" type="text" ref={field} readOnly value={link} data-testid="share-link" onFocus={(e) => e.currentTarget.select()} />
            <button type="button" className="primary" onClick={() => copy(link)} data-testid="share-copy">Copy</button>
          </div>
          <p className={`share-status ${status === 'selected' ? 'warn' : ''}`} role="status" aria-live="polite" data-testid="share-status">{STATUS[status]}</p>
          {qr.ok ? (
            <figure className="share-qr">
              <svg viewBox={`0 0 ${qr.size} ${qr.size}`} role="img" aria-label="QR code of the link" data-testid="share-qr" shapeRendering="crispEdges">
                <rect width={qr.size} height={qr.size} fill="#ffffff" />
                <path d={qr.path} fill="#000000" />
              </svg>
              <figcaption>
                Scan to open this experiment on a phone.{' '}
                <button type="button" onClick={() => setLarge((l) => !l)} aria-pressed={large} data-testid="share-qr-large">{large ? 'Show the options' : 'Large QR code'}</button>
              </figcaption>
            </figure>
          ) : (
            <p className="share-qr-too-long" role="note" data-testid="share-qr-too-long">{qr.reason}</p>
          )}
        </div>
        {schema && !large && <HideChecklist schema={schema} />}
      </div>
    </Dialog>
  );
}
