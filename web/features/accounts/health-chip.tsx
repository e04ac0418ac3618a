import type { HealthStatus } from '../../../shared/health/ranges.ts';
import { scoreBand } from '../../../shared/health/score.ts';
import { StatusBadge, type Tone } from '../../components/status-badge.tsx';

export const BAND_LABELS: Record<HealthStatus, string> = { critical: 'Critical', risk: 'At risk', healthy: 'Healthy' };
export const BAND_TONES: Record<HealthStatus, Tone> = { critical: 'bad', risk: 'warn', healthy: 'good' };

/** A 0-100 health score with its band, or "Not scored" (never 0) when there is none. */
export function HealthChip(props: { score: number | null | undefined }) {
  const band = () => scoreBand(props.score);
  return (
    <span class="health-chip">
      {(() => {
        const b = band();
        return b ? (
          <StatusBadge tone={BAND_TONES[b]} prefix="Health" label={`${Math.round(props.score ?? 0)} · ${BAND_LABELS[b]}`} />
        ) : (
          <StatusBadge tone="neutral" prefix="Health" label="Not scored" />
        );
      })()}
    </span>
  );
}
