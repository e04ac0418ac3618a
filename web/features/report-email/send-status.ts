import type { SendStatus } from '../../../shared/report-email/reports.ts';
import type { Tone } from '../../components/status-badge.tsx';

/** How a send's status reads on a badge (the schedules' last send, the send log). */
export const SEND_STATUS: Record<SendStatus, { tone: Tone; label: string }> = {
  queued: { tone: 'neutral', label: 'Queued' },
  sent: { tone: 'good', label: 'Sent' },
  failed: { tone: 'bad', label: 'Failed' },
  not_configured: { tone: 'warn', label: 'Not sent: mail is not configured' },
};
