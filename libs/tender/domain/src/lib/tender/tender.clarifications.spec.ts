/// <reference types="jest" />
import { DeciderSpecification, type CommandMetadata } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import type { PublishTenderData, TenderCommand } from './tender.commands';
import { tenderDecider } from './tender.decider';
import type { ClarificationAnswered, ClarificationAsked, TenderCancelled, TenderClosed, TenderPublished } from './tender.events';
import { toIntegrationEvents } from './tender.integration';

const spec = DeciderSpecification.for(tenderDecider);

const commissioner: Actor = { userId: 'user-amara', role: 'commissioner', organisationId: 'org-leeds-council' };
const otherCouncil: Actor = { userId: 'user-bryn', role: 'commissioner', organisationId: 'org-york-council' };
const provider: Actor = { userId: 'user-cleo', role: 'provider', organisationId: 'org-youth-trust' };
const prime: Actor = { userId: 'user-dev', role: 'prime', organisationId: 'org-homes' };
const auditor: Actor = { userId: 'user-eve', role: 'auditor', organisationId: null };

const PUBLISHED_AT = '2026-02-01T09:00:00.000Z';
const CLARIFICATION_DEADLINE = '2026-02-20T17:00:00.000Z';
const DEADLINE = '2026-03-01T12:00:00.000Z';
const BEFORE_QUESTIONS_CLOSE = '2026-02-10T10:00:00.000Z';
const BETWEEN = '2026-02-25T10:00:00.000Z';
const AFTER_DEADLINE = '2026-03-01T12:00:00.000Z';

const as = (command: Omit<TenderCommand, 'metadata'>, actor: Actor, now: string): TenderCommand =>
  ({ ...command, metadata: { now: new Date(now), actor, correlationId: 'corr-1' } satisfies CommandMetadata }) as TenderCommand;

const publishData = (overrides: Partial<PublishTenderData> = {}): PublishTenderData => ({
  tenderId: 'tender-1',
  organisationId: 'org-leeds-council',
  title: 'Youth mentoring',
  description: 'Mentoring',
  category: 'youth-services',
  lots: [{ lotId: 'lot-1', title: 'All areas', estimatedValuePence: 10_000_000 }],
  criteria: [{ criterionId: 'q', name: 'Quality', kind: 'quality', weightPercent: 100 }],
  submissionDeadline: DEADLINE,
  clarificationDeadline: CLARIFICATION_DEADLINE,
  lightTouchRegime: false,
  suitableForVcse: true,
  reservedParticipation: false,
  commissionedStrand: null,
  documents: [],
  ...overrides,
});

const { commissionedStrand: _notRecorded, ...recordedPublishData } = publishData();

const published: TenderPublished = { type: 'TenderPublished', data: { ...recordedPublishData, clarificationDeadline: CLARIFICATION_DEADLINE, planId: null, strandId: null, area: null, documents: [], publishedAt: PUBLISHED_AT } };
const ask = (actor: Actor = provider, now = BEFORE_QUESTIONS_CLOSE, question = 'Can two organisations bid jointly?') =>
  as({ type: 'AskClarification', data: { tenderId: 'tender-1', questionId: 'question-1', question } }, actor, now);
const asked: ClarificationAsked = {
  type: 'ClarificationAsked',
  data: { tenderId: 'tender-1', questionId: 'question-1', question: 'Can two organisations bid jointly?', askedByOrganisationId: 'org-youth-trust', askedAt: BEFORE_QUESTIONS_CLOSE },
};
const answer = (actor: Actor = commissioner, now = BETWEEN, text = 'Yes, as a consortium with a named lead.', questionId = 'question-1') =>
  as({ type: 'AnswerClarification', data: { tenderId: 'tender-1', questionId, answer: text } }, actor, now);
const answered: ClarificationAnswered = {
  type: 'ClarificationAnswered',
  data: { tenderId: 'tender-1', questionId: 'question-1', question: 'Can two organisations bid jointly?', answer: 'Yes, as a consortium with a named lead.', answeredAt: BETWEEN },
};
const closed: TenderClosed = { type: 'TenderClosed', data: { tenderId: 'tender-1', closedAt: DEADLINE } };
const cancelled: TenderCancelled = { type: 'TenderCancelled', data: { tenderId: 'tender-1', reason: 'Budget withdrawn', cancelledAt: BETWEEN } };

describe('Tender clarifications', () => {
  describe('the clarification deadline', () => {
    const publish = (overrides: Partial<PublishTenderData>) => as({ type: 'PublishTender', data: publishData(overrides) }, commissioner, PUBLISHED_AT);

    it('defaults to the submission deadline', () => {
      spec.given([]).when(publish({ clarificationDeadline: null })).then([{ ...published, data: { ...published.data, clarificationDeadline: DEADLINE } }]);
    });

    it('is stored as a canonical UTC instant', () => {
      spec.given([]).when(publish({ clarificationDeadline: '2026-02-20T18:00:00+01:00' })).then([published]);
    });

    it.each([
      ['CLARIFICATION_DEADLINE_MUST_BE_AN_ISO_INSTANT', 'next Friday'],
      ['CLARIFICATION_DEADLINE_MUST_BE_BEFORE_SUBMISSION_DEADLINE', '2026-03-01T12:00:01.000Z'],
      ['CLARIFICATION_DEADLINE_MUST_BE_IN_THE_FUTURE', '2026-01-31T09:00:00.000Z'],
    ])('refuses the tender with %s', (code, clarificationDeadline) => {
      spec.given([]).when(publish({ clarificationDeadline })).thenThrows(code);
    });

    it('is assumed to be the submission deadline for tenders published before clarifications existed', () => {
      const { clarificationDeadline: _omitted, ...legacy } = published.data;
      expect(spec.given([{ type: 'TenderPublished', data: legacy }]).fold()).toMatchObject({ clarificationDeadline: DEADLINE });
    });
  });

  describe('a question', () => {
    it('is asked by a provider or prime before the clarification deadline, recording who asked', () => {
      spec.given([published]).when(ask()).then([asked]);
      spec.given([published]).when(ask(prime)).then([{ ...asked, data: { ...asked.data, askedByOrganisationId: 'org-homes' } }]);
    });

    it('is refused from commissioners and auditors', () => {
      spec.given([published]).when(ask(commissioner)).thenThrows('ONLY_PROVIDERS_MAY_ASK_CLARIFICATIONS');
      spec.given([published]).when(ask(auditor)).thenThrows('ONLY_PROVIDERS_MAY_ASK_CLARIFICATIONS');
    });

    it('is refused after the clarification deadline', () => {
      spec.given([published]).when(ask(provider, CLARIFICATION_DEADLINE)).thenThrows('CLARIFICATION_DEADLINE_PASSED', { clarificationDeadline: CLARIFICATION_DEADLINE });
    });

    it('is refused after the submission deadline, even before the scheduler closes the tender', () => {
      spec.given([published]).when(ask(provider, AFTER_DEADLINE)).thenThrows('TENDER_DEADLINE_PASSED');
      spec.given([published, closed]).when(ask(provider, AFTER_DEADLINE)).thenThrows('TENDER_DEADLINE_PASSED');
    });

    it('is refused on a cancelled tender and on one that does not exist', () => {
      spec.given([published, cancelled]).when(ask()).thenThrows('TENDER_CANCELLED');
      spec.given([]).when(ask()).thenThrows('TENDER_NOT_FOUND');
    });

    it('needs some text and a fresh id', () => {
      spec.given([published]).when(ask(provider, BEFORE_QUESTIONS_CLOSE, '  ')).thenThrows('CLARIFICATION_QUESTION_REQUIRED');
      spec.given([published, asked]).when(ask()).thenThrows('DUPLICATE_CLARIFICATION_ID');
    });
  });

  describe('an answer', () => {
    it('is given by the tender’s commissioner, also after questions close, and carries the question without the asker', () => {
      spec.given([published, asked]).when(answer()).then([answered]);
      expect(answered.data).not.toHaveProperty('askedByOrganisationId');
    });

    it('is refused from another council and from providers', () => {
      spec.given([published, asked]).when(answer(otherCouncil)).thenThrows('NOT_THE_TENDER_COMMISSIONER');
      spec.given([published, asked]).when(answer(provider)).thenThrows('NOT_THE_TENDER_COMMISSIONER');
    });

    it('is refused for a question this tender was never asked', () => {
      spec.given([published, asked]).when(answer(commissioner, BETWEEN, 'Yes', 'question-of-another-tender')).thenThrows('CLARIFICATION_NOT_FOUND', {
        questionId: 'question-of-another-tender',
      });
    });

    it('is given once', () => {
      spec.given([published, asked, answered]).when(answer()).thenThrows('CLARIFICATION_ALREADY_ANSWERED');
    });

    it('is refused after the submission deadline and on a cancelled tender', () => {
      spec.given([published, asked]).when(answer(commissioner, AFTER_DEADLINE)).thenThrows('TENDER_DEADLINE_PASSED');
      spec.given([published, asked, cancelled]).when(answer()).thenThrows('TENDER_CANCELLED');
    });

    it('needs some text', () => {
      spec.given([published, asked]).when(answer(commissioner, BETWEEN, '')).thenThrows('CLARIFICATION_ANSWER_REQUIRED');
    });
  });

  describe('publication', () => {
    it('keeps questions private and publishes answers to every provider without the asker', () => {
      expect(toIntegrationEvents(asked)).toEqual([]);
      expect(toIntegrationEvents(answered)).toEqual([
        {
          type: 'tender.clarification-published.v1',
          data: { tenderId: 'tender-1', questionId: 'question-1', question: 'Can two organisations bid jointly?', answer: 'Yes, as a consortium with a named lead.', publishedAt: BETWEEN },
        },
      ]);
    });
  });
});
