/**
 * The five built-in playbooks (seed 002): what a CS team does when an
 * account needs it. Each has steps in order, the RACI roles of each step
 * (Responsible, Accountable, Consulted, Informed), exit criteria, and how
 * long it should take. An organization copies and edits them; these are
 * never changed in place.
 */
export const PLAYBOOK_IDS = ['voc-sprint', 'activation', 'sla', 'renewal', 'expansion'] as const;
export type PlaybookID = (typeof PLAYBOOK_IDS)[number];

export const RACI_ROLES = [
  'CSM',
  'CS Manager',
  'Account Executive',
  'Support Lead',
  'Product Manager',
  'Executive Sponsor',
] as const;
export type RaciRole = (typeof RACI_ROLES)[number];

// A type, not an interface: executions and copies store steps as JSON, and JSON types need an index signature.
export type PlaybookStep = {
  key: string;
  title: string;
  /** Days after the start that the step is due. */
  dueDay: number;
  raci: { responsible: RaciRole; accountable: RaciRole; consulted: RaciRole[]; informed: RaciRole[] };
};

export interface Playbook {
  id: PlaybookID;
  name: string;
  purpose: string;
  durationDays: number;
  steps: PlaybookStep[];
  exitCriteria: string[];
}

const step = (
  key: string,
  title: string,
  dueDay: number,
  r: RaciRole,
  a: RaciRole,
  c: RaciRole[] = [],
  i: RaciRole[] = [],
): PlaybookStep => ({
  key,
  title,
  dueDay,
  raci: { responsible: r, accountable: a, consulted: c, informed: i },
});

export const BUILTIN_PLAYBOOKS: Record<PlaybookID, Playbook> = {
  'voc-sprint': {
    id: 'voc-sprint',
    name: 'Voice of the customer sprint',
    purpose: 'Satisfaction or health fell: hear the customer out, fix what is fixable, and show them it was heard.',
    durationDays: 14,
    steps: [
      step('review', 'Review NPS/CSAT comments, tickets and usage since the drop', 1, 'CSM', 'CS Manager', ['Support Lead']),
      step(
        'interview',
        'Interview the main contacts about what changed',
        4,
        'CSM',
        'CS Manager',
        ['Account Executive'],
        ['Executive Sponsor'],
      ),
      step('plan', 'Agree an action plan with owners and dates', 6, 'CS Manager', 'CS Manager', [
        'Product Manager',
        'Support Lead',
      ]),
      step(
        'act',
        'Deliver the quick wins and escalate product gaps',
        11,
        'CSM',
        'CS Manager',
        ['Product Manager'],
        ['Account Executive'],
      ),
      step(
        'close',
        'Report back to the customer and re-survey',
        14,
        'CSM',
        'CS Manager',
        [],
        ['Executive Sponsor', 'Account Executive'],
      ),
    ],
    exitCriteria: ['Every interviewed contact heard back', 'Action plan delivered or scheduled', 'Follow-up survey sent'],
  },
  activation: {
    id: 'activation',
    name: 'Activation',
    purpose: 'A new or stalled account is not using the product yet: get it to first value.',
    durationDays: 30,
    steps: [
      step('kickoff', 'Kick-off call: goals, success measures, champions', 2, 'CSM', 'CS Manager', ['Account Executive']),
      step('setup', 'Set up the account and import their data', 7, 'CSM', 'CSM', ['Support Lead']),
      step('train', 'Train the first users', 14, 'CSM', 'CS Manager'),
      step('first-value', 'Confirm the first success measure is met', 25, 'CSM', 'CS Manager', [], ['Account Executive']),
      step('handover', 'Hand over to the regular cadence', 30, 'CSM', 'CS Manager', [], ['Executive Sponsor']),
    ],
    exitCriteria: ['Weekly active users at the agreed level', 'First success measure met'],
  },
  sla: {
    id: 'sla',
    name: 'SLA recovery',
    purpose: 'Support commitments were missed: stabilise, explain, and prevent a repeat.',
    durationDays: 10,
    steps: [
      step('triage', 'List the breached tickets and their state', 1, 'Support Lead', 'CS Manager', ['CSM']),
      step('fix', 'Resolve or escalate every open breach', 4, 'Support Lead', 'Support Lead', ['Product Manager'], ['CSM']),
      step(
        'explain',
        'Explain the cause and the fix to the customer',
        6,
        'CSM',
        'CS Manager',
        ['Support Lead'],
        ['Account Executive'],
      ),
      step('prevent', 'Agree the change that prevents a repeat', 10, 'CS Manager', 'CS Manager', [
        'Support Lead',
        'Product Manager',
      ]),
    ],
    exitCriteria: ['No open breached ticket', 'Root cause shared with the customer'],
  },
  renewal: {
    id: 'renewal',
    name: 'Renewal',
    purpose: 'The contract ends within 90 days: confirm value and renew on time.',
    durationDays: 90,
    steps: [
      step('review', 'Value review: outcomes against the goals set at the start', 15, 'CSM', 'CS Manager', ['Account Executive']),
      step('risks', 'Name the risks and the decision makers', 30, 'CSM', 'Account Executive', ['CS Manager']),
      step('proposal', 'Send the renewal proposal', 60, 'Account Executive', 'Account Executive', ['CSM']),
      step('signed', 'Renewal signed', 90, 'Account Executive', 'CS Manager', ['CSM'], ['Executive Sponsor']),
    ],
    exitCriteria: ['Renewal signed or a decision recorded'],
  },
  expansion: {
    id: 'expansion',
    name: 'Expansion',
    purpose: 'The account is healthy and growing: find and close the next use.',
    durationDays: 45,
    steps: [
      step('signals', 'Collect growth signals: usage, new teams, requests', 5, 'CSM', 'CS Manager'),
      step('qualify', 'Qualify the opportunity with the champion', 15, 'CSM', 'Account Executive', ['CS Manager']),
      step('proposal', 'Propose the expansion', 30, 'Account Executive', 'Account Executive', ['CSM']),
      step('close', 'Close and plan the rollout', 45, 'Account Executive', 'CS Manager', ['CSM'], ['Executive Sponsor']),
    ],
    exitCriteria: ['Expansion closed or the opportunity closed lost with a reason'],
  },
};
