/**
 * Colour theme: System (follows prefers-color-scheme live), Light or Dark, kept in localStorage.
 *
 * index.html runs a tiny copy of `resolveTheme` before the first paint (so there is no flash of
 * the wrong theme); this module takes over once the app starts: it validates the stored choice,
 * listens to the system setting and updates `<html data-theme>` and the theme-color meta.
 */
import { useSyncExternalStore } from 'react';

export type ThemeChoice = 'system' | 'light' | 'dark';
export type ResolvedTheme = 'light' | 'dark';

export const THEME_STORAGE_KEY = 'i2dl-theme';
export const THEME_CHOICES: readonly ThemeChoice[] = ['system', 'light', 'dark'];
/** Header background per theme (matches --bg-soft), for the browser's UI via <meta name="theme-color">. */
export const THEME_COLORS: Record<ResolvedTheme, string> = { light: '#f6f8fa', dark: '#161b22' };
const DARK_QUERY = '(prefers-color-scheme: dark)';

/** A stored value → a choice; anything unknown or corrupt means System. */
export function parseThemeChoice(value: unknown): ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value) ? (value as ThemeChoice) : 'system';
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): ResolvedTheme {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}

function readStored(): ThemeChoice {
  try {
    return parseThemeChoice(window.localStorage.getItem(THEME_STORAGE_KEY));
  } catch {
    return 'system'; // storage blocked (privacy mode): the system setting still applies
  }
}

function writeStored(choice: ThemeChoice) {
  try {
    if (choice === 'system') window.localStorage.removeItem(THEME_STORAGE_KEY);
    else window.localStorage.setItem(THEME_STORAGE_KEY, choice);
  } catch {
    // Not persisted, but the choice still applies for this visit.
  }
}

function systemDark(): boolean {
  return typeof window.matchMedia === 'function' && window.matchMedia(DARK_QUERY).matches;
}

let choice: ThemeChoice = 'system';
let started = false;
const listeners = new Set<() => void>();

/** Set the theme attribute, the native-controls colour scheme and the theme-color meta. */
export function applyTheme(resolved: ResolvedTheme, doc: Document = document) {
  const root = doc.documentElement;
  root.setAttribute('data-theme', resolved);
  root.setAttribute('data-theme-choice', choice);
  const meta = doc.querySelector('meta[name="theme-color"]');
  if (meta) meta.setAttribute('content', THEME_COLORS[resolved]);
}

function update() {
  applyTheme(resolveTheme(choice, systemDark()));
  listeners.forEach((l) => l());
}

/** Read the stored choice, apply it and follow the system setting. Safe to call more than once. */
export function startTheme() {
  if (started) return;
  started = true;
  choice = readStored();
  if (typeof window.matchMedia === 'function') {
    const mq = window.matchMedia(DARK_QUERY);
    // The listener always runs; it only changes the page while the choice is System.
    mq.addEventListener?.('change', () => update());
  }
  update();
}

export function getThemeChoice(): ThemeChoice {
  return choice;
}

export function setThemeChoice(next: ThemeChoice) {
  choice = parseThemeChoice(next);
  writeStored(choice);
  update();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The current choice, re-rendering when it changes. */
export function useThemeChoice(): ThemeChoice {
  return useSyncExternalStore(subscribe, getThemeChoice, () => 'system');
}
