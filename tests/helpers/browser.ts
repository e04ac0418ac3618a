import { existsSync } from 'node:fs';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { SYNC_DEADLINE_MS, synced } from './deadlines.ts';
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
  // An action waits for its element as long as a wait across sync does (it often waits for synced data).
  context.setDefaultTimeout(SYNC_DEADLINE_MS);
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

export interface TestBrowser {
  /**
   * Opens `path` in a new page of a context of its own for `person`, signed
   * in unless `signedIn` is false (the app then sends them to the sign-in
   * form), at `viewport` when given.
   */
  open(person: Person, path: string, opts?: { signedIn?: boolean; viewport?: { width: number; height: number } }): Promise<Page>;
  /** A new context for `person`, signed in unless told otherwise: for a test that routes or clocks it before opening a page. */
  context(person: Person, opts?: { signedIn?: boolean }): Promise<BrowserContext>;
  /** Uncaught errors (a reactive loop, a failed render) in any page of its contexts so far, for a test to expect none. */
  readonly pageErrors: string[];
}

/**
 * Chromium for the tests of the calling file or describe block: launched
 * before them, closed after them with every context opened through it. Call
 * it while the tests are collected (at the top of the file or in a describe
 * callback), not in a test or hook.
 */
export function useBrowser(): TestBrowser {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const context of contexts) await context.close();
    await browser?.close();
  });
  const context = async (person: Person, opts: { signedIn?: boolean } = {}) => {
    if (!browser) throw new Error('useBrowser(): the browser starts in beforeAll; open pages in a test or a later hook');
    const ctx = await personContext(browser, person, { signedIn: opts.signedIn ?? true });
    contexts.push(ctx);
    ctx.on('page', (page) => page.on('pageerror', (err) => pageErrors.push(err.message)));
    return ctx;
  };
  return {
    context,
    async open(person, path, opts = {}) {
      const page = await (await context(person, { signedIn: opts.signedIn })).newPage();
      if (opts.viewport) await page.setViewportSize(opts.viewport);
      await page.goto(path);
      return page;
    },
    pageErrors,
  };
}

type HookMutate = NonNullable<Window['__liveKpi']>['mutate'];

/**
 * Runs a mutator in the page through the web app's own write path (its test
 * hook, window.__liveKpi) and returns the outcome the app reports, such as
 * { status: 'saved' }; `id` is generated when `args` has none.
 */
export function mutateInPage(page: Page, name: Parameters<HookMutate>[0], args: Record<string, unknown>) {
  return page.evaluate(([n, a]) => window.__liveKpi?.mutate(n, a), [name, args] as const);
}
