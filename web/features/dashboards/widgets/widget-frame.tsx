import {
  type Accessor,
  createContext,
  createEffect,
  createMemo,
  createSignal,
  type JSX,
  onCleanup,
  Show,
  useContext,
} from 'solid-js';
import { Portal } from 'solid-js/web';
import type { DataState } from './widget-props.ts';

export interface WidgetFrameProps {
  /** Names the card (its heading and aria-label); long ones are cut with an ellipsis, in full on hover. */
  title: string;
  /** The widget type, as data-type for styles and tests. */
  type: string;
  widgetID?: string | undefined;
  /** The data is still arriving: aria-busy until it has. */
  busy?: boolean;
  /** Wall-screen mode (as data-tv, for when the frame is used outside a [data-tv] page). */
  tv?: boolean;
  /** Keeps the heading for assistive tech only (a note speaks for itself); the controls float in the corner. */
  hideTitle?: boolean;
  /** Controls in the header's corner: the grid's arrange and edit buttons. */
  actions?: JSX.Element;
  children: JSX.Element;
}

/** What a widget may add to its card: a tool in the header, a single-key shortcut ("a" adds a value). */
interface FrameSlots {
  addShortcut(key: string, run: () => void): () => void;
  tools: Accessor<HTMLElement | undefined>;
}

const FrameContext = createContext<FrameSlots>();

/** Typing goes to the field, never to a shortcut. */
function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/**
 * The card every widget sits in: an article named by its title, a heading,
 * the grid's controls, and the widget's body (see WidgetBody). It fills its
 * grid cell. A widget that offers a shortcut makes the card focusable, so
 * the key works as soon as the card has focus.
 */
export function WidgetFrame(props: WidgetFrameProps) {
  const [keys, setKeys] = createSignal<ReadonlyMap<string, () => void>>(new Map());
  const [tools, setTools] = createSignal<HTMLElement>();
  const slots: FrameSlots = {
    tools,
    addShortcut(key, run) {
      setKeys((m) => new Map(m).set(key, run));
      return () =>
        setKeys((m) => {
          const next = new Map(m);
          if (next.get(key) === run) next.delete(key);
          return next;
        });
    },
  };
  const keyList = createMemo(() => [...keys().keys()].join(' '));

  const onKeyDown: JSX.EventHandler<HTMLElement, KeyboardEvent> = (event) => {
    if (event.defaultPrevented || event.repeat || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target)) return;
    // Shift or caps lock still means the same key.
    const run = keys().get(event.key.length === 1 ? event.key.toLowerCase() : event.key);
    if (!run) return;
    event.preventDefault();
    run();
  };

  return (
    <article
      class="widget"
      aria-label={props.title}
      aria-busy={props.busy ? 'true' : undefined}
      aria-keyshortcuts={keyList() || undefined}
      tabIndex={keyList() ? 0 : undefined}
      data-type={props.type}
      data-widget-id={props.widgetID}
      data-tv={props.tv ? '' : undefined}
      data-hide-title={props.hideTitle ? '' : undefined}
      onKeyDown={onKeyDown}
    >
      <header class="widget-head">
        <h2 class={props.hideTitle ? 'widget-title visually-hidden' : 'widget-title'} title={props.title}>
          {props.title}
        </h2>
        <div class="widget-tools" ref={setTools} />
        <Show when={props.actions}>
          <div class="widget-actions">{props.actions}</div>
        </Show>
      </header>
      <FrameContext.Provider value={slots}>{props.children}</FrameContext.Provider>
    </article>
  );
}

/**
 * Offers `key` on the widget's card while `enabled()` (e.g. only where
 * quick entry is allowed). Outside a frame it does nothing.
 */
export function useWidgetShortcut(key: string, run: () => void, enabled: () => boolean): void {
  const frame = useContext(FrameContext);
  createEffect(() => {
    if (!frame || !enabled()) return;
    onCleanup(frame.addShortcut(key, run));
  });
}

/**
 * A widget's own control in its card's header, before the grid's (the
 * number widget's "+"), so it never takes the body's space. Outside a
 * frame it renders in place.
 */
export function WidgetTools(props: { children: JSX.Element }) {
  const frame = useContext(FrameContext);
  return (
    <Show when={frame?.tools()} fallback={frame ? null : props.children}>
      {(mount) => <Portal mount={mount()}>{props.children}</Portal>}
    </Show>
  );
}

export interface WidgetBodyProps {
  state: DataState;
  /**
   * Set when there is nothing to draw: what is missing, specific to the
   * widget ("No values in the last 30 days"). Unset, the children show.
   */
  empty?: string | false | undefined;
  class?: string;
  children: JSX.Element;
}

const RETRY = 'The dashboard will retry on its own.';

/**
 * The widget's states. Arriving data shows a skeleton only while there is
 * nothing yet (rows already synced stay on screen); a refusal shows its
 * message, and over data already on screen it is a line at the foot, so a
 * wall screen keeps its numbers through a blip.
 */
export function WidgetBody(props: WidgetBodyProps) {
  const error = () => (props.state.kind === 'error' ? props.state.message : undefined);
  return (
    <div class={props.class ? `widget-body ${props.class}` : 'widget-body'}>
      <Show
        when={!props.empty}
        fallback={
          <Show
            when={props.state.kind !== 'loading'}
            fallback={
              <div class="widget-skeleton skeleton">
                <span class="visually-hidden">Loading…</span>
              </div>
            }
          >
            <Show when={error()} fallback={<p class="widget-empty">{props.empty}</p>}>
              {(message) => (
                <div class="widget-notice" data-tone="bad">
                  <p>{message()}</p>
                  <p class="widget-notice-hint">{RETRY}</p>
                </div>
              )}
            </Show>
          </Show>
        }
      >
        {props.children}
        <Show when={error()}>
          {(message) => (
            <p class="widget-stale" data-tone="bad">
              Not updating: {message()} {RETRY}
            </p>
          )}
        </Show>
      </Show>
    </div>
  );
}
