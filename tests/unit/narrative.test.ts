import { MockLanguageModelV4 } from 'ai/test';
import { describe, expect, test } from 'vitest';
import { aiNarrationEnabled, languageModelFromEnv } from '../../server/insights/ai-model.ts';
import { evidenceFor, type PointRow } from '../../server/insights/evidence.ts';
import { NARRATIVE_INSTRUCTIONS } from '../../server/insights/narrative-prompt.ts';
import { checkCitations, createNarrator, type NarrationInput } from '../../server/insights/narrator.ts';
import { sameFacts } from '../../server/insights/recompute.ts';
import { DAY_MS, describeKpi, plainSummary } from '../../shared/insights/index.ts';

const START = Date.UTC(2026, 0, 1);
const NOW = START + 20 * DAY_MS;

/** Twelve daily points rising by 10 a day, with one spike on day 6. */
function risingSeries(): PointRow[] {
  return Array.from({ length: 12 }, (_, i) => ({
    id: `pt-${i}`,
    recordedAt: START + i * DAY_MS,
    value: i === 6 ? 900 : 100 + 10 * i,
  }));
}

function input(points = risingSeries()): NarrationInput {
  const facts = describeKpi({
    points: points.map((p) => ({ at: p.recordedAt, value: p.value })),
    target: 500,
    direction: 'higher',
    now: NOW,
  });
  return { kpi: { id: 'kpi-1', name: 'Signups', unit: 'users' }, facts, evidence: evidenceFor(facts, points) };
}

const reply = (text: string) => ({
  content: [{ type: 'text' as const, text }],
  finishReason: { unified: 'stop' as const, raw: 'stop' },
  usage: {
    inputTokens: { total: 100, noCache: 100, cacheRead: 0, cacheWrite: 0 },
    outputTokens: { total: 40, text: 40, reasoning: 0 },
  },
  warnings: [],
});

const mockModel = (text: string) => new MockLanguageModelV4({ modelId: 'mock-narrator', doGenerate: reply(text) });

describe('evidence behind the facts', () => {
  test('names the first, latest and anomalous points by id', () => {
    const { evidence, facts } = input();
    expect(facts.trend).toBe('up');
    expect(facts.anomalies).toHaveLength(1);
    expect(evidence).toEqual([
      { id: 'pt-0', at: START, value: 100, roles: ['first'] },
      { id: 'pt-6', at: START + 6 * DAY_MS, value: 900, roles: ['anomaly'] },
      { id: 'pt-11', at: START + 11 * DAY_MS, value: 210, roles: ['latest'] },
    ]);
  });

  test('a single point is both first and latest', () => {
    const points = [{ id: 'only', recordedAt: START, value: 5 }];
    expect(input(points).evidence).toEqual([{ id: 'only', at: START, value: 5, roles: ['first', 'latest'] }]);
  });
});

describe('citation check', () => {
  test('keeps citations of points that were sent and removes made-up ones', () => {
    const allowed = new Set(['pt-0', 'pt-11']);
    const { text, cited } = checkCitations(
      'Signups rose from 100 [p:pt-0] to 210 [p:pt-11] , passing 180 [p:pt-9]. Again 210 [p:pt-11].',
      allowed,
    );
    expect(cited).toEqual(['pt-0', 'pt-11']);
    expect(text).toBe('Signups rose from 100 [p:pt-0] to 210 [p:pt-11], passing 180. Again 210 [p:pt-11].');
  });
});

describe('AI narrator', () => {
  test('stores the model narrative with its verified citations', async () => {
    const model = mockModel(
      'Signups are rising steadily, from 100 [p:pt-0] to 210 [p:pt-11] with 99.9% confidence. One spike of 900 [p:pt-6] stands out, and [p:pt-99] is invented.',
    );
    const narration = await createNarrator({ model }).narrate(input());
    expect(narration.narrator).toBe('ai');
    expect(narration.model).toBe('mock-narrator');
    expect(narration.citedPointIDs).toEqual(['pt-0', 'pt-11', 'pt-6']);
    expect(narration.summary).not.toContain('pt-99');
    expect(narration.summary).toContain('[p:pt-6]');
  });

  test('falls back to the plain summary when the narrative cites no point it was given', async () => {
    const data = input();
    const rules = plainSummary(data.facts, { name: 'Signups', unit: 'users' });
    for (const text of ['Signups are rising.', 'Signups rose to 210 [p:pt-3] and [p:made-up].']) {
      const narration = await createNarrator({ model: mockModel(text) }).narrate(data);
      expect(narration).toEqual({ summary: rules, narrator: 'rules', model: null, citedPointIDs: [] });
    }
  });

  test('falls back to the plain summary when the model fails', async () => {
    const model = new MockLanguageModelV4({
      doGenerate: async () => {
        throw new Error('upstream unavailable');
      },
    });
    const lines: string[] = [];
    const narration = await createNarrator({ model, log: (l) => lines.push(l) }).narrate(input());
    expect(narration.narrator).toBe('rules');
    expect(narration.summary).toBe(plainSummary(input().facts, { name: 'Signups', unit: 'users' }));
    expect(lines.join('\n')).toMatch(/model call failed/);
  });

  test('falls back to the plain summary when the model does not answer in time', async () => {
    const model = new MockLanguageModelV4({
      doGenerate: (options) =>
        new Promise((_, reject) => {
          options.abortSignal?.addEventListener('abort', () => reject(options.abortSignal?.reason));
        }),
    });
    const started = Date.now();
    const narration = await createNarrator({ model, timeoutMs: 100 }).narrate(input());
    expect(narration.narrator).toBe('rules');
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  test('sends the instructions and the facts with their evidence points, and nothing else of the series', async () => {
    const model = mockModel('Signups reached 210 [p:pt-11].');
    const data = input();
    await createNarrator({ model }).narrate(data);
    expect(model.doGenerateCalls).toHaveLength(1);
    const [system, user, ...rest] = model.doGenerateCalls[0]!.prompt;
    expect(rest).toEqual([]);
    expect(system).toEqual({ role: 'system', content: NARRATIVE_INSTRUCTIONS });
    expect(NARRATIVE_INSTRUCTIONS).toMatch(/never invent/i);
    expect(NARRATIVE_INSTRUCTIONS).toContain('[p:ID]');
    expect(user?.role).toBe('user');
    const part = Array.isArray(user?.content) ? user.content[0] : undefined;
    const sent = JSON.parse(part && part.type === 'text' ? part.text : 'null');
    expect(Object.keys(sent)).toEqual(['kpi', 'facts', 'dataPoints']);
    expect(sent.kpi).toEqual({ name: 'Signups', unit: 'users' });
    expect(sent.facts.trend).toBe('up');
    expect(sent.facts.confidence).toBe(data.facts.confidence);
    expect(sent.facts.latestValue).toBe(210);
    expect(sent.dataPoints.map((p: { id: string }) => p.id)).toEqual(['pt-0', 'pt-6', 'pt-11']);
    // Points the facts do not rest on never reach the model.
    const text = JSON.stringify(sent);
    for (const id of ['pt-1', 'pt-5', 'pt-7', 'pt-10']) expect(text).not.toContain(`"${id}"`);
    expect(text).not.toContain('"value":150');
  });

  test('without a model, every summary is the plain one', async () => {
    const narrator = createNarrator({ model: null });
    expect(narrator.usesModel).toBe(false);
    const data = input();
    expect(await narrator.narrate(data)).toEqual({
      summary: plainSummary(data.facts, { name: 'Signups', unit: 'users' }),
      narrator: 'rules',
      model: null,
      citedPointIDs: [],
    });
  });
});

describe('unchanged facts', () => {
  test('facts read back from jsonb (keys reordered) equal the computed ones; a new point does not', () => {
    const a = input().facts;
    const reordered = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(a).reverse())));
    expect(sameFacts(reordered, a)).toBe(true);
    // The clock alone moves the forecast's dates, which do not count.
    const later = describeKpi({
      points: risingSeries().map((p) => ({ at: p.recordedAt, value: p.value })),
      target: 500,
      direction: 'higher',
      now: NOW + DAY_MS,
    });
    expect(sameFacts(later, a)).toBe(true);
    const more = input([...risingSeries(), { id: 'pt-12', recordedAt: START + 12 * DAY_MS, value: 220 }]).facts;
    expect(sameFacts(more, a)).toBe(false);
  });
});

describe('model from the environment', () => {
  const none = { OPENAI_API_KEY: undefined, OPENAI_BASE_URL: undefined, AI_MODEL: 'gpt-4o-mini' };

  test('no key and no base URL: no model, AI narration off', () => {
    expect(aiNarrationEnabled(none)).toBe(false);
    expect(languageModelFromEnv(none)).toBeNull();
  });

  test('a key uses OpenAI; a base URL uses that server through Chat Completions', () => {
    const openai = languageModelFromEnv({ ...none, OPENAI_API_KEY: 'sk-test' });
    expect(typeof openai === 'object' && openai?.modelId).toBe('gpt-4o-mini');
    const local = languageModelFromEnv({ ...none, OPENAI_BASE_URL: 'http://127.0.0.1:9/v1', AI_MODEL: 'llama3.2' });
    expect(typeof local === 'object' && [local?.provider, local?.modelId]).toEqual(['openai.chat', 'llama3.2']);
  });

  test('an unreachable server falls back to the plain summary', async () => {
    const model = languageModelFromEnv({ ...none, OPENAI_BASE_URL: 'http://127.0.0.1:9/v1' });
    const narration = await createNarrator({ model, timeoutMs: 3_000 }).narrate(input());
    expect(narration.narrator).toBe('rules');
  });
});
