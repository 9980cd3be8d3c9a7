/// <reference types="jest" />
import { DeciderSpecification, type CommandMetadata } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import { toIntegrationEvents } from '../subcontracting.integration';
import type { CompleteTransition, IncomingSubcontract, TakeOverSubcontracts } from './contract.commands';
import { contractDecider } from './contract.decider';
import type { ContractCreated, ContractDecommissioned, DecommissioningCaseOpened, SubcontractorAdded } from './contract.events';

const spec = DeciderSpecification.for(contractDecider);

const platform: Actor = { userId: 'system:subcontracting-transitions', role: 'system', organisationId: null };
const commissioner: Actor = { userId: 'user-amara', role: 'commissioner', organisationId: 'org-council' };
const NOW = '2026-10-01T09:00:00.000Z';
const at = (actor: Actor): CommandMetadata => ({ now: new Date(NOW), actor, correlationId: 'corr-t' });

const contract = (contractId: string, primeOrganisationId: string, valuePence = 100_000_00): ContractCreated => ({
  type: 'ContractCreated',
  data: {
    contractId,
    tenderId: 't-1',
    lotId: `lot-${contractId}`,
    bidId: 'bid-1',
    commissionerOrganisationId: 'org-council',
    primeOrganisationId,
    valuePence,
    startDate: '2025-10-01',
    endDate: '2028-09-30',
    paymentTermsDays: 30,
    createdAt: '2025-09-01T09:00:00.000Z',
  },
});

const sub = (contractId: string, subcontractId: string, organisationId: string, parent: string | null, parentOrganisationId: string, valuePence = 10_000_00): SubcontractorAdded => ({
  type: 'SubcontractorAdded',
  data: {
    contractId,
    subcontractId,
    parentSubcontractId: parent,
    parentOrganisationId,
    subcontractorOrganisationId: organisationId,
    tier: parent === null ? 1 : 2,
    valuePence,
    scope: 'Youth club',
    area: 'Ward 1',
    startDate: '2025-10-01',
    endDate: '2028-09-30',
    paymentTermsDays: 14,
    addedAt: '2025-10-02T09:00:00.000Z',
    mayLetSubcontracts: parent === null,
  },
});

const decidedBy = { userId: 'user-amara', organisationId: 'org-council' };

const incoming = (overrides: Partial<IncomingSubcontract> = {}): IncomingSubcontract => ({
  subcontractId: 'n-1',
  parentSubcontractId: null,
  fromSubcontractId: 's-1',
  subcontractorOrganisationId: 'org-sub-a',
  valuePence: 10_000_00,
  scope: 'Youth club',
  area: 'Ward 1',
  startDate: '2025-10-01',
  endDate: '2028-09-30',
  paymentTermsDays: 14,
  mayLetSubcontracts: true,
  ...overrides,
});

const takeOver = (subcontracts: IncomingSubcontract[], actor: Actor = platform): TakeOverSubcontracts => ({
  type: 'TakeOverSubcontracts',
  data: {
    contractId: 'c-2',
    fromContractId: 'c-1',
    caseId: 'case-1',
    reason: 'No improvement after two quarters',
    evidenceRefs: ['rating:2026-Q2'],
    decidedBy,
    subcontracts,
  },
  metadata: at(actor),
});

const transferredFrom = (subcontractId: string) => ({
  contractId: 'c-1',
  subcontractId,
  caseId: 'case-1',
  reason: 'No improvement after two quarters',
  evidenceRefs: ['rating:2026-Q2'],
  decidedBy,
});

describe('Taking over subcontracts under a transition plan', () => {
  const target = contract('c-2', 'org-prime-2', 30_000_00);
  const existingWork = sub('c-2', 'x-1', 'org-sub-x', null, 'org-prime-2', 15_000_00);

  it('re-parents moved work under the prime, keeping scope, area and value, with a trail back to the decision', () => {
    spec
      .given([target, existingWork])
      .when(takeOver([incoming(), incoming({ subcontractId: 'n-2', parentSubcontractId: 'n-1', fromSubcontractId: 's-2', subcontractorOrganisationId: 'org-sub-b', valuePence: 5_000_00, mayLetSubcontracts: false })]))
      .then([
        {
          type: 'SubcontractorAdded',
          data: {
            ...sub('c-2', 'n-1', 'org-sub-a', null, 'org-prime-2').data,
            startDate: '2026-10-01',
            addedAt: NOW,
            mayLetSubcontracts: true,
            transferredFrom: transferredFrom('s-1'),
          },
        },
        {
          type: 'SubcontractorAdded',
          data: {
            ...sub('c-2', 'n-2', 'org-sub-b', 'n-1', 'org-sub-a', 5_000_00).data,
            startDate: '2026-10-01',
            addedAt: NOW,
            mayLetSubcontracts: false,
            transferredFrom: transferredFrom('s-2'),
          },
        },
      ]);
  });

  it('records nothing when the platform retries a batch already taken over', () => {
    const [first] = contractDecider.decide(takeOver([incoming()]), contractDecider.evolve(contractDecider.evolve(contractDecider.initialState(), target), existingWork));
    if (!first) throw new Error('nothing taken over');
    spec.given([target, existingWork, first]).when(takeOver([incoming()])).then([]);
  });

  it('publishes moved work as a subcontractor added, like any other', () => {
    const moved: SubcontractorAdded = { type: 'SubcontractorAdded', data: { ...sub('c-2', 'n-1', 'org-sub-a', null, 'org-prime-2').data, transferredFrom: transferredFrom('s-1') } };
    expect(toIntegrationEvents(moved)[0]?.data).not.toHaveProperty('transferredFrom');
  });

  it.each<[string, TakeOverSubcontracts, string]>([
    ['by anyone but the platform', takeOver([incoming()], commissioner), 'ONLY_THE_SYSTEM_CARRIES_OUT_TRANSITIONS'],
    ['beyond the prime’s headroom', takeOver([incoming({ valuePence: 15_000_00 + 1 })]), 'TRANSITION_TARGET_HEADROOM_EXCEEDED'],
    ['with payment terms over 30 days', takeOver([incoming({ paymentTermsDays: 45 })]), 'PAYMENT_TERMS_EXCEED_30_DAYS'],
    ['running past the contract’s end', takeOver([incoming({ endDate: '2029-03-31' })]), 'TRANSITION_TARGET_TERM_TOO_SHORT'],
    ['of the prime’s own organisation', takeOver([incoming({ subcontractorOrganisationId: 'org-prime-2' })]), 'TRANSITION_TARGET_IS_THE_SUBCONTRACTOR'],
  ])('is refused %s', (_case, command, code) => {
    spec.given([target, existingWork]).when(command).thenThrows(code);
  });

  it('is refused under a contract that was decommissioned', () => {
    const closed = { type: 'ContractTerminated' as const, data: { contractId: 'c-2', reason: 'Insolvent', terminatedAt: NOW } };
    spec.given([target, closed]).when(takeOver([incoming()])).thenThrows('TRANSITION_TARGET_NOT_ACTIVE');
  });
});

describe('Completing a transition plan on the decommissioned contract', () => {
  const opened: DecommissioningCaseOpened = {
    type: 'DecommissioningCaseOpened',
    data: { contractId: 'c-1', caseId: 'case-1', reason: 'Inadequate twice', evidenceRefs: ['rating:2026-Q2'], openedAt: NOW },
  };
  const decommissioned: ContractDecommissioned = {
    type: 'ContractDecommissioned',
    data: {
      contractId: 'c-1',
      caseId: 'case-1',
      tenderId: 't-1',
      lotId: 'lot-c-1',
      commissionerOrganisationId: 'org-council',
      primeOrganisationId: 'org-prime',
      valuePence: 100_000_00,
      rationale: 'No improvement after two quarters',
      evidenceRefs: ['rating:2026-Q2'],
      noticePeriodDays: 90,
      endDate: '2026-12-30',
      previousEndDate: '2028-09-30',
      transition: [
        { subcontractId: 's-1', subcontractorOrganisationId: 'org-sub-a', outcome: 'moves-to-prime', toContractId: 'c-2', toPrimeOrganisationId: 'org-prime-2' },
        { subcontractId: 's-2', subcontractorOrganisationId: 'org-sub-b', outcome: 'ends' },
        { subcontractId: 's-3', subcontractorOrganisationId: 'org-sub-c', outcome: 'moves-in-house', toContractId: 'c-in' },
      ],
      decidedAt: NOW,
      decidedBy,
    },
  };
  const history = [
    contract('c-1', 'org-prime'),
    sub('c-1', 's-1', 'org-sub-a', null, 'org-prime'),
    sub('c-1', 's-2', 'org-sub-b', 's-1', 'org-sub-a'),
    sub('c-1', 's-3', 'org-sub-c', null, 'org-prime'),
    opened,
    decommissioned,
  ];
  const complete = (steps: CompleteTransition['data']['steps'], actor: Actor = platform): CompleteTransition => ({
    type: 'CompleteTransition',
    data: { contractId: 'c-1', caseId: 'case-1', steps },
    metadata: at(actor),
  });
  const steps: CompleteTransition['data']['steps'] = [
    { subcontractId: 's-1', outcome: 'moves-to-prime', result: 'done', toContractId: 'c-2', toSubcontractId: 'n-1' },
    { subcontractId: 's-2', outcome: 'ends', result: 'done' },
    { subcontractId: 's-3', outcome: 'moves-in-house', result: 'refused', toContractId: 'c-in', refusalCode: 'TRANSITION_TARGET_HEADROOM_EXCEEDED', refusal: 'No headroom' },
  ];

  it('ends moved and ended work deepest first, says where moved work went, and keeps refused moves live', () => {
    const ended = (subcontractId: string, words: string, transferredTo?: { contractId: string; subcontractId: string }) => ({
      type: 'SubcontractEnded' as const,
      data: {
        contractId: 'c-1',
        subcontractId,
        reason: `Transition plan of decommissioning case case-1: the work ${words}`,
        releasedValuePence: 10_000_00,
        endedAt: NOW,
        caseId: 'case-1',
        ...(transferredTo ? { transferredTo } : {}),
      },
    });
    spec
      .given(history)
      .when(complete(steps))
      .then([
        ended('s-2', 'ends'),
        ended('s-1', 'moves to another prime', { contractId: 'c-2', subcontractId: 'n-1' }),
        { type: 'TransitionCompleted', data: { contractId: 'c-1', caseId: 'case-1', steps, completedAt: NOW } },
      ]);
  });

  it('records nothing the second time', () => {
    const done = { type: 'TransitionCompleted' as const, data: { contractId: 'c-1', caseId: 'case-1', steps, completedAt: NOW } };
    spec.given([...history, done]).when(complete(steps)).then([]);
  });

  it('is refused to anyone but the platform', () => {
    spec.given(history).when(complete(steps, commissioner)).thenThrows('ONLY_THE_SYSTEM_CARRIES_OUT_TRANSITIONS');
  });

  it('is refused before the case decided a plan', () => {
    spec.given(history.slice(0, 5)).when(complete(steps)).thenThrows('TRANSITION_NOT_DECIDED');
  });
});
