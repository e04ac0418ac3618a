import { setTimeout as sleep } from 'node:timers/promises';
import { MockLanguageModelV4 } from 'ai/test';

// The provider interface's types, through the mock (the provider package is not a dependency of ours).
type LanguageModelV4StreamPart =
  Awaited<ReturnType<MockLanguageModelV4['doStream']>>['stream'] extends ReadableStream<infer P> ? P : never;
type Prompt = Parameters<MockLanguageModelV4['doStream']>[0]['prompt'];

/**
 * The chat's model in the test stack: the AI SDK's mock model, scripted by
 * markers in the last question, so each test picks a behaviour while the
 * real server runs the real chat code around it.
 *
 * - `[tool:NAME]` or `[tool:NAME {json input}]`: calls that tool, then
 *   answers with what it returned (KPI names and values for listKpis, the
 *   error when the tool refused).
 * - `[garbage-args]`: calls kpiHistory with arguments that fit no schema.
 * - `[fail]`: the model call throws.
 * - `[slow]`: writes SLOW_CHUNKS words, SLOW_DELAY_MS apart.
 * - `[long]`: stops at the token limit.
 * - `[hang]`: writes a word, then nothing until the call is aborted.
 * - anything else: repeats the question.
 */

export const SLOW_CHUNKS = 40;
export const SLOW_DELAY_MS = 60;
export const MOCK_FAILURE = 'mock upstream unavailable';

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 },
  outputTokens: { total: 10, text: 10, reasoning: 0 },
};

function textOf(content: unknown): string {
  if (typeof content === 'string') return content;
  if (!Array.isArray(content)) return '';
  return content.map((p: { type: string; text?: string }) => (p.type === 'text' ? (p.text ?? '') : '')).join('');
}

/** The last question, and the tool results given since it (the second step of a tool call). */
function turn(prompt: Prompt) {
  const lastUser = prompt.map((m) => m.role).lastIndexOf('user');
  const question = textOf(prompt[lastUser]?.content);
  const results = prompt
    .slice(lastUser + 1)
    .filter((m) => m.role === 'tool')
    .flatMap((m) => m.content as { type: string; toolName: string; output: { type: string; value: unknown } }[])
    .filter((p) => p.type === 'tool-result');
  return { question, results };
}

function stream(parts: LanguageModelV4StreamPart[], delayMs = 0): ReadableStream<LanguageModelV4StreamPart> {
  let i = 0;
  return new ReadableStream({
    async pull(controller) {
      if (i >= parts.length) return controller.close();
      if (delayMs > 0 && parts[i]?.type === 'text-delta') await sleep(delayMs);
      controller.enqueue(parts[i++] as LanguageModelV4StreamPart);
    },
  });
}

/** A word, then silence until `signal` aborts the call (as a provider's stream ends when its request is aborted). */
function hanging(signal: AbortSignal | undefined): ReadableStream<LanguageModelV4StreamPart> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue({ type: 'stream-start', warnings: [] });
      controller.enqueue({ type: 'text-start', id: 't' });
      controller.enqueue({ type: 'text-delta', id: 't', delta: 'Thinking' });
      signal?.addEventListener('abort', () => controller.error(signal.reason), { once: true });
    },
  });
}

function textParts(chunks: string[], finish: 'stop' | 'length' = 'stop'): LanguageModelV4StreamPart[] {
  return [
    { type: 'stream-start', warnings: [] },
    { type: 'text-start', id: 't' },
    ...chunks.map((delta): LanguageModelV4StreamPart => ({ type: 'text-delta', id: 't', delta })),
    { type: 'text-end', id: 't' },
    { type: 'finish', finishReason: { unified: finish, raw: finish }, usage },
  ];
}

function toolCall(toolName: string, input: string): LanguageModelV4StreamPart[] {
  return [
    { type: 'stream-start', warnings: [] },
    { type: 'tool-call', toolCallId: `call-${Math.random().toString(36).slice(2)}`, toolName, input },
    { type: 'finish', finishReason: { unified: 'tool-calls', raw: 'tool_calls' }, usage },
  ];
}

/** What the scripted model says about a tool's result. */
function describeResult(toolName: string, output: { type: string; value: unknown }): string {
  const value = output.value as Record<string, unknown> | string | null;
  if (output.type.startsWith('error'))
    return `The tool ${toolName} failed: ${typeof value === 'string' ? value : JSON.stringify(value)}`;
  if (value && typeof value === 'object' && 'error' in value) return `The tool ${toolName} failed: ${String(value.error)}`;
  if (toolName === 'listKpis' && value && typeof value === 'object') {
    const kpis = (value.kpis ?? []) as { name: string; currentValue: number | null; target: number }[];
    return `Your KPIs: ${kpis.map((k) => `${k.name} is at ${k.currentValue} (target ${k.target})`).join('; ')}.`;
  }
  return `${toolName} says: ${JSON.stringify(value).slice(0, 3000)}`;
}

/** A fresh scripted model (its calls are kept on the instance, as MockLanguageModelV4 does). */
export function scriptedChatModel() {
  return new MockLanguageModelV4({
    modelId: 'mock-chat',
    doStream: async (options) => {
      const { question, results } = turn(options.prompt);
      if (question.includes('[fail]')) throw new Error(MOCK_FAILURE);
      if (results.length > 0) {
        return { stream: stream(textParts(results.map((r) => describeResult(r.toolName, r.output)))) };
      }
      const call = /\[tool:(\w+)(?:\s+(\{.*?\}))?\]/.exec(question);
      if (call) return { stream: stream(toolCall(call[1] as string, call[2] ?? '{}')) };
      if (question.includes('[garbage-args]'))
        return { stream: stream(toolCall('kpiHistory', '{"kpiID": 42, "from": "yesterday"}')) };
      if (question.includes('[slow]')) {
        const words = Array.from({ length: SLOW_CHUNKS }, (_, i) => `word${i} `);
        return { stream: stream(textParts(words), SLOW_DELAY_MS) };
      }
      if (question.includes('[hang]')) return { stream: hanging(options.abortSignal) };
      if (question.includes('[long]')) return { stream: stream(textParts(['This answer goes on and on'], 'length')) };
      return { stream: stream(textParts([`You asked: ${question}`])) };
    },
  });
}
