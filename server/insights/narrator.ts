import { generateText, type LanguageModel } from 'ai';
import { formatsFor } from '../../shared/formats.ts';
import { plainSummary } from '../../shared/insights/index.ts';
import { NARRATIVE_INSTRUCTIONS, type NarrationInput, narrativePrompt } from './narrative-prompt.ts';

export type { NarrationInput } from './narrative-prompt.ts';

export interface Narration {
  summary: string;
  narrator: 'ai' | 'rules';
  /** The model that wrote the summary; null for the rules. */
  model: string | null;
  /** Ids of the data points the summary cites (only ids that were sent to the model). */
  citedPointIDs: string[];
}

/** Turns a KPI's facts into its insight summary. */
export interface Narrator {
  /** Whether a model writes the summaries (otherwise the plain rules do). */
  readonly usesModel: boolean;
  narrate(input: NarrationInput, signal?: AbortSignal): Promise<Narration>;
}

export interface NarratorOptions {
  /** An AI SDK language model; without one, every summary is the plain rules summary. */
  model?: LanguageModel | null | undefined;
  /** The whole model call, retries included, must finish within this (default 10 s). */
  timeoutMs?: number;
  log?: (line: string) => void;
}

export const NARRATION_TIMEOUT_MS = 10_000;
/** A narrative is 2-3 sentences; anything much longer is not what we asked for. */
const MAX_SUMMARY_CHARS = 1200;
const CITATION = /\[p:([^\]\s]+)\]/g;

export function rulesNarration(input: NarrationInput): Narration {
  return {
    // In UTC: the stored text must not depend on the server's time zone.
    summary: plainSummary(input.facts, {
      name: input.kpi.name,
      unit: input.kpi.unit,
      formats: formatsFor(input.kpi.formats, { timeZone: 'UTC' }),
    }),
    narrator: 'rules',
    model: null,
    citedPointIDs: [],
  };
}

/**
 * Keeps the citations of points that were sent and removes the others from the
 * text (an id the model made up must not become a link). Returns the cleaned
 * text and the cited ids in order of first mention.
 */
export function checkCitations(text: string, allowed: ReadonlySet<string>): { text: string; cited: string[] } {
  const cited: string[] = [];
  const cleaned = text.replace(CITATION, (marker, id: string) => {
    if (!allowed.has(id)) return '';
    if (!cited.includes(id)) cited.push(id);
    return marker;
  });
  const tidy = cleaned
    .replace(/[ \t]+([.,;:!?)])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
  return { text: tidy, cited };
}

function modelName(model: LanguageModel): string {
  return typeof model === 'string' ? model : model.modelId;
}

/**
 * The narrator: with a model, an AI narrative whose citations are checked
 * against the points sent; when the model fails, times out, or cites nothing
 * it was given, the plain rules summary instead. Never throws.
 */
export function createNarrator(opts: NarratorOptions = {}): Narrator {
  const { model } = opts;
  const timeoutMs = opts.timeoutMs ?? NARRATION_TIMEOUT_MS;
  const log = opts.log ?? (() => {});
  if (!model) return { usesModel: false, narrate: async (input) => rulesNarration(input) };

  return {
    usesModel: true,
    async narrate(input, signal) {
      const fallback = (why: string) => {
        log(`[insights] KPI ${input.kpi.id}: ${why}; using the plain summary`);
        return rulesNarration(input);
      };
      try {
        const deadline = AbortSignal.timeout(timeoutMs);
        const { text } = await generateText({
          model,
          instructions: NARRATIVE_INSTRUCTIONS,
          prompt: narrativePrompt(input),
          temperature: 0.2,
          maxOutputTokens: 300,
          maxRetries: 1,
          timeout: timeoutMs,
          abortSignal: signal ? AbortSignal.any([signal, deadline]) : deadline,
        });
        const { text: summary, cited } = checkCitations(text, new Set(input.evidence.map((p) => p.id)));
        if (cited.length === 0) return fallback('the narrative cites none of the data points it was given');
        if (summary.length > MAX_SUMMARY_CHARS) return fallback('the narrative is too long');
        return { summary, narrator: 'ai', model: modelName(model), citedPointIDs: cited };
      } catch (err) {
        return fallback(`the model call failed (${(err as Error).name}: ${(err as Error).message})`);
      }
    },
  };
}
