import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { SelectField, type SelectOption } from '../../../components/select-field.tsx';
import { TextInput } from '../../../components/text-input.tsx';
import { ReportDownloads } from '../../reports/report-downloads.tsx';
import { categoryLabel } from '../kpi-options.ts';
import { SORT_KEYS, SORT_LABELS, type SortKey } from './dashboard-view.ts';

export interface DashboardToolbarProps {
  search: string;
  onSearch: (value: string) => void;
  category: string;
  categories: readonly string[];
  onCategory: (value: string) => void;
  sort: SortKey;
  onSort: (value: SortKey) => void;
  arranging: boolean;
  onArranging: (on: boolean) => void;
}

const SORT_OPTIONS: SelectOption[] = SORT_KEYS.map((k) => ({ value: k, label: SORT_LABELS[k] }));

/**
 * Search by name, filter by category, sort; and the switch into arranging the
 * cards. On a phone only the search shows, with an "Options" button for the
 * rest, so the first card is not pushed a screen down (CSS hides the button
 * and shows everything on wider screens).
 */
export function DashboardToolbar(props: DashboardToolbarProps) {
  const [open, setOpen] = createSignal(false);
  // How many choices narrow or reorder the cards: said on the button while they are folded away.
  const active = () => (props.category ? 1 : 0) + (props.sort !== 'layout' ? 1 : 0);
  const categoryOptions = (): SelectOption[] => [
    { value: '', label: 'All categories' },
    ...props.categories.map((c) => ({ value: c, label: categoryLabel(c) })),
  ];
  return (
    <div class="toolbar">
      <search class="toolbar-fields" aria-label="Find KPIs">
        <TextInput
          class="toolbar-search"
          type="search"
          label="Search"
          name="search"
          placeholder="Search KPIs"
          autocomplete="off"
          value={props.search}
          onChange={props.onSearch}
          disabled={props.arranging}
        />
        <button
          type="button"
          class="button button-secondary toolbar-options-toggle"
          aria-expanded={open()}
          aria-controls="toolbar-options toolbar-actions"
          onClick={() => setOpen(!open())}
        >
          Options
          <Show when={active() > 0}>
            <span>
              {' '}
              ({active()}
              <span class="visually-hidden"> active</span>)
            </span>
          </Show>
        </button>
        <div id="toolbar-options" class="toolbar-options" data-open={open() ? '' : undefined}>
          <SelectField
            class="toolbar-select"
            label="Category"
            name="category"
            options={categoryOptions()}
            value={props.category}
            onChange={props.onCategory}
            disabled={props.arranging}
          />
          <SelectField
            class="toolbar-select"
            label="Sort by"
            name="sort"
            options={SORT_OPTIONS}
            value={props.arranging ? 'layout' : props.sort}
            onChange={(v) => props.onSort(v as SortKey)}
            disabled={props.arranging}
          />
        </div>
      </search>
      <div id="toolbar-actions" class="toolbar-actions" data-open={open() ? '' : undefined}>
        <button
          type="button"
          class="button button-secondary"
          aria-pressed={props.arranging}
          onClick={() => props.onArranging(!props.arranging)}
        >
          Arrange
        </button>
        <A href="/kpis/archived" class="button button-ghost">
          Archived KPIs
        </A>
        {/* Folded behind "Options" on a phone with the rest, so the first card stays near the top. */}
        <ReportDownloads report="kpis" label="KPI report" />
      </div>
      <Show when={props.arranging}>
        <div class="arrange-notice" role="status">
          <p>
            Arranging: use the buttons on each card to move it or change its size. Every KPI is shown in your order; each change
            is saved at once and follows you to your other devices.
          </p>
          <button type="button" class="button button-primary button-small" onClick={() => props.onArranging(false)}>
            Done arranging
          </button>
        </div>
      </Show>
    </div>
  );
}
