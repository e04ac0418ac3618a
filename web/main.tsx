import { render } from 'solid-js/web';
import { watchedWebSocket } from '../sync/stall-watchdog.ts';
import { App } from './app.tsx';
import { watchTheme } from './lib/theme.ts';
import './styles.css';

watchTheme();
// Every socket Zero opens (the app's and a wall screen's) is reopened if its sync stalls (sync/stall-watchdog.ts).
globalThis.WebSocket = watchedWebSocket(WebSocket, {
  onStall: ({ waitedMs }) => console.warn(`Sync gave no answer for ${Math.round(waitedMs / 1000)} s: reconnecting.`),
}) as typeof WebSocket;

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
render(() => <App />, root);
