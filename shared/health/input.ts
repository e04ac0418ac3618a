import { z } from 'zod';
import { boundedNumber } from '../numbers.ts';
import { referenceRangeInput } from './ranges.ts';

export const HEALTH_NAME_MAX = 100;
export const HEALTH_KPIS_MAX = 5000;

const weight = (label: string) => boundedNumber(label).min(0, `${label} cannot be negative`);
const name = (label: string) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(HEALTH_NAME_MAX, `${label} must be at most ${HEALTH_NAME_MAX} characters`);

/**
 * What health scoring takes (POST /api/health/calculate, and the stored
 * health job): category weights, and KPIs each in one of those categories,
 * with a value or null, a weight (default 1) and a range whose bands tile, or
 * null. Every refusal names its field.
 */
export const healthInput = z
  .object({
    categoryWeights: z
      .record(name('A category name'), weight('A category weight'), { error: 'categoryWeights must be an object of weights' })
      .refine((w) => Object.keys(w).length > 0, 'categoryWeights needs at least one category'),
    kpis: z
      .array(
        z.object({
          name: name('name'),
          category: name('category'),
          value: boundedNumber('value').nullable(),
          weight: weight('weight').optional(),
          range: referenceRangeInput.nullable(),
        }),
      )
      .max(HEALTH_KPIS_MAX, `At most ${HEALTH_KPIS_MAX} KPIs at once`),
  })
  .superRefine((d, ctx) => {
    const known = Object.keys(d.categoryWeights);
    d.kpis.forEach((k, i) => {
      if (!Object.hasOwn(d.categoryWeights, k.category)) {
        ctx.addIssue({
          code: 'custom',
          path: ['kpis', i, 'category'],
          message: `Category “${k.category}” has no weight in categoryWeights (${known.join(', ')})`,
        });
      }
    });
  });
export type HealthRequest = z.infer<typeof healthInput>;
