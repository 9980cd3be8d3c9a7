import type { CommandMetadata } from '@tendril/shared/ddd';
import { assertActsForBidder, assertSystem } from '../actors';
import { BiddingRuleBroken } from '../bidding.errors';
import { assertAcceptsBidsFor } from '../competition/competition.facts';
import { deadlineReached, isWholePositivePence } from '../values/value-guards';
import { assertAcceptableAttachment, MAX_ATTACHMENTS_PER_BID } from './bid-attachments';
import type {
  AddBidAttachment,
  AmendBid,
  AssessBidCompliance,
  BidCommand,
  CurrentDeadlineFact,
  MarkBidShortlisted,
  OpenBid,
  RecordBidOutcome,
  QualityAnswer,
  RemoveBidAttachment,
  SubmitBid,
  WithdrawBid,
} from './bid.commands';
import type {
  BidAmended,
  BidAttachmentAdded,
  BidAttachmentRemoved,
  BidComplianceAssessed,
  BidEvent,
  BidOpened,
  BidOutcomeRecorded,
  BidShortlisted,
  BidSubmitted,
  BidWithdrawn,
} from './bid.events';
import type { BidState, SubmittedBid } from './bid.state';
import { assertBidPartners } from './bid-partners';

const existing = (state: BidState, bidId: string): SubmittedBid => {
  if (state.status === 'none') throw new BiddingRuleBroken('BID_NOT_FOUND', `Bid ${bidId} does not exist`, { bidId });
  return state;
};

const assertContent = (pricePence: number, answers: readonly QualityAnswer[], answerableCriterionIds: readonly string[]): void => {
  if (!isWholePositivePence(pricePence)) {
    throw new BiddingRuleBroken('BID_PRICE_MUST_BE_POSITIVE_PENCE', 'The bid price must be a whole, positive number of pence');
  }
  const answered = new Set<string>();
  for (const { criterionId } of answers) {
    if (!answerableCriterionIds.includes(criterionId)) {
      throw new BiddingRuleBroken('ANSWER_FOR_UNKNOWN_CRITERION', `The tender has no criterion ${criterionId} to answer`, { criterionId });
    }
    if (answered.has(criterionId)) {
      throw new BiddingRuleBroken('DUPLICATE_ANSWER_FOR_CRITERION', `Criterion ${criterionId} is answered more than once`, { criterionId });
    }
    answered.add(criterionId);
  }
};

/**
 * Changes by the bidder (content, attachments, withdrawal): only while the bid is live and sealed,
 * that is before the competition's deadline as it stands now (an extension moves it later).
 */
const assertChangeable = (bid: SubmittedBid, metadata: CommandMetadata, facts: CurrentDeadlineFact): void => {
  assertActsForBidder(metadata, bid.organisationId);
  if (bid.status === 'withdrawn') throw new BiddingRuleBroken('BID_WITHDRAWN', `Bid ${bid.bidId} was withdrawn`, { bidId: bid.bidId });
  const submissionDeadline = facts.currentSubmissionDeadline ?? bid.submissionDeadline;
  if (bid.status !== 'submitted' || deadlineReached(submissionDeadline, metadata.now)) {
    throw new BiddingRuleBroken('TENDER_DEADLINE_PASSED', 'Bids cannot change after the deadline', { submissionDeadline });
  }
};

const copyAnswers = (answers: readonly QualityAnswer[]): QualityAnswer[] => answers.map(({ criterionId, answer }) => ({ criterionId, answer }));

const submitBid = (command: SubmitBid, state: BidState): BidSubmitted => {
  const { data, metadata } = command;
  if (state.status !== 'none') throw new BiddingRuleBroken('BID_ALREADY_SUBMITTED', `Bid ${data.bidId} was already submitted`, { bidId: data.bidId });
  assertActsForBidder(metadata, data.organisationId);
  const competition = assertAcceptsBidsFor(data.competition, data.lotId, metadata.now);
  assertContent(data.pricePence, data.qualityAnswers, competition.answerableCriterionIds);
  const partners = assertBidPartners(data.organisationId, data, data.registeredPartnerIds);
  return {
    type: 'BidSubmitted',
    data: {
      bidId: data.bidId,
      tenderId: competition.tenderId,
      lotId: data.lotId,
      organisationId: data.organisationId,
      commissionerOrganisationId: competition.commissionerOrganisationId,
      submissionDeadline: competition.submissionDeadline,
      answerableCriterionIds: [...competition.answerableCriterionIds],
      pricePence: data.pricePence,
      qualityAnswers: copyAnswers(data.qualityAnswers),
      socialValueCommitments: data.socialValueCommitments,
      subcontractors: partners.subcontractors,
      consortium: partners.consortium,
      submittedAt: metadata.now.toISOString(),
    },
  };
};

const amendBid = (command: AmendBid, state: BidState): BidAmended => {
  const { data, metadata } = command;
  const bid = existing(state, data.bidId);
  assertChangeable(bid, metadata, data);
  assertContent(data.pricePence, data.qualityAnswers, bid.answerableCriterionIds);
  const partners = assertBidPartners(bid.organisationId, data, data.registeredPartnerIds);
  return {
    type: 'BidAmended',
    data: {
      bidId: bid.bidId,
      pricePence: data.pricePence,
      qualityAnswers: copyAnswers(data.qualityAnswers),
      socialValueCommitments: data.socialValueCommitments,
      subcontractors: partners.subcontractors,
      consortium: partners.consortium,
      amendedAt: metadata.now.toISOString(),
    },
  };
};

const withdrawBid = (command: WithdrawBid, state: BidState): BidWithdrawn => {
  const { data, metadata } = command;
  const bid = existing(state, data.bidId);
  assertChangeable(bid, metadata, data);
  return {
    type: 'BidWithdrawn',
    data: { bidId: bid.bidId, tenderId: bid.tenderId, lotId: bid.lotId, organisationId: bid.organisationId, withdrawnAt: metadata.now.toISOString() },
  };
};

const removal = (bid: SubmittedBid, attachmentId: string, now: Date): BidAttachmentRemoved => {
  const attachment = bid.attachments.find((a) => a.attachmentId === attachmentId);
  if (!attachment) throw new BiddingRuleBroken('ATTACHMENT_NOT_FOUND', `Bid ${bid.bidId} has no attachment ${attachmentId}`, { bidId: bid.bidId, attachmentId });
  return { type: 'BidAttachmentRemoved', data: { bidId: bid.bidId, attachmentId, sha256: attachment.sha256, removedAt: now.toISOString() } };
};

const addBidAttachment = (command: AddBidAttachment, state: BidState): (BidAttachmentAdded | BidAttachmentRemoved)[] => {
  const { data, metadata } = command;
  const bid = existing(state, data.bidId);
  assertChangeable(bid, metadata, data);
  const fileName = assertAcceptableAttachment(data.file, data.maxBytes);
  const removed = data.replacesAttachmentId === null ? null : removal(bid, data.replacesAttachmentId, metadata.now);
  const kept = bid.attachments.filter((a) => a.attachmentId !== data.replacesAttachmentId);
  const same = kept.find((a) => a.sha256 === data.file.sha256);
  if (same) {
    throw new BiddingRuleBroken('ATTACHMENT_ALREADY_ON_BID', `The same document is already attached as ${same.fileName}`, {
      attachmentId: same.attachmentId,
    });
  }
  if (kept.length >= MAX_ATTACHMENTS_PER_BID) {
    throw new BiddingRuleBroken('BID_ATTACHMENT_LIMIT_REACHED', `A bid carries at most ${MAX_ATTACHMENTS_PER_BID} documents: remove or replace one first`);
  }
  const added: BidAttachmentAdded = {
    type: 'BidAttachmentAdded',
    data: {
      bidId: bid.bidId,
      attachmentId: data.attachmentId,
      fileName,
      contentType: data.file.contentType,
      sizeBytes: data.file.sizeBytes,
      sha256: data.file.sha256,
      addedAt: metadata.now.toISOString(),
    },
  };
  return removed ? [removed, added] : [added];
};

const removeBidAttachment = (command: RemoveBidAttachment, state: BidState): BidAttachmentRemoved => {
  const { data, metadata } = command;
  const bid = existing(state, data.bidId);
  assertChangeable(bid, metadata, data);
  return removal(bid, data.attachmentId, metadata.now);
};

// The platform opens each bid the closed competition lists; a repeated opening records nothing.
const openBid = (command: OpenBid, state: BidState): BidOpened[] => {
  const { data, metadata } = command;
  const bid = existing(state, data.bidId);
  assertSystem(metadata, command.type);
  if (bid.status !== 'submitted' && bid.status !== 'withdrawn') return [];
  if (bid.status === 'withdrawn') throw new BiddingRuleBroken('BID_WITHDRAWN', `Bid ${bid.bidId} was withdrawn`, { bidId: bid.bidId });
  if (!deadlineReached(bid.submissionDeadline, metadata.now)) {
    throw new BiddingRuleBroken('TENDER_DEADLINE_NOT_REACHED', 'Bids stay sealed until the deadline', { submissionDeadline: bid.submissionDeadline });
  }
  return [
    {
      type: 'BidOpened',
      data: { bidId: bid.bidId, tenderId: bid.tenderId, lotId: bid.lotId, organisationId: bid.organisationId, openedAt: metadata.now.toISOString() },
    },
  ];
};

const assessBidCompliance = (command: AssessBidCompliance, state: BidState): BidComplianceAssessed => {
  const { data, metadata } = command;
  const bid = existing(state, data.bidId);
  const { actor } = metadata;
  if (actor.role !== 'commissioner' || actor.organisationId !== bid.commissionerOrganisationId) {
    throw new BiddingRuleBroken('NOT_THE_COMMISSIONER_OF_THE_TENDER', "Only the tender's own commissioners check compliance");
  }
  if (bid.status === 'compliant' || bid.status === 'non_compliant') {
    throw new BiddingRuleBroken('BID_COMPLIANCE_ALREADY_ASSESSED', `Bid ${bid.bidId} was already found ${bid.status.replace('_', '-')}`, { bidId: bid.bidId });
  }
  if (bid.status !== 'opened') {
    throw new BiddingRuleBroken('BID_NOT_OPENED', 'Only an opened bid is checked for compliance', { bidId: bid.bidId, status: bid.status });
  }
  if (!data.compliant && data.reason.trim() === '') {
    throw new BiddingRuleBroken('NON_COMPLIANCE_REASON_REQUIRED', 'Say why the bid is not compliant');
  }
  return {
    type: 'BidComplianceAssessed',
    data: { bidId: bid.bidId, tenderId: bid.tenderId, lotId: bid.lotId, compliant: data.compliant, reason: data.reason.trim(), assessedAt: metadata.now.toISOString() },
  };
};

// Platform reactions: a repeated delivery records nothing.
const markBidShortlisted = (command: MarkBidShortlisted, state: BidState): BidShortlisted[] => {
  const { data, metadata } = command;
  const bid = existing(state, data.bidId);
  assertSystem(metadata, command.type);
  if (bid.status !== 'opened' && bid.status !== 'compliant') return [];
  return [{ type: 'BidShortlisted', data: { bidId: bid.bidId, tenderId: bid.tenderId, lotId: bid.lotId, shortlistedAt: metadata.now.toISOString() } }];
};

const recordBidOutcome = (command: RecordBidOutcome, state: BidState): BidOutcomeRecorded[] => {
  const { data, metadata } = command;
  const bid = existing(state, data.bidId);
  assertSystem(metadata, command.type);
  if (bid.status === 'withdrawn' || bid.status === 'submitted' || bid.status === 'successful' || bid.status === 'unsuccessful') return [];
  return [
    {
      type: 'BidOutcomeRecorded',
      data: { bidId: bid.bidId, tenderId: bid.tenderId, lotId: bid.lotId, successful: data.successful, decidedAt: metadata.now.toISOString() },
    },
  ];
};

export const decideBid = (command: BidCommand, state: BidState): readonly BidEvent[] => {
  switch (command.type) {
    case 'SubmitBid':
      return [submitBid(command, state)];
    case 'AmendBid':
      return [amendBid(command, state)];
    case 'WithdrawBid':
      return [withdrawBid(command, state)];
    case 'AddBidAttachment':
      return addBidAttachment(command, state);
    case 'RemoveBidAttachment':
      return [removeBidAttachment(command, state)];
    case 'OpenBid':
      return openBid(command, state);
    case 'AssessBidCompliance':
      return [assessBidCompliance(command, state)];
    case 'MarkBidShortlisted':
      return markBidShortlisted(command, state);
    case 'RecordBidOutcome':
      return recordBidOutcome(command, state);
    default: {
      const unknown: never = command;
      throw new Error(`Unknown bid command ${(unknown as { type: string }).type}`);
    }
  }
};
