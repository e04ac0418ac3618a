import { describe, expect, test } from 'vitest';
import type { z } from 'zod';
import { CALCULATE_EXAMPLE, KpiCalculateSchema } from '../../../server/rest/shop-floor-kpi/schemas.ts';
import { kpiCalculateInput } from '../../../shared/shop-floor/calculate-input.ts';
import { calc } from './calc.ts';

type Def = { type: string; innerType?: z.ZodType; in?: z.ZodType; shape?: Record<string, z.ZodType>; element?: z.ZodType };
const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'nonoptional']);

/**
 * A schema's fields as a tree: each key with "?" when it may be left out and
 * "|null" when it takes null, lists as "[]", leaves by their JSON type.
 */
function fields(schema: z.ZodType): unknown {
  let def = schema._zod.def as unknown as Def;
  while (WRAPPERS.has(def.type) || def.type === 'pipe') def = ((def.innerType ?? def.in) as z.ZodType)._zod.def as unknown as Def;
  if (def.type === 'array') return [fields(def.element as z.ZodType)];
  if (def.type === 'object') {
    return Object.fromEntries(
      Object.entries(def.shape ?? {}).map(([key, child]) => {
        const mark = `${child.safeParse(undefined).success ? '?' : ''}${child.safeParse(null).success ? '|null' : ''}`;
        return [`${key}${mark}`, fields(child)];
      }),
    );
  }
  return def.type === 'enum' ? 'string' : def.type;
}

describe('the documented request and the shared rules', () => {
  test('name the same fields, with the same types, optional and nullable alike', () => {
    expect(fields(KpiCalculateSchema)).toEqual(fields(kpiCalculateInput));
    expect(fields(KpiCalculateSchema)).toMatchObject({
      'production?': [{ plannedMinutes: 'number', 'idealCycleSeconds?|null': 'number' }],
    });
  });

  test('the documented example passes both and uses each kind of inference', () => {
    expect(KpiCalculateSchema.safeParse(CALCULATE_EXAMPLE).success).toBe(true);
    const r = calc(CALCULATE_EXAMPLE);
    expect(Object.keys(r)).toEqual(CALCULATE_EXAMPLE.kpis);
    expect(Object.values(r).every((k) => k.value !== null)).toBe(true);
    expect(r.efficiency.inferred.map((i) => i.source)).toEqual(['product', 'product', 'history']);
    expect(r.dpmo.inferred.map((i) => i.source)).toEqual(['default']);
  });
});
