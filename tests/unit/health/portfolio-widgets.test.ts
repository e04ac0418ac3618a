import { describe, expect, test } from 'vitest';
import { customerSuccessWidgetTypes } from '../../../shared/customer-success/widgets.ts';
import { widgetInput } from '../../../shared/dashboards/fields.ts';
import { WIDGET_TYPE_NAMES, WIDGET_TYPES } from '../../../shared/dashboards/registry.ts';
import { templateWidgets } from '../../../shared/dashboards/templates.ts';
import { portfolioHealth } from '../../../shared/health/portfolio.ts';
import { isTenantTable } from '../../../sync/tenant.ts';
import { healthState } from '../../../web/features/customer-success/widgets/health-data.ts';

const account = (id: string, name: string, overall: number | null) => ({ id, name, overall });

describe('portfolio health (the widget’s counts, mean and weakest accounts)', () => {
  test('counts every account in its band, unscored on its own; the mean leaves unscored accounts out', () => {
    const p = portfolioHealth([
      account('a', 'Acme', 90),
      account('b', 'Beta', 75),
      account('c', 'Cyan', 74.99),
      account('d', 'Dune', 50),
      account('e', 'Echo', 49.5),
      account('f', 'Fern', null),
    ]);
    expect(p.total).toBe(6);
    expect(p.counts).toEqual({ healthy: 2, risk: 2, critical: 1, unscored: 1 });
    expect(p.average).toBe(67.9); // (90 + 75 + 74.99 + 50 + 49.5) / 5 = 67.898
  });

  test('the lowest are the worst scores first, ties by name then id, never an unscored account, at most as many as asked', () => {
    const p = portfolioHealth(
      [
        account('z', 'Zulu', 10),
        account('y', 'Alpha', 10),
        account('x', 'Alpha', 10),
        account('w', 'Whisky', null),
        account('v', 'Victor', 95),
        account('u', 'Uniform', 40),
      ],
      4,
    );
    expect(p.lowest.map((a) => a.id)).toEqual(['x', 'y', 'z', 'u']);
    expect(portfolioHealth([account('a', 'A', 1), account('b', 'B', 2)], 3).lowest.map((a) => a.id)).toEqual(['a', 'b']);
  });

  test('no accounts, or none scored: zero counts, no mean, no lowest', () => {
    expect(portfolioHealth([])).toEqual({
      total: 0,
      counts: { healthy: 0, risk: 0, critical: 0, unscored: 0 },
      average: null,
      lowest: [],
    });
    const unscored = portfolioHealth([account('a', 'A', null)]);
    expect(unscored.average).toBeNull();
    expect(unscored.counts.unscored).toBe(1);
    expect(unscored.lowest).toEqual([]);
  });
});

describe('the customer-success widget types', () => {
  const cell = { x: 0, y: 0, w: 6, h: 4 };
  const issues = (w: Record<string, unknown>) => {
    const r = widgetInput.safeParse(w);
    return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  test('are registered with the KPI tracker’s, and each option that names a row names a tenant table', () => {
    expect(WIDGET_TYPE_NAMES).toEqual(expect.arrayContaining(['number', 'text', 'portfolioHealth', 'accountHealth']));
    for (const [type, spec] of Object.entries(WIDGET_TYPES)) {
      for (const table of Object.values(spec.references ?? {})) expect(isTenantTable(table), `${type} -> ${table}`).toBe(true);
    }
    expect(customerSuccessWidgetTypes.accountHealth.references).toEqual({ accountId: 'account' });
  });

  test('portfolio health takes no KPI, goal, text or option; account health needs exactly an accountId', () => {
    expect(issues({ type: 'portfolioHealth', ...cell })).toEqual([]);
    expect(issues({ type: 'portfolioHealth', ...cell, kpiIDs: ['k1'] })).toEqual([
      'kpiIDs: A portfolio health widget shows no KPIs',
    ]);
    expect(issues({ type: 'portfolioHealth', ...cell, options: { accountId: 'a1' } })).toEqual([
      'options: Unknown option for a portfolio health widget: accountId',
    ]);
    expect(issues({ type: 'portfolioHealth', ...cell, w: 3 })).toEqual([
      'w: A portfolio health widget is at least 4 columns wide',
    ]);

    const small = { x: 0, y: 0, w: 3, h: 3 };
    expect(issues({ type: 'accountHealth', ...small, options: { accountId: 'a1' } })).toEqual([]);
    expect(issues({ type: 'accountHealth', ...small })).toEqual([
      'options.accountId: An account health widget needs an account (accountId)',
    ]);
    expect(issues({ type: 'accountHealth', ...small, options: { accountId: '' } })).toEqual([
      'options.accountId: An account health widget needs an account (accountId)',
    ]);
    expect(issues({ type: 'accountHealth', ...small, options: { accountId: 'a1', colour: 'red' } })).toEqual([
      'options: Unknown option for an account health widget: colour',
    ]);
  });

  test('the customer-success template opens with portfolio health, full width, and still lays out valid widgets that never overlap', () => {
    const kpis = [
      { id: 'n', name: 'NPS', category: 'satisfaction' },
      { id: 'c', name: 'Churn', category: 'retention' },
    ];
    const widgets = templateWidgets('customer-success', kpis);
    expect(widgets[0]).toMatchObject({ type: 'portfolioHealth', x: 0, y: 0, w: 12, kpiIDs: [] });
    for (const w of widgets) expect(widgetInput.safeParse(w).success, JSON.stringify(w)).toBe(true);
    const overlaps = (a: (typeof widgets)[number], b: (typeof widgets)[number]) =>
      a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
    for (const [i, a] of widgets.entries()) for (const b of widgets.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
    expect(templateWidgets('customer-success', []).map((w) => w.type)).toEqual(['portfolioHealth', 'text']);
    expect(templateWidgets('saas', kpis)[0]?.type).not.toBe('portfolioHealth');
  });
});

describe('a health widget’s state', () => {
  const complete = { type: 'complete' } as const;
  const unknown = { type: 'unknown' } as const;
  const refused = {
    type: 'error',
    retry: () => undefined,
    refetch: () => undefined,
    error: { type: 'app', message: 'No' },
  } as const;

  test('a refusal of the dashboard or of its own data wins; it loads while a query has nothing yet', () => {
    expect(healthState({ kind: 'ready' }, [{ details: complete, hasRows: false }])).toEqual({ kind: 'ready' });
    expect(healthState({ kind: 'ready' }, [{ details: unknown, hasRows: false }])).toEqual({ kind: 'loading' });
    expect(healthState({ kind: 'ready' }, [{ details: unknown, hasRows: true }])).toEqual({ kind: 'ready' });
    expect(healthState({ kind: 'error', message: 'Dashboard refused' }, [{ details: complete, hasRows: true }])).toEqual({
      kind: 'error',
      message: 'Dashboard refused',
    });
    expect(
      healthState({ kind: 'ready' }, [
        { details: complete, hasRows: true },
        { details: refused, hasRows: false },
      ]),
    ).toEqual({
      kind: 'error',
      message: 'The server refused the health data: No',
    });
  });
});
