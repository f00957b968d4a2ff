import { useEffect } from 'react';
import { setThemeChoice, startTheme, useThemeChoice, type ThemeChoice } from './theme';
import './ThemeToggle.css';

const OPTIONS: readonly { value: ThemeChoice; label: string; title: string }[] = [
  { value: 'system', label: 'System', title: 'Follow the light or dark setting of your system' },
  { value: 'light', label: 'Light', title: 'Always light' },
  { value: 'dark', label: 'Dark', title: 'Always dark' },
];

/** Three-way colour theme switch for the header: System (default), Light, Dark. */
export function ThemeToggle() {
  const choice = useThemeChoice();
  useEffect(() => startTheme(), []);
  return (
    <div className="theme-toggle" role="group" aria-label="Colour theme">
      <span className="theme-toggle-label" aria-hidden="true">Theme</span>
      {OPTIONS.map((o) => (
        <button key={o.value} type="button" className="theme-toggle-option" aria-pressed={choice === o.value}
          title={o.title} onClick={() => setThemeChoice(o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
