import { randomUUID } from 'node:crypto';
import { isStepCount, type LanguageModel, streamText } from 'ai';
import type { Sql } from 'postgres';
import type { ChatSource } from '../../shared/chat/types.ts';
import { withTenant } from '../db/pools.ts';
import { ContentWriter } from './content-writer.ts';
import { chatInstructions, chatMessages } from './prompt.ts';
import { conversation, type FinishedAnswer, finishMessage, insertMessage, type ThreadRow, updateContent } from './store.ts';
import { type Asker, chatTools, recordToolCall, ToolHarvest } from './tools.ts';

/** What the chat runs with: the model (null: chat is off) and the limits (server/env.ts, CHAT_*). */
export interface ChatSettings {
  model: LanguageModel | null;
  messagesPerHour: number;
  maxOutputTokens: number;
  timeoutMs: number;
}

/** Chat without a model: asking answers 503 and points to the statistical insights. */
export const CHAT_OFF: ChatSettings = { model: null, messagesPerHour: 60, maxOutputTokens: 1000, timeoutMs: 60_000 };

export interface ChatDeps {
  /** The app pool (kpi_app): every read and write runs as the asker, under row-level security. */
  appSql: Sql;
  settings: ChatSettings;
  log: (line: string) => void;
}

/** The most model steps (tool rounds and the answer) one question may take. */
export const MAX_STEPS = 5;
/** How often an answer being written is stored, so watchers see it grow. */
export const CONTENT_WRITE_MS = 250;
/** The stored answer is cut here (the column's limit). */
const MAX_CONTENT = 20_000;
/** Sources one answer lists at most. */
const MAX_SOURCES = 20;
export const CHAT_ASK_SOURCE = 'chat:ask';

export interface StartedAnswer {
  questionID: string;
  messageID: string;
  /** The answer's text as the model writes it (then a line saying why, when it failed). */
  text: ReadableStream<string>;
  /** Settles once the answer is stored, whatever became of the response. */
  done: Promise<void>;
}

/** The sources the answer names (by label or id); when it names none, those the tools found. */
function citedSources(text: string, found: readonly ChatSource[]): ChatSource[] {
  const lower = text.toLowerCase();
  const named = found.filter((s) => lower.includes(s.label.toLowerCase()) || text.includes(s.id));
  return (named.length > 0 ? named : found).slice(0, MAX_SOURCES);
}

/** Why an answer failed, in words a person can act on. */
function failureOf(err: unknown, deadline: AbortSignal, settings: ChatSettings): string {
  if (deadline.aborted) {
    return `The model took longer than ${Math.round(settings.timeoutMs / 1000)} seconds (CHAT_TIMEOUT_MS) and was stopped. Try again, or ask a narrower question.`;
  }
  return `The model failed (${(err as Error)?.name ?? 'Error'}). Try again in a moment; the statistical insights on each KPI page work without it.`;
}

/**
 * Stores the question and an empty answer (status streaming) in `thread`,
 * then has the model answer through the chat's tools, as `asker`: the text
 * streams out and into the answer's row as it grows, and the row ends
 * complete with its sources and proposals, or failed with the reason. The
 * answer carries on if the caller stops reading (teammates may be watching).
 */
export async function startAnswer(deps: ChatDeps, user: { userID: string; orgID: string }, thread: ThreadRow, question: string) {
  const { appSql, settings, log } = deps;
  const model = settings.model;
  if (!model) throw new Error('startAnswer needs a model; the route answers 503 without one.');
  const tenant = { userID: user.userID, orgID: user.orgID, source: CHAT_ASK_SOURCE };
  const questionID = randomUUID();
  const messageID = randomUUID();
  const history = await withTenant(appSql, tenant, async (tx) => {
    const earlier = await conversation(tx, user.orgID, thread.id);
    const base = { orgID: user.orgID, threadID: thread.id, userID: user.userID };
    await insertMessage(tx, { ...base, id: questionID, role: 'user', content: question, status: 'complete' });
    await insertMessage(tx, { ...base, id: messageID, role: 'assistant', content: '', status: 'streaming' });
    return earlier;
  });

  let reading = true;
  let out!: ReadableStreamDefaultController<string>;
  const text = new ReadableStream<string>({
    start: (c) => {
      out = c;
    },
    cancel: () => {
      reading = false;
    },
  });
  const emit = (chunk: string) => {
    if (reading) out.enqueue(chunk);
  };

  const asker: Asker = { ...user, threadID: thread.id, messageID };
  const store = (fn: (tx: Parameters<Parameters<typeof withTenant>[2]>[0]) => Promise<void>) => withTenant(appSql, tenant, fn);
  const writer = new ContentWriter((c) => store((tx) => updateContent(tx, user.orgID, messageID, c)), CONTENT_WRITE_MS, log);

  const run = async (): Promise<FinishedAnswer> => {
    const harvest = new ToolHarvest();
    const deadline = AbortSignal.timeout(settings.timeoutMs);
    let content = '';
    let failure: string | null = null;
    try {
      const result = streamText({
        model,
        instructions: chatInstructions(thread.context, new Date()),
        messages: chatMessages(history, question),
        tools: chatTools(appSql, asker, harvest),
        stopWhen: isStepCount(MAX_STEPS),
        maxOutputTokens: settings.maxOutputTokens,
        maxRetries: 1,
        abortSignal: deadline,
        onError: () => {},
      });
      for await (const part of result.fullStream) {
        if (part.type === 'text-delta') {
          content = (content + part.text).slice(0, MAX_CONTENT);
          emit(part.text);
          writer.update(content);
        } else if (part.type === 'tool-error' && !harvest.recorded.has(part.toolCallId)) {
          // A call the SDK refused before our tool ran (unknown tool, input that is not JSON), or a read that broke.
          const error = String((part.error as Error)?.message ?? part.error).slice(0, 500);
          await recordToolCall(
            appSql,
            asker,
            { callID: part.toolCallId, tool: part.toolName, input: part.input, ok: false, rows: 0, error },
            harvest,
          );
        } else if (part.type === 'error') {
          failure = failureOf(part.error, deadline, settings);
          log(`[chat] message ${messageID}: ${String((part.error as Error)?.stack ?? part.error)}`);
        } else if (part.type === 'abort') {
          failure = failureOf(null, deadline, settings);
        } else if (part.type === 'finish' && part.finishReason === 'length') {
          failure = `The answer reached the limit of ${settings.maxOutputTokens} tokens per answer (CHAT_MAX_OUTPUT_TOKENS) and was cut short. Ask a narrower question.`;
        }
      }
    } catch (err) {
      failure = failureOf(err, deadline, settings);
      log(`[chat] message ${messageID}: ${(err as Error)?.stack ?? err}`);
    }
    if (!failure && content.trim() === '') {
      failure =
        harvest.failures.length > 0
          ? `The model wrote no answer; its tool calls failed: ${harvest.failures.join('; ')}`.slice(0, 1000)
          : 'The model wrote no answer. Try asking again, in other words.';
    }
    return {
      content,
      status: failure ? 'failed' : 'complete',
      error: failure,
      sources: failure ? [] : citedSources(content, harvest.sources),
      proposals: failure ? [] : harvest.proposals,
    };
  };

  const done = (async () => {
    let answer: FinishedAnswer;
    try {
      answer = await run();
    } catch (err) {
      log(`[chat] message ${messageID}: ${(err as Error)?.stack ?? err}`);
      answer = {
        content: '',
        status: 'failed',
        error: 'The answer could not be completed. Try again.',
        sources: [],
        proposals: [],
      };
    }
    await writer.settle();
    try {
      await store((tx) => finishMessage(tx, user.orgID, messageID, answer));
    } catch (err) {
      log(`[chat] could not store message ${messageID}: ${(err as Error).message}`);
    }
    if (answer.error) emit(`${answer.content ? '\n\n' : ''}[${answer.error}]`);
    if (reading) out.close();
  })();
  return { questionID, messageID, text, done } satisfies StartedAnswer;
}
