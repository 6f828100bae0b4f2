// The top bar's theme switch: one button whose pressed state says "dark theme on".
import { useEffect, useState } from 'react';
import { applyTheme, currentTheme, followSystemTheme, setTheme, type Theme } from './theme';
import '../theme.css';

// before the first render, so a dark-theme visitor never sees a white flash
applyTheme();

export function ThemeToggle() {
  const [theme, setLocal] = useState<Theme>(currentTheme);
  useEffect(() => followSystemTheme(setLocal), []);
  const dark = theme === 'dark';
  return (
    <button
      type="button" className="theme-toggle" aria-pressed={dark} data-testid="theme-toggle"
      title={dark ? 'Switch to the light theme' : 'Switch to the dark theme'}
      onClick={() => {
        const next: Theme = dark ? 'light' : 'dark';
        setTheme(next);
        setLocal(next);
      }}
    >
      <span aria-hidden="true">{dark ? '☾' : '☀'}</span> Dark theme
    </button>
  );
}
