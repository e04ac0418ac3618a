import { attendanceEntryMutators, downtimeEntryMutators, productionEntryMutators, qualityEntryMutators } from './entries.ts';
import { jobMutators } from './jobs.ts';
import {
  defectTypeMutators,
  downtimeReasonMutators,
  employeeMutators,
  lineMutators,
  productMutators,
  shiftMutators,
} from './master-data.ts';
import { rollupRecomputeMutators } from './recompute.ts';
import { workOrderMutators } from './work-orders.ts';

/** The shop-floor pack's mutator groups, spread into the registry (sync/mutators.ts). */
export const shopFloorMutators = {
  line: lineMutators,
  product: productMutators,
  shift: shiftMutators,
  employee: employeeMutators,
  downtimeReason: downtimeReasonMutators,
  defectType: defectTypeMutators,
  workOrder: workOrderMutators,
  job: jobMutators,
  productionEntry: productionEntryMutators,
  qualityEntry: qualityEntryMutators,
  downtimeEntry: downtimeEntryMutators,
  attendanceEntry: attendanceEntryMutators,
  rollupRecompute: rollupRecomputeMutators,
};
