/**
 * An NPS-like reference range, higher is better: a value v scores 0-50 in
 * critical (-100..0), 50-75 in risk (0..30), 75-100 in healthy (30..100);
 * 15 scores 62.5, 100 scores 100, -50 scores 25.
 */
export const NPS_RANGE = {
  unit: '',
  higherIsBetter: true,
  critical: { min: -100, max: 0 },
  risk: { min: 0, max: 30 },
  healthy: { min: 30, max: 100 },
};
