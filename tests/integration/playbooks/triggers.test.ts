import { describe, expect, test } from 'vitest';
import { VOC_DEFAULT_CONDITIONS } from '../../../shared/playbooks/triggers.ts';
import { useOrg } from '../../helpers/people.ts';
import { expectError, expectStatus, rest } from '../../helpers/rest.ts';

const NPS = { higherIsBetter: true, critical: { min: -100, max: 0 }, risk: { min: 0, max: 30 }, healthy: { min: 30, max: 100 } };

describe('REST /api/playbook-triggers/{playbookId}', () => {
  const org = useOrg('Triggers', { ada: 'owner', max: 'manager', vic: 'viewer' });
  const as = (who: 'ada' | 'max' | 'vic') => ({ person: org[who], org: org.id });

  test('the defaults until set; a condition on a KPI no range knows is refused; admins set, others read', async () => {
    expect(expectStatus(await rest(as('vic'), 'GET', '/api/playbook-triggers/voc-sprint'), 200)).toEqual({
      playbookId: 'voc-sprint',
      autoTrigger: false,
      conditions: VOC_DEFAULT_CONDITIONS,
      triggerCount: 0,
      lastEvaluatedAt: null,
      lastFiredAt: null,
      updatedAt: null,
    });
    expect(expectStatus(await rest(as('vic'), 'GET', '/api/playbook-triggers/renewal'), 200).conditions).toEqual([]);

    const body = {
      autoTrigger: true,
      conditions: [
        { kpi: 'NPS Score', op: '<', value: 10 },
        { kpi: 'health', op: 'drop', value: 10 },
      ],
    };
    const unknown = expectError(
      await rest(as('ada'), 'PUT', '/api/playbook-triggers/voc-sprint', body),
      400,
      'VALIDATION_FAILED',
    );
    expect(unknown.details.map((d) => d.loc.join('.'))).toEqual(['body.conditions.0.kpi']);
    expect(unknown.message).toContain('No reference range knows the KPI “NPS Score”');

    expectStatus(await rest(as('ada'), 'PUT', '/api/reference-ranges/NPS%20Score', NPS), 200);
    const set = expectStatus(await rest(as('ada'), 'PUT', '/api/playbook-triggers/voc-sprint', body), 200);
    expect(set).toMatchObject({ playbookId: 'voc-sprint', autoTrigger: true, conditions: body.conditions, triggerCount: 0 });
    expect(expectStatus(await rest(as('vic'), 'GET', '/api/playbook-triggers/voc-sprint'), 200)).toEqual(set);

    const badOp = expectError(
      await rest(as('ada'), 'PUT', '/api/playbook-triggers/voc-sprint', {
        autoTrigger: true,
        conditions: [{ kpi: 'NPS Score', op: 'drop', value: 1 }],
      }),
      400,
      'VALIDATION_FAILED',
    );
    expect(badOp.details.map((d) => d.loc.join('.'))).toEqual(['body.conditions.0.op']);
    expectError(await rest(as('max'), 'PUT', '/api/playbook-triggers/voc-sprint', body), 403, 'FORBIDDEN');
    expectError(await rest(as('ada'), 'GET', '/api/playbook-triggers/onboarding'), 400, 'VALIDATION_FAILED');
  });
});
