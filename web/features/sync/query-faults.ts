import { createSignal } from 'solid-js';

/**
 * A refusal the end-to-end tests can impose on synced dashboard data (only
 * the test build's hook sets it; see test-hook.ts), so every widget's
 * "could not load" state is exercised in a real browser: a real refusal
 * needs a broken server. Null in the app.
 */
const [forced, setForced] = createSignal<string | null>(null);
export const forcedQueryError = forced;
export const forceQueryError = setForced;
