/**
 * What a chat message carries besides its text, as stored (chat_message in
 * migration 024) and synced: the rows an answer's numbers came from, and the
 * changes the model proposed for the person to confirm.
 */

export type ChatRole = 'user' | 'assistant';
export type ChatStatus = 'streaming' | 'complete' | 'failed';

export const SOURCE_TYPES = ['kpi', 'dataPoint', 'account', 'line', 'entry'] as const;
export type ChatSourceType = (typeof SOURCE_TYPES)[number];

/** One row an answer used: the web app links it to its page. (Type aliases, not interfaces: Zero's json columns need them.) */
export type ChatSource = {
  type: ChatSourceType;
  id: string;
  label: string;
};

/**
 * A data point the model proposed. Nothing is written until the person
 * confirms it in the app, which runs the ordinary dataPoint.add mutator as
 * them, with its permission checks.
 */
export type DataPointProposal = {
  kind: 'dataPoint';
  /** Stable within the message, so the app can mark it confirmed. */
  id: string;
  kpiID: string;
  kpiName: string;
  value: number;
  /** Epoch ms. */
  recordedAt: number;
  note: string | null;
};
export type ChatProposal = DataPointProposal;

/** The page a thread was started on. */
export const CONTEXT_KINDS = ['kpi', 'account', 'line', 'dashboard'] as const;
export type ChatContext = {
  kind: (typeof CONTEXT_KINDS)[number];
  id: string;
};
