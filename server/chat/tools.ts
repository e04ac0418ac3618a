import { randomUUID } from 'node:crypto';
import { jsonSchema, type ToolSet, tool } from 'ai';
import type { Sql } from 'postgres';
import { z } from 'zod';
import type { ChatProposal, ChatSource } from '../../shared/chat/types.ts';
import { VALUE_LIMIT } from '../../shared/numbers.ts';
import { withTenant } from '../db/pools.ts';
import {
  accountHealth,
  comparePeriods,
  kpiHistory,
  listKpis,
  proposableKpi,
  type Read,
  type ReadResult,
  shopFloorKpis,
  ToolInputError,
} from './reads.ts';
import { insertToolCall } from './store.ts';

/** Who asked, where: every tool runs as this person, in this organization (never one the model names). */
export interface Asker {
  userID: string;
  orgID: string;
  threadID: string;
  /** The assistant message the tool calls belong to. */
  messageID: string;
}

/** What the tools found for the answer: the rows it may cite, the changes it proposed, the calls that failed. */
export class ToolHarvest {
  readonly sources: ChatSource[] = [];
  readonly proposals: ChatProposal[] = [];
  readonly failures: string[] = [];
  /** Tool calls already recorded (by their call id), so a call the SDK refused is recorded once. */
  readonly recorded = new Set<string>();

  addSources(sources: readonly ChatSource[]) {
    for (const s of sources) if (!this.sources.some((o) => o.type === s.type && o.id === s.id)) this.sources.push(s);
  }
}

export const CHAT_TOOL_SOURCE = 'chat:tool';
const MAX_ERROR_CHARS = 500;

const id = z.string().trim().min(1).max(200);
const day = z.iso.date({ error: 'must be a date, YYYY-MM-DD' });
const dayOrTime = z.union([z.iso.date(), z.iso.datetime({ offset: true })], {
  error: 'must be a date (YYYY-MM-DD) or an ISO 8601 date-time',
});
const period = z.object({ from: dayOrTime, to: dayOrTime }).strict();

/** Each tool's input, validated here (not by the SDK) so a refused call is recorded and answered like any other. */
const INPUTS = {
  listKpis: z
    .object({
      search: z.string().trim().max(100).optional().describe('Part of a KPI name to filter by'),
      includeArchived: z.boolean().optional(),
    })
    .strict(),
  kpiHistory: z
    .object({ kpiID: id.describe('A KPI id from listKpis'), from: dayOrTime.optional(), to: dayOrTime.optional() })
    .strict(),
  comparePeriods: z.object({ kpiID: id, first: period, second: period }).strict(),
  accountHealth: z.object({ account: id.describe("An account's id or name") }).strict(),
  shopFloorKpis: z.object({ line: id.describe("A line's id or name"), from: day, to: day }).strict(),
  proposeDataPoint: z
    .object({
      kpiID: id,
      value: z.number().finite().min(-VALUE_LIMIT).max(VALUE_LIMIT),
      recordedAt: dayOrTime.optional(),
      note: z.string().trim().min(1).max(500).optional(),
    })
    .strict(),
};
type ToolName = keyof typeof INPUTS;
type Input<N extends ToolName> = z.infer<(typeof INPUTS)[N]>;

const DESCRIPTIONS: Record<ToolName, string> = {
  listKpis: "The organization's KPIs: id, name, unit, target, direction, category, current value. No arguments needed.",
  kpiHistory:
    "A KPI's data points in a range (default the last 90 days) with the statistics the product computes: trend, slope per day, confidence, anomalies, forecast.",
  comparePeriods: "A KPI's figures (count, first, last, min, max, mean, sum) in two periods, and the change in the mean.",
  accountHealth: "A customer account's health score (0-100) with its category and KPI breakdown and monthly trend.",
  shopFloorKpis:
    'Shop-floor KPIs (OEE, availability, performance, quality, efficiency, PPM, ...) of a line over a range of days.',
  proposeDataPoint:
    'Proposes adding a data point to a KPI. Writes nothing: the person sees the proposal and may confirm it in the app.',
};

function proposeRead(harvest: ToolHarvest): Read<Input<'proposeDataPoint'>> {
  return async (tx, orgID, input) => {
    const kpi = await proposableKpi(tx, orgID, input.kpiID);
    const proposal: ChatProposal = {
      kind: 'dataPoint',
      id: randomUUID(),
      kpiID: kpi.id,
      kpiName: kpi.name,
      value: input.value,
      recordedAt: input.recordedAt ? Date.parse(input.recordedAt) : Date.now(),
      note: input.note ?? null,
    };
    harvest.proposals.push(proposal);
    return {
      result: { proposed: proposal, written: false, note: 'Nothing is written until the person confirms it in the app.' },
      rows: 0,
      sources: [{ type: 'kpi', id: kpi.id, label: kpi.name }],
    };
  };
}

const message = (err: unknown) => String((err as Error)?.message ?? err).slice(0, MAX_ERROR_CHARS);

/** Records one tool call as the asker (audited by the trigger on chat_tool_call). */
export function recordToolCall(
  appSql: Sql,
  asker: Asker,
  call: { callID: string; tool: string; input: unknown; ok: boolean; rows: number; error: string | null },
  harvest: ToolHarvest,
) {
  harvest.recorded.add(call.callID);
  if (!call.ok) harvest.failures.push(`${call.tool}: ${call.error}`);
  const tenant = { userID: asker.userID, orgID: asker.orgID, source: CHAT_TOOL_SOURCE };
  return withTenant(appSql, tenant, (tx) =>
    insertToolCall(tx, {
      id: randomUUID(),
      orgID: asker.orgID,
      threadID: asker.threadID,
      messageID: asker.messageID,
      userID: asker.userID,
      tool: call.tool,
      input: call.input,
      ok: call.ok,
      rows: call.rows,
      error: call.error,
    }),
  );
}

/**
 * The chat's tools for one answer. Each validates its input, reads as the
 * asker (their tenant context: row-level security and app_can apply) in the
 * asker's organization, records the call, and gives the model its result or
 * an error it can read. A bad argument or a failed read writes nothing but
 * the record of the call.
 */
export function chatTools(appSql: Sql, asker: Asker, harvest: ToolHarvest): ToolSet {
  const reads: { [N in ToolName]: Read<Input<N>> } = {
    listKpis,
    kpiHistory,
    comparePeriods,
    accountHealth,
    shopFloorKpis,
    proposeDataPoint: proposeRead(harvest),
  };
  const make = <N extends ToolName>(name: N) =>
    tool({
      description: DESCRIPTIONS[name],
      // The model sees the JSON schema; the input is checked in execute, so a refusal is an ordinary, recorded answer.
      inputSchema: jsonSchema<unknown>(z.toJSONSchema(INPUTS[name], { io: 'input' }) as Parameters<typeof jsonSchema>[0]),
      execute: async (raw: unknown, { toolCallId }) => {
        const parsed = INPUTS[name].safeParse(raw ?? {});
        let outcome: { ok: true; read: ReadResult } | { ok: false; error: string };
        if (!parsed.success) {
          const issues = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
          outcome = { ok: false, error: `Invalid arguments for ${name}: ${issues}` };
        } else {
          try {
            const tenant = { userID: asker.userID, orgID: asker.orgID, source: CHAT_TOOL_SOURCE };
            const read = await withTenant(appSql, tenant, (tx) => reads[name](tx, asker.orgID, parsed.data as Input<N>));
            outcome = { ok: true, read };
          } catch (err) {
            if (!(err instanceof ToolInputError)) throw err;
            outcome = { ok: false, error: message(err) };
          }
        }
        const record = outcome.ok
          ? { ok: true, rows: outcome.read.rows, error: null }
          : { ok: false, rows: 0, error: outcome.error };
        await recordToolCall(appSql, asker, { callID: toolCallId, tool: name, input: raw, ...record }, harvest);
        if (!outcome.ok) return { error: outcome.error };
        harvest.addSources(outcome.read.sources);
        return outcome.read.result;
      },
    });
  return Object.fromEntries((Object.keys(INPUTS) as ToolName[]).map((n) => [n, make(n)])) as ToolSet;
}
