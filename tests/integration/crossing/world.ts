import { randomUUID } from 'node:crypto';
import { exampleWorkbook } from '../../../server/customer-success/uploads/example.ts';
import { monthOf } from '../../../shared/health/breakdown.ts';
import { DEFAULT_CATEGORY_WEIGHTS } from '../../../shared/health/weights.ts';
import { mutators } from '../../../sync/mutators.ts';
import { queries } from '../../../sync/queries.ts';
import { JOB_DEADLINE_MS } from '../../helpers/deadlines.ts';
import { addMember, createOrg, type Person, signUp } from '../../helpers/people.ts';
import { createKey, createShareLink, expectStatus, rest } from '../../helpers/rest.ts';
import { postWorkbook } from '../../helpers/workbooks.ts';
import { openZero, type TestZero, watch } from '../../helpers/zero-client.ts';
import { worldChat } from './chat-factories.ts';
import { worldReportEmail } from './report-email-factories.ts';
import { worldBatch } from './shop-floor-batches-factories.ts';
import { buildShopFloorWorld, type ShopFloorWorld, shopFloorSecrets } from './shop-floor-factories.ts';

const DAY = 86_400_000;

/**
 * Organization A with real data made through the real mutators and REST, its
 * owner and a viewer, and an intruder who owns organization B. The argument
 * factories point at these rows; each row a factory changes is its own
 * (archive, restore, delete), so the factories do not depend on one another's order.
 */
export interface World {
  orgA: string;
  orgB: string;
  owner: Person;
  viewer: Person;
  intruder: Person;
  /** Active; has points, feeds `goalID`, has an insight, is on the owner's layout. */
  kpiID: string;
  /** Active, with nothing attached: archive target. */
  spareKpiID: string;
  archivedKpiID: string;
  /** Points of `kpiID`: one to edit, one to delete. */
  pointID: string;
  sparePointID: string;
  /** Active, using `kpiID`. */
  goalID: string;
  spareGoalID: string;
  archivedGoalID: string;
  /** An extra unit in A's list. */
  optionID: string;
  apiKeyID: string;
  /** Shared, holding `widgetID` (a number widget of `kpiID`) and `spareWidgetID` (a note); the owner is on it. */
  dashboardID: string;
  widgetID: string;
  spareWidgetID: string;
  /** Shared, empty, the owner's default: delete target. */
  spareDashboardID: string;
  /** A's reference range 'Secret NPS' (id) and a spare range, 'Secret churn', to remove. */
  rangeID: string;
  /** A live read-only share link of `dashboardID`, and its token. */
  shareID: string;
  shareToken: string;
  /** Active, owned by A's owner: edit target and the KPI link target. */
  accountID: string;
  /** Active: deactivate target. */
  spareAccountID: string;
  /** Inactive: activate target. */
  inactiveAccountID: string;
  /** Excel uploads of `accountID` (made through REST): an open preview (confirm target), another (discard target), and version 1 (rollback target). */
  uploadPreviewID: string;
  uploadSpareID: string;
  uploadVersionID: string;
  /** Executions on `accountID`: `executionID` (VoC sprint, its first step `stepID`, the owner editing it) to work, and one each to complete, cancel and delete. */
  executionID: string;
  stepID: string;
  completeExecutionID: string;
  cancelExecutionID: string;
  deleteExecutionID: string;
  /** A's copies of a built-in playbook: one to edit, one to delete. */
  copyID: string;
  spareCopyID: string;
  /** The shop floor's rows in A (master data, work orders, a job) and the intruder's own in B. */
  sf: ShopFloorWorld;
  /** A CSV production batch in A, uploaded and not confirmed. */
  batchID: string;
  /** A report e-mail schedule in A, and a send of it. */
  reportScheduleID: string;
  reportSendID: string;
  /** The intruder's own KPI, goal, dashboard and account in B, for writes that name A's rows from B. */
  kpiB: string;
  goalB: string;
  dashboardB: string;
  accountB: string;
  /** A shared chat thread of A with a question, its answer and a tool call. */
  chatThreadID: string;
  chatMessageID: string;
  /** A new random id, for rows a write would create. */
  fresh(): string;
  /** Every id that belongs to A alone (the organization, its people, its rows): none may reach the intruder. */
  secrets(): string[];
}

export const FUTURE = Date.now() + 90 * DAY;

/** Builds the world; returns it with the owner's client in A and the intruder's in B (left open: the caller closes them). */
export async function buildWorld(): Promise<{ world: World; ownerZero: TestZero; intruderZero: TestZero }> {
  const [owner, viewer, intruder] = await Promise.all([signUp('Ada Owner'), signUp('Vic Viewer'), signUp('Ivan Intruder')]);
  const [orgA, orgB] = await Promise.all([createOrg(owner), createOrg(intruder)]);
  await addMember(owner, orgA, viewer, 'viewer');

  const z = openZero(owner, orgA);
  const zb = openZero(intruder, orgB);
  const by = (client: TestZero) => async (write: Parameters<TestZero['mutate']>[0]) => {
    const result = await client.mutate(write).server;
    if (result.type !== 'success') throw new Error(`world set-up write refused: ${JSON.stringify(result)}`);
  };
  const ok = by(z);
  const id = () => randomUUID();
  const [kpiB, goalB, dashboardB, accountB] = [id(), id(), id(), id()];
  await by(zb)(mutators.kpi.create({ id: kpiB, name: 'Own KPI', unit: '', target: 1 }));
  await by(zb)(mutators.goal.create({ id: goalB, title: 'Own plan', targetDate: FUTURE, kpis: [{ kpiID: kpiB, weight: 1 }] }));
  await by(zb)(mutators.dashboard.create({ id: dashboardB, name: 'Own board', shared: true }));
  await by(zb)(mutators.account.create({ id: accountB, name: 'Own account' }));
  const ids = {
    kpiID: id(),
    spareKpiID: id(),
    archivedKpiID: id(),
    pointID: id(),
    sparePointID: id(),
    goalID: id(),
    spareGoalID: id(),
    archivedGoalID: id(),
    optionID: id(),
    dashboardID: id(),
    widgetID: id(),
    spareWidgetID: id(),
    spareDashboardID: id(),
    rangeID: id(),
    accountID: id(),
    spareAccountID: id(),
    inactiveAccountID: id(),
    executionID: id(),
    completeExecutionID: id(),
    cancelExecutionID: id(),
    deleteExecutionID: id(),
    copyID: id(),
    spareCopyID: id(),
  };

  await ok(mutators.kpiOption.add({ id: ids.optionID, kind: 'unit', value: 'widgets' }));
  await ok(mutators.kpi.create({ id: ids.kpiID, name: 'Secret revenue', unit: 'widgets', target: 100 }));
  await ok(mutators.kpi.create({ id: ids.spareKpiID, name: 'Secret churn', unit: '%', target: 2 }));
  await ok(mutators.kpi.create({ id: ids.archivedKpiID, name: 'Secret old', unit: '', target: 1 }));
  await ok(mutators.kpi.archive({ id: ids.archivedKpiID }));
  const kpis = [{ kpiID: ids.kpiID, weight: 1 }];
  await ok(mutators.goal.create({ id: ids.goalID, title: 'Secret plan', targetDate: FUTURE, kpis }));
  await ok(mutators.goal.create({ id: ids.spareGoalID, title: 'Secret side plan', targetDate: FUTURE }));
  await ok(mutators.goal.create({ id: ids.archivedGoalID, title: 'Secret old plan', targetDate: FUTURE }));
  await ok(mutators.goal.archive({ id: ids.archivedGoalID }));
  await ok(mutators.layout.save({ layout: [{ kpiID: ids.kpiID, w: 2, h: 1 }] }));
  await ok(
    mutators.dashboard.create({
      id: ids.dashboardID,
      name: 'Secret board',
      shared: true,
      widgets: [
        { id: ids.widgetID, type: 'number', kpiIDs: [ids.kpiID], x: 0, y: 0, w: 3, h: 2 },
        { id: ids.spareWidgetID, type: 'text', text: 'Secret note', x: 3, y: 0, w: 4, h: 2 },
      ],
    }),
  );
  await ok(mutators.dashboard.create({ id: ids.spareDashboardID, name: 'Secret spare board', shared: true }));
  await ok(mutators.dashboard.setDefault({ dashboardID: ids.spareDashboardID }));
  await ok(mutators.presence.touch({ dashboardID: ids.dashboardID, arranging: false }));
  await ok(mutators.account.create({ id: ids.accountID, name: 'Secret customer', annualRevenue: 1000, industry: 'Secret' }));
  await ok(mutators.account.create({ id: ids.spareAccountID, name: 'Secret spare customer' }));
  await ok(mutators.account.create({ id: ids.inactiveAccountID, name: 'Secret old customer' }));
  await ok(mutators.account.deactivate({ id: ids.inactiveAccountID }));
  const runs = [
    [ids.executionID, 'voc-sprint'],
    [ids.completeExecutionID, 'sla'],
    [ids.cancelExecutionID, 'activation'],
    [ids.deleteExecutionID, 'renewal'],
  ] as const;
  for (const [executionID, playbookID] of runs) {
    await ok(mutators.playbookExecution.start({ id: executionID, accountID: ids.accountID, playbookID }));
  }
  const stepID = `${ids.executionID}:0`;
  await ok(mutators.playbookStep.addNote({ id: id(), stepID, body: 'Secret note' }));
  await ok(mutators.playbookEditing.touch({ executionID: ids.executionID, stepID, field: 'notes' }));
  await ok(mutators.playbookCopy.create({ id: ids.copyID, sourcePlaybookID: 'voc-sprint', name: 'Secret sprint' }));
  await ok(mutators.playbookCopy.create({ id: ids.spareCopyID, sourcePlaybookID: 'sla', name: 'Secret spare' }));
  const share = await createShareLink(owner, orgA, ids.dashboardID);
  const bands = { critical: { min: -100, max: 0 }, risk: { min: 0, max: 30 }, healthy: { min: 30, max: 100 } };
  await ok(mutators.referenceRange.set({ id: ids.rangeID, kpiName: 'Secret NPS', higherIsBetter: true, ...bands }));
  await ok(mutators.referenceRange.set({ id: id(), kpiName: 'Secret churn', higherIsBetter: true, ...bands }));
  await ok(
    mutators.playbookTrigger.set({
      id: id(),
      playbookID: 'renewal',
      autoTrigger: false,
      conditions: [{ kpi: 'Secret NPS', op: '<', value: 0 }],
    }),
  );
  await ok(mutators.categoryWeights.set({ weights: { ...DEFAULT_CATEGORY_WEIGHTS, 'Product Value': 0.3 } }));
  // A re-score run of this month (its job also gives the accounts this month's trend).
  const month = monthOf(Date.now());
  await ok(mutators.healthRescore.start({ id: id(), from: month, to: month }));
  const sf = await buildShopFloorWorld(ok, by(zb), id);
  // A recompute of the shop floor's stored rollups over the entries' day.
  await ok(mutators.rollupRecompute.start({ id: id(), from: Date.UTC(2026, 10, 2), to: Date.UTC(2026, 10, 2) }));
  const batchID = await worldBatch(owner, orgA);
  const reportEmail = await worldReportEmail(owner, orgA);
  const key = await createKey(owner, orgA, 'viewer', 'Secret key');
  const uploads = await worldUploads(owner, orgA, ids.accountID);
  const chat = await worldChat(owner, orgA);
  // The points last: the insight that reads all of them is the last job the set-up causes.
  const values = [10, 12, 15, 17, 20];
  const pointIDs = [ids.pointID, ids.sparePointID, id(), id(), id()];
  const now = Date.now();
  const rows = values.map((value, i) => ({ id: pointIDs[i]!, value, recordedAt: now - (values.length - i) * DAY }));
  await ok(mutators.dataPoint.import({ kpiID: ids.kpiID, rows }));
  const insights = watch<{ facts: unknown }[]>(z, queries.insights.forKpi({ orgID: orgA, kpiID: ids.kpiID }));
  try {
    await insights.until((r) => r.some((i) => (i.facts as { count?: number } | null)?.count === values.length), JOB_DEADLINE_MS);
  } catch {
    // No insight: the insights.forKpi positive control reports it; everything else can still be checked.
  } finally {
    insights.destroy();
  }

  const world: World = {
    orgA,
    orgB,
    owner,
    viewer,
    intruder,
    ...ids,
    ...uploads,
    ...chat,
    apiKeyID: key.id,
    shareID: share.id,
    shareToken: share.token,
    kpiB,
    goalB,
    dashboardB,
    accountB,
    sf,
    batchID,
    ...reportEmail,
    stepID: `${ids.executionID}:0`,
    fresh: id,
    secrets: () => [
      orgA,
      owner.userID,
      viewer.userID,
      key.id,
      share.id,
      ...Object.values(ids),
      ...Object.values(uploads),
      ...Object.values(chat),
      ...pointIDs,
      ...shopFloorSecrets(sf),
      batchID,
      ...Object.values(reportEmail),
    ],
  };
  return { world, ownerZero: z, intruderZero: zb };
}

/** Three uploads of the example workbook on A's account, through REST: version 1, and two open previews. */
async function worldUploads(owner: Person, orgA: string, accountID: string) {
  const bytes = await exampleWorkbook();
  const preview = async () => expectStatus(await postWorkbook(owner, orgA, accountID, bytes), 200).uploadId as string;
  const uploadVersionID = await preview();
  expectStatus(
    await rest({ person: owner, org: orgA }, 'POST', `/api/accounts/${accountID}/uploads/${uploadVersionID}/confirm`),
    200,
  );
  return { uploadVersionID, uploadPreviewID: await preview(), uploadSpareID: await preview() };
}
