import { organizationMutators } from './organization.ts';

/** The platform's mutator groups ("organization.updateFormats"). */
export const platformMutators = {
  organization: organizationMutators,
};
