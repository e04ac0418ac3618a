import { customerSuccessWidgetTypes } from '../customer-success/widgets.ts';
import { kpiTrackerWidgetTypes, mergeWidgetTypes, type WidgetTypeSpec } from './widget-types.ts';

/** Every widget type, from every pack. A pack's types are added here. */
export const WIDGET_TYPES = mergeWidgetTypes(kpiTrackerWidgetTypes, customerSuccessWidgetTypes);
export const WIDGET_TYPE_NAMES = Object.keys(WIDGET_TYPES);

export function widgetSpec(type: string): WidgetTypeSpec | undefined {
  return Object.hasOwn(WIDGET_TYPES, type) ? WIDGET_TYPES[type] : undefined;
}
