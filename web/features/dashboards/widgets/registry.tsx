import { createMemo, ErrorBoundary, type JSX, Show, splitProps } from 'solid-js';
import { Dynamic } from 'solid-js/web';
import { kpiTrackerWidgetTypes } from '../../../../shared/dashboards/widget-types.ts';
import { customerSuccessRenderers } from '../../customer-success/widgets/renderers.ts';
import { BarWidget } from './bar-widget.tsx';
import { GaugeWidget } from './gauge-widget.tsx';
import { GoalWidget } from './goal-widget.tsx';
import { LineWidget } from './line-widget.tsx';
import { NumberWidget } from './number-widget.tsx';
import { TableWidget } from './table-widget.tsx';
import { TextWidget } from './text-widget.tsx';
import { WidgetFrame } from './widget-frame.tsx';
import type { WidgetProps, WidgetRenderer } from './widget-props.ts';
import { kpiNames } from './widget-text.ts';

export type { WidgetRenderer };

const types = kpiTrackerWidgetTypes;
const firstKpi = (props: WidgetProps, fallback: string) => props.kpis[0]?.name ?? fallback;

/** The KPI tracker's seven types; typed by the shared specs' names, so none can be forgotten. */
const kpiTrackerRenderers: Record<keyof typeof kpiTrackerWidgetTypes, WidgetRenderer> = {
  number: { label: types.number.label, component: NumberWidget, title: (p) => firstKpi(p, 'Number') },
  line: { label: types.line.label, component: LineWidget, title: (p) => kpiNames(p.kpis, 'Line chart') },
  bar: { label: types.bar.label, component: BarWidget, title: (p) => kpiNames(p.kpis, 'Bar chart') },
  gauge: { label: types.gauge.label, component: GaugeWidget, title: (p) => firstKpi(p, 'Gauge') },
  goal: { label: types.goal.label, component: GoalWidget, title: (p) => p.goal?.title ?? 'Goal' },
  table: { label: types.table.label, component: TableWidget, title: (p) => kpiNames(p.kpis, 'Table') },
  text: { label: types.text.label, component: TextWidget, title: () => 'Note', hideTitle: true },
};

/**
 * Every widget type the web app can draw, keyed by type: the web half of
 * shared/dashboards/registry.ts (which validates them). A pack adds its
 * renderers here next to its specs there (health scores, OEE, playbooks),
 * from its own web/features/<pack>/ folder.
 */
export const WIDGET_RENDERERS: Readonly<Record<string, WidgetRenderer>> = { ...kpiTrackerRenderers, ...customerSuccessRenderers };

export function widgetRenderer(type: string): WidgetRenderer | undefined {
  return Object.hasOwn(WIDGET_RENDERERS, type) ? WIDGET_RENDERERS[type] : undefined;
}

/** What a widget that needs a signed-in member says on a share link's wall screen. */
export const NOT_ON_SHARED_SCREEN = 'Not available on a shared screen: open this dashboard signed in to see it.';

/** The labels of the types among `types` that a share link cannot show (needsSignIn), once each, in order. */
export function signInOnlyLabels(types: readonly string[]): string[] {
  return [...new Set(types.flatMap((t) => (widgetRenderer(t)?.needsSignIn ? [widgetRenderer(t)!.label] : [])))];
}

export interface WidgetViewProps extends WidgetProps {
  /** The grid's controls for this widget (arrange, edit, remove), shown in the card's header. */
  actions?: JSX.Element;
}

/**
 * One widget in its frame. A type this app does not know (a pack's, not
 * loaded here, or a newer app's) is a notice, not a crash; so is a widget
 * that throws while drawing, and the rest of the dashboard carries on.
 */
export function WidgetView(props: WidgetViewProps) {
  const [local, widget] = splitProps(props, ['actions']);
  const renderer = createMemo(() => widgetRenderer(widget.widget.type));
  // Thunks, so the title follows the data (a KPI renamed) and the body is built inside the frame.
  const frame = (title: () => string, body: () => JSX.Element) => (
    <WidgetFrame
      title={title()}
      hideTitle={renderer()?.hideTitle ?? false}
      type={widget.widget.type}
      widgetID={widget.widget.id}
      busy={widget.state.kind === 'loading'}
      tv={widget.tv}
      actions={local.actions}
    >
      {body()}
    </WidgetFrame>
  );

  const notice = (text: string) => (
    <div class="widget-body">
      <p class="widget-notice">{text}</p>
    </div>
  );

  return (
    <Show
      when={renderer()}
      fallback={frame(
        () => 'Unavailable widget',
        () => notice(`This widget type (${widget.widget.type}) is not available.`),
      )}
    >
      {(r) =>
        frame(
          () => r().title(widget),
          () =>
            widget.shared && r().needsSignIn ? (
              notice(NOT_ON_SHARED_SCREEN)
            ) : (
              <ErrorBoundary
                fallback={(error: unknown, reset) => {
                  console.error(`Widget ${widget.widget.id} (${widget.widget.type}) failed to draw`, error);
                  return (
                    <div class="widget-body">
                      <div class="widget-notice" data-tone="bad">
                        <p>This widget could not be drawn.</p>
                        <Show when={!widget.tv}>
                          <button type="button" class="button button-small button-secondary" onClick={reset}>
                            Try again
                          </button>
                        </Show>
                      </div>
                    </div>
                  );
                }}
              >
                <Dynamic component={r().component} {...widget} />
              </ErrorBoundary>
            ),
        )
      }
    </Show>
  );
}
