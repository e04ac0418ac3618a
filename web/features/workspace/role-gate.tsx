import { createSignal, type JSX, Show } from 'solid-js';
import { ROLE_LABELS } from '../../../shared/roles.ts';
import { trackHold, type WriteAccess, WriteAccessContext } from '../../lib/write-access.ts';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';
import { ReadOnlyNote } from './read-only-note.tsx';

export interface RoleGateProps {
  /** The person's role allows what is inside (live: `can(org.role(), ...)`). */
  allowed: boolean;
  /** What the role allowed, to finish "you can no longer …": "edit KPIs", "add data points". */
  action: string;
  children: JSX.Element;
}

/** The sentence a form shows when the person's role no longer lets it save. */
export function roleLostMessage(roleLabel: string | undefined, action: string): string {
  const changed = roleLabel ? `Your role changed to ${roleLabel.toLowerCase()}` : 'Your role changed';
  return `${changed}: you can no longer ${action}. Your text is kept here.`;
}

/**
 * Shows what a role allows, like `<Show when={allowed}>`, with one
 * difference: when the role is taken away (an admin demotes the person,
 * live) while a form inside is in use (typed into, or its dialog open), that
 * form stays, with its text, says why it cannot be saved, and refuses to
 * submit (lib/form-state.ts and lib/form-submit.ts read the gate). Once it
 * is no longer in use, it goes. The server refuses the write regardless.
 */
export function RoleGate(props: RoleGateProps) {
  const org = useCurrentOrganization();
  const [holds, setHolds] = createSignal<ReadonlySet<object>>(new Set());
  const set = (token: object, inUse: boolean) =>
    setHolds((current) => {
      if (current.has(token) === inUse) return current;
      const next = new Set(current);
      if (inUse) next.add(token);
      else next.delete(token);
      return next;
    });
  const access: WriteAccess = {
    lost: () => {
      if (props.allowed) return undefined;
      const role = org.role();
      return roleLostMessage(role ? ROLE_LABELS[role] : undefined, props.action);
    },
    holdWhile: (inUse) => trackHold(set, inUse),
  };
  return (
    <Show when={props.allowed || holds().size > 0}>
      <WriteAccessContext.Provider value={access}>{props.children}</WriteAccessContext.Provider>
    </Show>
  );
}

/**
 * A page's one action (a "New …" dialog) for the roles it allows, and for
 * the others the read-only note where it would be.
 */
export function PageAction(props: RoleGateProps) {
  return (
    <>
      <RoleGate allowed={props.allowed} action={props.action}>
        {props.children}
      </RoleGate>
      <Show when={!props.allowed}>
        <ReadOnlyNote />
      </Show>
    </>
  );
}
