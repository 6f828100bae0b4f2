// The top bar's Share button: opens the Share dialog, which copies the link at once.
import { useState } from 'react';
import { ShareDialog } from './ShareDialog';

export function ShareButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="share-button" onClick={() => setOpen(true)} aria-haspopup="dialog" data-testid="share">
        Share
      </button>
      {open && <ShareDialog onClose={() => setOpen(false)} />}
    </>
  );
}
