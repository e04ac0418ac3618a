import { useQuery, useZero } from '@rocicorp/zero/solid';
import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import type { ChatContext } from '../../../shared/chat/types.ts';
import { queries } from '../../../sync/queries.ts';
import { TextArea } from '../../components/text-area.tsx';
import { api, errorMessage } from '../../lib/api.ts';
import { loadConfig } from '../../lib/config.ts';
import { useCurrentOrganization } from '../organizations/current-organization.tsx';
import { ChatMessageView } from './chat-message.tsx';

const TITLE_MAX = 80;

/**
 * "Ask about this page": the threads started on this page (shared ones and
 * the person's own), the chosen thread live (an answer grows as the model
 * writes it, for everyone watching), and a question box. Asking goes through
 * REST, which stores the question and the answer; Zero brings both back.
 */
export function ChatPanel(props: { context: ChatContext }) {
  const org = useCurrentOrganization();
  const zero = useZero();
  const [config] = createResource(loadConfig);
  const [threads] = useQuery(() => queries.chat.threads({ orgID: org.orgID }));
  const here = createMemo(() =>
    threads().filter((t) => t.context?.kind === props.context.kind && t.context?.id === props.context.id),
  );
  const [chosen, setChosen] = createSignal<string | null>(null);
  // null: the latest thread of this page; '': a new conversation (started by the first question).
  const threadID = () => chosen() ?? here()[0]?.id ?? '';
  // Without a thread the query names an id no thread has, and gives nothing.
  const [thread] = useQuery(() => queries.chat.thread({ orgID: org.orgID, threadID: threadID() || 'none' }));
  const [question, setQuestion] = createSignal('');
  const [share, setShare] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [error, setError] = createSignal<string>();

  const startThread = async (first: string) => {
    const title = first.length > TITLE_MAX ? `${first.slice(0, TITLE_MAX - 1)}…` : first;
    const created = await api.post<{ id: string }>('/api/chat/threads', { title, shared: share(), context: props.context });
    setChosen(created.id);
    return created.id;
  };

  // The author shares a private thread with the organization, or makes a shared one private again (PATCH, synced back).
  const toggleShared = async (id: string, shared: boolean) => {
    setError(undefined);
    try {
      await api.patch(`/api/chat/threads/${id}`, { shared });
    } catch (err) {
      setError(errorMessage(err));
    }
  };

  const ask = async (e: SubmitEvent) => {
    e.preventDefault();
    const content = question().trim();
    if (!content || busy()) return;
    setBusy(true);
    setError(undefined);
    try {
      const id = threadID() || (await startThread(content));
      setQuestion('');
      // The answer streams back here too, but the thread's rows (through Zero) are what the panel shows.
      await api.post(`/api/chat/threads/${id}/messages`, { content });
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="panel chat-panel" aria-labelledby="chat-title">
      <h2 id="chat-title">Ask about this page</h2>
      <Show
        when={config()?.aiChat !== false}
        fallback={
          <p class="notice-inline">
            AI chat is off (no model is configured). The insights on each KPI page are built from the statistics and work without
            one.
          </p>
        }
      >
        <Show when={here().length > 0}>
          <div class="chat-threads">
            <label class="field-label" for="chat-thread-select">
              Conversation
            </label>
            <select
              id="chat-thread-select"
              class="field-input"
              value={threadID()}
              onChange={(e) => setChosen(e.currentTarget.value)}
            >
              <option value="">New conversation</option>
              <For each={here()}>
                {(t) => (
                  <option value={t.id}>
                    {t.title}
                    {t.shared ? ' (shared)' : ' (private)'}
                  </option>
                )}
              </For>
            </select>
          </div>
        </Show>
        <Show when={thread()?.createdBy === zero().userID ? thread() : undefined}>
          {(t) => (
            <p class="chat-share">
              {t().shared ? 'Shared with the organization.' : 'Only you see this conversation.'}{' '}
              <button type="button" class="button button-secondary" onClick={() => toggleShared(t().id, !t().shared)}>
                {t().shared ? 'Make private' : 'Share with the organization'}
              </button>
            </p>
          )}
        </Show>
        <Show when={thread()}>
          {(t) => (
            <ol class="chat-messages" aria-live="polite" aria-label={`Messages of ${t().title}`}>
              <For each={t().messages}>{(m) => <ChatMessageView message={m} />}</For>
            </ol>
          )}
        </Show>
        <form class="form chat-form" onSubmit={ask} aria-labelledby="chat-title">
          <TextArea
            label="Your question"
            name="question"
            value={question()}
            onChange={setQuestion}
            rows={2}
            placeholder="Why did this drop last week?"
          />
          <Show when={!threadID()}>
            <label class="chat-share">
              <input type="checkbox" checked={share()} onChange={(e) => setShare(e.currentTarget.checked)} />
              Share this conversation with the organization
            </label>
          </Show>
          <Show when={error()}>
            <p role="alert" class="field-error">
              {error()}
            </p>
          </Show>
          <button type="submit" class="button" disabled={busy() || question().trim() === ''}>
            {busy() ? 'Answering…' : 'Ask'}
          </button>
        </form>
      </Show>
    </section>
  );
}
