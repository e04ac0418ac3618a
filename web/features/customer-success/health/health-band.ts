import { bandOfScore } from '../../../../shared/health/breakdown.ts';
import type { HealthStatus } from '../../../../shared/health/ranges.ts';
import type { Tone } from '../../../components/status-badge.tsx';

const TONES: Record<HealthStatus, Tone> = { healthy: 'good', risk: 'warn', critical: 'bad' };
const LABELS: Record<HealthStatus, string> = { healthy: 'Healthy', risk: 'At risk', critical: 'Critical' };

/** A band's colour tone and words (colour is never the only signal). */
export const bandTone = (band: HealthStatus | null): Tone => (band ? TONES[band] : 'neutral');
export const bandLabel = (band: HealthStatus | null): string => (band ? LABELS[band] : 'Not scored');

/** The tone and label of a 0-100 score. */
export function scoreBand(score: number | null | undefined): { tone: Tone; label: string } {
  const band = bandOfScore(score);
  return { tone: bandTone(band), label: bandLabel(band) };
}
