import { Button } from '@kobalte/core/button';
import { createSignal, Show } from 'solid-js';
import { useFormats } from '../../organizations/current-organization.tsx';
import { scoreBand } from './health-band.ts';
import { HealthBreakdown, type ScoredHealth } from './health-breakdown.tsx';

export interface HealthScoreProps {
  /** The stored health; undefined while it loads or before its first computation. */
  health: ScoredHealth | null | undefined;
  /** What the score is of ("Acme"), for the button's name and the breakdown's title. */
  subject: string;
  /** A larger number (an account page's heading) rather than a chip (a list row). */
  large?: boolean;
}

/**
 * An account's health: the number in its band's colour, with the band in
 * words too. Pressing it opens "why this number" (HealthBreakdown).
 */
export function HealthScore(props: HealthScoreProps) {
  const fmt = useFormats();
  const [open, setOpen] = createSignal(false);
  const band = () => scoreBand(props.health?.overall);
  const number = () => {
    const overall = props.health?.overall;
    return overall === null || overall === undefined ? '—' : fmt().number(overall);
  };

  return (
    <Show
      when={props.health}
      fallback={
        <span class="health-score" data-tone="neutral" data-size={props.large ? 'large' : 'small'}>
          <span class="visually-hidden">Health of {props.subject}: </span>not computed yet
        </span>
      }
    >
      {(health) => (
        <>
          <Button
            class="health-score"
            data-tone={band().tone}
            data-size={props.large ? 'large' : 'small'}
            onClick={() => setOpen(true)}
          >
            {/* The name starts with the visible text's words, so voice control finds it by what it shows. */}
            <span class="visually-hidden">Health of {props.subject}: </span>
            <span class="health-score-number">{number()}</span> <span class="health-score-band">{band().label}</span>
            <span class="visually-hidden">. Why this number?</span>
          </Button>
          <Show when={open()}>
            <HealthBreakdown health={health()} subject={props.subject} open={open()} onOpenChange={setOpen} />
          </Show>
        </>
      )}
    </Show>
  );
}
