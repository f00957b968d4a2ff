import { describe, expect, it } from 'vitest';
import html from '../../index.html?raw';
import { parseThemeChoice, resolveTheme, THEME_STORAGE_KEY, type ThemeChoice } from './theme';

describe('theme choice', () => {
  it('parses stored values, corrupt ones meaning System', () => {
    expect(parseThemeChoice('light')).toBe('light');
    expect(parseThemeChoice('dark')).toBe('dark');
    expect(parseThemeChoice('system')).toBe('system');
    for (const bad of [null, undefined, '', 'Dark', 'purple', '{"x":1}', 42]) expect(parseThemeChoice(bad)).toBe('system');
  });

  it('resolves System through the system setting, and Light/Dark regardless of it', () => {
    expect(resolveTheme('system', true)).toBe('dark');
    expect(resolveTheme('system', false)).toBe('light');
    expect(resolveTheme('light', true)).toBe('light');
    expect(resolveTheme('dark', false)).toBe('dark');
  });
});

describe('the pre-paint script in index.html', () => {
  const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? '';

  function run(stored: string | null | 'throws', systemDark: boolean): string | null {
    let attr: string | null = null;
    const env = {
      localStorage: { getItem: (k: string) => { if (stored === 'throws') throw new Error('blocked'); return k === THEME_STORAGE_KEY ? stored : null; } },
      matchMedia: (q: string) => ({ matches: systemDark && q === '(prefers-color-scheme: dark)' }),
      document: { documentElement: { setAttribute: (n: string, v: string) => { if (n === 'data-theme') attr = v; } } },
    };
    new Function('window', 'localStorage', 'matchMedia', 'document', script)(env, env.localStorage, env.matchMedia, env.document);
    return attr;
  }

  it('exists and stays tiny', () => {
    expect(script).toContain(THEME_STORAGE_KEY);
    expect(script.length).toBeLessThan(400);
  });

  it('agrees with resolveTheme for every stored value and system setting', () => {
    for (const stored of ['light', 'dark', 'system', null, 'garbage', 'throws'] as const) {
      for (const sys of [true, false]) {
        const choice: ThemeChoice = stored === 'throws' ? 'system' : parseThemeChoice(stored);
        expect(run(stored, sys), `${stored} / system dark ${sys}`).toBe(resolveTheme(choice, sys));
      }
    }
  });
});
