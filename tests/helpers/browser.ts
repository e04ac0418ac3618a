import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect } from 'vitest';
import { synced } from './deadlines.ts';
import { baseUrl, type Person } from './people.ts';

/** Flags that work on this kind of machine: headless, no sandbox as root, no calls home. */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--no-first-run',
];

export function chromiumPath(): string {
  const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(path)) throw new Error(`No Chromium at ${path}: install it (apt-get install chromium) or set CHROMIUM_PATH.`);
  return path;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: FLAGS });
}

/**
 * A separate browser context (its own cookies and storage) for one person.
 * With `signedIn`, the person's session cookies are set, skipping the form.
 */
export async function personContext(
  browser: Browser,
  person: Person,
  opts: { signedIn?: boolean } = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({
    baseURL: baseUrl(),
    // The server trusts loopback as a proxy: each person counts as their own client.
    extraHTTPHeaders: { 'x-forwarded-for': person.ip },
  });
  if (opts.signedIn) {
    const url = new URL(baseUrl());
    await context.addCookies(
      person.cookie.split('; ').map((pair) => {
        const i = pair.indexOf('=');
        return {
          name: pair.slice(0, i),
          value: pair.slice(i + 1),
          domain: url.hostname,
          path: '/',
          httpOnly: true,
          sameSite: 'Lax' as const,
        };
      }),
    );
  }
  return context;
}

/**
 * Waits until the page's sync badge reads just "Live": connected, with no
 * change waiting, so the server has confirmed (committed) every write made
 * on the page. What a page shows at once is its own optimistic copy; read
 * the database only after this.
 */
export async function everyWriteConfirmed(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('status', { name: 'Sync status' }).textContent(), synced).toBe('Live');
}
