import { For } from 'solid-js';

export interface ArrangeProps {
  index: number;
  count: number;
  w: 1 | 2 | 3;
  h: 1 | 2;
  onMove: (delta: -1 | 1) => void;
  onResize: (dw: number, dh: number) => void;
}

type Action = 'earlier' | 'later' | 'wider' | 'narrower' | 'taller' | 'shorter';

/** Where focus goes back to after the card moved (moving a node in the DOM drops focus). */
export function arrangeButtonSelector(kpiID: string, action: Action): string {
  return `[data-arrange="${CSS.escape(`${kpiID}:${action}`)}"]`;
}

/**
 * The keyboard way to arrange a dashboard: move a card earlier or later,
 * make it wider, narrower, taller or shorter. Buttons at a limit stay
 * focusable (aria-disabled) so focus is not lost when a card reaches an end.
 */
const ACTIONS: { action: Action; text: string; verb: 'Move' | 'Make' }[] = [
  { action: 'earlier', text: '← Earlier', verb: 'Move' },
  { action: 'later', text: 'Later →', verb: 'Move' },
  { action: 'wider', text: 'Wider', verb: 'Make' },
  { action: 'narrower', text: 'Narrower', verb: 'Make' },
  { action: 'taller', text: 'Taller', verb: 'Make' },
  { action: 'shorter', text: 'Shorter', verb: 'Make' },
];

export function ArrangeControls(props: ArrangeProps & { name: string; kpiID: string }) {
  // The buttons are built once (so focus stays put); whether each is at its limit is read live.
  const atLimit = (action: Action): boolean => {
    switch (action) {
      case 'earlier':
        return props.index === 0;
      case 'later':
        return props.index >= props.count - 1;
      case 'wider':
        return props.w >= 3;
      case 'narrower':
        return props.w <= 1;
      case 'taller':
        return props.h >= 2;
      case 'shorter':
        return props.h <= 1;
    }
  };
  const run = (action: Action) => {
    if (atLimit(action)) return;
    if (action === 'earlier') props.onMove(-1);
    else if (action === 'later') props.onMove(1);
    else if (action === 'wider') props.onResize(1, 0);
    else if (action === 'narrower') props.onResize(-1, 0);
    else if (action === 'taller') props.onResize(0, 1);
    else props.onResize(0, -1);
  };
  return (
    <fieldset class="arrange-controls">
      <legend class="arrange-legend">
        Position {props.index + 1} of {props.count} · {props.w} {props.w === 1 ? 'column' : 'columns'} wide, {props.h}{' '}
        {props.h === 1 ? 'row' : 'rows'} tall
      </legend>
      <div class="arrange-buttons">
        <For each={ACTIONS}>
          {(b) => (
            <button
              type="button"
              class="button button-small button-secondary"
              data-arrange={`${props.kpiID}:${b.action}`}
              aria-label={`${b.verb} ${props.name} ${b.action}`}
              aria-disabled={atLimit(b.action) ? 'true' : undefined}
              onClick={() => run(b.action)}
            >
              {b.text}
            </button>
          )}
        </For>
      </div>
    </fieldset>
  );
}
