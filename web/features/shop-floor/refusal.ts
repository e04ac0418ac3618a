import type { SubmitFailure } from '../../lib/form-submit.ts';
import { issueFieldErrors } from '../../lib/forms.ts';
import type { WriteOutcome } from '../sync/mutate.ts';

/**
 * A write's refusal as a form shows it: each issue next to the field it
 * names, what names no field above the form (or the server's message when
 * no field is named). Undefined when the write went through or waits to sync.
 */
export function refusalOf<K extends string>(outcome: WriteOutcome, fields: readonly K[]): SubmitFailure<K> | undefined {
  if (outcome.status !== 'rejected') return undefined;
  const mapped = issueFieldErrors(outcome.issues, fields);
  if (Object.keys(mapped.fields).length === 0) return { message: outcome.message };
  return { fields: mapped.fields, message: mapped.other.join(' ') || undefined };
}
