import { A, useNavigate, useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, onCleanup, Show } from 'solid-js';
import { useCurrentOrganization, useFormats } from '../../organizations/current-organization.tsx';
import { useSyncedDashboard, widgetRows } from '../dashboard-data.ts';
import { setWidgetFormats } from '../widgets/formats.ts';
import { TvBoard, TvFrame } from './tv-board.tsx';

/** Seconds each dashboard stays on screen when several rotate. */
const DEFAULT_SECONDS = 30;

/**
 * /tv?dashboards=a,b,c&every=30 — TV mode for a signed-in screen: full
 * screen, dark, rotating through the chosen dashboards, live (Zero
 * reconnects by itself after a network drop or a server restart). Escape
 * or the "Exit" link leaves it.
 */
export function TvPage() {
  const org = useCurrentOrganization();
  const formats = useFormats();
  createEffect(() => setWidgetFormats(formats()));
  const [params] = useSearchParams<{ dashboards?: string; every?: string }>();
  const ids = createMemo(() => (params.dashboards ?? '').split(',').filter(Boolean));
  const seconds = () => Math.max(5, Number(params.every) || DEFAULT_SECONDS);
  const [index, setIndex] = createSignal(0);
  const timer = setInterval(() => setIndex((i) => i + 1), seconds() * 1000);
  onCleanup(() => clearInterval(timer));
  const current = () => ids()[index() % Math.max(1, ids().length)] ?? '';
  const synced = useSyncedDashboard(() => org.orgID, current);
  const fullscreen = () => void document.documentElement.requestFullscreen?.().catch(() => undefined);
  const navigate = useNavigate();
  const exit = () => navigate(ids()[0] ? `/dashboards/${ids()[0]}` : '/');
  const onKey = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !document.fullscreenElement) exit();
  };
  addEventListener('keydown', onKey);
  onCleanup(() => removeEventListener('keydown', onKey));
  return (
    <TvFrame>
      <nav class="tv-controls" aria-label="TV mode">
        <A href={ids()[0] ? `/dashboards/${ids()[0]}` : '/'}>Exit TV mode</A>
        <button type="button" class="button button-ghost button-small" onClick={fullscreen}>
          Full screen
        </button>
      </nav>
      <Show
        when={synced.summary()}
        fallback={<p class="tv-message">{ids().length ? 'Loading…' : 'Choose a dashboard to show.'}</p>}
      >
        {(d) => (
          <TvBoard
            name={d().name}
            timeRange={d().timeRange}
            items={widgetRows(synced.dashboard())}
            period={synced.periods()?.period ?? { start: 0, end: 0 }}
            previous={synced.periods()?.previous ?? { start: 0, end: 0 }}
            state={synced.state()}
            now={synced.now()}
            position={ids().length > 1 ? `${(index() % ids().length) + 1} of ${ids().length}` : undefined}
          />
        )}
      </Show>
    </TvFrame>
  );
}
