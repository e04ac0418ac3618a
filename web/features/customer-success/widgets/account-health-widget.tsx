import { useQuery } from '@rocicorp/zero/solid';
import { A } from '@solidjs/router';
import { createMemo, Show } from 'solid-js';
import { queries } from '../../../../sync/queries.ts';
import { Sparkline } from '../../../components/chart/sparkline.tsx';
import { StatusBadge } from '../../../components/status-badge.tsx';
import { formatNumber } from '../../dashboards/widgets/formats.ts';
import { WidgetBody } from '../../dashboards/widgets/widget-frame.tsx';
import type { WidgetProps } from '../../dashboards/widgets/widget-props.ts';
import { scoreBand } from '../health/health-band.ts';
import { healthState } from './health-data.ts';

/** The months of trend the sparkline shows. */
const TREND_MONTHS = 12;

/** The account an account health widget shows (its options were checked by the type's schema). */
export const accountOf = (props: Pick<WidgetProps, 'widget'>): string => {
  const id = props.widget.options.accountId;
  return typeof id === 'string' ? id : '';
};

/**
 * One account's health, live: its overall score (large) in its band's colour
 * with the band in words, and its last twelve months as a sparkline (with
 * the months in words for assistive tech). Not on a share link's screen
 * (needsSignIn).
 */
export function AccountHealthWidget(props: WidgetProps) {
  const args = () => ({ orgID: props.widget.organizationID, accountID: accountOf(props) || 'none' });
  const [account, accountDetails] = useQuery(() => queries.accounts.byId(args()));
  const [health, healthDetails] = useQuery(() => queries.health.account(args()));
  const [trend, trendDetails] = useQuery(() => queries.health.trend(args()));
  const months = createMemo(() =>
    trend()
      .flatMap((t) => (t.overall === null || t.overall === undefined ? [] : [{ month: t.month, overall: t.overall }]))
      .slice(-TREND_MONTHS),
  );
  const state = createMemo(() =>
    healthState(props.state, [
      { details: accountDetails(), hasRows: account() !== undefined },
      { details: healthDetails(), hasRows: health() !== undefined },
      { details: trendDetails(), hasRows: trend().length > 0 },
    ]),
  );
  const overall = () => health()?.overall ?? null;
  const band = () => scoreBand(overall());
  const empty = () => (account() ? false : 'The account on this widget was removed, or you cannot see it.');
  const trendLabel = () => {
    const m = months();
    if (m.length === 0) return 'No monthly health yet.';
    const parts = m.map((x) => `${x.month}: ${formatNumber(x.overall)}`).join(', ');
    return `Health by month, ${m.length} months: ${parts}.`;
  };

  return (
    <WidgetBody state={state()} empty={empty()} class="widget-body-account-health">
      <Show when={account()}>
        {(a) => (
          <div class="account-health-widget" data-tone={band().tone}>
            <p class="widget-line">
              <Show when={!props.tv} fallback={<span class="widget-cut">{a().name}</span>}>
                <A class="widget-cut" href={`/accounts/${a().id}`}>
                  {a().name}
                </A>
              </Show>
            </p>
            <p class="widget-big account-health-widget-score">{overall() === null ? '—' : formatNumber(overall()!)}</p>
            <p class="widget-line">
              <StatusBadge tone={band().tone} label={band().label} prefix="Health:" />
            </p>
            <Show when={months().length > 1} fallback={<p class="widget-line widget-muted">Trend after two scored months.</p>}>
              <Sparkline values={months().map((m) => m.overall)} label={trendLabel()} tone={band().tone} height={32} />
            </Show>
          </div>
        )}
      </Show>
    </WidgetBody>
  );
}
