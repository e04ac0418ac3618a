import { z } from 'zod';
import { PLAYBOOK_IDS, RACI_ROLES } from './builtins.ts';

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} is required` })
    .trim()
    .min(1, `${label} is required`)
    .max(max, `${label} must be at most ${max} characters`);
const role = z.enum(RACI_ROLES, { error: `A RACI role must be one of ${RACI_ROLES.join(', ')}` });

/** A step of an organization's playbook copy, as edited. */
export const copyStepInput = z.object({
  key: text('key', 60),
  title: text('title', 500),
  dueDay: z.number({ error: 'dueDay must be a number of days' }).int('dueDay must be whole days').min(0).max(365),
  raci: z.object({ responsible: role, accountable: role, consulted: z.array(role).max(6), informed: z.array(role).max(6) }),
});

/** An organization's copy of a playbook: every field of an edit, each named when refused. */
export const playbookCopyPatch = z
  .object({
    name: text('name', 200),
    durationDays: z
      .number({ error: 'durationDays must be a number of days' })
      .int('durationDays must be whole days')
      .min(1, 'durationDays must be at least 1')
      .max(365, 'durationDays must be at most 365'),
    steps: z.array(copyStepInput).min(1, 'A playbook needs at least one step').max(50, 'At most 50 steps'),
    exitCriteria: z.array(text('An exit criterion', 500)).max(50, 'At most 50 exit criteria'),
  })
  .partial()
  .superRefine((p, ctx) => {
    const keys = new Set<string>();
    p.steps?.forEach((s, i) => {
      if (keys.has(s.key))
        ctx.addIssue({ code: 'custom', path: ['steps', i, 'key'], message: `Two steps share the key “${s.key}”` });
      keys.add(s.key);
    });
  });

export const sourcePlaybookInput = z.enum(PLAYBOOK_IDS, { error: `playbookId must be one of ${PLAYBOOK_IDS.join(', ')}` });
