import { WidgetBody } from './widget-frame.tsx';
import type { WidgetProps } from './widget-props.ts';

/**
 * A note on the dashboard. Always plain text (Solid escapes it; never
 * innerHTML), its line breaks kept by CSS (white-space: pre-line).
 */
export function TextWidget(props: WidgetProps) {
  // The note is the widget's own row, so it never waits for (or fails with) the KPIs' data.
  return (
    <WidgetBody
      state={{ kind: 'ready' }}
      empty={props.widget.text.trim() ? false : 'This note is empty.'}
      class="widget-body-text"
    >
      <p class="widget-text">{props.widget.text}</p>
    </WidgetBody>
  );
}
