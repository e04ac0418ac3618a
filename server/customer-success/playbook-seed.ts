import { BUILTIN_PLAYBOOKS } from '../../shared/playbooks/builtins.ts';
import { VOC_DEFAULT_CONDITIONS } from '../../shared/playbooks/triggers.ts';
import { insertExecution } from '../playbooks/store.ts';
import type { PackSeed } from '../seed.ts';

const DAY = 86_400_000;
/** The demo account with a VoC sprint under way, found by name (the customer-success seed adds it). */
const DEMO_ACCOUNT = 'Globex Health';
const DONE_RESULTS = ['NPS comments point at slow support replies', 'Interviewed the CTO and two team leads'];

/**
 * Playbooks' demo: the VoC sprint's trigger switched on (seed 002's
 * conditions), unless the organization already has one; and a VoC sprint in
 * progress on Globex Health, its first two steps done and the third under
 * way, unless that account has ever had one. Never touches what the demo
 * user changed.
 */
export const playbookSeed: PackSeed = {
  pack: 'playbooks',
  async seed(tx, { orgID, userID }) {
    let added = 0;
    const trigger = await tx`
      INSERT INTO playbook_trigger (id, organization_id, playbook_id, auto_trigger, conditions, updated_by, updated_at)
      VALUES (gen_random_uuid()::text, ${orgID}, 'voc-sprint', true, ${tx.json(VOC_DEFAULT_CONDITIONS)}, ${userID}, now())
      ON CONFLICT (organization_id, playbook_id) DO NOTHING RETURNING id`;
    added += trigger.length;

    const [account] = await tx<{ id: string }[]>`
      SELECT id FROM cs_account WHERE organization_id = ${orgID} AND name = ${DEMO_ACCOUNT}`;
    if (!account) return { added, kpiIDs: [] };
    const [ran] = await tx`
      SELECT 1 FROM playbook_execution WHERE organization_id = ${orgID} AND account_id = ${account.id} AND playbook_id = 'voc-sprint'`;
    if (ran) return { added, kpiIDs: [] };
    const started = await insertExecution(tx, {
      orgID,
      accountID: account.id,
      playbook: BUILTIN_PLAYBOOKS['voc-sprint'],
      triggeredBy: 'auto',
      triggerReason: [VOC_DEFAULT_CONDITIONS[0] ?? { kpi: 'NPS Score', op: '<', value: 10 }],
      baseline: [],
      startedBy: userID,
      startedAt: Date.now() - 5 * DAY,
    });
    if (!started) return { added, kpiIDs: [] };
    for (const [i, result] of DONE_RESULTS.entries()) {
      await tx`UPDATE playbook_step SET status = 'done', result = ${result}, assignee_id = ${userID}, updated_by = ${userID}, updated_at = now()
               WHERE id = ${started.stepIDs[i] ?? ''}`;
    }
    await tx`UPDATE playbook_step SET status = 'in_progress', assignee_id = ${userID}, updated_by = ${userID}, updated_at = now()
             WHERE id = ${started.stepIDs[DONE_RESULTS.length] ?? ''}`;
    return { added: added + 1, kpiIDs: [] };
  },
};
