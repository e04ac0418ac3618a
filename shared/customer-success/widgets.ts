import { z } from 'zod';
import { defineWidgetTypes } from '../dashboards/widget-types.ts';
import { ID_MAX_LENGTH } from '../validation.ts';

/**
 * The customer-success pack's dashboard widgets, merged into every
 * organization's widget types by shared/dashboards/registry.ts. They show
 * live health (account_health, health_trend), not KPIs.
 */
export const customerSuccessWidgetTypes = defineWidgetTypes({
  portfolioHealth: {
    label: 'Portfolio health',
    kpis: null,
    goal: false,
    text: false,
    options: z.object({}).strict(),
    size: { w: 6, h: 4 },
    minSize: { w: 4, h: 3 },
  },
  accountHealth: {
    label: 'Account health',
    kpis: null,
    goal: false,
    text: false,
    options: z
      .object({
        accountId: z
          .string({ error: 'An account health widget needs an account (accountId)' })
          .min(1, 'An account health widget needs an account (accountId)')
          .max(ID_MAX_LENGTH, `accountId must be at most ${ID_MAX_LENGTH} characters`),
      })
      .strict(),
    references: { accountId: 'account' },
    optionsHelp: '{"accountId": the account\'s id} (required)',
    size: { w: 3, h: 3 },
    minSize: { w: 3, h: 3 },
  },
});
