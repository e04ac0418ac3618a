import type { GoalStatus } from '../../../shared/goal-fields.ts';
import type { GoalPace } from '../../../sync/schema.ts';
import { StatusBadge, type Tone } from '../../components/status-badge.tsx';

export const PACE_LABELS: Record<GoalPace, string> = {
  'on-track': 'On track',
  'at-risk': 'At risk',
  'off-track': 'Off track',
  completed: 'Completed',
  'no-data': 'No data',
};

const PACE_TONES: Record<GoalPace, Tone> = {
  'on-track': 'good',
  completed: 'good',
  'at-risk': 'warn',
  'off-track': 'bad',
  'no-data': 'neutral',
};

export const GOAL_STATUS_LABELS: Record<GoalStatus, string> = { active: 'Active', completed: 'Completed', paused: 'Paused' };

/** The goal's pace as text plus colour. */
export function PaceBadge(props: { pace: GoalPace }) {
  return <StatusBadge tone={PACE_TONES[props.pace] ?? 'neutral'} label={PACE_LABELS[props.pace] ?? props.pace} prefix="Pace:" />;
}
