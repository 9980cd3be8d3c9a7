/// <reference types="jest" />
import { DeciderSpecification, type CommandMetadata } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import { toIntegrationEvents } from '../subcontracting.integration';
import type { DecideDecommissioningCase, OpenDecommissioningCase, RespondToDecommissioningCase, TransitionStep, TransitionTarget } from './contract.commands';
import { contractDecider } from './contract.decider';
import type {
  ContractCreated,
  ContractDecommissioned,
  DecommissioningCaseAnswered,
  DecommissioningCaseOpened,
  ImprovementPlanRequired,
  SubcontractEnded,
  SubcontractorAdded,
} from './contract.events';

const spec = DeciderSpecification.for(contractDecider);
const ELIGIBLE = { registered: true, declarations: [{ kind: 'safeguarding_policy', expiresAt: '2030-01-01T00:00:00.000Z' }] };

const commissioner: Actor = { userId: 'user-amara', role: 'commissioner', organisationId: 'org-council' };
const otherCouncil: Actor = { userId: 'user-ed', role: 'commissioner', organisationId: 'org-other' };
const prime: Actor = { userId: 'user-pia', role: 'prime', organisationId: 'org-prime' };
const subA: Actor = { userId: 'user-abe', role: 'provider', organisationId: 'org-sub-a' };

const NOW = '2026-10-01T09:00:00.000Z';
const at = (actor: Actor): CommandMetadata => ({ now: new Date(NOW), actor, correlationId: 'corr-d' });

const created: ContractCreated = {
  type: 'ContractCreated',
  data: {
    contractId: 'c-1',
    tenderId: 't-1',
    lotId: 'lot-1',
    bidId: 'bid-1',
    commissionerOrganisationId: 'org-council',
    primeOrganisationId: 'org-prime',
    valuePence: 100_000_00,
    startDate: '2025-10-01',
    endDate: '2028-09-30',
    paymentTermsDays: 30,
    createdAt: '2025-09-01T09:00:00.000Z',
  },
};

const sub = (subcontractId: string, organisationId: string, parent: string | null = null): SubcontractorAdded => ({
  type: 'SubcontractorAdded',
  data: {
    contractId: 'c-1',
    subcontractId,
    parentSubcontractId: parent,
    parentOrganisationId: parent === null ? 'org-prime' : 'org-sub-a',
    subcontractorOrganisationId: organisationId,
    tier: parent === null ? 1 : 2,
    valuePence: 10_000_00,
    scope: 'Youth club',
    area: 'Ward 1',
    startDate: '2025-10-01',
    endDate: '2028-09-30',
    paymentTermsDays: 14,
    addedAt: '2025-10-02T09:00:00.000Z',
  },
});
const s1 = sub('s-1', 'org-sub-a');
const s2 = sub('s-2', 'org-sub-b', 's-1');
const s3 = sub('s-3', 'org-sub-c');
const s3Ended: SubcontractEnded = {
  type: 'SubcontractEnded',
  data: { contractId: 'c-1', subcontractId: 's-3', reason: 'Closed', releasedValuePence: 10_000_00, endedAt: NOW },
};

const open = (overrides: Partial<OpenDecommissioningCase['data']> = {}, actor: Actor = commissioner): OpenDecommissioningCase => ({
  type: 'OpenDecommissioningCase',
  data: { contractId: 'c-1', caseId: 'case-1', reason: 'Rated inadequate twice', evidenceRefs: ['rating:2026-Q2', 'rating:2026-Q3'], ...overrides },
  metadata: at(actor),
});
const opened: DecommissioningCaseOpened = {
  type: 'DecommissioningCaseOpened',
  data: { contractId: 'c-1', caseId: 'case-1', reason: 'Rated inadequate twice', evidenceRefs: ['rating:2026-Q2', 'rating:2026-Q3'], openedAt: NOW },
};

const respond = (overrides: Partial<RespondToDecommissioningCase['data']> = {}, actor: Actor = prime): RespondToDecommissioningCase => ({
  type: 'RespondToDecommissioningCase',
  data: { contractId: 'c-1', caseId: 'case-1', response: 'Staff shortages now resolved', evidenceRefs: ['recruitment-plan'], ...overrides },
  metadata: at(actor),
});
const answered: DecommissioningCaseAnswered = {
  type: 'DecommissioningCaseAnswered',
  data: { contractId: 'c-1', caseId: 'case-1', response: 'Staff shortages now resolved', evidenceRefs: ['recruitment-plan'], answeredAt: NOW },
};

const fullPlan: TransitionStep[] = [
  { subcontractId: 's-1', outcome: 'moves-to-prime', toContractId: 'c-2', toPrimeOrganisationId: 'org-prime-2' },
  { subcontractId: 's-2', outcome: 'moves-in-house' },
  { subcontractId: 's-3', outcome: 'ends' },
];

const CHAIN_ELIGIBLE = { 'org-sub-a': ELIGIBLE, 'org-sub-b': ELIGIBLE, 'org-sub-c': ELIGIBLE };

const TARGETS: TransitionTarget[] = [
  {
    contractId: 'c-2',
    kind: 'awarded',
    commissionerOrganisationId: 'org-council',
    primeOrganisationId: 'org-prime-2',
    strandId: 'lot-2',
    status: 'active',
    startDate: '2025-10-01',
    endDate: '2028-09-30',
    headroomPence: 50_000_00,
  },
  {
    contractId: 'c-in',
    kind: 'internal',
    commissionerOrganisationId: 'org-council',
    primeOrganisationId: 'org-in-house',
    strandId: 'lot-1',
    status: 'active',
    startDate: '2025-10-01',
    endDate: '2028-09-30',
    headroomPence: 20_000_00,
  },
];

const decommission = (
  transition: TransitionStep[] = fullPlan,
  noticePeriodDays = 90,
  actor: Actor = commissioner,
  transitionTargets: TransitionTarget[] = TARGETS,
  subcontractorEligibility: Record<string, typeof ELIGIBLE> = CHAIN_ELIGIBLE,
): DecideDecommissioningCase => ({
  type: 'DecideDecommissioningCase',
  data: {
    contractId: 'c-1',
    caseId: 'case-1',
    rationale: 'No improvement after two quarters',
    decision: { kind: 'decommission', noticePeriodDays, transition },
    transitionTargets,
    subcontractorEligibility,
  },
  metadata: at(actor),
});
const improve = (reviewDate: string, actor: Actor = commissioner): DecideDecommissioningCase => ({
  type: 'DecideDecommissioningCase',
  data: { contractId: 'c-1', caseId: 'case-1', rationale: 'Credible recovery plan', decision: { kind: 'improvement_plan', reviewDate } },
  metadata: at(actor),
});

const decommissioned: ContractDecommissioned = {
  type: 'ContractDecommissioned',
  data: {
    contractId: 'c-1',
    caseId: 'case-1',
    tenderId: 't-1',
    lotId: 'lot-1',
    commissionerOrganisationId: 'org-council',
    primeOrganisationId: 'org-prime',
    valuePence: 100_000_00,
    rationale: 'No improvement after two quarters',
    evidenceRefs: ['rating:2026-Q2', 'rating:2026-Q3', 'recruitment-plan'],
    noticePeriodDays: 90,
    endDate: '2026-12-30',
    previousEndDate: '2028-09-30',
    transition: [
      { subcontractId: 's-1', subcontractorOrganisationId: 'org-sub-a', outcome: 'moves-to-prime', toContractId: 'c-2', toPrimeOrganisationId: 'org-prime-2' },
      { subcontractId: 's-2', subcontractorOrganisationId: 'org-sub-b', outcome: 'moves-in-house', toContractId: 'c-in' },
      { subcontractId: 's-3', subcontractorOrganisationId: 'org-sub-c', outcome: 'ends' },
    ],
    decidedAt: NOW,
    decidedBy: { userId: 'user-amara', organisationId: 'org-council' },
  },
};

describe('Decommissioning case', () => {
  describe('when opened', () => {
    it('records the reason and the evidence it rests on', () => {
      spec.given([created]).when(open()).then([opened]);
    });

    it.each<[string, OpenDecommissioningCase, string]>([
      ['by another council', open({}, otherCouncil), 'NOT_THE_CONTRACT_COMMISSIONER'],
      ['by the prime', open({}, prime), 'NOT_THE_CONTRACT_COMMISSIONER'],
      ['without a reason', open({ reason: '' }), 'DECOMMISSIONING_REASON_REQUIRED'],
      ['without evidence', open({ evidenceRefs: [] }), 'DECOMMISSIONING_EVIDENCE_REQUIRED'],
    ])('is refused %s', (_case, command, code) => {
      spec.given([created]).when(command).thenThrows(code);
    });

    it('is refused while another case is open', () => {
      spec.given([created, opened]).when(open({ caseId: 'case-2' })).thenThrows('DECOMMISSIONING_CASE_ALREADY_OPEN');
    });

    it('may follow a case that ended in an improvement plan', () => {
      const planned: ImprovementPlanRequired = {
        type: 'ImprovementPlanRequired',
        data: { contractId: 'c-1', caseId: 'case-1', rationale: 'x', reviewDate: '2027-01-31', decidedAt: NOW },
      };
      spec
        .given([created, opened, planned])
        .when(open({ caseId: 'case-2' }))
        .then([{ ...opened, data: { ...opened.data, caseId: 'case-2' } }]);
    });
  });

  describe('when the prime responds', () => {
    it('records the response and its evidence', () => {
      spec.given([created, opened]).when(respond()).then([answered]);
    });

    it.each<[string, RespondToDecommissioningCase, string]>([
      ['from a subcontractor', respond({}, subA), 'NOT_THE_PRIME'],
      ['from the commissioner', respond({}, commissioner), 'NOT_THE_PRIME'],
      ['with nothing to say', respond({ response: ' ' }), 'CASE_RESPONSE_REQUIRED'],
      ['to a case that does not exist', respond({ caseId: 'case-9' }), 'DECOMMISSIONING_CASE_NOT_FOUND'],
    ])('is refused %s', (_case, command, code) => {
      spec.given([created, opened]).when(command).thenThrows(code);
    });

    it('is refused a second time', () => {
      spec.given([created, opened, answered]).when(respond()).thenThrows('CASE_ALREADY_ANSWERED');
    });
  });

  describe('when the commissioner decides an improvement plan', () => {
    it('records the rationale and the review date', () => {
      spec
        .given([created, opened])
        .when(improve('2027-01-31'))
        .then([
          {
            type: 'ImprovementPlanRequired',
            data: { contractId: 'c-1', caseId: 'case-1', rationale: 'Credible recovery plan', reviewDate: '2027-01-31', decidedAt: NOW },
          },
        ]);
    });

    it('is refused a review date that is not in the future', () => {
      spec.given([created, opened]).when(improve('2026-10-01')).thenThrows('REVIEW_DATE_MUST_BE_A_FUTURE_DATE');
    });
  });

  describe('when the commissioner decommissions', () => {
    it('sets the end after the notice period, carries the evidence and plans every live subcontract’s future', () => {
      spec.given([created, s1, s2, s3, opened, answered]).when(decommission()).then([decommissioned]);
    });

    it('needs no step for a subcontract that has already ended', () => {
      const plan = fullPlan.filter((step) => step.subcontractId !== 's-3');
      spec
        .given([created, s1, s2, s3, s3Ended, opened])
        .when(decommission(plan))
        .then([
          {
            ...decommissioned,
            data: { ...decommissioned.data, evidenceRefs: ['rating:2026-Q2', 'rating:2026-Q3'], transition: decommissioned.data.transition.slice(0, 2) },
          },
        ]);
    });

    it('counts against a prime’s headroom only the work that lands directly under it: work moving with its parent stays under it', () => {
      const both: TransitionStep[] = [
        { subcontractId: 's-1', outcome: 'moves-to-prime', toContractId: 'c-2', toPrimeOrganisationId: 'org-prime-2' },
        { subcontractId: 's-2', outcome: 'moves-to-prime', toContractId: 'c-2', toPrimeOrganisationId: 'org-prime-2' },
        { subcontractId: 's-3', outcome: 'ends' },
      ];
      const exactly = TARGETS.map((t) => (t.contractId === 'c-2' ? { ...t, headroomPence: 10_000_00 } : t));
      const [event] = contractDecider.decide(decommission(both, 90, commissioner, exactly), [created, s1, s2, s3, opened].reduce(contractDecider.evolve, contractDecider.initialState()));
      expect(event?.type).toBe('ContractDecommissioned');
      const orphaned: TransitionStep[] = [{ subcontractId: 's-1', outcome: 'ends' }, both[1] as TransitionStep, both[2] as TransitionStep];
      spec
        .given([created, s1, s2, s3, opened])
        .when(decommission(orphaned, 90, commissioner, TARGETS.map((t) => (t.contractId === 'c-2' ? { ...t, headroomPence: 10_000_00 - 1 } : t))))
        .thenThrows('TRANSITION_TARGET_HEADROOM_EXCEEDED', { toContractId: 'c-2', headroomPence: 10_000_00 - 1, movingPence: 10_000_00 });
    });

    it('publishes the strand for re-tender', () => {
      const [published] = toIntegrationEvents(decommissioned);
      expect(published?.type).toBe('subcontracting.strand-decommissioned.v1');
      expect(published?.data).toMatchObject({ lotId: 'lot-1', tenderId: 't-1', endDate: '2026-12-30', transition: decommissioned.data.transition });
    });

    it.each<[string, DecideDecommissioningCase, string]>([
      ['by another council', decommission(fullPlan, 90, otherCouncil), 'NOT_THE_CONTRACT_COMMISSIONER'],
      ['without a rationale', { ...decommission(), data: { ...decommission().data, rationale: '' } }, 'DECISION_RATIONALE_REQUIRED'],
      ['with a part-day notice period', decommission(fullPlan, 1.5), 'NOTICE_PERIOD_MUST_BE_WHOLE_DAYS'],
      ['with notice past the contract’s end', decommission(fullPlan, 800), 'NOTICE_RUNS_PAST_CONTRACT_END'],
      ['leaving a subcontract out of the plan', decommission(fullPlan.slice(0, 2)), 'TRANSITION_PLAN_INCOMPLETE'],
      ['naming a subcontract twice', decommission([...fullPlan, { subcontractId: 's-2', outcome: 'ends' }]), 'TRANSITION_PLAN_INCOMPLETE'],
      ['naming a subcontract not in the chain', decommission([...fullPlan, { subcontractId: 's-9', outcome: 'ends' }]), 'TRANSITION_PLAN_NAMES_UNKNOWN_SUBCONTRACT'],
      [
        'moving a subcontract to no prime',
        decommission([{ subcontractId: 's-1', outcome: 'moves-to-prime', toContractId: '', toPrimeOrganisationId: '' }, ...fullPlan.slice(1)]),
        'TRANSITION_TARGET_REQUIRED',
      ],
      [
        'moving a subcontract back to the same prime',
        decommission([{ subcontractId: 's-1', outcome: 'moves-to-prime', toContractId: 'c-1', toPrimeOrganisationId: 'org-prime' }, ...fullPlan.slice(1)]),
        'TRANSITION_TARGET_IS_THIS_CONTRACT',
      ],
      ['on a case that does not exist', { ...decommission(), data: { ...decommission().data, caseId: 'case-9' } }, 'DECOMMISSIONING_CASE_NOT_FOUND'],
      [
        'moving work under a contract that does not exist',
        decommission([{ subcontractId: 's-1', outcome: 'moves-to-prime', toContractId: 'c-9', toPrimeOrganisationId: 'org-prime-2' }, ...fullPlan.slice(1)]),
        'TRANSITION_TARGET_NOT_FOUND',
      ],
      [
        'moving work to a prime that does not hold the named contract',
        decommission([{ subcontractId: 's-1', outcome: 'moves-to-prime', toContractId: 'c-2', toPrimeOrganisationId: 'org-prime-3' }, ...fullPlan.slice(1)]),
        'TRANSITION_TARGET_PRIME_MISMATCH',
      ],
      [
        'moving work under another council’s contract',
        decommission(fullPlan, 90, commissioner, TARGETS.map((t) => (t.contractId === 'c-2' ? { ...t, commissionerOrganisationId: 'org-other' } : t))),
        'TRANSITION_TARGET_OF_ANOTHER_COUNCIL',
      ],
      [
        'moving work under a decommissioned contract',
        decommission(fullPlan, 90, commissioner, TARGETS.map((t) => (t.contractId === 'c-2' ? { ...t, status: 'decommissioned' } : t))),
        'TRANSITION_TARGET_NOT_ACTIVE',
      ],
      [
        'moving work under a contract that ends before it',
        decommission(fullPlan, 90, commissioner, TARGETS.map((t) => (t.contractId === 'c-2' ? { ...t, endDate: '2027-03-31' } : t))),
        'TRANSITION_TARGET_TERM_TOO_SHORT',
      ],
      [
        'moving more work to a prime than it has headroom for',
        decommission(fullPlan, 90, commissioner, TARGETS.map((t) => (t.contractId === 'c-2' ? { ...t, headroomPence: 10_000_00 - 1 } : t))),
        'TRANSITION_TARGET_HEADROOM_EXCEEDED',
      ],
      [
        'moving work of a subcontractor whose safeguarding declaration has expired',
        decommission(fullPlan, 90, commissioner, TARGETS, {
          ...CHAIN_ELIGIBLE,
          'org-sub-a': { registered: true, declarations: [{ kind: 'safeguarding_policy', expiresAt: '2026-09-30T00:00:00.000Z' }] },
        }),
        'SUBCONTRACTOR_SAFEGUARDING_EXPIRED',
      ],
      [
        'moving work in-house when the strand has no in-house agreement',
        decommission(fullPlan, 90, commissioner, TARGETS.filter((t) => t.kind !== 'internal')),
        'TRANSITION_NO_IN_HOUSE_AGREEMENT',
      ],
      [
        'moving work “in-house” under a prime’s contract',
        decommission([fullPlan[0] as TransitionStep, { subcontractId: 's-2', outcome: 'moves-in-house', toContractId: 'c-2' }, fullPlan[2] as TransitionStep]),
        'TRANSITION_TARGET_NOT_IN_HOUSE',
      ],
    ])('is refused %s', (_case, command, code) => {
      spec.given([created, s1, s2, s3, opened]).when(command).thenThrows(code);
    });

    it('is refused once the case is decided', () => {
      spec.given([created, s1, s2, s3, opened, decommissioned]).when(decommission()).thenThrows('DECOMMISSIONING_CASE_NOT_OPEN');
    });

    it('takes no new subcontracts during the notice period', () => {
      const { tier: _tier, parentOrganisationId: _parent, addedAt: _addedAt, ...data } = sub('s-4', 'org-sub-d').data;
      spec
        .given([created, s1, s2, s3, opened, decommissioned])
        .when({ type: 'AddSubcontractor', data: { ...data, subcontractorEligibility: ELIGIBLE }, metadata: at(prime) })
        .thenThrows('CONTRACT_NOT_ACTIVE');
    });

    it('still ends subcontracts during the notice period, carrying out the plan', () => {
      spec
        .given([created, s1, s2, s3, opened, decommissioned])
        .when({ type: 'EndSubcontract', data: { contractId: 'c-1', subcontractId: 's-3', reason: 'Transition plan' }, metadata: at(prime) })
        .then([{ type: 'SubcontractEnded', data: { contractId: 'c-1', subcontractId: 's-3', reason: 'Transition plan', releasedValuePence: 10_000_00, endedAt: NOW } }]);
    });
  });
});
