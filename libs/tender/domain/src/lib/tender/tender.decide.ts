import type { CommandMetadata } from '@tendril/shared/ddd';
import { isBlank, isIsoDate, isWholePence, parseInstant, toCanonicalInstant } from '../values/value-guards';
import {
  CRITERION_KINDS,
  type AmendTenderDocument,
  type AnswerClarification,
  TENDER_DOCUMENT_KINDS,
  type AskClarification,
  type AwardLot,
  type CancelTender,
  type CloseTender,
  type DeclareTenderUnsuccessful,
  type PublishTender,
  type TenderCommand,
} from './tender.commands';
import { TenderRuleBroken } from './tender.errors';
import type { ClarificationAnswered, ClarificationAsked, TenderDeclaredUnsuccessful, TenderDocumentAmended, LotAwarded, TenderCancelled, TenderClosed, TenderEvent, TenderPublished } from './tender.events';
import type { PublishedTender, TenderState } from './tender.state';

const MAX_PAYMENT_TERMS_DAYS = 30;
const SHA256_HEX = /^[0-9a-f]{64}$/;

const existing = (state: TenderState, tenderId: string): PublishedTender => {
  if (state.status === 'none') throw new TenderRuleBroken('TENDER_NOT_FOUND', `Tender ${tenderId} does not exist`, { tenderId });
  return state;
};

const assertActsForCommissioner = (tender: PublishedTender, metadata: CommandMetadata): void => {
  const { actor } = metadata;
  if (actor.role !== 'commissioner' || actor.organisationId !== tender.organisationId) {
    throw new TenderRuleBroken('NOT_THE_TENDER_COMMISSIONER', 'Only a commissioner of the organisation that published the tender may do this', {
      tenderId: tender.tenderId,
    });
  }
};

const publishTender = (command: PublishTender, state: TenderState): TenderPublished => {
  const { data, metadata } = command;
  if (state.status !== 'none') {
    throw new TenderRuleBroken('TENDER_ALREADY_PUBLISHED', `Tender ${data.tenderId} is already published`, { tenderId: data.tenderId });
  }
  if (metadata.actor.role !== 'commissioner' || metadata.actor.organisationId !== data.organisationId) {
    throw new TenderRuleBroken('NOT_A_COMMISSIONER_OF_THE_ORGANISATION', 'Only a commissioner of the organisation may publish its tenders', {
      organisationId: data.organisationId,
    });
  }
  if (isBlank(data.title)) throw new TenderRuleBroken('TENDER_TITLE_REQUIRED', 'A tender needs a title');
  const strand = data.commissionedStrand;
  if (strand !== null) {
    if (strand.planOrganisationId !== data.organisationId) {
      throw new TenderRuleBroken('PLAN_OF_ANOTHER_COUNCIL', 'A tender belongs to a plan of its own council', { planId: strand.planId });
    }
    if (strand.deliveryModel === 'in_house') {
      throw new TenderRuleBroken('STRAND_DELIVERED_IN_HOUSE', `Strand ${strand.strandId} is delivered in-house and does not go to tender`, {
        strandId: strand.strandId,
      });
    }
    // The plan releases a strand only once market engagement, or a reason for none, is recorded.
    if (!strand.releasedForTender) {
      throw new TenderRuleBroken('STRAND_NOT_RELEASED_FOR_TENDER', `Strand ${strand.strandId} has not been released for tender by its plan`, {
        planId: strand.planId,
        strandId: strand.strandId,
      });
    }
  }

  if (data.lots.length === 0) throw new TenderRuleBroken('TENDER_NEEDS_AT_LEAST_ONE_LOT', 'A tender needs at least one lot');
  const lotIds = new Set<string>();
  for (const lot of data.lots) {
    if (lotIds.has(lot.lotId)) throw new TenderRuleBroken('DUPLICATE_LOT_ID', `Lot id ${lot.lotId} appears more than once`, { lotId: lot.lotId });
    lotIds.add(lot.lotId);
    if (isBlank(lot.title)) throw new TenderRuleBroken('LOT_TITLE_REQUIRED', `Lot ${lot.lotId} needs a title`, { lotId: lot.lotId });
    if (!isWholePence(lot.estimatedValuePence, true)) {
      throw new TenderRuleBroken('LOT_ESTIMATE_MUST_BE_WHOLE_PENCE', `Lot ${lot.lotId} estimate must be a whole, non-negative number of pence`, {
        lotId: lot.lotId,
      });
    }
  }

  if (data.criteria.length === 0) throw new TenderRuleBroken('TENDER_NEEDS_AT_LEAST_ONE_CRITERION', 'A tender needs evaluation criteria');
  const criterionIds = new Set<string>();
  let totalWeight = 0;
  for (const criterion of data.criteria) {
    const { criterionId } = criterion;
    if (criterionIds.has(criterionId)) {
      throw new TenderRuleBroken('DUPLICATE_CRITERION_ID', `Criterion id ${criterionId} appears more than once`, { criterionId });
    }
    criterionIds.add(criterionId);
    if (!CRITERION_KINDS.includes(criterion.kind)) {
      throw new TenderRuleBroken('UNKNOWN_CRITERION_KIND', `Criterion ${criterionId} has an unknown kind`, { criterionId, kind: criterion.kind });
    }
    if (!Number.isInteger(criterion.weightPercent) || criterion.weightPercent < 1 || criterion.weightPercent > 100) {
      throw new TenderRuleBroken('CRITERION_WEIGHT_MUST_BE_WHOLE_PERCENT', `Criterion ${criterionId} weight must be a whole percent from 1 to 100`, {
        criterionId,
      });
    }
    totalWeight += criterion.weightPercent;
  }
  if (totalWeight !== 100) {
    throw new TenderRuleBroken('CRITERIA_WEIGHTS_MUST_SUM_TO_100', `Criteria weights sum to ${totalWeight}%, not 100%`, { totalWeight });
  }

  const documentIds = new Set<string>();
  for (const document of data.documents) {
    const { documentId } = document;
    if (documentIds.has(documentId)) throw new TenderRuleBroken('DUPLICATE_DOCUMENT_ID', `Document id ${documentId} appears more than once`, { documentId });
    documentIds.add(documentId);
    if (!TENDER_DOCUMENT_KINDS.includes(document.kind)) {
      throw new TenderRuleBroken('UNKNOWN_DOCUMENT_KIND', `Document ${documentId} has an unknown kind`, { documentId, kind: document.kind });
    }
    if (isBlank(document.title)) throw new TenderRuleBroken('DOCUMENT_TITLE_REQUIRED', `Document ${documentId} needs a title`, { documentId });
    if (!SHA256_HEX.test(document.contentHash)) {
      throw new TenderRuleBroken('DOCUMENT_HASH_MUST_BE_SHA256', `Document ${documentId} is referenced by its SHA-256`, { documentId });
    }
  }

  const deadline = parseInstant(data.submissionDeadline);
  if (deadline === null) {
    throw new TenderRuleBroken('SUBMISSION_DEADLINE_MUST_BE_AN_ISO_INSTANT', 'The submission deadline must be an ISO-8601 instant with an offset');
  }
  if (deadline <= metadata.now.getTime()) {
    throw new TenderRuleBroken('SUBMISSION_DEADLINE_MUST_BE_IN_THE_FUTURE', 'The submission deadline must be in the future', {
      submissionDeadline: data.submissionDeadline,
    });
  }
  let clarificationDeadline = deadline;
  if (data.clarificationDeadline !== null) {
    const parsed = parseInstant(data.clarificationDeadline);
    if (parsed === null) {
      throw new TenderRuleBroken('CLARIFICATION_DEADLINE_MUST_BE_AN_ISO_INSTANT', 'The clarification deadline must be an ISO-8601 instant with an offset');
    }
    if (parsed > deadline) {
      throw new TenderRuleBroken('CLARIFICATION_DEADLINE_MUST_BE_BEFORE_SUBMISSION_DEADLINE', 'Questions close no later than bids do', {
        clarificationDeadline: data.clarificationDeadline,
      });
    }
    if (parsed <= metadata.now.getTime()) {
      throw new TenderRuleBroken('CLARIFICATION_DEADLINE_MUST_BE_IN_THE_FUTURE', 'The clarification deadline must be in the future', {
        clarificationDeadline: data.clarificationDeadline,
      });
    }
    clarificationDeadline = parsed;
  }

  return {
    type: 'TenderPublished',
    data: {
      tenderId: data.tenderId,
      organisationId: data.organisationId,
      title: data.title.trim(),
      description: data.description,
      category: data.category,
      lots: data.lots.map(({ lotId, title, estimatedValuePence }) => ({ lotId, title: title.trim(), estimatedValuePence })),
      criteria: data.criteria.map(({ criterionId, name, kind, weightPercent }) => ({ criterionId, name, kind, weightPercent })),
      submissionDeadline: toCanonicalInstant(deadline),
      clarificationDeadline: toCanonicalInstant(clarificationDeadline),
      lightTouchRegime: data.lightTouchRegime,
      suitableForVcse: data.suitableForVcse,
      reservedParticipation: data.reservedParticipation,
      planId: strand?.planId ?? null,
      strandId: strand?.strandId ?? null,
      area: strand?.area ?? null,
      documents: data.documents.map(({ documentId, kind, title, contentHash }) => ({ documentId, kind, title: title.trim(), contentHash })),
      publishedAt: metadata.now.toISOString(),
    },
  };
};

// Closing is the scheduler's job; restating a close that already happened records nothing, so a
// retried or duplicated tick is harmless.
const closeTender = (command: CloseTender, state: TenderState): TenderClosed[] => {
  const { data, metadata } = command;
  const tender = existing(state, data.tenderId);
  if (metadata.actor.role !== 'system') {
    throw new TenderRuleBroken('ONLY_THE_SYSTEM_MAY_CLOSE_TENDERS', 'Tenders close at their deadline, by the scheduler');
  }
  if (tender.status === 'cancelled') throw new TenderRuleBroken('TENDER_CANCELLED', `Tender ${tender.tenderId} was cancelled`);
  if (tender.status !== 'open') return [];
  if (metadata.now.getTime() < Date.parse(tender.submissionDeadline)) {
    throw new TenderRuleBroken('TENDER_DEADLINE_NOT_REACHED', `Tender ${tender.tenderId} is open until ${tender.submissionDeadline}`, {
      submissionDeadline: tender.submissionDeadline,
    });
  }
  return [{ type: 'TenderClosed', data: { tenderId: tender.tenderId, closedAt: metadata.now.toISOString() } }];
};

const awardLot = (command: AwardLot, state: TenderState): LotAwarded => {
  const { data, metadata } = command;
  const tender = existing(state, data.tenderId);
  assertActsForCommissioner(tender, metadata);
  if (tender.status === 'cancelled') throw new TenderRuleBroken('TENDER_CANCELLED', `Tender ${tender.tenderId} was cancelled`);
  if (tender.status === 'unsuccessful') throw new TenderRuleBroken('TENDER_UNSUCCESSFUL', `Tender ${tender.tenderId} was declared unsuccessful`);
  if (tender.status === 'open') {
    throw new TenderRuleBroken('TENDER_NOT_CLOSED', `Tender ${tender.tenderId} has not closed for bids yet`, {
      submissionDeadline: tender.submissionDeadline,
    });
  }
  const lot = tender.lots.find((candidate) => candidate.lotId === data.lotId);
  if (!lot) throw new TenderRuleBroken('LOT_NOT_FOUND', `Tender ${tender.tenderId} has no lot ${data.lotId}`, { lotId: data.lotId });
  if (lot.award) {
    throw new TenderRuleBroken('LOT_ALREADY_AWARDED', `Lot ${lot.lotId} is already awarded`, { lotId: lot.lotId, bidId: lot.award.bidId });
  }
  if (isBlank(data.bidId) || isBlank(data.supplierOrganisationId)) {
    throw new TenderRuleBroken('WINNING_BID_AND_SUPPLIER_REQUIRED', 'An award names the winning bid and its supplier');
  }
  if (data.evaluation !== null && (data.evaluation.winnerBidId !== data.bidId || data.evaluation.winnerOrganisationId !== data.supplierOrganisationId)) {
    throw new TenderRuleBroken('AWARD_MUST_GO_TO_THE_EVALUATION_WINNER', `The evaluation of lot ${lot.lotId} ranked bid ${data.evaluation.winnerBidId} first`, {
      lotId: lot.lotId,
      winnerBidId: data.evaluation.winnerBidId,
    });
  }
  if (isBlank(data.rationale)) throw new TenderRuleBroken('AWARD_RATIONALE_REQUIRED', 'An award needs a written rationale');
  if (!isWholePence(data.valuePence)) {
    throw new TenderRuleBroken('AWARD_VALUE_MUST_BE_POSITIVE_PENCE', 'The award value must be a whole, positive number of pence');
  }
  if (!isIsoDate(data.contractStartDate) || !isIsoDate(data.contractEndDate)) {
    throw new TenderRuleBroken('CONTRACT_DATES_MUST_BE_ISO_DATES', 'Contract start and end must be dates (YYYY-MM-DD)');
  }
  if (data.contractEndDate <= data.contractStartDate) {
    throw new TenderRuleBroken('CONTRACT_END_MUST_BE_AFTER_START', 'The contract must end after it starts');
  }
  if (!Number.isInteger(data.paymentTermsDays) || data.paymentTermsDays < 0) {
    throw new TenderRuleBroken('PAYMENT_TERMS_MUST_BE_WHOLE_DAYS', 'Payment terms are a whole number of days');
  }
  if (data.paymentTermsDays > MAX_PAYMENT_TERMS_DAYS) {
    throw new TenderRuleBroken('PAYMENT_TERMS_EXCEED_30_DAYS', 'Public contracts pay within 30 days', { paymentTermsDays: data.paymentTermsDays });
  }
  return {
    type: 'LotAwarded',
    data: {
      tenderId: tender.tenderId,
      organisationId: tender.organisationId,
      lotId: lot.lotId,
      bidId: data.bidId,
      supplierOrganisationId: data.supplierOrganisationId,
      valuePence: data.valuePence,
      rationale: data.rationale.trim(),
      // The evaluation's moderation records join the commissioner's evidence, so the award shows what it rests on.
      evidenceRefs: [...new Set([...data.evidenceRefs, ...(data.evaluation?.evidenceRefs ?? [])])],
      contractStartDate: data.contractStartDate,
      contractEndDate: data.contractEndDate,
      paymentTermsDays: data.paymentTermsDays,
      awardedAt: metadata.now.toISOString(),
    },
  };
};

const cancelTender = (command: CancelTender, state: TenderState): TenderCancelled => {
  const { data, metadata } = command;
  const tender = existing(state, data.tenderId);
  assertActsForCommissioner(tender, metadata);
  if (tender.status === 'cancelled') throw new TenderRuleBroken('TENDER_ALREADY_CANCELLED', `Tender ${tender.tenderId} is already cancelled`);
  if (tender.status === 'unsuccessful') throw new TenderRuleBroken('TENDER_UNSUCCESSFUL', `Tender ${tender.tenderId} was declared unsuccessful`);
  const awarded = tender.lots.filter((lot) => lot.award !== null).map((lot) => lot.lotId);
  if (awarded.length > 0) {
    throw new TenderRuleBroken('TENDER_ALREADY_AWARDED', `Tender ${tender.tenderId} has awarded lots and can no longer be cancelled`, {
      awardedLotIds: awarded,
    });
  }
  if (isBlank(data.reason)) throw new TenderRuleBroken('CANCELLATION_REASON_REQUIRED', 'Cancelling a tender needs a reason');
  return { type: 'TenderCancelled', data: { tenderId: tender.tenderId, reason: data.reason.trim(), cancelledAt: metadata.now.toISOString() } };
};

// No compliant bid: the competition ends without an award; the commissioner says why.
const declareUnsuccessful = (command: DeclareTenderUnsuccessful, state: TenderState): TenderDeclaredUnsuccessful => {
  const { data, metadata } = command;
  const tender = existing(state, data.tenderId);
  assertActsForCommissioner(tender, metadata);
  if (tender.status === 'cancelled') throw new TenderRuleBroken('TENDER_CANCELLED', `Tender ${tender.tenderId} was cancelled`);
  if (tender.status === 'unsuccessful') throw new TenderRuleBroken('TENDER_UNSUCCESSFUL', `Tender ${tender.tenderId} was already declared unsuccessful`);
  if (tender.status === 'open') {
    throw new TenderRuleBroken('TENDER_NOT_CLOSED', `Bids on tender ${tender.tenderId} are still sealed`, { submissionDeadline: tender.submissionDeadline });
  }
  const awarded = tender.lots.filter((lot) => lot.award !== null).map((lot) => lot.lotId);
  if (awarded.length > 0) {
    throw new TenderRuleBroken('TENDER_ALREADY_AWARDED', `Tender ${tender.tenderId} has awarded lots`, { awardedLotIds: awarded });
  }
  if (isBlank(data.reason)) throw new TenderRuleBroken('UNSUCCESSFUL_REASON_REQUIRED', 'Say why no bid can be awarded');
  return { type: 'TenderDeclaredUnsuccessful', data: { tenderId: tender.tenderId, reason: data.reason.trim(), declaredAt: metadata.now.toISOString() } };
};

// Late actions are refused by time, whether or not the scheduler has closed the tender yet.
const assertBeforeSubmissionDeadline = (tender: PublishedTender, metadata: CommandMetadata): void => {
  if (tender.status === 'cancelled') throw new TenderRuleBroken('TENDER_CANCELLED', `Tender ${tender.tenderId} was cancelled`);
  if (tender.status !== 'open' || metadata.now.getTime() >= Date.parse(tender.submissionDeadline)) {
    throw new TenderRuleBroken('TENDER_DEADLINE_PASSED', `Tender ${tender.tenderId} closed for bids at ${tender.submissionDeadline}`, {
      submissionDeadline: tender.submissionDeadline,
    });
  }
};

// Documents change only while bids can still take the change into account.
const amendDocument = (command: AmendTenderDocument, state: TenderState): TenderDocumentAmended => {
  const { data, metadata } = command;
  const tender = existing(state, data.tenderId);
  assertActsForCommissioner(tender, metadata);
  assertBeforeSubmissionDeadline(tender, metadata);
  const previousContentHash = tender.documents[data.documentId];
  if (previousContentHash === undefined) {
    throw new TenderRuleBroken('DOCUMENT_NOT_FOUND', `Tender ${tender.tenderId} has no document ${data.documentId}`, { documentId: data.documentId });
  }
  if (!SHA256_HEX.test(data.contentHash)) {
    throw new TenderRuleBroken('DOCUMENT_HASH_MUST_BE_SHA256', `Document ${data.documentId} is referenced by its SHA-256`, { documentId: data.documentId });
  }
  if (data.contentHash === previousContentHash) {
    throw new TenderRuleBroken('DOCUMENT_UNCHANGED', `Document ${data.documentId} already has this content`, { documentId: data.documentId });
  }
  if (isBlank(data.summary)) throw new TenderRuleBroken('AMENDMENT_SUMMARY_REQUIRED', 'An amendment tells providers what changed');
  return {
    type: 'TenderDocumentAmended',
    data: {
      tenderId: tender.tenderId,
      documentId: data.documentId,
      previousContentHash,
      contentHash: data.contentHash,
      summary: data.summary.trim(),
      amendedAt: metadata.now.toISOString(),
    },
  };
};

const askClarification = (command: AskClarification, state: TenderState): ClarificationAsked => {
  const { data, metadata } = command;
  const tender = existing(state, data.tenderId);
  const { actor } = metadata;
  if ((actor.role !== 'provider' && actor.role !== 'prime') || actor.organisationId === null) {
    throw new TenderRuleBroken('ONLY_PROVIDERS_MAY_ASK_CLARIFICATIONS', 'Clarification questions come from providers');
  }
  assertBeforeSubmissionDeadline(tender, metadata);
  if (metadata.now.getTime() >= Date.parse(tender.clarificationDeadline)) {
    throw new TenderRuleBroken('CLARIFICATION_DEADLINE_PASSED', `Tender ${tender.tenderId} took questions until ${tender.clarificationDeadline}`, {
      clarificationDeadline: tender.clarificationDeadline,
    });
  }
  if (isBlank(data.question)) throw new TenderRuleBroken('CLARIFICATION_QUESTION_REQUIRED', 'A clarification needs a question');
  if (tender.clarifications[data.questionId] !== undefined) {
    throw new TenderRuleBroken('DUPLICATE_CLARIFICATION_ID', `Question ${data.questionId} was already asked`, { questionId: data.questionId });
  }
  return {
    type: 'ClarificationAsked',
    data: {
      tenderId: tender.tenderId,
      questionId: data.questionId,
      question: data.question.trim(),
      askedByOrganisationId: actor.organisationId,
      askedAt: metadata.now.toISOString(),
    },
  };
};

const answerClarification = (command: AnswerClarification, state: TenderState): ClarificationAnswered => {
  const { data, metadata } = command;
  const tender = existing(state, data.tenderId);
  assertActsForCommissioner(tender, metadata);
  const clarification = tender.clarifications[data.questionId];
  if (clarification === undefined) {
    throw new TenderRuleBroken('CLARIFICATION_NOT_FOUND', `Tender ${tender.tenderId} has no question ${data.questionId}`, { questionId: data.questionId });
  }
  if (clarification.answered) {
    throw new TenderRuleBroken('CLARIFICATION_ALREADY_ANSWERED', `Question ${data.questionId} is already answered`, { questionId: data.questionId });
  }
  // An answer published after bids closed could no longer inform any bid.
  assertBeforeSubmissionDeadline(tender, metadata);
  if (isBlank(data.answer)) throw new TenderRuleBroken('CLARIFICATION_ANSWER_REQUIRED', 'An answer needs some text');
  return {
    type: 'ClarificationAnswered',
    data: {
      tenderId: tender.tenderId,
      questionId: data.questionId,
      question: clarification.question,
      answer: data.answer.trim(),
      answeredAt: metadata.now.toISOString(),
    },
  };
};

export const decideTender = (command: TenderCommand, state: TenderState): readonly TenderEvent[] => {
  switch (command.type) {
    case 'PublishTender':
      return [publishTender(command, state)];
    case 'CloseTender':
      return closeTender(command, state);
    case 'AwardLot':
      return [awardLot(command, state)];
    case 'CancelTender':
      return [cancelTender(command, state)];
    case 'AskClarification':
      return [askClarification(command, state)];
    case 'AnswerClarification':
      return [answerClarification(command, state)];
    case 'AmendTenderDocument':
      return [amendDocument(command, state)];
    case 'DeclareTenderUnsuccessful':
      return [declareUnsuccessful(command, state)];
    default: {
      const unknown: never = command;
      throw new Error(`Unknown tender command ${(unknown as { type: string }).type}`);
    }
  }
};
