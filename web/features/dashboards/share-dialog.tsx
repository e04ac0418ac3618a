import { Button } from '@kobalte/core/button';
import { useQuery } from '@rocicorp/zero/solid';
import { createSignal, Show } from 'solid-js';
import { queries } from '../../../sync/queries.ts';
import { CopyField } from '../../components/copy-field.tsx';
import { FormError } from '../../components/form-error.tsx';
import { Modal } from '../../components/modal.tsx';
import { TextInput } from '../../components/text-input.tsx';
import { api, errorMessage } from '../../lib/api.ts';
import { useFormats } from '../organizations/current-organization.tsx';

interface NewLink {
  url: string;
  expiresAt: string | null;
}

/**
 * Admins make a read-only link for a wall screen (no sign-in, this dashboard
 * only, live) with an optional expiry, and revoke every link of the
 * dashboard at once. The URL is shown once: only a hash of its secret is kept.
 */
export function ShareDialog(props: {
  orgID: string;
  dashboardID: string;
  /** The labels of its widget types a link cannot show (WidgetRenderer.needsSignIn): said before a link is made. */
  signInOnly?: readonly string[];
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const [links] = useQuery(() => queries.dashboards.shares({ orgID: props.orgID, dashboardID: props.dashboardID }));
  const [expires, setExpires] = createSignal('');
  const [made, setMade] = createSignal<NewLink>();
  const fmt = useFormats();
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);

  const create = async () => {
    setBusy(true);
    setError(undefined);
    try {
      const body = expires() ? { expiresAt: new Date(expires()).toISOString() } : {};
      setMade(await api.post<NewLink>(`/api/dashboards/${props.dashboardID}/share`, body));
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };
  const revoke = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.delete(`/api/dashboards/${props.dashboardID}/share`);
      setMade(undefined);
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={props.open}
      onOpenChange={(open) => {
        if (!open) setMade(undefined);
        props.onOpenChange(open);
      }}
      title="Share on a wall screen"
      description="A read-only link that opens this dashboard live, without signing in. It shows this dashboard and nothing else."
    >
      <div class="form share-dialog">
        <Show when={props.signInOnly?.length}>
          <p class="field-hint">
            On a shared screen, {props.signInOnly?.join(' and ')} widgets show a notice instead: a link reads this dashboard’s
            KPIs only.
          </p>
        </Show>
        <Show
          when={made()}
          fallback={
            <>
              <TextInput
                label="Expires (optional)"
                name="expiresAt"
                type="datetime-local"
                value={expires()}
                onChange={setExpires}
                description="Leave empty for a link that works until you revoke it."
              />
              <Button class="button button-primary" disabled={busy()} onClick={() => void create()}>
                Create link
              </Button>
            </>
          }
        >
          {(link) => (
            <>
              <CopyField label="Wall screen link (shown once)" value={link().url} buttonLabel="Copy link" />
              <p class="field-hint">
                {link().expiresAt ? `Works until ${fmt().dateTime(Date.parse(link().expiresAt!))}.` : 'Works until revoked.'}
              </p>
            </>
          )}
        </Show>
        <Show when={links().length > 0}>
          <p>
            {links().length === 1 ? 'One link is' : `${links().length} links are`} live for this dashboard.{' '}
            <Button class="button button-danger button-small" disabled={busy()} onClick={() => void revoke()}>
              Revoke all links
            </Button>
          </p>
        </Show>
        <FormError message={error()} />
      </div>
    </Modal>
  );
}
