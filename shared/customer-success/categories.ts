/**
 * The five health categories a KPI may count towards (issue 9; the
 * categories of seed 002). A KPI without one counts towards no account health.
 */
export const HEALTH_CATEGORIES = [
  'Relationship Strength',
  'Adoption & Engagement',
  'Support & Experience',
  'Product Value',
  'Business Outcomes',
] as const;
export type HealthCategory = (typeof HEALTH_CATEGORIES)[number];

export function isHealthCategory(value: unknown): value is HealthCategory {
  return typeof value === 'string' && (HEALTH_CATEGORIES as readonly string[]).includes(value);
}
