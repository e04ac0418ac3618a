import { type PlaybookStep, RACI_ROLES, type RaciRole } from './builtins.ts';
import { STEP_STATUS_LABELS, type StepStatus } from './executions.ts';

/** A KPI value at the start of an execution, or now. */
export type KpiValue = { kpi: string; value: number | null };

export interface ReportInput {
  playbookName: string;
  accountName: string;
  status: 'completed' | 'cancelled' | 'active';
  startedAt: number;
  completedAt: number;
  steps: readonly { title: string; status: StepStatus; raci: PlaybookStep['raci']; result: string | null }[];
  exitCriteria: readonly string[];
  baseline: readonly KpiValue[];
  current: readonly KpiValue[];
}

export type RaciEntry = { role: RaciRole; responsible: string[]; accountable: string[]; consulted: string[]; informed: string[] };
export type Outcome = { kpi: string; baseline: number | null; current: number | null; improvement: number | null };

/** The RACI report of a finished execution (seed 002's report_data). */
export type ReportData = {
  executiveSummary: string;
  raciBreakdown: RaciEntry[];
  outcomes: Outcome[];
  exitCriteriaMet: { criterion: string; met: boolean }[];
  nextSteps: string[];
};

const DAY = 86_400_000;
const round2 = (n: number) => Math.round(n * 100) / 100;

/**
 * Builds the report from what the execution did:
 * - the summary counts steps done and skipped and the days taken;
 * - the RACI breakdown lists, per role, the steps it was responsible,
 *   accountable, consulted or informed on (roles on no step left out);
 * - outcomes pair each KPI's value at the start with its latest
 *   (improvement = current - baseline; null when either is missing);
 * - exit criteria count as met when the execution completed with every
 *   step done (a skipped step leaves them unproven);
 * - next steps: the skipped steps to revisit, or the regular cadence.
 */
export function buildReport(input: ReportInput): ReportData {
  const done = input.steps.filter((s) => s.status === 'done');
  const skipped = input.steps.filter((s) => s.status === 'skipped');
  const open = input.steps.filter((s) => s.status === 'pending' || s.status === 'in_progress');
  const days = Math.max(0, Math.round((input.completedAt - input.startedAt) / DAY));
  const ending = input.status === 'cancelled' ? 'was cancelled' : 'completed';
  const executiveSummary =
    `${input.playbookName} for ${input.accountName} ${ending} after ${days} day${days === 1 ? '' : 's'}: ` +
    `${done.length} of ${input.steps.length} steps done, ${skipped.length} skipped` +
    (open.length ? `, ${open.length} left open.` : '.');

  const raciBreakdown = RACI_ROLES.map((role) => ({
    role,
    responsible: input.steps.filter((s) => s.raci.responsible === role).map((s) => s.title),
    accountable: input.steps.filter((s) => s.raci.accountable === role).map((s) => s.title),
    consulted: input.steps.filter((s) => s.raci.consulted.includes(role)).map((s) => s.title),
    informed: input.steps.filter((s) => s.raci.informed.includes(role)).map((s) => s.title),
  })).filter((e) => e.responsible.length + e.accountable.length + e.consulted.length + e.informed.length > 0);

  const now = new Map(input.current.map((c) => [c.kpi, c.value]));
  const names = [...new Set([...input.baseline.map((b) => b.kpi), ...input.current.map((c) => c.kpi)])].sort();
  const before = new Map(input.baseline.map((b) => [b.kpi, b.value]));
  const outcomes = names.map((kpi) => {
    const baseline = before.get(kpi) ?? null;
    const current = now.get(kpi) ?? null;
    return { kpi, baseline, current, improvement: baseline === null || current === null ? null : round2(current - baseline) };
  });

  const met = input.status === 'completed' && done.length === input.steps.length;
  const exitCriteriaMet = input.exitCriteria.map((criterion) => ({ criterion, met }));
  const nextSteps = [...skipped, ...open].map((s) => `Revisit “${s.title}” (${STEP_STATUS_LABELS[s.status].toLowerCase()})`);
  if (nextSteps.length === 0) nextSteps.push(`Return ${input.accountName} to the regular cadence and watch its health.`);
  return { executiveSummary, raciBreakdown, outcomes, exitCriteriaMet, nextSteps };
}
