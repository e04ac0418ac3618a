import { useQuery } from '@rocicorp/zero/solid';
import { createContext, createMemo, type JSX, useContext } from 'solid-js';
import { type Formats, formatsFor } from '../../../shared/formats.ts';
import { formatSettingsOf, timeZoneOf } from '../../../shared/locale.ts';
import { isRole, type Role } from '../../../shared/roles.ts';
import { queries } from '../../../sync/queries.ts';

type OrganizationRows = ReturnType<ReturnType<typeof useOrganizationRows>[0]>;
export type OrganizationRow = OrganizationRows[number];

function useOrganizationRows() {
  return useQuery(() => queries.organizations.mine());
}

export interface CurrentOrganization {
  orgID: string;
  /** Every organization the person belongs to (synced, live). */
  organizations: () => OrganizationRows;
  /** The working organization's row, once synced. */
  organization: () => OrganizationRow | undefined;
  /** The person's role in it (live: a role change applies at once). */
  role: () => Role | undefined;
  /** True once the server has answered, so "not a member" is known for sure. */
  ready: () => boolean;
  /** How the organization writes numbers, money and dates (live: a change in Settings shows at once). */
  formats: () => Formats;
  /** The IANA zone its calendar days are read in ("today" on the shop floor), live like the formats. */
  timeZone: () => string;
}

const Context = createContext<CurrentOrganization>();

/** Inside the Zero provider: which organization we work in and with what role. */
export function CurrentOrganizationProvider(props: { orgID: string; children: JSX.Element }) {
  const [organizations, details] = useOrganizationRows();
  const organization = createMemo(() => organizations().find((o) => o.id === props.orgID));
  const role = createMemo(() => {
    const r = organization()?.members?.role;
    return isRole(r) ? r : undefined;
  });
  // Rebuilt only when the settings change, not on every change to the organization's row.
  const settings = createMemo(() => formatSettingsOf(organization()), undefined, {
    equals: (a, b) => a.locale === b.locale && a.currency === b.currency,
  });
  const formats = createMemo(() => formatsFor(settings()));
  const timeZone = createMemo(() => timeZoneOf(organization()));
  const value: CurrentOrganization = {
    get orgID() {
      return props.orgID;
    },
    organizations,
    organization,
    role,
    ready: () => details().type === 'complete' || organization() !== undefined,
    formats,
    timeZone,
  };
  return <Context.Provider value={value}>{props.children}</Context.Provider>;
}

export function useCurrentOrganization(): CurrentOrganization {
  const value = useContext(Context);
  if (!value) throw new Error('useCurrentOrganization must be used inside CurrentOrganizationProvider');
  return value;
}

/** The working organization's formats, for everything that shows a number, an amount or a date. */
export function useFormats(): () => Formats {
  return useCurrentOrganization().formats;
}
