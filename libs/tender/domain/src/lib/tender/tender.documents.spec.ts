/// <reference types="jest" />
import { DeciderSpecification } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import type { PublishTenderData, TenderCommand, TenderDocument } from './tender.commands';
import { tenderDecider } from './tender.decider';
import type { TenderCancelled, TenderDocumentAmended, TenderPublished } from './tender.events';
import { toIntegrationEvents } from './tender.integration';

const spec = DeciderSpecification.for(tenderDecider);
const commissioner: Actor = { userId: 'user-amara', role: 'commissioner', organisationId: 'org-leeds-council' };
const otherCouncil: Actor = { userId: 'user-bryn', role: 'commissioner', organisationId: 'org-york-council' };
const NOW = '2026-02-01T09:00:00.000Z';
const LATER = '2026-02-10T09:00:00.000Z';
const DEADLINE = '2026-03-01T12:00:00.000Z';
const HASH_1 = 'a'.repeat(64);
const HASH_2 = 'b'.repeat(64);

const specification: TenderDocument = { documentId: 'spec', kind: 'specification', title: 'Service specification', contentHash: HASH_1 };
const terms: TenderDocument = { documentId: 'terms', kind: 'terms', title: 'Terms and conditions', contentHash: HASH_2 };

const publishData = (documents: readonly TenderDocument[]): PublishTenderData => ({
  tenderId: 'tender-1',
  organisationId: 'org-leeds-council',
  title: 'Mentoring',
  description: '',
  category: 'youth-services',
  lots: [{ lotId: 'lot-1', title: 'All areas', estimatedValuePence: 10_000_000 }],
  criteria: [{ criterionId: 'q', name: 'Quality', kind: 'quality', weightPercent: 100 }],
  submissionDeadline: DEADLINE,
  clarificationDeadline: null,
  lightTouchRegime: false,
  suitableForVcse: true,
  reservedParticipation: false,
  commissionedStrand: null,
  documents,
});
const as = (command: Omit<TenderCommand, 'metadata'>, actor: Actor = commissioner, now = LATER): TenderCommand =>
  ({ ...command, metadata: { now: new Date(now), actor, correlationId: 'corr-1' } }) as TenderCommand;

const { commissionedStrand: _none, ...recorded } = publishData([specification, terms]);
const published: TenderPublished = {
  type: 'TenderPublished',
  data: { ...recorded, clarificationDeadline: DEADLINE, planId: null, strandId: null, area: null, publishedAt: NOW },
};
const amend = (overrides: Partial<{ documentId: string; contentHash: string; summary: string }> = {}, actor: Actor = commissioner, now = LATER) =>
  as({ type: 'AmendTenderDocument', data: { tenderId: 'tender-1', documentId: 'spec', contentHash: 'c'.repeat(64), summary: 'Session hours extended to 10pm', ...overrides } }, actor, now);
const amended: TenderDocumentAmended = {
  type: 'TenderDocumentAmended',
  data: { tenderId: 'tender-1', documentId: 'spec', previousContentHash: HASH_1, contentHash: 'c'.repeat(64), summary: 'Session hours extended to 10pm', amendedAt: LATER },
};

describe('Tender documents', () => {
  it('are published with the tender, by content hash', () => {
    spec.given([]).when(as({ type: 'PublishTender', data: publishData([specification, terms]) }, commissioner, NOW)).then([published]);
  });

  it.each<[string, TenderDocument[]]>([
    ['DUPLICATE_DOCUMENT_ID', [specification, { ...terms, documentId: 'spec' }]],
    ['UNKNOWN_DOCUMENT_KIND', [{ ...specification, kind: 'memo' as never }]],
    ['DOCUMENT_TITLE_REQUIRED', [{ ...specification, title: ' ' }]],
    ['DOCUMENT_HASH_MUST_BE_SHA256', [{ ...specification, contentHash: 'not-a-hash' }]],
  ])('refuse the tender with %s', (code, documents) => {
    spec.given([]).when(as({ type: 'PublishTender', data: publishData(documents) }, commissioner, NOW)).thenThrows(code);
  });

  describe('changed after publication', () => {
    it('are a recorded amendment naming the old and new content', () => {
      spec.given([published]).when(amend()).then([amended]);
    });

    it('are told to every provider through the published language', () => {
      expect(toIntegrationEvents(amended)).toEqual([
        {
          type: 'tender.tender-amended.v1',
          data: { tenderId: 'tender-1', documentId: 'spec', contentHash: 'c'.repeat(64), summary: 'Session hours extended to 10pm', amendedAt: LATER },
        },
      ]);
    });

    it('start from the latest version', () => {
      spec
        .given([published, amended])
        .when(amend({ contentHash: 'd'.repeat(64) }))
        .then([{ ...amended, data: { ...amended.data, previousContentHash: 'c'.repeat(64), contentHash: 'd'.repeat(64) } }]);
    });

    it.each<[string, Partial<{ documentId: string; contentHash: string; summary: string }>]>([
      ['DOCUMENT_NOT_FOUND', { documentId: 'annex' }],
      ['DOCUMENT_HASH_MUST_BE_SHA256', { contentHash: 'zz' }],
      ['DOCUMENT_UNCHANGED', { contentHash: HASH_1 }],
      ['AMENDMENT_SUMMARY_REQUIRED', { summary: '' }],
    ])('are refused with %s', (code, overrides) => {
      spec.given([published]).when(amend(overrides)).thenThrows(code);
    });

    it('are refused from another council, after the deadline and on a cancelled tender', () => {
      const cancelled: TenderCancelled = { type: 'TenderCancelled', data: { tenderId: 'tender-1', reason: 'Withdrawn', cancelledAt: LATER } };
      spec.given([published]).when(amend({}, otherCouncil)).thenThrows('NOT_THE_TENDER_COMMISSIONER');
      spec.given([published]).when(amend({}, commissioner, DEADLINE)).thenThrows('TENDER_DEADLINE_PASSED');
      spec.given([published, cancelled]).when(amend()).thenThrows('TENDER_CANCELLED');
    });
  });
});
