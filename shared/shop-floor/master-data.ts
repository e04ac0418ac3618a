import { z } from 'zod';
import { shiftFields, shiftRules } from './shifts.ts';

/**
 * Field rules for the shop floor's master data, shared by the forms, the
 * mutators and the REST API (limits mirrored by 016_sf_master_data.sql).
 * Names and codes are unique per organization; the mutators check that,
 * since only they see the other rows.
 */
export const MASTER_NAME_MAX = 100;
export const CODE_MAX = 40;
/** A day: no product takes longer per piece on a line that is measured per shift. */
export const CYCLE_SECONDS_MAX = 86_400;

/** Required short text, trimmed; the message names the field. */
export const requiredText = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);

const name = requiredText('Name', MASTER_NAME_MAX);
const code = requiredText('Code', CODE_MAX);

/**
 * Seconds one piece takes at the line's ideal speed. Through the app and
 * REST a product always has one (required on create, never cleared): the
 * column is nullable only for rows made elsewhere (the demo's product
 * without one), whose cycle time the KPI inference chain will infer.
 */
export const idealCycleSeconds = z
  .number({ error: 'Ideal cycle time must be a number of seconds' })
  .refine(Number.isFinite, 'Ideal cycle time must be a number of seconds')
  .refine((s) => s > 0, 'Ideal cycle time must be more than 0 seconds')
  .refine((s) => s <= CYCLE_SECONDS_MAX, `Ideal cycle time must be at most ${CYCLE_SECONDS_MAX} seconds (a day)`);

const codeAndName = { code, name };

/**
 * Each master data object: its fields' rules, the rules across fields (a
 * shift's breaks inside its hours), the field that must be unique in the
 * organization, and its noun in messages.
 */
export const MASTER_DATA = {
  line: { fields: { name }, unique: 'name', noun: 'line' },
  product: { fields: { ...codeAndName, idealCycleSeconds }, unique: 'code', noun: 'product' },
  shift: { fields: shiftFields, rules: shiftRules, unique: 'name', noun: 'shift' },
  employee: { fields: codeAndName, unique: 'code', noun: 'employee' },
  downtimeReason: {
    fields: { ...codeAndName, planned: z.boolean({ error: 'Planned must be true or false' }) },
    unique: 'code',
    noun: 'downtime reason',
  },
  defectType: { fields: codeAndName, unique: 'code', noun: 'defect type' },
} as const;

export type MasterDataKind = keyof typeof MASTER_DATA;
export const MASTER_DATA_KINDS = Object.keys(MASTER_DATA) as MasterDataKind[];
type Fields<K extends MasterDataKind> = (typeof MASTER_DATA)[K]['fields'];
export type MasterDataInput<K extends MasterDataKind> = z.output<z.ZodObject<Fields<K>>>;

/** The rules for a new row of `kind`: every field, and the rules across fields. */
export function masterDataInput<K extends MasterDataKind>(kind: K): z.ZodType<MasterDataInput<K>> {
  const spec = MASTER_DATA[kind];
  const object = z.object(spec.fields as Fields<K>);
  return ('rules' in spec ? object.superRefine(spec.rules as never) : object) as z.ZodType<MasterDataInput<K>>;
}

/** The rules for an edit: any subset of the fields (rules across fields are checked on the row as it would be). */
export const masterDataPatch = <K extends MasterDataKind>(kind: K) =>
  z.object(MASTER_DATA[kind].fields as Fields<K>).partial() as unknown as z.ZodType<Partial<MasterDataInput<K>>>;

export const shiftInput = masterDataInput('shift');

/** The message for a name or code another row of the organization already has (archived rows count). */
export function takenMessage(kind: MasterDataKind, value: string): string {
  const { unique, noun } = MASTER_DATA[kind];
  return `A ${noun} with the ${unique} “${value}” already exists (it may be archived): choose another ${unique}`;
}
