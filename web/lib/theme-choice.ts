/**
 * The stored display choices and what they mean, with no DOM and no Solid:
 * web/lib/theme.ts applies them, and tests/unit/theme-boot.test.ts checks
 * the inline script in web/index.html against `resolveTheme`.
 */
export const THEME_CHOICES = ['system', 'light', 'dark'] as const;
export type ThemeChoice = (typeof THEME_CHOICES)[number];
export type Theme = 'light' | 'dark';
export const DENSITIES = ['comfortable', 'compact'] as const;
export type Density = (typeof DENSITIES)[number];

export const THEME_KEY = 'live-kpi:theme';
export const DENSITY_KEY = 'live-kpi:density';

export function isThemeChoice(value: unknown): value is ThemeChoice {
  return typeof value === 'string' && (THEME_CHOICES as readonly string[]).includes(value);
}

export function isDensity(value: unknown): value is Density {
  return typeof value === 'string' && (DENSITIES as readonly string[]).includes(value);
}

/** What a stored choice means on a system that prefers dark (or not). Anything unknown follows the system. */
export function resolveTheme(stored: string | null, systemDark: boolean): Theme {
  if (stored === 'light' || stored === 'dark') return stored;
  return systemDark ? 'dark' : 'light';
}
