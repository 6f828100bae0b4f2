// A modal dialog done properly: role=dialog with aria-modal and a name, focus moves in on open and
// stays inside (Tab and Shift+Tab wrap), Esc or a click on the backdrop closes it, and focus goes
// back to what opened it. Used by the Share dialog and the shortcut help.
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import './share.css';

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

interface Props {
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
  /** the element to focus first (default: the first focusable one) */
  initialFocus?: React.RefObject<HTMLElement | null>;
  testId?: string;
}

export function Dialog({ title, onClose, children, className, initialFocus, testId }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const titleId = useId();
  // the latest onClose without re-running the focus effect on every render
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = initialFocus?.current ?? box.current?.querySelector<HTMLElement>(FOCUSABLE) ?? box.current;
    first?.focus();
    return () => {
      // the opener may be gone (a re-render replaced it): then focus falls back to the page
      if (opener && opener.isConnected) opener.focus();
    };
  }, [initialFocus]);

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      close.current();
      return;
    }
    if (e.key !== 'Tab' || !box.current) return;
    const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null || el === document.activeElement);
    if (!items.length) {
      e.preventDefault();
      return;
    }
    const first = items[0];
    const last = items[items.length - 1];
    const active = document.activeElement;
    if (e.shiftKey && (active === first || !box.current.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !box.current.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && close.current()}>
      <div
        ref={box} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1}
        className={`dialog ${className ?? ''}`} onKeyDown={onKeyDown} data-testid={testId}
      >
        <div className="dialog-head">
          <h2 id={titleId}>{title}</h2>
          <button type="button" className="dialog-close" onClick={() => close.current()} aria-label="Close">×</button>
        </div>
        {children}
      </div>
    </div>,
    document.body,
  );
}
