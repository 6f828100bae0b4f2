// A lab page's keyboard: play/pause, step, reset, full screen, presenter mode and the `?` help,
// registered in the shared shortcut table (tours add their arrows there). Also puts the
// `present-mode` class on the page root while presenter mode is on (present.css does the rest).
import { useEffect, useRef, useState } from 'react';
import type { WorkerBridge } from '../../state/bridge';
import { appStore } from '../../state/store';
import { useStore } from '../../state/use-store';
import { installShortcuts, registerShortcut } from '../shortcuts';
import { toggleFullscreen } from './fullscreen';
import { ShortcutHelp } from './ShortcutHelp';
import './present.css';

const TOAST_MS = 4000;

export function LabKeys({ bridge }: { bridge: WorkerBridge }) {
  const present = useStore((s) => s.ui.present);
  const [help, setHelp] = useState(false);
  const [toast, setToast] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    const root = document.documentElement;
    root.classList.toggle('present-mode', present);
    return () => root.classList.remove('present-mode');
  }, [present]);

  useEffect(() => {
    const say = (text: string) => {
      clearTimeout(timer.current);
      setToast(text);
      timer.current = setTimeout(() => setToast(null), TOAST_MS);
    };
    const st = () => appStore.getState();
    const finished = () => st().status === 'done' || st().status === 'diverged';
    const run = 'Run';
    const page = 'Page';
    const offs = [
      registerShortcut({ key: ' ', label: 'Space', group: run, description: 'Play or pause', run: () => {
        if (finished()) say('The run has finished: press R to start again.');
        else if (st().playing) bridge.pause();
        else bridge.play();
      } }),
      registerShortcut({ key: 's', label: 'S', group: run, description: 'One step (pauses first if playing)', run: () => {
        if (finished()) return say('The run has finished: press R to start again.');
        if (st().playing) bridge.pause();
        bridge.step(1);
      } }),
      registerShortcut({ key: 'r', label: 'R', group: run, description: 'Reset to iteration 0 (same settings and seed)', run: () => bridge.reset() }),
      registerShortcut({ key: 'f', label: 'F', group: page, description: 'Full screen on or off', run: () => void toggleFullscreen().then((m) => m && say(m)) }),
      registerShortcut({ key: 'p', label: 'P', group: page, description: 'Presenter mode on or off (large plots and type)', run: () => st().setUi({ present: !st().ui.present }) }),
      // Esc is where a presenter looks for the way out (as from full screen); outside presenter mode it does nothing
      registerShortcut({ key: 'Escape', label: 'Esc', group: page, description: 'Leave presenter mode', run: () => { if (st().ui.present) st().setUi({ present: false }); } }),
      registerShortcut({ key: '?', label: '?', group: page, description: 'This list of shortcuts', run: () => setHelp(true) }),
    ];
    const uninstall = installShortcuts();
    return () => {
      uninstall();
      offs.forEach((off) => off());
      clearTimeout(timer.current);
    };
  }, [bridge]);

  return (
    <>
      {/* always in the page: a live region announces only text that changes inside it */}
      <div className="key-toast" role="status" aria-live="polite" data-testid="key-toast">{toast ?? ""}</div>
      {help && <ShortcutHelp onClose={() => setHelp(false)} />}
    </>
  );
}
