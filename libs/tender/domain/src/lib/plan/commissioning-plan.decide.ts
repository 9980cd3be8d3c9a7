import type { CommandMetadata } from '@tendril/shared/ddd';
import { findPersonalData } from '../values/personal-data';
import { isBlank, isIsoDate, isWholePence } from '../values/value-guards';
import {
  CONSULTATION_METHODS,
  DELIVERY_MODELS,
  MANDATORY_OUTCOME_MEASURE_KINDS,
  OUTCOME_MEASURE_KINDS,
  PROVIDER_KINDS,
  type AddOutcomeMeasure,
  type AddStrand,
  type CommissioningPlanCommand,
  type DraftCommissioningPlan,
  type OutcomeMeasure,
  type ProviderKind,
  type PublishMarketEngagementNotice,
  type RecordNeedsEvidence,
  type RecordNoMarketEngagementReason,
  type RegisterMarketInterest,
  type ReleaseStrandForTender,
} from './commissioning-plan.commands';
import { CommissioningPlanRuleBroken } from './commissioning-plan.errors';
import type {
  CommissioningPlanDrafted,
  CommissioningPlanEvent,
  MarketEngagementNoticePublished,
  MarketInterestRegistered,
  NeedsEvidenceRecorded,
  NoMarketEngagementReasonRecorded,
  OutcomeMeasureAdded,
  StrandAdded,
  StrandReleasedForTender,
} from './commissioning-plan.events';
import type { CommissioningPlanState, DraftedPlan, PlanStrand } from './commissioning-plan.state';

const today = (metadata: CommandMetadata): string => metadata.now.toISOString().slice(0, 10);

const existing = (state: CommissioningPlanState, planId: string): DraftedPlan => {
  if (state.status === 'none') throw new CommissioningPlanRuleBroken('PLAN_NOT_FOUND', `Commissioning plan ${planId} does not exist`, { planId });
  return state;
};

const ownedPlan = (state: CommissioningPlanState, planId: string, metadata: CommandMetadata): DraftedPlan => {
  const plan = existing(state, planId);
  const { actor } = metadata;
  if (actor.role !== 'commissioner' || actor.organisationId !== plan.organisationId) {
    throw new CommissioningPlanRuleBroken('NOT_THE_PLAN_COMMISSIONER', "Only a commissioner of the plan's council may change it", { planId });
  }
  return plan;
};

const strandOf = (plan: DraftedPlan, strandId: string): PlanStrand => {
  const strand = plan.strands.find((candidate) => candidate.strandId === strandId);
  if (!strand) throw new CommissioningPlanRuleBroken('STRAND_NOT_FOUND', `Plan ${plan.planId} has no strand ${strandId}`, { strandId });
  return strand;
};

const assertTenderable = (strand: PlanStrand): void => {
  if (strand.deliveryModel === 'in_house') {
    throw new CommissioningPlanRuleBroken('STRAND_DELIVERED_IN_HOUSE', `Strand ${strand.strandId} is delivered in-house and does not go to market`, {
      strandId: strand.strandId,
    });
  }
};

const checkedMeasure = (measure: OutcomeMeasure): OutcomeMeasure => {
  if (!OUTCOME_MEASURE_KINDS.includes(measure.kind)) {
    throw new CommissioningPlanRuleBroken('UNKNOWN_OUTCOME_MEASURE_KIND', `Outcome measure ${measure.measureId} has an unknown kind`, {
      measureId: measure.measureId,
      kind: measure.kind,
    });
  }
  if (isBlank(measure.measureId) || isBlank(measure.name) || isBlank(measure.target)) {
    throw new CommissioningPlanRuleBroken('OUTCOME_MEASURE_NAME_AND_TARGET_REQUIRED', 'An outcome measure needs an id, a name and a target', {
      measureId: measure.measureId,
    });
  }
  return { measureId: measure.measureId.trim(), name: measure.name.trim(), kind: measure.kind, target: measure.target.trim() };
};

const draftPlan = (command: DraftCommissioningPlan, state: CommissioningPlanState): CommissioningPlanDrafted => {
  const { data, metadata } = command;
  if (state.status !== 'none') {
    throw new CommissioningPlanRuleBroken('PLAN_ALREADY_DRAFTED', `Commissioning plan ${data.planId} already exists`, { planId: data.planId });
  }
  if (metadata.actor.role !== 'commissioner' || metadata.actor.organisationId !== data.organisationId) {
    throw new CommissioningPlanRuleBroken('NOT_A_COMMISSIONER_OF_THE_ORGANISATION', 'Only a commissioner of the council may draft its plans', {
      organisationId: data.organisationId,
    });
  }
  if (isBlank(data.title)) throw new CommissioningPlanRuleBroken('PLAN_TITLE_REQUIRED', 'A commissioning plan needs a title');
  if (!isIsoDate(data.periodStart) || !isIsoDate(data.periodEnd)) {
    throw new CommissioningPlanRuleBroken('PLAN_PERIOD_MUST_BE_ISO_DATES', 'The plan period runs between two dates (YYYY-MM-DD)');
  }
  if (data.periodEnd <= data.periodStart) {
    throw new CommissioningPlanRuleBroken('PLAN_PERIOD_END_MUST_BE_AFTER_START', 'The plan period must end after it starts');
  }
  if (!isWholePence(data.inHouseBudgetPence, true) || !isWholePence(data.externalBudgetPence, true)) {
    throw new CommissioningPlanRuleBroken('PLAN_BUDGET_MUST_BE_WHOLE_PENCE', 'Budgets are whole, non-negative numbers of pence');
  }
  if (data.inHouseBudgetPence + data.externalBudgetPence === 0) {
    throw new CommissioningPlanRuleBroken('PLAN_BUDGET_MUST_NOT_BE_NIL', 'A commissioning plan commits some resource');
  }
  const measureIds = new Set<string>();
  const outcomes = data.outcomes.map((measure) => {
    if (measureIds.has(measure.measureId)) {
      throw new CommissioningPlanRuleBroken('DUPLICATE_OUTCOME_MEASURE_ID', `Outcome measure id ${measure.measureId} appears more than once`, {
        measureId: measure.measureId,
      });
    }
    measureIds.add(measure.measureId);
    return checkedMeasure(measure);
  });
  const missing = MANDATORY_OUTCOME_MEASURE_KINDS.filter((kind) => !outcomes.some((measure) => measure.kind === kind));
  if (missing.length > 0) {
    throw new CommissioningPlanRuleBroken(
      'OUTCOMES_MUST_INCLUDE_LEARNING_AND_REACH',
      "The outcomes framework always measures young people's learning, achievement and progress, and reach",
      { missingKinds: missing },
    );
  }
  return {
    type: 'CommissioningPlanDrafted',
    data: {
      planId: data.planId,
      organisationId: data.organisationId,
      title: data.title.trim(),
      periodStart: data.periodStart,
      periodEnd: data.periodEnd,
      inHouseBudgetPence: data.inHouseBudgetPence,
      externalBudgetPence: data.externalBudgetPence,
      outcomes,
      draftedAt: metadata.now.toISOString(),
    },
  };
};

const addOutcomeMeasure = (command: AddOutcomeMeasure, state: CommissioningPlanState): OutcomeMeasureAdded => {
  const { data, metadata } = command;
  const plan = ownedPlan(state, data.planId, metadata);
  if (plan.outcomes.some((measure) => measure.measureId === data.measure.measureId)) {
    throw new CommissioningPlanRuleBroken('DUPLICATE_OUTCOME_MEASURE_ID', `Outcome measure id ${data.measure.measureId} is already in the plan`, {
      measureId: data.measure.measureId,
    });
  }
  return { type: 'OutcomeMeasureAdded', data: { planId: plan.planId, measure: checkedMeasure(data.measure), addedAt: metadata.now.toISOString() } };
};

const addStrand = (command: AddStrand, state: CommissioningPlanState): StrandAdded => {
  const { data, metadata } = command;
  const plan = ownedPlan(state, data.planId, metadata);
  if (plan.strands.some((strand) => strand.strandId === data.strandId)) {
    throw new CommissioningPlanRuleBroken('DUPLICATE_STRAND_ID', `Strand id ${data.strandId} is already in the plan`, { strandId: data.strandId });
  }
  if (isBlank(data.strandId) || isBlank(data.name)) throw new CommissioningPlanRuleBroken('STRAND_NAME_REQUIRED', 'A strand needs an id and a name');
  if (!isWholePence(data.budgetPence)) {
    throw new CommissioningPlanRuleBroken('STRAND_BUDGET_MUST_BE_WHOLE_PENCE', 'A strand budget is a whole, positive number of pence');
  }
  const allocated = plan.strands.reduce((sum, strand) => sum + strand.budgetPence, 0);
  if (allocated + data.budgetPence > plan.totalBudgetPence) {
    throw new CommissioningPlanRuleBroken('STRAND_BUDGETS_EXCEED_PLAN_TOTAL', 'The strands would spend more than the plan’s total resource', {
      totalBudgetPence: plan.totalBudgetPence,
      alreadyAllocatedPence: allocated,
      requestedPence: data.budgetPence,
    });
  }
  if (!DELIVERY_MODELS.includes(data.deliveryModel)) {
    throw new CommissioningPlanRuleBroken('UNKNOWN_DELIVERY_MODEL', `Strand ${data.strandId} has an unknown delivery model`, {
      deliveryModel: data.deliveryModel,
    });
  }
  const options = data.optionsAppraisal.optionsConsidered.map((option) => option.trim()).filter((option) => option !== '');
  if (new Set(options).size < 2) {
    throw new CommissioningPlanRuleBroken('OPTIONS_APPRAISAL_MUST_WEIGH_AT_LEAST_TWO_OPTIONS', 'An options appraisal compares at least two delivery options');
  }
  if (isBlank(data.optionsAppraisal.conclusion)) {
    throw new CommissioningPlanRuleBroken('OPTIONS_APPRAISAL_CONCLUSION_REQUIRED', 'An options appraisal says why the chosen model won');
  }
  const deliveredInHouse = data.deliveryModel !== 'external';
  if (deliveredInHouse && isBlank(data.inHouseRationale)) {
    throw new CommissioningPlanRuleBroken('IN_HOUSE_RATIONALE_REQUIRED', "Delivery by the council's own team needs a recorded rationale", {
      strandId: data.strandId,
    });
  }
  return {
    type: 'StrandAdded',
    data: {
      planId: plan.planId,
      strandId: data.strandId.trim(),
      name: data.name.trim(),
      area: isBlank(data.area) ? null : (data.area as string).trim(),
      budgetPence: data.budgetPence,
      deliveryModel: data.deliveryModel,
      optionsAppraisal: { optionsConsidered: options, conclusion: data.optionsAppraisal.conclusion.trim() },
      inHouseRationale: deliveredInHouse ? (data.inHouseRationale as string).trim() : null,
      addedAt: metadata.now.toISOString(),
    },
  };
};

const recordNeedsEvidence = (command: RecordNeedsEvidence, state: CommissioningPlanState): NeedsEvidenceRecorded => {
  const { data, metadata } = command;
  const plan = ownedPlan(state, data.planId, metadata);
  if (plan.evidenceIds.includes(data.evidenceId)) {
    throw new CommissioningPlanRuleBroken('DUPLICATE_EVIDENCE_ID', `Evidence ${data.evidenceId} is already recorded`, { evidenceId: data.evidenceId });
  }
  if (!CONSULTATION_METHODS.includes(data.method)) {
    throw new CommissioningPlanRuleBroken('UNKNOWN_CONSULTATION_METHOD', 'The consultation method is not one the plan knows', { method: data.method });
  }
  if (!isIsoDate(data.conductedOn) || data.conductedOn > today(metadata)) {
    throw new CommissioningPlanRuleBroken('CONSULTATION_DATE_MUST_BE_A_PAST_ISO_DATE', 'A consultation is recorded after it took place (YYYY-MM-DD)', {
      conductedOn: data.conductedOn,
    });
  }
  if (!Number.isInteger(data.participants) || data.participants < 1) {
    throw new CommissioningPlanRuleBroken('CONSULTATION_PARTICIPANTS_MUST_BE_A_POSITIVE_COUNT', 'Participants are recorded as a count, at least one');
  }
  if (isBlank(data.findings)) throw new CommissioningPlanRuleBroken('CONSULTATION_FINDINGS_REQUIRED', 'Needs evidence states its findings');
  const personalData = findPersonalData(data.findings);
  if (personalData !== null) {
    throw new CommissioningPlanRuleBroken(
      'NEEDS_EVIDENCE_CONTAINS_PERSONAL_DATA',
      `The findings appear to contain a ${personalData}; record aggregate findings with no personal data of young people`,
      { kind: personalData },
    );
  }
  return {
    type: 'NeedsEvidenceRecorded',
    data: {
      planId: plan.planId,
      evidenceId: data.evidenceId,
      conductedOn: data.conductedOn,
      method: data.method,
      participants: data.participants,
      findings: data.findings.trim(),
      recordedAt: metadata.now.toISOString(),
    },
  };
};

const publishNotice = (command: PublishMarketEngagementNotice, state: CommissioningPlanState): MarketEngagementNoticePublished => {
  const { data, metadata } = command;
  const plan = ownedPlan(state, data.planId, metadata);
  if (plan.notices.some((notice) => notice.noticeId === data.noticeId)) {
    throw new CommissioningPlanRuleBroken('DUPLICATE_NOTICE_ID', `Notice ${data.noticeId} is already published`, { noticeId: data.noticeId });
  }
  const strandIds = [...new Set(data.strandIds)];
  if (strandIds.length === 0) {
    throw new CommissioningPlanRuleBroken('NOTICE_MUST_COVER_AT_LEAST_ONE_STRAND', 'A market engagement notice covers at least one strand');
  }
  for (const strandId of strandIds) assertTenderable(strandOf(plan, strandId));
  if (isBlank(data.summary)) throw new CommissioningPlanRuleBroken('NOTICE_SUMMARY_REQUIRED', 'A market engagement notice needs a summary');
  if (!isIsoDate(data.respondBy) || data.respondBy < today(metadata)) {
    throw new CommissioningPlanRuleBroken('NOTICE_RESPONSE_DATE_MUST_BE_A_FUTURE_ISO_DATE', 'Providers need until a date no earlier than today to respond', {
      respondBy: data.respondBy,
    });
  }
  return {
    type: 'MarketEngagementNoticePublished',
    data: {
      planId: plan.planId,
      organisationId: plan.organisationId,
      noticeId: data.noticeId,
      strandIds,
      summary: data.summary.trim(),
      respondBy: data.respondBy,
      publishedAt: metadata.now.toISOString(),
    },
  };
};

// A second registration by the same organisation records nothing: interest is a set, not a tally.
const registerInterest = (command: RegisterMarketInterest, state: CommissioningPlanState): MarketInterestRegistered[] => {
  const { data, metadata } = command;
  const plan = existing(state, data.planId);
  const { actor } = metadata;
  if ((actor.role !== 'provider' && actor.role !== 'prime') || actor.organisationId !== data.providerOrganisationId) {
    throw new CommissioningPlanRuleBroken('ONLY_PROVIDERS_MAY_REGISTER_INTEREST', 'Interest is registered by a member of the provider organisation');
  }
  const notice = plan.notices.find((candidate) => candidate.noticeId === data.noticeId);
  if (!notice) throw new CommissioningPlanRuleBroken('NOTICE_NOT_FOUND', `Plan ${plan.planId} has no notice ${data.noticeId}`, { noticeId: data.noticeId });
  if (today(metadata) > notice.respondBy) {
    throw new CommissioningPlanRuleBroken('MARKET_ENGAGEMENT_CLOSED', `Notice ${notice.noticeId} took responses until ${notice.respondBy}`, {
      respondBy: notice.respondBy,
    });
  }
  if (!PROVIDER_KINDS.includes(data.providerKind)) {
    throw new CommissioningPlanRuleBroken('UNKNOWN_PROVIDER_KIND', 'The provider kind is not one the plan records', { providerKind: data.providerKind });
  }
  if (notice.interested[data.providerOrganisationId] !== undefined) return [];
  return [
    {
      type: 'MarketInterestRegistered',
      data: {
        planId: plan.planId,
        noticeId: notice.noticeId,
        providerOrganisationId: data.providerOrganisationId,
        providerKind: data.providerKind,
        registeredAt: metadata.now.toISOString(),
      },
    },
  ];
};

const recordNoEngagementReason = (command: RecordNoMarketEngagementReason, state: CommissioningPlanState): NoMarketEngagementReasonRecorded => {
  const { data, metadata } = command;
  const plan = ownedPlan(state, data.planId, metadata);
  const strand = strandOf(plan, data.strandId);
  assertTenderable(strand);
  if (strand.releasedForTender) {
    throw new CommissioningPlanRuleBroken('STRAND_ALREADY_RELEASED_FOR_TENDER', `Strand ${strand.strandId} has already gone to tender`);
  }
  if (isBlank(data.reason)) throw new CommissioningPlanRuleBroken('NO_ENGAGEMENT_REASON_REQUIRED', 'Skipping market engagement needs a reason');
  return {
    type: 'NoMarketEngagementReasonRecorded',
    data: { planId: plan.planId, strandId: strand.strandId, reason: data.reason.trim(), recordedAt: metadata.now.toISOString() },
  };
};

/** Which notices reached providers for a strand, and the kinds of provider that answered. */
export const strandEngagement = (plan: DraftedPlan, strandId: string): { noticeIds: string[]; providerKinds: ProviderKind[] } => {
  const notices = plan.notices.filter((notice) => notice.strandIds.includes(strandId) && Object.keys(notice.interested).length > 0);
  const kinds = new Set(notices.flatMap((notice) => Object.values(notice.interested)));
  return { noticeIds: notices.map((notice) => notice.noticeId), providerKinds: PROVIDER_KINDS.filter((kind) => kinds.has(kind)) };
};

const releaseStrand = (command: ReleaseStrandForTender, state: CommissioningPlanState): StrandReleasedForTender => {
  const { data, metadata } = command;
  const plan = ownedPlan(state, data.planId, metadata);
  const strand = strandOf(plan, data.strandId);
  assertTenderable(strand);
  if (strand.releasedForTender) {
    throw new CommissioningPlanRuleBroken('STRAND_ALREADY_RELEASED_FOR_TENDER', `Strand ${strand.strandId} has already gone to tender`);
  }
  const engagement = strandEngagement(plan, strand.strandId);
  if (engagement.noticeIds.length === 0 && strand.reasonForNoEngagement === null) {
    throw new CommissioningPlanRuleBroken(
      'STRAND_NEEDS_MARKET_ENGAGEMENT',
      `Strand ${strand.strandId} goes to tender only after market engagement providers answered, or with a recorded reason for none`,
      { strandId: strand.strandId },
    );
  }
  return {
    type: 'StrandReleasedForTender',
    data: {
      planId: plan.planId,
      strandId: strand.strandId,
      deliveryModel: strand.deliveryModel,
      engagementNoticeIds: engagement.noticeIds,
      providerKindsEngaged: engagement.providerKinds,
      reasonForNoEngagement: engagement.noticeIds.length === 0 ? strand.reasonForNoEngagement : null,
      releasedAt: metadata.now.toISOString(),
    },
  };
};

export const decideCommissioningPlan = (command: CommissioningPlanCommand, state: CommissioningPlanState): readonly CommissioningPlanEvent[] => {
  switch (command.type) {
    case 'DraftCommissioningPlan':
      return [draftPlan(command, state)];
    case 'AddOutcomeMeasure':
      return [addOutcomeMeasure(command, state)];
    case 'AddStrand':
      return [addStrand(command, state)];
    case 'RecordNeedsEvidence':
      return [recordNeedsEvidence(command, state)];
    case 'PublishMarketEngagementNotice':
      return [publishNotice(command, state)];
    case 'RegisterMarketInterest':
      return registerInterest(command, state);
    case 'RecordNoMarketEngagementReason':
      return [recordNoEngagementReason(command, state)];
    case 'ReleaseStrandForTender':
      return [releaseStrand(command, state)];
    default: {
      const unknown: never = command;
      throw new Error(`Unknown commissioning plan command ${(unknown as { type: string }).type}`);
    }
  }
};
