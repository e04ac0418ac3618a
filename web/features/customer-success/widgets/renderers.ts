import { customerSuccessWidgetTypes as types } from '../../../../shared/customer-success/widgets.ts';
import type { WidgetRenderer } from '../../dashboards/widgets/widget-props.ts';
import { AccountHealthWidget } from './account-health-widget.tsx';
import { AccountOptionField } from './account-option.tsx';
import { PortfolioHealthWidget } from './portfolio-health-widget.tsx';

/**
 * The customer-success pack's widgets, merged into the dashboards'
 * WIDGET_RENDERERS; typed by its shared specs' names, so none can be forgotten.
 * Both read live health through the pack's own queries, which a share link
 * may not (SHARE_QUERY_NAMES): on a shared screen they show a notice.
 */
export const customerSuccessRenderers: Record<keyof typeof types, WidgetRenderer> = {
  portfolioHealth: {
    label: types.portfolioHealth.label,
    component: PortfolioHealthWidget,
    title: () => 'Portfolio health',
    needsSignIn: true,
  },
  accountHealth: {
    label: types.accountHealth.label,
    component: AccountHealthWidget,
    title: () => 'Account health',
    needsSignIn: true,
    options: { keys: ['accountId'], Fields: AccountOptionField },
  },
};
