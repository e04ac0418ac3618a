import { z } from 'zod';
import { HEALTH_CATEGORIES, type HealthCategory, isHealthCategory } from '../customer-success/categories.ts';
import { boundedNumber } from '../numbers.ts';

/**
 * The health categories and their default weights (seed 002): an
 * organization's admins change the weights; the categories are the pack's.
 */
export const DEFAULT_CATEGORY_WEIGHTS: Readonly<Record<HealthCategory, number>> = {
  'Relationship Strength': 0.2,
  'Adoption & Engagement': 0.25,
  'Support & Experience': 0.2,
  'Product Value': 0.2,
  'Business Outcomes': 0.15,
};
export { HEALTH_CATEGORIES, type HealthCategory, isHealthCategory };

/** An organization's weights: one for each category, none negative, not all zero. */
export const categoryWeightsInput = z
  .record(z.string(), boundedNumber('A category weight').min(0, 'A category weight cannot be negative'), {
    error: 'categoryWeights must be an object of weights',
  })
  .superRefine((w, ctx) => {
    for (const name of Object.keys(w)) {
      if (!isHealthCategory(name)) {
        ctx.addIssue({
          code: 'custom',
          path: [name],
          message: `Unknown category “${name}” (one of ${HEALTH_CATEGORIES.join(', ')})`,
        });
      }
    }
    for (const name of HEALTH_CATEGORIES) {
      if (!Object.hasOwn(w, name)) ctx.addIssue({ code: 'custom', path: [name], message: `A weight for “${name}” is required` });
    }
    if (Object.values(w).every((x) => x === 0))
      ctx.addIssue({ code: 'custom', path: [], message: 'At least one weight must be above 0' });
  });
