import { createOpenAI } from '@ai-sdk/openai';
import type { LanguageModel } from 'ai';
import type { Env } from '../env.ts';

type AiEnv = Pick<Env, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL' | 'AI_MODEL'>;

/** Whether an OpenAI-compatible model is configured (the web app shows this as "AI narration on"). */
export function aiNarrationEnabled(env: Pick<AiEnv, 'OPENAI_API_KEY' | 'OPENAI_BASE_URL'>): boolean {
  return Boolean(env.OPENAI_API_KEY || env.OPENAI_BASE_URL);
}

/**
 * The configured model, or null when neither OPENAI_API_KEY nor
 * OPENAI_BASE_URL is set.
 *
 * OpenAI itself is called through its Responses API (the provider's default).
 * A local OpenAI-compatible server (OPENAI_BASE_URL) is called through Chat
 * Completions, the one endpoint such servers (Ollama, vLLM, LM Studio, llama.cpp)
 * all implement; it usually needs no key, but the provider refuses to run
 * without one, so a placeholder is sent there.
 */
export function languageModelFromEnv(env: AiEnv): LanguageModel | null {
  if (!aiNarrationEnabled(env)) return null;
  const provider = createOpenAI({ apiKey: env.OPENAI_API_KEY ?? 'not-needed', baseURL: env.OPENAI_BASE_URL });
  return env.OPENAI_BASE_URL ? provider.chat(env.AI_MODEL) : provider(env.AI_MODEL);
}
