import { createSignal } from 'solid-js';
import {
  DENSITY_KEY,
  type Density,
  isDensity,
  isThemeChoice,
  resolveTheme,
  THEME_KEY,
  type Theme,
  type ThemeChoice,
} from './theme-choice.ts';

export type { Density, Theme, ThemeChoice };

/**
 * Light or dark, and comfortable or compact, as attributes on <html>
 * (`data-theme`, `data-density`) that the style tokens in
 * web/styles/base.css key on. A later TV mode can set both directly.
 *
 * The inline script in web/index.html applies the same stored choices before
 * the first paint, so a dark page never flashes light; it repeats the keys
 * and the rule below in plain JS (tests/unit/theme-boot.test.ts runs it
 * against `resolveTheme`, so the two cannot drift).
 */

const DARK_QUERY = '(prefers-color-scheme: dark)';

// Private windows and locked-down browsers may refuse storage: the choice
// then lasts for the page, which is all we can do.
function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string): void {
  try {
    localStorage.setItem(key, value);
  } catch {
    // see read()
  }
}

const media = typeof matchMedia === 'function' ? matchMedia(DARK_QUERY) : undefined;
const storedTheme = read(THEME_KEY);
const storedDensity = read(DENSITY_KEY);

const [themeChoice, setChoice] = createSignal<ThemeChoice>(isThemeChoice(storedTheme) ? storedTheme : 'system');
const [systemDark, setSystemDark] = createSignal(media?.matches ?? false);
const [density, setDensitySignal] = createSignal<Density>(isDensity(storedDensity) ? storedDensity : 'comfortable');

/** The person's choices: system, light or dark; comfortable or compact. */
export { density, themeChoice };

/** The theme in force now (the system's when the choice is "system"). Charts redraw on it. */
export const theme = (): Theme => resolveTheme(themeChoice(), systemDark());

/**
 * Sets the attributes before the signals, so that whatever reacts to the
 * signals (a chart reading the colour tokens) already sees the new values.
 */
function apply(next: { choice?: ThemeChoice; dark?: boolean; density?: Density }): void {
  const root = document.documentElement;
  root.dataset.theme = resolveTheme(next.choice ?? themeChoice(), next.dark ?? systemDark());
  root.dataset.density = next.density ?? density();
  if (next.choice !== undefined) setChoice(next.choice);
  if (next.dark !== undefined) setSystemDark(next.dark);
  if (next.density !== undefined) setDensitySignal(next.density);
}

export function setThemeChoice(choice: ThemeChoice): void {
  write(THEME_KEY, choice);
  apply({ choice });
}

export function setDensity(next: Density): void {
  write(DENSITY_KEY, next);
  apply({ density: next });
}

/**
 * Keeps <html> in step with the system's preference (for "system") and with
 * choices made in another tab. Called once at start-up.
 */
export function watchTheme(): void {
  media?.addEventListener('change', (event) => apply({ dark: event.matches }));
  window.addEventListener('storage', (event) => {
    if (event.key === THEME_KEY) apply({ choice: isThemeChoice(event.newValue) ? event.newValue : 'system' });
    else if (event.key === DENSITY_KEY) apply({ density: isDensity(event.newValue) ? event.newValue : 'comfortable' });
  });
  apply({});
}
