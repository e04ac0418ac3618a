import { z } from 'zod';

/** Field rules for a KPI, shared by the form, the mutators and the REST API. */
export const KPI_NAME_MAX = 100;
export const KPI_UNIT_MAX = 20;

const finite = (label: string) =>
  z.number({ error: `${label} must be a number` }).refine(Number.isFinite, `${label} must be a finite number`);

export const kpiFields = {
  name: z
    .string({ error: 'Name is required' })
    .trim()
    .min(1, 'Name is required')
    .max(KPI_NAME_MAX, `Name must be at most ${KPI_NAME_MAX} characters`),
  unit: z.string({ error: 'Unit must be text' }).trim().max(KPI_UNIT_MAX, `Unit must be at most ${KPI_UNIT_MAX} characters`),
  target: finite('Target').refine((n) => n > 0, 'Target must be a positive number'),
};

export const kpiInput = z.object(kpiFields);
export type KpiInput = z.infer<typeof kpiInput>;

export const dataPointFields = {
  value: finite('Value'),
};
export const dataPointInput = z.object(dataPointFields);
export type DataPointInput = z.infer<typeof dataPointInput>;

/**
 * Progress towards the target, 0..1 (capped), for a higher-is-better KPI.
 * Null when there is no value yet.
 */
export function kpiProgress(current: number | null | undefined, target: number): number | null {
  if (current === null || current === undefined || !Number.isFinite(current)) return null;
  if (!(target > 0)) return null;
  return Math.min(1, Math.max(0, current / target));
}
