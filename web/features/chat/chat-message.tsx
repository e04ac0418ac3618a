import { A } from '@solidjs/router';
import { createSignal, For, Show } from 'solid-js';
import type { ChatProposal, ChatSource } from '../../../shared/chat/types.ts';
import { mutators } from '../../../sync/mutators.ts';
import type { ChatMessage } from '../../../sync/schema.ts';
import { useFormats } from '../organizations/current-organization.tsx';
import { mutate } from '../sync/mutate.ts';

/** Where a source's page is; entries have none of their own (they show on the line dashboard). */
function sourceHref(s: ChatSource): string | null {
  switch (s.type) {
    case 'kpi':
      return `/kpis/${s.id}`;
    case 'account':
      return `/accounts/${s.id}`;
    case 'line':
    case 'entry':
      return '/shop-floor';
    default:
      return null;
  }
}

/** A proposed data point: nothing is written until the person confirms, which runs the ordinary mutator as them. */
function Proposal(props: { proposal: ChatProposal }) {
  const fmt = useFormats();
  const [state, setState] = createSignal<{ busy?: boolean; done?: string; error?: string }>({});
  const confirm = async () => {
    setState({ busy: true });
    const p = props.proposal;
    const outcome = await mutate(
      mutators.dataPoint.add({
        id: crypto.randomUUID(),
        kpiID: p.kpiID,
        value: p.value,
        recordedAt: p.recordedAt,
        ...(p.note ? { note: p.note } : {}),
      }),
    );
    if (outcome.status === 'rejected') setState({ error: outcome.message });
    else setState({ done: outcome.status === 'saved' ? 'Data point added.' : 'Saved on this device, waiting to sync.' });
  };
  return (
    <li class="chat-proposal">
      <span>
        Add {props.proposal.value} to {props.proposal.kpiName} on {fmt().dateTime(props.proposal.recordedAt)}
        {props.proposal.note ? ` (“${props.proposal.note}”)` : ''}
      </span>
      <Show
        when={state().done}
        fallback={
          <button type="button" class="button button-small" disabled={state().busy} onClick={confirm}>
            Add this data point
          </button>
        }
      >
        <span role="status">{state().done}</span>
      </Show>
      <Show when={state().error}>
        <span role="alert" class="field-error">
          {state().error}
        </span>
      </Show>
    </li>
  );
}

/** One message of a thread: the question, or the answer as far as it is written, with its sources and proposals. */
export function ChatMessageView(props: { message: ChatMessage & { author?: { name: string } | undefined } }) {
  const m = () => props.message;
  return (
    <li class={`chat-message chat-message-${m().role}`} aria-busy={m().status === 'streaming'}>
      <p class="chat-message-who">{m().role === 'user' ? (m().author?.name ?? 'Someone') : 'Assistant'}</p>
      <Show when={m().content}>
        <p class="chat-message-text">{m().content}</p>
      </Show>
      <Show when={m().status === 'streaming'}>
        <p class="panel-hint">Writing…</p>
      </Show>
      <Show when={m().status === 'failed'}>
        <p role="alert" class="notice-inline">
          {m().error ?? 'The answer failed.'}
        </p>
      </Show>
      <Show when={m().sources.length > 0}>
        <ul class="chat-sources" aria-label="Sources">
          <For each={m().sources}>
            {(s) => (
              <li>
                <Show when={sourceHref(s)} fallback={<span>{s.label}</span>}>
                  {(href) => <A href={href()}>{s.label}</A>}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={m().proposals.length > 0}>
        <ul class="chat-proposals" aria-label="Proposed changes">
          <For each={m().proposals}>{(p) => <Proposal proposal={p} />}</For>
        </ul>
      </Show>
    </li>
  );
}
