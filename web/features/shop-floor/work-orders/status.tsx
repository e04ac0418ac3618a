import { STATUS_LABELS, type WorkOrderStatus } from '../../../../shared/shop-floor/work-orders.ts';
import { StatusBadge, type Tone } from '../../../components/status-badge.tsx';

const TONES: Record<WorkOrderStatus, Tone> = {
  ACTIVE: 'good',
  ON_HOLD: 'warn',
  COMPLETED: 'neutral',
  CANCELLED: 'neutral',
  REJECTED: 'bad',
};

/** A work order's (or job's) status as a chip that carries its word. */
export function WorkOrderStatusBadge(props: { status: WorkOrderStatus }) {
  return <StatusBadge tone={TONES[props.status]} label={STATUS_LABELS[props.status]} prefix="Status:" />;
}
