import type { QueryResultDetails } from '@rocicorp/zero';
import type { DataState } from '../../dashboards/widgets/widget-props.ts';

/**
 * A health widget's state: the dashboard's (a refusal of the dashboard's
 * data is shown by every widget on it) and then its own queries'. Any
 * refusal wins; it is loading while a query has nothing and is not complete.
 */
export function healthState(
  dashboard: DataState,
  queries: readonly { details: QueryResultDetails; hasRows: boolean }[],
): DataState {
  if (dashboard.kind === 'error') return dashboard;
  for (const q of queries) {
    if (q.details.type === 'error')
      return { kind: 'error', message: `The server refused the health data: ${q.details.error.message}` };
  }
  if (dashboard.kind === 'loading' || queries.some((q) => !q.hasRows && q.details.type !== 'complete'))
    return { kind: 'loading' };
  return { kind: 'ready' };
}
