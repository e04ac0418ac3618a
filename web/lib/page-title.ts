import { createEffect } from 'solid-js';

/** Keeps document.title in step with the page (screen readers announce it on navigation). */
export function usePageTitle(title: () => string): void {
  createEffect(() => {
    document.title = title();
  });
}
