import type { CommandMetadata } from '@tendril/shared/ddd';
import { isBlank, isIsoDate, isWholePence, parseInstant, toCanonicalInstant } from '../values/value-guards';
import { endOfWorkingDays } from '../values/working-days';
import {
  CRITERION_KINDS,
  type AmendTenderDocument,
  type AnswerClarification,
  TENDER_DOCUMENT_KINDS,
  type AskClarification,
  type CancelTender,
  type ChallengeAward,
  type CloseTender,
  type CommissionedStrand,
  type DeclareTenderUnsuccessful,
  type DraftRetender,
  type DraftTender,
  type EvaluationCriterion,
  type FinaliseAward,
  type Lot,
  type ProposeAward,
  type PublishTender,
  type PublishTenderDraft,
  type RecordBidsOpened,
  type RecordLotEvaluation,
  type ResolveChallenge,
  type ReviseTenderDraft,
  type StandstillPeriod,
  type TenderCommand,
  type TenderDocument,
  type TenderDraftContent,
} from './tender.commands';
import { TenderRuleBroken } from './tender.errors';
import type {
  AwardChallenged,
  AwardProposed,
  AwardWithdrawn,
  ChallengeResolved,
  ClarificationAnswered,
  ClarificationAsked,
  EvaluationStarted,
  LotAwarded,
  LotEvaluated,
  TenderCancelled,
  TenderClosed,
  TenderDeadlineExtended,
  TenderDeclaredUnsuccessful,
  TenderDocumentAmended,
  TenderDrafted,
  TenderDraftRevised,
  TenderEvent,
  TenderPublished,
} from './tender.events';
import type { DraftedTender, PublishedTender, TenderLot, TenderState } from './tender.state';

const MAX_PAYMENT_TERMS_DAYS = 30;
const MAX_STANDSTILL_WORKING_DAYS = 30;
const SHA256_HEX = /^[0-9a-f]{64}$/;

const existing = (state: TenderState, tenderId: string): PublishedTender => {
  if (state.status === 'none') throw new TenderRuleBroken('TENDER_NOT_FOUND', `Tender ${tenderId} does not exist`, { tenderId });
  if (!state.published) {
    throw new TenderRuleBroken('TENDER_IS_A_DRAFT', `Tender ${tenderId} is a draft: publish it first`, { tenderId });
  }
  return state;
};

const assertActsForCommissioner = (tender: { tenderId: string; organisationId: string }, metadata: CommandMetadata): void => {
  const { actor } = metadata;
  if (actor.role !== 'commissioner' || actor.organisationId !== tender.organisationId) {
    throw new TenderRuleBroken('NOT_THE_TENDER_COMMISSIONER', 'Only a commissioner of the organisation that published the tender may do this', {
      tenderId: tender.tenderId,
    });
  }
};

const assertSystem = (metadata: CommandMetadata, code: 'ONLY_THE_SYSTEM_MAY_RECORD_BIDDING_FACTS' | 'ONLY_THE_SYSTEM_MAY_FINALISE_AWARDS', message: string): void => {
  if (metadata.actor.role !== 'system') throw new TenderRuleBroken(code, message);
};

/** A competition that has ended without an award refuses everything that would continue it. */
const assertStillCompeting = (tender: PublishedTender): void => {
  if (tender.status === 'cancelled') throw new TenderRuleBroken('TENDER_CANCELLED', `Tender ${tender.tenderId} was cancelled`);
  if (tender.status === 'unsuccessful') throw new TenderRuleBroken('TENDER_UNSUCCESSFUL', `Tender ${tender.tenderId} was declared unsuccessful`);
};

const lotOf = (tender: PublishedTender, lotId: string): TenderLot => {
  const lot = tender.lots.find((candidate) => candidate.lotId === lotId);
  if (!lot) throw new TenderRuleBroken('LOT_NOT_FOUND', `Tender ${tender.tenderId} has no lot ${lotId}`, { lotId });
  return lot;
};

const assertCommissionerOf = (organisationId: string, metadata: CommandMetadata, doing: string): void => {
  if (metadata.actor.role !== 'commissioner' || metadata.actor.organisationId !== organisationId) {
    throw new TenderRuleBroken('NOT_A_COMMISSIONER_OF_THE_ORGANISATION', `Only a commissioner of the organisation may ${doing} its tenders`, {
      organisationId,
    });
  }
};

/** Rules on the plan strand that hold for drafts too: a tender belongs to a plan of its own council. */
const assertStrandOfOwnCouncil = (strand: CommissionedStrand | null, organisationId: string): void => {
  if (strand !== null && strand.planOrganisationId !== organisationId) {
    throw new TenderRuleBroken('PLAN_OF_ANOTHER_COUNCIL', 'A tender belongs to a plan of its own council', { planId: strand.planId });
  }
};

/** What publication adds: the strand must be one that goes to tender and has been released. */
const assertStrandReleased = (strand: CommissionedStrand | null): void => {
  if (strand === null) return;
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
};

const assertLots = (lots: readonly Lot[], strand: CommissionedStrand | null, complete: boolean): void => {
  if (complete && lots.length === 0) throw new TenderRuleBroken('TENDER_NEEDS_AT_LEAST_ONE_LOT', 'A tender needs at least one lot');
  const lotIds = new Set<string>();
  for (const lot of lots) {
    if (lotIds.has(lot.lotId)) throw new TenderRuleBroken('DUPLICATE_LOT_ID', `Lot id ${lot.lotId} appears more than once`, { lotId: lot.lotId });
    lotIds.add(lot.lotId);
    if (isBlank(lot.title)) throw new TenderRuleBroken('LOT_TITLE_REQUIRED', `Lot ${lot.lotId} needs a title`, { lotId: lot.lotId });
    if (!isWholePence(lot.estimatedValuePence, true)) {
      throw new TenderRuleBroken('LOT_ESTIMATE_MUST_BE_WHOLE_PENCE', `Lot ${lot.lotId} estimate must be a whole, non-negative number of pence`, {
        lotId: lot.lotId,
      });
    }
    const strandId = lot.strandId ?? null;
    if (strandId === null) continue;
    if (strand === null) {
      throw new TenderRuleBroken('LOT_STRAND_NEEDS_A_PLAN', `Lot ${lot.lotId} names strand ${strandId}, but the tender belongs to no plan`, { lotId: lot.lotId });
    }
    const planStrands = strand.planStrands ?? [{ strandId: strand.strandId, deliveryModel: strand.deliveryModel, releasedForTender: strand.releasedForTender }];
    const named = planStrands.find((candidate) => candidate.strandId === strandId);
    if (!named) {
      throw new TenderRuleBroken('LOT_STRAND_NOT_IN_PLAN', `Lot ${lot.lotId} names strand ${strandId}, which plan ${strand.planId} does not have`, {
        lotId: lot.lotId,
        strandId,
        planId: strand.planId,
      });
    }
    if (named.deliveryModel === 'in_house') {
      throw new TenderRuleBroken('LOT_STRAND_DELIVERED_IN_HOUSE', `Lot ${lot.lotId} names strand ${strandId}, which the council delivers in-house`, {
        lotId: lot.lotId,
        strandId,
      });
    }
  }
};

const assertCriteria = (criteria: readonly EvaluationCriterion[], complete: boolean): void => {
  if (complete && criteria.length === 0) throw new TenderRuleBroken('TENDER_NEEDS_AT_LEAST_ONE_CRITERION', 'A tender needs evaluation criteria');
  const criterionIds = new Set<string>();
  let totalWeight = 0;
  for (const criterion of criteria) {
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
  // A draft may be half-weighted; what is published is frozen, so it must add up.
  if (complete && totalWeight !== 100) {
    throw new TenderRuleBroken('CRITERIA_WEIGHTS_MUST_SUM_TO_100', `Criteria weights sum to ${totalWeight}%, not 100%`, { totalWeight });
  }
};

const assertDocuments = (documents: readonly TenderDocument[]): void => {
  const documentIds = new Set<string>();
  for (const document of documents) {
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
};

const parseSubmissionDeadline = (value: string): number => {
  const deadline = parseInstant(value);
  if (deadline === null) {
    throw new TenderRuleBroken('SUBMISSION_DEADLINE_MUST_BE_AN_ISO_INSTANT', 'The submission deadline must be an ISO-8601 instant with an offset');
  }
  return deadline;
};

const parseClarificationDeadline = (value: string): number => {
  const parsed = parseInstant(value);
  if (parsed === null) {
    throw new TenderRuleBroken('CLARIFICATION_DEADLINE_MUST_BE_AN_ISO_INSTANT', 'The clarification deadline must be an ISO-8601 instant with an offset');
  }
  return parsed;
};

/** Deadlines as published: both in the future, questions closing no later than bids. */
const futureDeadlines = (submission: string, clarification: string | null, metadata: CommandMetadata): { submission: number; clarification: number } => {
  const deadline = parseSubmissionDeadline(submission);
  if (deadline <= metadata.now.getTime()) {
    throw new TenderRuleBroken('SUBMISSION_DEADLINE_MUST_BE_IN_THE_FUTURE', 'The submission deadline must be in the future', {
      submissionDeadline: submission,
    });
  }
  if (clarification === null) return { submission: deadline, clarification: deadline };
  const parsed = parseClarificationDeadline(clarification);
  if (parsed > deadline) {
    throw new TenderRuleBroken('CLARIFICATION_DEADLINE_MUST_BE_BEFORE_SUBMISSION_DEADLINE', 'Questions close no later than bids do', {
      clarificationDeadline: clarification,
    });
  }
  if (parsed <= metadata.now.getTime()) {
    throw new TenderRuleBroken('CLARIFICATION_DEADLINE_MUST_BE_IN_THE_FUTURE', 'The clarification deadline must be in the future', {
      clarificationDeadline: clarification,
    });
  }
  return { submission: deadline, clarification: parsed };
};

const normalisedContent = (content: TenderDraftContent): TenderDraftContent => ({
  title: content.title.trim(),
  description: content.description,
  category: content.category,
  // Strand and area are recorded only when named, so a lot without them reads as it always has.
  lots: content.lots.map(({ lotId, title, estimatedValuePence, strandId, area }) => ({
    lotId,
    title: title.trim(),
    estimatedValuePence,
    ...(strandId ? { strandId } : {}),
    ...(area && !isBlank(area) ? { area: area.trim() } : {}),
  })),
  criteria: content.criteria.map(({ criterionId, name, kind, weightPercent }) => ({ criterionId, name, kind, weightPercent })),
  submissionDeadline: content.submissionDeadline,
  clarificationDeadline: content.clarificationDeadline,
  lightTouchRegime: content.lightTouchRegime,
  suitableForVcse: content.suitableForVcse,
  reservedParticipation: content.reservedParticipation,
  documents: content.documents.map(({ documentId, kind, title, contentHash }) => ({ documentId, kind, title: title.trim(), contentHash })),
});

/** Every rule of publication, on content written now or drafted earlier. */
const publication = (
  tenderId: string,
  organisationId: string,
  content: TenderDraftContent,
  strand: CommissionedStrand | null,
  retenderOfTenderId: string | null,
  metadata: CommandMetadata,
): TenderPublished => {
  if (isBlank(content.title)) throw new TenderRuleBroken('TENDER_TITLE_REQUIRED', 'A tender needs a title');
  assertStrandOfOwnCouncil(strand, organisationId);
  assertStrandReleased(strand);
  assertLots(content.lots, strand, true);
  assertCriteria(content.criteria, true);
  assertDocuments(content.documents);
  if (content.submissionDeadline === null) throw new TenderRuleBroken('SUBMISSION_DEADLINE_REQUIRED', 'Set a submission deadline before publishing');
  const deadlines = futureDeadlines(content.submissionDeadline, content.clarificationDeadline, metadata);
  const normal = normalisedContent(content);
  return {
    type: 'TenderPublished',
    data: {
      tenderId,
      organisationId,
      title: normal.title,
      description: normal.description,
      category: normal.category,
      lots: normal.lots,
      criteria: normal.criteria,
      submissionDeadline: toCanonicalInstant(deadlines.submission),
      clarificationDeadline: toCanonicalInstant(deadlines.clarification),
      lightTouchRegime: normal.lightTouchRegime,
      suitableForVcse: normal.suitableForVcse,
      reservedParticipation: normal.reservedParticipation,
      planId: strand?.planId ?? null,
      strandId: strand?.strandId ?? null,
      area: strand?.area ?? null,
      documents: normal.documents,
      ...(retenderOfTenderId !== null ? { retenderOfTenderId } : {}),
      publishedAt: metadata.now.toISOString(),
    },
  };
};

const publishTender = (command: PublishTender, state: TenderState): TenderPublished => {
  const { data, metadata } = command;
  if (state.status !== 'none') {
    throw new TenderRuleBroken('TENDER_ALREADY_PUBLISHED', `Tender ${data.tenderId} is already published`, { tenderId: data.tenderId });
  }
  assertCommissionerOf(data.organisationId, metadata, 'publish');
  const { tenderId, organisationId, commissionedStrand, ...content } = data;
  return publication(tenderId, organisationId, content, commissionedStrand, null, metadata);
};

/** Draft content is checked for what cannot be fixed later (structure, plan); completeness waits for publication. */
const draftedContent = (content: TenderDraftContent, strand: CommissionedStrand | null, organisationId: string): TenderDraftContent => {
  assertStrandOfOwnCouncil(strand, organisationId);
  assertLots(content.lots, strand, false);
  assertCriteria(content.criteria, false);
  assertDocuments(content.documents);
  if (content.submissionDeadline !== null) parseSubmissionDeadline(content.submissionDeadline);
  if (content.clarificationDeadline !== null) parseClarificationDeadline(content.clarificationDeadline);
  const normal = normalisedContent(content);
  return {
    ...normal,
    submissionDeadline: content.submissionDeadline === null ? null : toCanonicalInstant(parseSubmissionDeadline(content.submissionDeadline)),
    clarificationDeadline: content.clarificationDeadline === null ? null : toCanonicalInstant(parseClarificationDeadline(content.clarificationDeadline)),
  };
};

const draftTender = (command: DraftTender, state: TenderState): TenderDrafted => {
  const { data, metadata } = command;
  if (state.status !== 'none') throw new TenderRuleBroken('TENDER_ALREADY_PUBLISHED', `Tender ${data.tenderId} already exists`, { tenderId: data.tenderId });
  assertCommissionerOf(data.organisationId, metadata, 'draft');
  const strand = data.commissionedStrand;
  return {
    type: 'TenderDrafted',
    data: {
      tenderId: data.tenderId,
      organisationId: data.organisationId,
      ...draftedContent(data.content, strand, data.organisationId),
      planId: strand?.planId ?? null,
      strandId: strand?.strandId ?? null,
      area: strand?.area ?? null,
      retenderOfTenderId: null,
      reason: null,
      draftedAt: metadata.now.toISOString(),
    },
  };
};

const existingDraft = (state: TenderState, tenderId: string): DraftedTender => {
  if (state.status === 'none') throw new TenderRuleBroken('TENDER_NOT_FOUND', `Tender ${tenderId} does not exist`, { tenderId });
  if (state.published) throw new TenderRuleBroken('TENDER_NOT_A_DRAFT', `Tender ${tenderId} is published; change it by amendment`, { tenderId });
  if (state.status === 'cancelled') throw new TenderRuleBroken('TENDER_CANCELLED', `Tender ${tenderId} was cancelled`);
  return state;
};

const reviseDraft = (command: ReviseTenderDraft, state: TenderState): TenderDraftRevised => {
  const { data, metadata } = command;
  const draft = existingDraft(state, data.tenderId);
  assertCommissionerOf(draft.organisationId, metadata, 'edit');
  const strand = data.commissionedStrand;
  return {
    type: 'TenderDraftRevised',
    data: {
      tenderId: draft.tenderId,
      ...draftedContent(data.content, strand, draft.organisationId),
      planId: strand?.planId ?? null,
      strandId: strand?.strandId ?? null,
      area: strand?.area ?? null,
      revisedAt: metadata.now.toISOString(),
    },
  };
};

const publishDraft = (command: PublishTenderDraft, state: TenderState): TenderPublished => {
  const { data, metadata } = command;
  const draft = existingDraft(state, data.tenderId);
  assertCommissionerOf(draft.organisationId, metadata, 'publish');
  return publication(draft.tenderId, draft.organisationId, draft.content, data.commissionedStrand, draft.retenderOfTenderId, metadata);
};

// The system drafts a re-tender when a contract is decommissioned; the same decommissioning drafts it once.
const draftRetender = (command: DraftRetender, state: TenderState): TenderDrafted[] => {
  const { data, metadata } = command;
  if (metadata.actor.role !== 'system') {
    throw new TenderRuleBroken('ONLY_THE_SYSTEM_MAY_DRAFT_RETENDERS', 'A re-tender is drafted when a contract is decommissioned');
  }
  if (state.status !== 'none') return [];
  const { previous } = data;
  return [
    {
      type: 'TenderDrafted',
      data: {
        tenderId: data.tenderId,
        organisationId: previous.organisationId,
        title: `Re-tender: ${previous.title}`,
        description: previous.description,
        category: previous.category,
        lots: [{ ...previous.lot, estimatedValuePence: data.valuePence }],
        criteria: previous.criteria,
        submissionDeadline: null,
        clarificationDeadline: null,
        lightTouchRegime: previous.lightTouchRegime,
        suitableForVcse: previous.suitableForVcse,
        reservedParticipation: previous.reservedParticipation,
        documents: previous.documents,
        planId: previous.planId,
        strandId: previous.strandId,
        area: previous.area,
        retenderOfTenderId: data.previousTenderId,
        reason: data.reason,
        draftedAt: metadata.now.toISOString(),
      },
    },
  ];
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

// The bidding context's `bids-opened` fact puts the tender under evaluation; a redelivery records nothing.
const recordBidsOpened = (command: RecordBidsOpened, state: TenderState): EvaluationStarted[] => {
  const { data, metadata } = command;
  assertSystem(metadata, 'ONLY_THE_SYSTEM_MAY_RECORD_BIDDING_FACTS', "Bids are opened by the bidding context's deadline, not by request");
  const tender = existing(state, data.tenderId);
  assertStillCompeting(tender);
  if (tender.bidsOpened) return [];
  if (tender.status === 'open') {
    throw new TenderRuleBroken('TENDER_NOT_CLOSED', `Tender ${tender.tenderId} is open until ${tender.submissionDeadline}`, {
      submissionDeadline: tender.submissionDeadline,
    });
  }
  const known = new Set(tender.lots.map((lot) => lot.lotId));
  return [
    {
      type: 'EvaluationStarted',
      data: {
        tenderId: tender.tenderId,
        bids: data.bids.filter((bid) => known.has(bid.lotId)).map(({ bidId, lotId, organisationId }) => ({ bidId, lotId, organisationId })),
        openedAt: data.openedAt,
      },
    },
  ];
};

// The bidding context's `evaluation-completed` fact puts a lot in its final stage, including after an
// upheld challenge sent it back to evaluation.
const recordLotEvaluation = (command: RecordLotEvaluation, state: TenderState): LotEvaluated[] => {
  const { data, metadata } = command;
  assertSystem(metadata, 'ONLY_THE_SYSTEM_MAY_RECORD_BIDDING_FACTS', "A lot's evaluation is completed in the bidding context, not by request");
  const tender = existing(state, data.tenderId);
  assertStillCompeting(tender);
  if (!tender.bidsOpened) {
    throw new TenderRuleBroken('TENDER_NOT_UNDER_EVALUATION', `The bids of tender ${tender.tenderId} have not been opened`, { tenderId: tender.tenderId });
  }
  const lot = lotOf(tender, data.lotId);
  const same = lot.evaluation?.winnerBidId === data.winnerBidId && lot.evaluation.winnerOrganisationId === data.winnerOrganisationId;
  if (lot.stage === 'final_stage' && same) return [];
  if (lot.stage !== 'under_evaluation' && lot.stage !== 'final_stage') {
    throw new TenderRuleBroken('LOT_NOT_UNDER_EVALUATION', `Lot ${lot.lotId} is ${lot.stage.replace('_', ' ')}; its evaluation can no longer change`, {
      lotId: lot.lotId,
      stage: lot.stage,
    });
  }
  return [
    {
      type: 'LotEvaluated',
      data: {
        tenderId: tender.tenderId,
        lotId: lot.lotId,
        winnerBidId: data.winnerBidId,
        winnerOrganisationId: data.winnerOrganisationId,
        evidenceRefs: [...data.evidenceRefs],
        completedAt: data.completedAt,
      },
    },
  ];
};

const describeStandstill = (period: StandstillPeriod): string =>
  period.kind === 'working_days' ? `${period.days} working day${period.days === 1 ? '' : 's'}` : `${period.seconds} second${period.seconds === 1 ? '' : 's'}`;

const standstillEnd = (period: StandstillPeriod, now: Date): number => {
  if (period.kind === 'working_days') {
    if (!Number.isInteger(period.days) || period.days < 1 || period.days > MAX_STANDSTILL_WORKING_DAYS) {
      throw new TenderRuleBroken('STANDSTILL_PERIOD_INVALID', `A standstill lasts 1 to ${MAX_STANDSTILL_WORKING_DAYS} working days`, { days: period.days });
    }
    return endOfWorkingDays(now.getTime(), period.days);
  }
  if (!Number.isInteger(period.seconds) || period.seconds < 1) {
    throw new TenderRuleBroken('STANDSTILL_PERIOD_INVALID', 'A standstill in seconds lasts at least one second', { seconds: period.seconds });
  }
  return now.getTime() + period.seconds * 1000;
};

// Proposing the award starts the standstill at once: bidders are told and may challenge until it ends.
const proposeAward = (command: ProposeAward, state: TenderState): AwardProposed => {
  const { data, metadata } = command;
  const tender = existing(state, data.tenderId);
  assertActsForCommissioner(tender, metadata);
  assertStillCompeting(tender);
  if (tender.status === 'open') {
    throw new TenderRuleBroken('TENDER_NOT_CLOSED', `Tender ${tender.tenderId} has not closed for bids yet`, {
      submissionDeadline: tender.submissionDeadline,
    });
  }
  const lot = lotOf(tender, data.lotId);
  if (lot.stage === 'awarded') {
    throw new TenderRuleBroken('LOT_ALREADY_AWARDED', `Lot ${lot.lotId} is already awarded`, { lotId: lot.lotId, bidId: lot.award?.bidId });
  }
  if (lot.stage === 'standstill' || lot.stage === 'challenged') {
    throw new TenderRuleBroken('AWARD_ALREADY_PROPOSED', `An award of lot ${lot.lotId} is already in standstill`, {
      lotId: lot.lotId,
      bidId: lot.proposal?.bidId,
    });
  }
  if (!tender.bidsOpened) {
    throw new TenderRuleBroken('TENDER_NOT_UNDER_EVALUATION', `The bids of tender ${tender.tenderId} have not been opened yet`, { tenderId: tender.tenderId });
  }
  const bid = tender.bids.find((candidate) => candidate.bidId === data.bidId);
  if (!bid) throw new TenderRuleBroken('BID_NOT_FOUND', `No opened bid ${data.bidId} exists for tender ${tender.tenderId}`, { bidId: data.bidId });
  if (bid.lotId !== lot.lotId) {
    throw new TenderRuleBroken('BID_IS_FOR_ANOTHER_LOT', `Bid ${bid.bidId} is for lot ${bid.lotId}, not lot ${lot.lotId}`, { bidLotId: bid.lotId });
  }
  // When bidding has published the lot's evaluation, the award follows it; otherwise it rests on the opened bid and the rationale.
  const { evaluation } = lot;
  if (evaluation !== null && (evaluation.winnerBidId !== bid.bidId || evaluation.winnerOrganisationId !== bid.organisationId)) {
    throw new TenderRuleBroken('AWARD_MUST_GO_TO_THE_EVALUATION_WINNER', `The evaluation of lot ${lot.lotId} ranked bid ${evaluation.winnerBidId} first`, {
      lotId: lot.lotId,
      winnerBidId: evaluation.winnerBidId,
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
  const endsAt = standstillEnd(data.standstill, metadata.now);
  return {
    type: 'AwardProposed',
    data: {
      tenderId: tender.tenderId,
      organisationId: tender.organisationId,
      lotId: lot.lotId,
      bidId: bid.bidId,
      supplierOrganisationId: bid.organisationId,
      valuePence: data.valuePence,
      rationale: data.rationale.trim(),
      // The evaluation's moderation records join the commissioner's evidence, so the award shows what it rests on.
      evidenceRefs: [...new Set([...data.evidenceRefs, ...(evaluation?.evidenceRefs ?? [])])],
      contractStartDate: data.contractStartDate,
      contractEndDate: data.contractEndDate,
      paymentTermsDays: data.paymentTermsDays,
      standstillPeriod: describeStandstill(data.standstill),
      proposedAt: metadata.now.toISOString(),
      standstillEndsAt: toCanonicalInstant(endsAt),
    },
  };
};

// At the end of standstill the scheduler makes the award final; a repeated tick records nothing.
const finaliseAward = (command: FinaliseAward, state: TenderState): LotAwarded[] => {
  const { data, metadata } = command;
  assertSystem(metadata, 'ONLY_THE_SYSTEM_MAY_FINALISE_AWARDS', 'An award becomes final when its standstill ends, by the scheduler');
  const tender = existing(state, data.tenderId);
  assertStillCompeting(tender);
  const lot = lotOf(tender, data.lotId);
  if (lot.stage === 'awarded') return [];
  if (lot.stage === 'challenged') {
    throw new TenderRuleBroken('AWARD_SUSPENDED_BY_CHALLENGE', `The award of lot ${lot.lotId} is suspended until its challenge is resolved`, { lotId: lot.lotId });
  }
  if (lot.stage !== 'standstill' || lot.proposal === null) {
    throw new TenderRuleBroken('NO_AWARD_PROPOSED', `No award of lot ${lot.lotId} is in standstill`, { lotId: lot.lotId });
  }
  if (metadata.now.getTime() < Date.parse(lot.proposal.standstillEndsAt)) {
    throw new TenderRuleBroken('STANDSTILL_NOT_ENDED', `The standstill of lot ${lot.lotId} ends at ${lot.proposal.standstillEndsAt}`, {
      standstillEndsAt: lot.proposal.standstillEndsAt,
    });
  }
  const proposal = lot.proposal;
  return [
    {
      type: 'LotAwarded',
      data: {
        tenderId: proposal.tenderId,
        organisationId: proposal.organisationId,
        lotId: proposal.lotId,
        bidId: proposal.bidId,
        supplierOrganisationId: proposal.supplierOrganisationId,
        valuePence: proposal.valuePence,
        rationale: proposal.rationale,
        evidenceRefs: proposal.evidenceRefs,
        contractStartDate: proposal.contractStartDate,
        contractEndDate: proposal.contractEndDate,
        paymentTermsDays: proposal.paymentTermsDays,
        awardedAt: metadata.now.toISOString(),
        planId: tender.planId,
        strandId: lot.strandId ?? tender.strandId,
      },
    },
  ];
};

// A bidder on the lot may challenge the proposed award until the standstill ends.
const challengeAward = (command: ChallengeAward, state: TenderState): AwardChallenged => {
  const { data, metadata } = command;
  const tender = existing(state, data.tenderId);
  assertStillCompeting(tender);
  const lot = lotOf(tender, data.lotId);
  const { actor } = metadata;
  const inStandstill =
    (lot.stage === 'standstill' || lot.stage === 'challenged') && lot.proposal !== null && metadata.now.getTime() < Date.parse(lot.proposal.standstillEndsAt);
  if (!inStandstill) {
    throw new TenderRuleBroken('CHALLENGE_OUTSIDE_STANDSTILL', `Lot ${lot.lotId} has no proposed award in standstill to challenge`, {
      lotId: lot.lotId,
      stage: lot.stage,
    });
  }
  const bidder = actor.organisationId !== null && tender.bids.some((bid) => bid.lotId === lot.lotId && bid.organisationId === actor.organisationId);
  if ((actor.role !== 'provider' && actor.role !== 'prime') || !bidder) {
    throw new TenderRuleBroken('ONLY_BIDDERS_ON_THE_LOT_MAY_CHALLENGE', `Only organisations that bid for lot ${lot.lotId} may challenge its award`, {
      lotId: lot.lotId,
    });
  }
  if (lot.proposal?.supplierOrganisationId === actor.organisationId) {
    throw new TenderRuleBroken('CANNOT_CHALLENGE_YOUR_OWN_AWARD', 'The proposed winner cannot challenge its own award', { lotId: lot.lotId });
  }
  if (isBlank(data.grounds)) throw new TenderRuleBroken('CHALLENGE_GROUNDS_REQUIRED', 'A challenge states its grounds');
  if (tender.challenges[data.challengeId] !== undefined) {
    throw new TenderRuleBroken('DUPLICATE_CHALLENGE_ID', `Challenge ${data.challengeId} was already made`, { challengeId: data.challengeId });
  }
  return {
    type: 'AwardChallenged',
    data: {
      tenderId: tender.tenderId,
      lotId: lot.lotId,
      challengeId: data.challengeId,
      challengerOrganisationId: actor.organisationId ?? '',
      grounds: data.grounds.trim(),
      challengedAt: metadata.now.toISOString(),
    },
  };
};

// Upheld: the proposed award is withdrawn and the lot goes back to evaluation. Dismissed: the standstill
// carries on, and if it has already run out the award becomes final at the scheduler's next tick.
const resolveChallenge = (command: ResolveChallenge, state: TenderState): (ChallengeResolved | AwardWithdrawn)[] => {
  const { data, metadata } = command;
  const tender = existing(state, data.tenderId);
  assertActsForCommissioner(tender, metadata);
  assertStillCompeting(tender);
  const challenge = tender.challenges[data.challengeId];
  if (!challenge) throw new TenderRuleBroken('CHALLENGE_NOT_FOUND', `Tender ${tender.tenderId} has no challenge ${data.challengeId}`, { challengeId: data.challengeId });
  if (!challenge.open) {
    throw new TenderRuleBroken('CHALLENGE_ALREADY_RESOLVED', `Challenge ${data.challengeId} is already resolved`, { challengeId: data.challengeId });
  }
  if (data.outcome !== 'upheld' && data.outcome !== 'dismissed') {
    throw new TenderRuleBroken('UNKNOWN_CHALLENGE_OUTCOME', 'A challenge is upheld or dismissed', { outcome: data.outcome });
  }
  if (isBlank(data.reasoning)) throw new TenderRuleBroken('CHALLENGE_REASONING_REQUIRED', 'Resolving a challenge needs written reasoning');
  const resolvedAt = metadata.now.toISOString();
  const reasoning = data.reasoning.trim();
  const resolved: ChallengeResolved = {
    type: 'ChallengeResolved',
    data: { tenderId: tender.tenderId, lotId: challenge.lotId, challengeId: data.challengeId, outcome: data.outcome, reasoning, resolvedAt },
  };
  if (data.outcome === 'dismissed') return [resolved];
  const lot = lotOf(tender, challenge.lotId);
  return [
    resolved,
    { type: 'AwardWithdrawn', data: { tenderId: tender.tenderId, lotId: lot.lotId, bidId: lot.proposal?.bidId ?? '', reason: reasoning, withdrawnAt: resolvedAt } },
  ];
};

const cancelTender = (command: CancelTender, state: TenderState): TenderCancelled => {
  const { data, metadata } = command;
  if (state.status === 'none') throw new TenderRuleBroken('TENDER_NOT_FOUND', `Tender ${data.tenderId} does not exist`, { tenderId: data.tenderId });
  assertActsForCommissioner(state, metadata);
  if (state.status === 'cancelled') throw new TenderRuleBroken('TENDER_ALREADY_CANCELLED', `Tender ${state.tenderId} is already cancelled`);
  if (state.published) {
    if (state.status === 'unsuccessful') throw new TenderRuleBroken('TENDER_UNSUCCESSFUL', `Tender ${state.tenderId} was declared unsuccessful`);
    const awarded = state.lots.filter((lot) => lot.award !== null).map((lot) => lot.lotId);
    if (awarded.length > 0) {
      throw new TenderRuleBroken('TENDER_ALREADY_AWARDED', `Tender ${state.tenderId} has awarded lots and can no longer be cancelled`, {
        awardedLotIds: awarded,
      });
    }
  }
  if (isBlank(data.reason)) throw new TenderRuleBroken('CANCELLATION_REASON_REQUIRED', 'Cancelling a tender needs a reason');
  return { type: 'TenderCancelled', data: { tenderId: state.tenderId, reason: data.reason.trim(), cancelledAt: metadata.now.toISOString() } };
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
  const proposed = tender.lots.filter((lot) => lot.proposal !== null).map((lot) => lot.lotId);
  if (proposed.length > 0) {
    throw new TenderRuleBroken('AWARD_ALREADY_PROPOSED', `Tender ${tender.tenderId} has awards in standstill`, { proposedLotIds: proposed });
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

/** A later deadline, never an earlier one: bidders have planned on the published one. */
const extendedDeadlines = (tender: PublishedTender, data: AmendTenderDocument['data'], metadata: CommandMetadata): TenderDeadlineExtended | null => {
  const submissionInput = data.submissionDeadline ?? null;
  const clarificationInput = data.clarificationDeadline ?? null;
  if (submissionInput === null && clarificationInput === null) return null;
  const previousSubmission = Date.parse(tender.submissionDeadline);
  const previousClarification = Date.parse(tender.clarificationDeadline);
  const submission = submissionInput === null ? previousSubmission : parseSubmissionDeadline(submissionInput);
  if (submission < previousSubmission) {
    throw new TenderRuleBroken('DEADLINE_MAY_ONLY_MOVE_LATER', `The submission deadline may move later than ${tender.submissionDeadline}, never earlier`, {
      submissionDeadline: tender.submissionDeadline,
    });
  }
  // Questions stay open as long as before, relative to nothing: an unchanged clarification deadline stays put.
  const clarification = clarificationInput === null ? previousClarification : parseClarificationDeadline(clarificationInput);
  if (clarification < previousClarification) {
    throw new TenderRuleBroken('DEADLINE_MAY_ONLY_MOVE_LATER', `The clarification deadline may move later than ${tender.clarificationDeadline}, never earlier`, {
      clarificationDeadline: tender.clarificationDeadline,
    });
  }
  if (clarification > submission) {
    throw new TenderRuleBroken('CLARIFICATION_DEADLINE_MUST_BE_BEFORE_SUBMISSION_DEADLINE', 'Questions close no later than bids do', {
      clarificationDeadline: toCanonicalInstant(clarification),
    });
  }
  if (submission === previousSubmission && clarification === previousClarification) return null;
  if (clarification !== previousClarification && clarification <= metadata.now.getTime()) {
    throw new TenderRuleBroken('CLARIFICATION_DEADLINE_MUST_BE_IN_THE_FUTURE', 'The clarification deadline must be in the future', {
      clarificationDeadline: toCanonicalInstant(clarification),
    });
  }
  return {
    type: 'TenderDeadlineExtended',
    data: {
      tenderId: tender.tenderId,
      previousSubmissionDeadline: tender.submissionDeadline,
      submissionDeadline: toCanonicalInstant(submission),
      previousClarificationDeadline: tender.clarificationDeadline,
      clarificationDeadline: toCanonicalInstant(clarification),
      reason: data.summary.trim(),
      extendedAt: metadata.now.toISOString(),
    },
  };
};

// An amendment changes a document, the deadlines or both, while bids can still take it into account.
const amendTender = (command: AmendTenderDocument, state: TenderState): (TenderDocumentAmended | TenderDeadlineExtended)[] => {
  const { data, metadata } = command;
  const tender = existing(state, data.tenderId);
  assertActsForCommissioner(tender, metadata);
  assertBeforeSubmissionDeadline(tender, metadata);
  const events: (TenderDocumentAmended | TenderDeadlineExtended)[] = [];
  if (data.documentId !== null) {
    const previousContentHash = tender.documents[data.documentId];
    if (previousContentHash === undefined) {
      throw new TenderRuleBroken('DOCUMENT_NOT_FOUND', `Tender ${tender.tenderId} has no document ${data.documentId}`, { documentId: data.documentId });
    }
    if (data.contentHash === null || !SHA256_HEX.test(data.contentHash)) {
      throw new TenderRuleBroken('DOCUMENT_HASH_MUST_BE_SHA256', `Document ${data.documentId} is referenced by its SHA-256`, { documentId: data.documentId });
    }
    if (data.contentHash === previousContentHash) {
      throw new TenderRuleBroken('DOCUMENT_UNCHANGED', `Document ${data.documentId} already has this content`, { documentId: data.documentId });
    }
    if (isBlank(data.summary)) throw new TenderRuleBroken('AMENDMENT_SUMMARY_REQUIRED', 'An amendment tells providers what changed');
    events.push({
      type: 'TenderDocumentAmended',
      data: {
        tenderId: tender.tenderId,
        documentId: data.documentId,
        previousContentHash,
        contentHash: data.contentHash,
        summary: data.summary.trim(),
        amendedAt: metadata.now.toISOString(),
      },
    });
  }
  if (isBlank(data.summary)) throw new TenderRuleBroken('AMENDMENT_SUMMARY_REQUIRED', 'An amendment tells providers what changed');
  const extension = extendedDeadlines(tender, data, metadata);
  if (extension) events.push(extension);
  if (events.length === 0) throw new TenderRuleBroken('AMENDMENT_CHANGES_NOTHING', 'An amendment changes a document or moves a deadline later');
  return events;
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
    case 'DraftTender':
      return [draftTender(command, state)];
    case 'ReviseTenderDraft':
      return [reviseDraft(command, state)];
    case 'PublishTenderDraft':
      return [publishDraft(command, state)];
    case 'DraftRetender':
      return draftRetender(command, state);
    case 'PublishTender':
      return [publishTender(command, state)];
    case 'CloseTender':
      return closeTender(command, state);
    case 'RecordBidsOpened':
      return recordBidsOpened(command, state);
    case 'RecordLotEvaluation':
      return recordLotEvaluation(command, state);
    case 'ProposeAward':
      return [proposeAward(command, state)];
    case 'ChallengeAward':
      return [challengeAward(command, state)];
    case 'ResolveChallenge':
      return resolveChallenge(command, state);
    case 'FinaliseAward':
      return finaliseAward(command, state);
    case 'CancelTender':
      return [cancelTender(command, state)];
    case 'AskClarification':
      return [askClarification(command, state)];
    case 'AnswerClarification':
      return [answerClarification(command, state)];
    case 'AmendTenderDocument':
      return amendTender(command, state);
    case 'DeclareTenderUnsuccessful':
      return [declareUnsuccessful(command, state)];
    default: {
      const unknown: never = command;
      throw new Error(`Unknown tender command ${(unknown as { type: string }).type}`);
    }
  }
};
