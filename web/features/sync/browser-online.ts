import { type Accessor, createSignal, onCleanup } from 'solid-js';

/** `navigator.onLine`, live: flips on the window's online and offline events. */
export function useBrowserOnline(): Accessor<boolean> {
  const [online, setOnline] = createSignal(navigator.onLine);
  const update = () => setOnline(navigator.onLine);
  window.addEventListener('online', update);
  window.addEventListener('offline', update);
  onCleanup(() => {
    window.removeEventListener('online', update);
    window.removeEventListener('offline', update);
  });
  return online;
}
