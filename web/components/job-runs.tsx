import { For, Show } from 'solid-js';
import type { JobRunStatus } from '../../sync/schema.ts';
import { StatusBadge, type Tone } from './status-badge.tsx';

const STATUS: Record<JobRunStatus, { tone: Tone; label: string }> = {
  queued: { tone: 'neutral', label: 'Queued' },
  running: { tone: 'warn', label: 'Running' },
  done: { tone: 'good', label: 'Done' },
  failed: { tone: 'bad', label: 'Failed' },
};

/** One run as a list shows it. */
export interface JobRunView {
  id: string;
  /** What it covers, in bold ("2026-01 to 2026-06"). */
  title: string;
  /** Said after the title, before who asked (" under v3"). */
  detail?: string;
  requester: string;
  requestedAt: number;
  status: JobRunStatus;
  done: number;
  total: number;
  /** How far it is, in words ("12 of 90 days"). */
  progressText: string;
  /** The progress bar's accessible name. */
  progressLabel: string;
  error?: string | null | undefined;
}

/** Background runs with their status and a live progress bar each, newest first as given. */
export function JobRunList(props: { label: string; runs: readonly JobRunView[]; dateTime: (ms: number) => string }) {
  return (
    <ul class="job-runs" aria-label={props.label}>
      <For each={props.runs}>
        {(run) => (
          <li class="job-run">
            <div>
              <strong>{run.title}</strong>
              {run.detail ?? ''}, by {run.requester},{' '}
              <time datetime={new Date(run.requestedAt).toISOString()}>{props.dateTime(run.requestedAt)}</time>
            </div>
            <StatusBadge {...STATUS[run.status]} />
            <progress
              max={Math.max(run.total, 1)}
              value={run.status === 'done' ? Math.max(run.total, 1) : run.done}
              aria-label={run.progressLabel}
            />
            <span class="panel-hint">{run.progressText}</span>
            <Show when={run.error}>{(message) => <p class="form-error">{message()}</p>}</Show>
          </li>
        )}
      </For>
    </ul>
  );
}
