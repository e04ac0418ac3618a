import { z } from 'zod';

export const SLUG_MAX = 48;

/** "Acme Corp. (EU)" -> "acme-corp-eu" */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, SLUG_MAX)
    .replace(/-+$/g, '');
}

export const organizationInput = z.object({
  name: z.string().trim().min(1, 'Enter a name for the organization').max(100, 'Name must be at most 100 characters'),
  slug: z
    .string()
    .trim()
    .min(2, 'Slug must be at least 2 characters')
    .max(SLUG_MAX, `Slug must be at most ${SLUG_MAX} characters`)
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'Use lowercase letters, digits and single dashes'),
});
