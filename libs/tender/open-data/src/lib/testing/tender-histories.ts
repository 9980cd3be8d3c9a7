import { BIDS_OPENED_V1, biddingIntegrationStreamName, BID_RECEIVED_V1 } from '@tendril/bidding/contracts';
import type { Actor, RecordedEvent } from '@tendril/shared/event-store';
import {
  CONTRACT_CREATED_V1,
  CONTRACT_VARIED_V1,
  STRAND_DECOMMISSIONED_V1,
  SUBCONTRACT_ENDED_V1,
  SUBCONTRACTOR_ADDED_V1,
  subcontractingIntegrationStreamName,
} from '@tendril/subcontracting/contracts';
import { planIntegrationStreamName, STRAND_RELEASED_V1 } from '@tendril/tender/contracts';
import { tenderStreamName } from '@tendril/tender/domain';
import type { TenderEventSources } from '../ocds/ocds-sources';

// Recorded histories of one tender, as the store would hand them over, for the mapping's specs.

export const COUNCIL = 'org-council';
export const PRIME = 'org-prime';
export const RIVAL = 'org-rival';
export const SUB = 'org-sub';
export const SUB_SUB = 'org-subsub';
export const TENDER_ID = 't-1';
export const CONTRACT_ID = 'c-1';

const commissioner: Actor = { userId: 'u-clara', role: 'commissioner', organisationId: COUNCIL };
const prime: Actor = { userId: 'u-harriet', role: 'prime', organisationId: PRIME };
const system: Actor = { userId: 'system:tender-deadline-scheduler', role: 'system', organisationId: null };

export class HistoryBuilder {
  private position = 0;
  readonly tenderEvents: RecordedEvent[] = [];
  readonly biddingEvents: RecordedEvent[] = [];
  readonly contractEvents: RecordedEvent[] = [];
  readonly planEvents: RecordedEvent[] = [];

  record(list: RecordedEvent[], streamName: string, type: string, data: object, actor: Actor, occurredAt: string): this {
    this.position += 10;
    list.push({
      streamName,
      revision: list.filter((event) => event.streamName === streamName).length,
      position: this.position,
      type,
      data,
      metadata: { eventId: `e-${this.position}`, schemaVersion: 1, occurredAt, correlationId: `corr-${this.position}`, causationId: null, actor },
      recordedAt: occurredAt,
    });
    return this;
  }

  tender(type: string, data: object, occurredAt: string, actor: Actor = commissioner): this {
    return this.record(this.tenderEvents, tenderStreamName(TENDER_ID), type, { tenderId: TENDER_ID, ...data }, actor, occurredAt);
  }

  bidding(type: string, data: object, occurredAt: string): this {
    return this.record(this.biddingEvents, biddingIntegrationStreamName(TENDER_ID), type, { tenderId: TENDER_ID, ...data }, system, occurredAt);
  }

  contract(type: string, data: object, occurredAt: string, actor: Actor = prime): this {
    return this.record(this.contractEvents, subcontractingIntegrationStreamName(CONTRACT_ID), type, { contractId: CONTRACT_ID, ...data }, actor, occurredAt);
  }

  plan(type: string, data: object, occurredAt: string): this {
    return this.record(this.planEvents, planIntegrationStreamName('plan-1'), type, data, commissioner, occurredAt);
  }

  get sources(): TenderEventSources {
    return { tenderEvents: this.tenderEvents, biddingEvents: this.biddingEvents, contractEvents: this.contractEvents, planEvents: this.planEvents };
  }
}

export const DEADLINE = '2026-03-01T12:00:00.000Z';

export const published = (history = new HistoryBuilder()) =>
  history
    .plan(
      STRAND_RELEASED_V1,
      {
        planId: 'plan-1',
        organisationId: COUNCIL,
        strandId: 'strand-north',
        name: 'Open-access youth work, North',
        area: 'North',
        budgetPence: 50_000_000,
        deliveryModel: 'external',
        outcomeMeasures: [{ measureId: 'm-1', name: 'Young people reached', kind: 'reach', target: '400 a year' }],
        releasedAt: '2026-01-05T09:00:00.000Z',
      },
      '2026-01-05T09:00:00.000Z',
    )
    .tender(
      'TenderPublished',
      {
        organisationId: COUNCIL,
        title: 'Open-access youth work',
        description: 'Detached and centre-based youth work.',
        category: 'youth-work',
        lots: [
          { lotId: 'NORTH', title: 'North locality', estimatedValuePence: 42_000_000 },
          { lotId: 'EAST', title: 'East locality', estimatedValuePence: 38_000_000 },
        ],
        criteria: [
          { criterionId: 'Q1', name: 'Quality', kind: 'quality', weightPercent: 60 },
          { criterionId: 'P1', name: 'Price', kind: 'price', weightPercent: 40 },
        ],
        submissionDeadline: DEADLINE,
        clarificationDeadline: '2026-02-20T12:00:00.000Z',
        lightTouchRegime: true,
        suitableForVcse: true,
        reservedParticipation: false,
        planId: 'plan-1',
        strandId: 'strand-north',
        area: 'North',
        documents: [{ documentId: 'spec', kind: 'specification', title: 'Service specification', contentHash: 'a'.repeat(64) }],
        publishedAt: '2026-01-10T09:00:00.000Z',
      },
      '2026-01-10T09:00:00.000Z',
    )
    .bidding(BID_RECEIVED_V1, { lotId: 'NORTH', bidId: 'b-prime', receivedAt: '2026-02-01T10:00:00.000Z' }, '2026-02-01T10:00:00.000Z')
    .tender(
      'TenderDocumentAmended',
      { documentId: 'spec', previousContentHash: 'a'.repeat(64), contentHash: 'b'.repeat(64), summary: 'Corrected the session count', amendedAt: '2026-02-02T09:00:00.000Z' },
      '2026-02-02T09:00:00.000Z',
    )
    .tender(
      'ClarificationAsked',
      { questionId: 'q-1', question: 'Can we bid for both lots?', askedByOrganisationId: RIVAL, askedAt: '2026-02-03T09:00:00.000Z' },
      '2026-02-03T09:00:00.000Z',
      { userId: 'u-rival', role: 'provider', organisationId: RIVAL },
    )
    .tender(
      'ClarificationAnswered',
      { questionId: 'q-1', question: 'Can we bid for both lots?', answer: 'Yes.', answeredAt: '2026-02-04T09:00:00.000Z' },
      '2026-02-04T09:00:00.000Z',
    );

export const closed = (history = published()) =>
  history
    .tender('TenderClosed', { closedAt: DEADLINE }, DEADLINE, system)
    .bidding(
      BIDS_OPENED_V1,
      {
        openedAt: DEADLINE,
        bids: [
          { bidId: 'b-prime', lotId: 'NORTH', organisationId: PRIME },
          { bidId: 'b-prime-east', lotId: 'EAST', organisationId: PRIME },
          { bidId: 'b-rival', lotId: 'NORTH', organisationId: RIVAL },
        ],
      },
      DEADLINE,
    );

const award = (lotId: string, bidId: string, valuePence: number, awardedAt: string) => ({
  organisationId: COUNCIL,
  lotId,
  bidId,
  supplierOrganisationId: PRIME,
  valuePence,
  rationale: `Highest ranked bid for ${lotId}`,
  evidenceRefs: ['evaluation:lot'],
  contractStartDate: '2026-04-01',
  contractEndDate: '2028-03-31',
  paymentTermsDays: 30,
  awardedAt,
});

export const awardedWithSubcontracts = (history = closed()) =>
  history
    .tender('LotAwarded', award('NORTH', 'b-prime', 40_000_000, '2026-03-10T09:00:00.000Z'), '2026-03-10T09:00:00.000Z')
    .tender('LotAwarded', award('EAST', 'b-prime-east', 36_000_000, '2026-03-10T09:05:00.000Z'), '2026-03-10T09:05:00.000Z')
    .contract(
      CONTRACT_CREATED_V1,
      {
        tenderId: TENDER_ID,
        lotId: 'NORTH',
        bidId: 'b-prime',
        commissionerOrganisationId: COUNCIL,
        primeOrganisationId: PRIME,
        valuePence: 40_000_000,
        startDate: '2026-04-01',
        endDate: '2028-03-31',
        paymentTermsDays: 30,
        createdAt: '2026-03-10T09:00:01.000Z',
      },
      '2026-03-10T09:00:01.000Z',
      system,
    )
    .contract(
      SUBCONTRACTOR_ADDED_V1,
      subcontract('s-1', null, PRIME, SUB, 1, 10_000_000, '2026-03-20T09:00:00.000Z'),
      '2026-03-20T09:00:00.000Z',
    )
    .contract(
      SUBCONTRACTOR_ADDED_V1,
      subcontract('s-2', 's-1', SUB, SUB_SUB, 2, 2_000_000, '2026-03-21T09:00:00.000Z'),
      '2026-03-21T09:00:00.000Z',
    )
    .contract(
      CONTRACT_VARIED_V1,
      {
        variationId: 'v-1',
        changes: { valuePence: 44_000_000 },
        previous: { valuePence: 40_000_000 },
        reason: 'Two extra evenings a week',
        approvedBy: { userId: 'u-clara', organisationId: COUNCIL },
        variedAt: '2026-06-01T09:00:00.000Z',
      },
      '2026-06-01T09:00:00.000Z',
      commissioner,
    )
    .contract(SUBCONTRACT_ENDED_V1, { subcontractId: 's-2', reason: 'Venue closed', endedAt: '2026-07-01T09:00:00.000Z' }, '2026-07-01T09:00:00.000Z')
    .contract(
      STRAND_DECOMMISSIONED_V1,
      {
        caseId: 'case-1',
        tenderId: TENDER_ID,
        lotId: 'NORTH',
        commissionerOrganisationId: COUNCIL,
        primeOrganisationId: PRIME,
        valuePence: 44_000_000,
        noticePeriodDays: 90,
        endDate: '2027-01-31',
        rationale: 'Persistent under-delivery against the reach target',
        evidenceRefs: ['review:2026-q3'],
        transition: [{ subcontractId: 's-1', subcontractorOrganisationId: SUB, outcome: 'moves-in-house' }],
        decidedAt: '2026-11-01T09:00:00.000Z',
      },
      '2026-11-01T09:00:00.000Z',
      commissioner,
    );

function subcontract(subcontractId: string, parentSubcontractId: string | null, parent: string, subcontractor: string, tier: number, valuePence: number, addedAt: string) {
  return {
    subcontractId,
    parentSubcontractId,
    parentOrganisationId: parent,
    subcontractorOrganisationId: subcontractor,
    tier,
    valuePence,
    scope: 'Detached youth work',
    area: 'North',
    startDate: '2026-04-01',
    endDate: '2027-03-31',
    paymentTermsDays: 30,
    addedAt,
  };
}

export const cancelled = (history = published()) =>
  history.tender('TenderCancelled', { reason: 'The service is being brought in-house', cancelledAt: '2026-02-10T09:00:00.000Z' }, '2026-02-10T09:00:00.000Z');

export const unsuccessful = (history = closed()) =>
  history.tender('TenderDeclaredUnsuccessful', { reason: 'No compliant bid', declaredAt: '2026-03-05T09:00:00.000Z' }, '2026-03-05T09:00:00.000Z');

