/** The shop-floor KPIs by their API names, each with its unit: percentages are 0-100, MTBF and MTTR are hours. */
export const KPI_UNITS = {
  availability: '%',
  performance: '%',
  quality: '%',
  oee: '%',
  efficiency: '%',
  technicalEfficiency: '%',
  scrapRatio: '%',
  reworkRatio: '%',
  fpy: '%',
  rty: '%',
  ppm: 'ppm',
  dpmo: 'dpmo',
  otd: '%',
  absenteeism: '%',
  mtbf: 'h',
  mttr: 'h',
} as const;

export type KpiName = keyof typeof KPI_UNITS;
export type KpiUnit = (typeof KPI_UNITS)[KpiName];
export const KPI_NAMES = Object.keys(KPI_UNITS) as [KpiName, ...KpiName[]];
export const KPI_UNIT_NAMES = [...new Set(Object.values(KPI_UNITS))] as [KpiUnit, ...KpiUnit[]];
