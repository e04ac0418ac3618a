import { Button } from '@kobalte/core/button';
import { useNavigate } from '@solidjs/router';
import { For, Show } from 'solid-js';
import { TIME_RANGE_LABELS, TIME_RANGES, type TimeRange } from '../../../shared/dashboards/time-range.ts';
import type { Dashboard } from '../../../sync/schema.ts';
import { SelectField } from '../../components/select-field.tsx';
import { fromDateInput, toDateInput } from '../kpis/format.ts';

export interface DashboardToolbarProps {
  dashboard: Dashboard;
  dashboards: readonly Dashboard[];
  canEdit: boolean;
  canShare: boolean;
  arranging: boolean;
  isDefault: boolean;
  onRange: (patch: { timeRange: TimeRange; rangeStart?: number | null; rangeEnd?: number | null }) => void;
  onArranging: (on: boolean) => void;
  onAddWidget: () => void;
  onShare: () => void;
  onSettings: () => void;
  onMakeDefault: () => void;
  onTv: () => void;
}

/** The dashboard's controls: which one, its time range, and what the person may do with it. */
export function DashboardToolbar(props: DashboardToolbarProps) {
  const navigate = useNavigate();
  return (
    <div class="dashboard-toolbar" role="toolbar" aria-label="Dashboard">
      <SelectField
        label="Dashboard"
        name="dashboard"
        hideLabel
        value={props.dashboard.id}
        options={props.dashboards.map((d) => ({ value: d.id, label: d.shared ? d.name : `${d.name} (private)` }))}
        onChange={(id) => navigate(`/dashboards/${id}`)}
      />
      <SelectField
        label="Time range"
        name="timeRange"
        hideLabel
        disabled={!props.canEdit}
        value={props.dashboard.timeRange}
        options={TIME_RANGES.map((r) => ({ value: r, label: TIME_RANGE_LABELS[r] }))}
        onChange={(r) => {
          const range = r as TimeRange;
          if (range !== 'custom') return props.onRange({ timeRange: range });
          const end = Date.now();
          props.onRange({ timeRange: 'custom', rangeStart: end - 30 * 86_400_000, rangeEnd: end });
        }}
      />
      <Show when={props.dashboard.timeRange === 'custom'}>
        <For each={['rangeStart', 'rangeEnd'] as const}>
          {(field) => (
            <label class="range-date">
              <span class="visually-hidden">{field === 'rangeStart' ? 'From' : 'To'}</span>
              <input
                type="date"
                disabled={!props.canEdit}
                value={toDateInput(props.dashboard[field] ?? Date.now())}
                onChange={(e) => {
                  const t = fromDateInput(e.currentTarget.value);
                  if (t !== undefined && !Number.isNaN(t)) {
                    props.onRange({ timeRange: 'custom', [field]: field === 'rangeEnd' ? t + 86_399_999 : t });
                  }
                }}
              />
            </label>
          )}
        </For>
      </Show>
      <div class="toolbar-spacer" />
      <Show
        when={props.canEdit}
        fallback={
          <p class="read-only-note" role="note">
            Read-only for your role
          </p>
        }
      >
        <Button
          class="button button-secondary button-small"
          aria-pressed={props.arranging}
          onClick={() => props.onArranging(!props.arranging)}
        >
          {props.arranging ? 'Done arranging' : 'Arrange'}
        </Button>
        <Button class="button button-secondary button-small" onClick={() => props.onAddWidget()}>
          Add widget
        </Button>
        <Button class="button button-ghost button-small" onClick={() => props.onSettings()}>
          Settings
        </Button>
      </Show>
      <Show when={!props.isDefault}>
        <Button class="button button-ghost button-small" onClick={() => props.onMakeDefault()}>
          Make my home page
        </Button>
      </Show>
      <Show when={props.canShare}>
        <Button class="button button-ghost button-small" onClick={() => props.onShare()}>
          Share link
        </Button>
      </Show>
      <Button class="button button-ghost button-small" onClick={() => props.onTv()}>
        TV mode
      </Button>
    </div>
  );
}
