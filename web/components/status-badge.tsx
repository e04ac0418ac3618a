/**
 * A status as a coloured chip that always carries its text too (colour is
 * never the only signal). `tone` picks the colour: good, warn, bad, neutral.
 */
export type Tone = 'good' | 'warn' | 'bad' | 'neutral';

export function StatusBadge(props: { tone: Tone; label: string; prefix?: string }) {
  return (
    <span class="status-badge" data-tone={props.tone}>
      <span class="status-dot" aria-hidden="true" />
      {props.prefix ? <span class="visually-hidden">{props.prefix} </span> : null}
      {props.label}
    </span>
  );
}
