import { readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { describe, expect, test } from 'vitest';
import { DENSITY_KEY, resolveTheme, THEME_KEY } from '../../web/lib/theme-choice.ts';

/**
 * The inline script in web/index.html sets data-theme and data-density
 * before the first paint; web/lib/theme.ts takes over after. They share keys
 * and a rule but not code (the script cannot import), so run the script as
 * the browser would and hold it to the module's answer.
 */
const html = readFileSync(new URL('../../web/index.html', import.meta.url), 'utf8');
const inline = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1] ?? '');

function boot(stored: Record<string, string>, systemDark: boolean, storageThrows = false): Record<string, string> {
  const attributes: Record<string, string> = {};
  const storage = {
    getItem: (key: string) => {
      if (storageThrows) throw new Error('SecurityError');
      return stored[key] ?? null;
    },
  };
  const matchMedia = (query: string) => ({ matches: query === '(prefers-color-scheme: dark)' && systemDark });
  const context = {
    document: { documentElement: { setAttribute: (name: string, value: string) => (attributes[name] = value) } },
    localStorage: storage,
    matchMedia,
    window: { matchMedia },
  };
  runInNewContext(inline[0] ?? '', context);
  return attributes;
}

describe('the theme boot script in index.html', () => {
  test('is there, once, and runs before the app module', () => {
    expect(inline).toHaveLength(1);
    expect(html.indexOf('<script>')).toBeLessThan(html.indexOf('<script type="module"'));
    expect(inline[0]).toContain(`'${THEME_KEY}'`);
    expect(inline[0]).toContain(`'${DENSITY_KEY}'`);
  });

  test('resolves every stored theme as web/lib/theme.ts does, on light and dark systems', () => {
    for (const stored of [undefined, 'system', 'light', 'dark', 'bogus']) {
      for (const systemDark of [false, true]) {
        const attrs = boot(stored === undefined ? {} : { [THEME_KEY]: stored }, systemDark);
        expect(attrs['data-theme'], `${stored} on a ${systemDark ? 'dark' : 'light'} system`).toBe(
          resolveTheme(stored ?? null, systemDark),
        );
      }
    }
  });

  test('sets the density, comfortable unless compact was chosen', () => {
    expect(boot({}, false)['data-density']).toBe('comfortable');
    expect(boot({ [DENSITY_KEY]: 'compact' }, false)['data-density']).toBe('compact');
    expect(boot({ [DENSITY_KEY]: 'huge' }, false)['data-density']).toBe('comfortable');
  });

  test('follows the system when storage is refused (private windows)', () => {
    expect(boot({}, true, true)).toEqual({ 'data-theme': 'dark', 'data-density': 'comfortable' });
  });
});
