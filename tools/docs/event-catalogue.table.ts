// What the generator cannot read from types alone, kept small and checked against the code on every run:
// the order of the contexts, stream-naming functions that break the naming convention, which integration
// publisher each service runs, and who reacts to which event. `verifyCatalogueTable` fails with the file and the
// missing name when an entry no longer matches its source, and the source scan fails when code starts
// consuming an integration event this table does not list.

export const CONTEXTS = ['tender', 'bidding', 'subcontracting'] as const;
export type ContextName = (typeof CONTEXTS)[number];

/**
 * The function that names the stream of an exported events array is found by convention, in the same
 * library: `TENDER_EVENT_TYPES` -> `tenderStreamName`, `TENDER_INTEGRATION_EVENT_TYPES` ->
 * `tenderIntegrationStreamName`. List an array here only when its function is named otherwise.
 */
export const STREAM_FUNCTIONS: Readonly<Record<string, string>> = { EVALUATOR_EVENT_TYPES: 'evaluatorsStreamName' };

/** Where a piece of code must be found: `file` must mention every token. */
export interface SourceEvidence {
  readonly file: string;
  readonly tokens: readonly string[];
}

export interface IntegrationPublisher {
  readonly context: ContextName;
  readonly service: string;
  /** The reaction's name, which keys its checkpoint (`reaction:<name>`). */
  readonly name: string;
  /** The contracts array whose events it appends; its translator must name that array's stream function. */
  readonly publishes: string;
  /** The service module that runs the publisher with this name and translator. */
  readonly wiring: SourceEvidence;
  /** The translator that calls the domain library's `to...IntegrationEvents`. */
  readonly translator: SourceEvidence;
  /** The stream function the translator addresses, when it is not the published array's own (a plan's strand releases). */
  readonly streamFunction?: string;
  /** When it publishes only some of the array's events, without a domain translator: which ones. */
  readonly events?: readonly string[];
}

export const INTEGRATION_PUBLISHERS: readonly IntegrationPublisher[] = [
  {
    context: 'tender',
    service: 'tender-service',
    name: 'tender-integration-events',
    publishes: 'TENDER_INTEGRATION_EVENT_TYPES',
    wiring: { file: 'apps/tender-service/src/app/tender-service.module.ts', tokens: ["'tender-integration-events'", 'translateTenderEvent', 'integrationPublisher'] },
    translator: { file: 'libs/tender/infra/src/lib/tender-integration.translation.ts', tokens: ['translateTenderEvent', 'toIntegrationEvents'] },
  },
  {
    context: 'tender',
    service: 'tender-service',
    name: 'plan-integration-events',
    publishes: 'TENDER_INTEGRATION_EVENT_TYPES',
    wiring: { file: 'apps/tender-service/src/app/tender-service.module.ts', tokens: ["'plan-integration-events'", 'translatePlanEvent', 'integrationPublisher'] },
    translator: { file: 'libs/tender/infra/src/lib/plan-integration.translation.ts', tokens: ['translatePlanEvent', 'planIntegrationEvents'] },
    streamFunction: 'planIntegrationStreamName',
    events: ['tender.strand-released.v1'],
  },
  {
    context: 'bidding',
    service: 'bidding-service',
    name: 'bidding-integration-events',
    publishes: 'BIDDING_INTEGRATION_EVENT_TYPES',
    wiring: { file: 'apps/bidding-service/src/app/bidding-service.module.ts', tokens: ["'bidding-integration-events'", 'translateBiddingEvent', 'integrationPublisher'] },
    translator: { file: 'libs/bidding/infra/src/lib/bidding-integration.translation.ts', tokens: ['translateBiddingEvent', 'toIntegrationEvents'] },
  },
  {
    context: 'bidding',
    service: 'bidding-service',
    name: 'provider-registry-integration-events',
    publishes: 'PROVIDER_REGISTRY_INTEGRATION_EVENT_TYPES',
    wiring: {
      file: 'apps/bidding-service/src/app/bidding-service.module.ts',
      tokens: ["'provider-registry-integration-events'", 'translateProviderEvent', 'integrationPublisher'],
    },
    translator: { file: 'libs/bidding/infra/src/lib/provider-registry-integration.translation.ts', tokens: ['translateProviderEvent', 'toProviderIntegrationEvents'] },
  },
  {
    context: 'subcontracting',
    service: 'subcontracting-service',
    name: 'subcontracting-integration-events',
    publishes: 'SUBCONTRACTING_INTEGRATION_EVENT_TYPES',
    wiring: {
      file: 'apps/subcontracting-service/src/app/subcontracting-service.module.ts',
      tokens: ["'subcontracting-integration-events'", 'translateContractEvent', 'integrationPublisher'],
    },
    translator: { file: 'libs/subcontracting/infra/src/lib/subcontracting-integration.translation.ts', tokens: ['translateContractEvent', 'toIntegrationEvents'] },
  },
];

export interface Handler {
  readonly context: ContextName;
  readonly service: string;
  /**
   * `reaction`: issues commands (appends events); `read model`: a projection that updates tables;
   * `audit query`: an auditor's query that folds the events on demand (no checkpoint; ADR 0018);
   * `export`: reads the events from the log when asked (no checkpoint, no tables) and turns them into a
   * document (ADR 0019).
   */
  readonly kind: 'reaction' | 'read model' | 'audit query' | 'export';
  /** The name its checkpoint is kept under, as the code spells it. */
  readonly name: string;
  /** The file that spells `name`; it, or one of `alsoIn`, must mention every event the handler is listed for. */
  readonly file: string;
  /** Further files the handler delegates to (one projection split over several files). */
  readonly alsoIn?: readonly string[];
  /** The service module that runs it. */
  readonly wiring: SourceEvidence;
}

const handler = <T extends Handler>(definition: T): T => definition;

export const HANDLERS = {
  tenderReadModel: handler({
    context: 'tender',
    service: 'tender-service',
    kind: 'read model',
    name: 'tender-read-model',
    file: 'libs/tender/infra/src/lib/tender.projection.ts',
    alsoIn: ['libs/tender/infra/src/lib/commissioning-plan.projection.ts'],
    wiring: { file: 'apps/tender-service/src/app/tender-service.module.ts', tokens: ['tenderReadModelProjection'] },
  }),
  bidReadModel: handler({
    context: 'bidding',
    service: 'bidding-service',
    kind: 'read model',
    name: 'bid-read-model',
    file: 'libs/bidding/infra/src/lib/bid.projection.ts',
    wiring: { file: 'apps/bidding-service/src/app/bidding-service.module.ts', tokens: ['bidReadModelProjection'] },
  }),
  competitionDeadlineReadModel: handler({
    context: 'bidding',
    service: 'bidding-service',
    kind: 'read model',
    name: 'competition-deadline-read-model',
    file: 'libs/bidding/infra/src/lib/bid.projection.ts',
    wiring: { file: 'apps/bidding-service/src/app/bidding-service.module.ts', tokens: ['competitionDeadlineProjection'] },
  }),
  providerReadModel: handler({
    context: 'bidding',
    service: 'bidding-service',
    kind: 'read model',
    name: 'provider-read-model',
    file: 'libs/bidding/infra/src/lib/provider.projection.ts',
    wiring: { file: 'apps/bidding-service/src/app/bidding-service.module.ts', tokens: ['providerReadModelProjection'] },
  }),
  evaluatorReadModel: handler({
    context: 'bidding',
    service: 'bidding-service',
    kind: 'read model',
    name: 'evaluator-read-model',
    file: 'libs/bidding/infra/src/lib/evaluator.projection.ts',
    wiring: { file: 'apps/bidding-service/src/app/bidding-service.module.ts', tokens: ['evaluatorReadModelProjection'] },
  }),
  lotResultReadModel: handler({
    context: 'bidding',
    service: 'bidding-service',
    kind: 'read model',
    name: 'lot-result-read-model',
    file: 'libs/bidding/infra/src/lib/lot-result.read-model.ts',
    wiring: { file: 'apps/bidding-service/src/app/bidding-service.module.ts', tokens: ['lotResultProjection'] },
  }),
  panelReadModel: handler({
    context: 'bidding',
    service: 'bidding-service',
    kind: 'read model',
    name: 'evaluation-panel-read-model',
    file: 'libs/bidding/infra/src/lib/panel.projection.ts',
    wiring: { file: 'apps/bidding-service/src/app/bidding-service.module.ts', tokens: ['panelReadModelProjection'] },
  }),
  biddingFollowsTenders: handler({
    context: 'bidding',
    service: 'bidding-service',
    kind: 'reaction',
    name: 'bidding-follows-tenders',
    file: 'libs/bidding/application/src/lib/bidding.reactions.ts',
    wiring: { file: 'apps/bidding-service/src/app/bidding-service.module.ts', tokens: ['BiddingReactions', 'reactionProjection(reactions)'] },
  }),
  tenderFollowsBiddingAndContracts: handler({
    context: 'tender',
    service: 'tender-service',
    kind: 'reaction',
    name: 'tender-follows-bidding-and-contracts',
    file: 'libs/tender/application/src/lib/tender.reactions.ts',
    wiring: { file: 'apps/tender-service/src/app/tender-service.module.ts', tokens: ['TenderReactions', 'reactionProjection(reactions)'] },
  }),
  contractReadModel: handler({
    context: 'subcontracting',
    service: 'subcontracting-service',
    kind: 'read model',
    name: 'contract-read-model',
    file: 'libs/subcontracting/infra/src/lib/contract.projection.ts',
    wiring: { file: 'apps/subcontracting-service/src/app/subcontracting-service.module.ts', tokens: ['contractReadModelProjection'] },
  }),
  tenderOpenData: handler({
    context: 'tender',
    service: 'tender-service',
    kind: 'export',
    name: 'tender-open-data',
    file: 'libs/tender/open-data/src/lib/ocds/ocds-releases.ts',
    alsoIn: [
      'libs/tender/open-data/src/lib/trail/trail.ts',
      'libs/tender/open-data/src/lib/tender-event-source.reader.ts',
      'libs/tender/open-data/src/lib/open-data.queries.ts',
    ],
    wiring: { file: 'apps/tender-service/src/app/tender-service.module.ts', tokens: ['OPEN_DATA_QUERY_HANDLERS', 'OpenDataController', 'TenderEventSourceReader'] },
  }),
  contractsFromAwards: handler({
    context: 'subcontracting',
    service: 'subcontracting-service',
    kind: 'reaction',
    name: 'contracts-from-awards',
    file: 'libs/subcontracting/application/src/lib/subcontracting.reactions.ts',
    wiring: {
      file: 'apps/subcontracting-service/src/app/subcontracting-service.module.ts',
      tokens: ['SubcontractingReactions', 'reactionProjection(reactions)'],
    },
  }),
  providerEligibility: handler({
    context: 'subcontracting',
    service: 'subcontracting-service',
    kind: 'read model',
    name: 'subcontracting-provider-eligibility',
    file: 'libs/subcontracting/infra/src/lib/supply-chain-facts.projections.ts',
    wiring: { file: 'apps/subcontracting-service/src/app/subcontracting-service.module.ts', tokens: ['providerEligibilityProjection'] },
  }),
  strandFrameworks: handler({
    context: 'subcontracting',
    service: 'subcontracting-service',
    kind: 'read model',
    name: 'subcontracting-strand-frameworks',
    file: 'libs/subcontracting/infra/src/lib/supply-chain-facts.projections.ts',
    wiring: { file: 'apps/subcontracting-service/src/app/subcontracting-service.module.ts', tokens: ['strandFrameworkProjection'] },
  }),
  transitionPlans: handler({
    context: 'subcontracting',
    service: 'subcontracting-service',
    kind: 'reaction',
    name: 'transition-plans',
    file: 'libs/subcontracting/application/src/lib/transition.reaction.ts',
    wiring: { file: 'apps/subcontracting-service/src/app/subcontracting-service.module.ts', tokens: ['TransitionReaction', 'reactionProjection(transitions)'] },
  }),
  awardExplanation: handler({
    context: 'bidding',
    service: 'bidding-service',
    kind: 'audit query',
    name: 'award-explanation',
    file: 'libs/bidding/application/src/lib/bidding-audit.queries.ts',
    wiring: { file: 'apps/bidding-service/src/app/bidding-service.module.ts', tokens: ['BIDDING_AUDIT_QUERY_HANDLERS'] },
  }),
  decommissioningExplanation: handler({
    context: 'subcontracting',
    service: 'subcontracting-service',
    kind: 'audit query',
    name: 'decommissioning-explanation',
    file: 'libs/subcontracting/application/src/lib/contract-audit.queries.ts',
    wiring: { file: 'apps/subcontracting-service/src/app/subcontracting-service.module.ts', tokens: ['CONTRACT_AUDIT_QUERY_HANDLERS'] },
  }),
} as const;

export interface ReactionEntry {
  /** The event type handled. `handler.file` must mention it, as a quoted literal or as a contracts constant. */
  readonly on: string;
  readonly handler: Handler;
  /** What happens, in a few words. */
  readonly does: string;
}

const {
  tenderReadModel,
  tenderFollowsBiddingAndContracts,
  bidReadModel,
  competitionDeadlineReadModel,
  providerReadModel,
  evaluatorReadModel,
  lotResultReadModel,
  panelReadModel,
  biddingFollowsTenders,
  contractReadModel,
  contractsFromAwards,
  providerEligibility,
  strandFrameworks,
  transitionPlans,
  awardExplanation,
  decommissioningExplanation,
  tenderOpenData,
} = HANDLERS;

export const REACTIONS: readonly ReactionEntry[] = [
  // The tender context: its read model and audit trail, fed by its own events and what others publish.
  { on: 'TenderPublished', handler: tenderReadModel, does: 'adds the tender (`tender_view`) and the first line of its audit trail' },
  { on: 'TenderClosed', handler: tenderReadModel, does: 'marks it closed; audit trail' },
  { on: 'LotAwarded', handler: tenderReadModel, does: 'records the final award on the lot at the end of standstill (status `awarded` once every lot is); audit trail with the rationale' },
  { on: 'TenderCancelled', handler: tenderReadModel, does: 'marks it cancelled with the reason; audit trail' },
  { on: 'CommissioningPlanDrafted', handler: tenderReadModel, does: 'adds the plan (`commissioning_plan_view`) with its outcomes' },
  { on: 'OutcomeMeasureAdded', handler: tenderReadModel, does: "adds the measure to the plan's outcomes" },
  { on: 'StrandAdded', handler: tenderReadModel, does: 'adds the strand to the plan' },
  { on: 'NeedsEvidenceRecorded', handler: tenderReadModel, does: "adds the evidence to the plan" },
  { on: 'MarketEngagementNoticePublished', handler: tenderReadModel, does: 'adds the notice (`commissioning_engagement_notice`)' },
  { on: 'MarketInterestRegistered', handler: tenderReadModel, does: "adds the provider's interest to the notice" },
  { on: 'NoMarketEngagementReasonRecorded', handler: tenderReadModel, does: 'records the reason on the strand' },
  { on: 'StrandReleasedForTender', handler: tenderReadModel, does: 'marks the strand released for tender' },
  { on: 'CategoryInterestRegistered', handler: tenderReadModel, does: "adds the category to the provider's tender feed" },
  { on: 'ClarificationAsked', handler: tenderReadModel, does: 'adds the question, visible to the asker and the commissioners' },
  { on: 'ClarificationAnswered', handler: tenderReadModel, does: 'publishes the answer to every provider, the asker anonymised' },
  { on: 'TenderDocumentAmended', handler: tenderReadModel, does: "records the amendment (old and new content hash) on the tender; audit trail" },
  { on: 'TenderDeclaredUnsuccessful', handler: tenderReadModel, does: 'marks it unsuccessful with the reason; audit trail' },
  { on: 'bidding.evaluation-completed.v1', handler: tenderReadModel, does: "stores the lot's ranking and winner, which an award must follow" },
  { on: 'bidding.provider-registered.v1', handler: tenderReadModel, does: "records the provider's kind (`tender_registered_provider`) for market engagement" },
  { on: 'bidding.bids-opened.v1', handler: tenderReadModel, does: 'stores the opened bids an award may name (`tender_opened_bid`); audit trail' },
  { on: 'subcontracting.contract-created.v1', handler: tenderReadModel, does: "links the contract to its tender (`tender_contract`); tender's audit trail" },
  { on: 'subcontracting.subcontractor-added.v1', handler: tenderReadModel, does: "tender's audit trail (through the contract link)" },
  { on: 'subcontracting.subcontract-ended.v1', handler: tenderReadModel, does: "tender's audit trail (through the contract link)" },
  { on: 'TenderDrafted', handler: tenderReadModel, does: 'adds the draft (`tender_view`, status `draft`), seen only by its council; audit trail' },
  { on: 'TenderDraftRevised', handler: tenderReadModel, does: "replaces the draft's content; audit trail" },
  { on: 'EvaluationStarted', handler: tenderReadModel, does: 'puts every lot under evaluation (status `under_evaluation`)' },
  { on: 'LotEvaluated', handler: tenderReadModel, does: 'puts the lot in its final stage (status `final_stage` once every lot is)' },
  { on: 'AwardProposed', handler: tenderReadModel, does: 'records the proposed award on the lot and its standstill end (`tender_standstill`, read by the scheduler); audit trail' },
  { on: 'AwardChallenged', handler: tenderReadModel, does: 'records the challenge and suspends the award (the scheduler skips it); audit trail' },
  { on: 'ChallengeResolved', handler: tenderReadModel, does: 'records the outcome and reasoning; the standstill resumes when no challenge is open; audit trail' },
  { on: 'AwardWithdrawn', handler: tenderReadModel, does: 'clears the proposal; the lot is under evaluation again; audit trail' },
  { on: 'TenderDeadlineExtended', handler: tenderReadModel, does: 'moves the deadlines (the scheduler closes at the new one) and lists the extension; audit trail' },
  { on: 'bidding.bids-opened.v1', handler: tenderFollowsBiddingAndContracts, does: '`RecordBidsOpened` on `tender-<tenderId>`: the tender goes under evaluation' },
  { on: 'bidding.evaluation-completed.v1', handler: tenderFollowsBiddingAndContracts, does: '`RecordLotEvaluation` on `tender-<tenderId>`: the lot enters its final stage (again after an upheld challenge)' },
  { on: 'subcontracting.strand-decommissioned.v1', handler: tenderFollowsBiddingAndContracts, does: '`DraftRetender` on a tender whose id derives from the case: a draft linked to the old tender' },

  // The bidding context follows tenders and keeps the sealed bid read model.
  { on: 'tender.tender-published.v1', handler: biddingFollowsTenders, does: '`OpenCompetition` on `competition-<tenderId>`' },
  { on: 'tender.tender-closed.v1', handler: biddingFollowsTenders, does: '`CloseCompetition` on `competition-<tenderId>` (lists the live bids)' },
  { on: 'tender.tender-cancelled.v1', handler: biddingFollowsTenders, does: '`CancelCompetition` on `competition-<tenderId>`' },
  { on: 'tender.deadline-extended.v1', handler: biddingFollowsTenders, does: '`ExtendCompetitionDeadline` on `competition-<tenderId>`: bids taken, and sealed, until the new deadline' },
  { on: 'tender.award-withdrawn.v1', handler: biddingFollowsTenders, does: '`ReopenLotEvaluation` on `evaluators-<tenderId>`: the lot may be re-moderated and completed again' },
  { on: 'CompetitionOpened', handler: competitionDeadlineReadModel, does: "stores the deadline sealing reads (`competition_deadline_view`)" },
  { on: 'CompetitionDeadlineExtended', handler: competitionDeadlineReadModel, does: 'moves it: every bid of the tender stays sealed until the new deadline' },
  { on: 'CompetitionClosed', handler: biddingFollowsTenders, does: '`OpenBid` on `bid-<bidId>` for every bid it lists' },
  { on: 'BidSubmitted', handler: bidReadModel, does: 'inserts the bid (`bid_view`), read only through the sealing rule' },
  { on: 'BidAmended', handler: bidReadModel, does: 'replaces price, answers and social value' },
  { on: 'BidWithdrawn', handler: bidReadModel, does: 'marks it withdrawn' },
  { on: 'BidAttachmentAdded', handler: bidReadModel, does: "adds the document (name, type, size, SHA-256) to the bid's list" },
  { on: 'BidAttachmentRemoved', handler: bidReadModel, does: "drops the document from the bid's list (its bytes stay, by hash)" },
  { on: 'BidOpened', handler: bidReadModel, does: 'marks it opened' },
  { on: 'BidComplianceAssessed', handler: bidReadModel, does: 'marks it compliant or non-compliant with the reason' },
  { on: 'BidShortlisted', handler: bidReadModel, does: 'marks it shortlisted' },
  { on: 'BidOutcomeRecorded', handler: bidReadModel, does: 'marks it successful or unsuccessful' },
  { on: 'tender.lot-awarded.v1', handler: biddingFollowsTenders, does: '`RecordBidOutcome` on every live bid of the lot (successful or not)' },
  { on: 'BidsShortlisted', handler: biddingFollowsTenders, does: '`MarkBidShortlisted` on each shortlisted bid' },
  { on: 'EvaluatorAssigned', handler: evaluatorReadModel, does: 'adds the evaluator to the tender (`evaluator_view`)' },
  { on: 'ConflictsDeclared', handler: evaluatorReadModel, does: "records the declaration and the organisations the evaluator is removed from" },
  { on: 'CriterionScored', handler: evaluatorReadModel, does: "records the evaluator's mark and justification" },
  { on: 'ScoreModerated', handler: evaluatorReadModel, does: 'records the consensus score and why it differs' },
  { on: 'LotEvaluationCompleted', handler: evaluatorReadModel, does: 'marks the lot evaluated' },
  { on: 'LotEvaluationReopened', handler: evaluatorReadModel, does: "leaves the evaluators' records as they are: they re-moderate under the same declarations" },
  { on: 'LotEvaluationCompleted', handler: lotResultReadModel, does: "stores the ranking (`lot_result_view`), hidden from bidders until an award is proposed" },
  { on: 'LotEvaluationReopened', handler: lotResultReadModel, does: 'marks the lot reopened; bidders see nothing until the next proposal' },
  { on: 'tender.award-proposed.v1', handler: lotResultReadModel, does: 'opens the debrief: each bidder sees its own scores and the winner’s' },
  { on: 'tender.award-withdrawn.v1', handler: lotResultReadModel, does: 'closes the debrief with the withdrawn proposal' },
  { on: 'tender.lot-awarded.v1', handler: lotResultReadModel, does: 'records the award; opens the debrief for histories with no proposal' },
  { on: 'BidsShortlisted', handler: panelReadModel, does: 'opens the youth panel for the finalists' },
  { on: 'PanelVisitRecorded', handler: panelReadModel, does: 'records the visit (date, what the panel saw)' },
  { on: 'PanelScoreRecorded', handler: panelReadModel, does: "records a pseudonymous member's score with its justification" },
  { on: 'ProviderRegistered', handler: providerReadModel, does: 'adds the organisation to the registry (`provider_view`) with its first member' },
  { on: 'DueDiligenceDeclared', handler: providerReadModel, does: 'records the declaration, replacing an earlier one of the same kind' },
  { on: 'ProviderMemberAdded', handler: providerReadModel, does: 'adds the member' },

  // The subcontracting context creates a contract per awarded lot and keeps the supply chain read model.
  { on: 'tender.lot-awarded.v1', handler: contractsFromAwards, does: '`CreateContract` on `contract-<contractId>`, the id derived from tender and lot' },
  { on: 'ContractCreated', handler: contractReadModel, does: 'inserts the contract (`contract_view`)' },
  { on: 'SubcontractorAdded', handler: contractReadModel, does: 'inserts the node of the chain (`subcontract_view`)' },
  { on: 'SubcontractEnded', handler: contractReadModel, does: 'marks the subcontract ended with the reason' },
  { on: 'ContractTerminated', handler: contractReadModel, does: 'marks the contract terminated' },
  { on: 'ContractVaried', handler: contractReadModel, does: 'applies the changed terms to the contract; records the variation' },
  { on: 'InternalAgreementMade', handler: contractReadModel, does: 'inserts the in-house agreement, shaped like a contract' },
  { on: 'OutcomeTargetsSet', handler: contractReadModel, does: "records the contract's quarterly outcome targets" },
  { on: 'ReturnSubmitted', handler: contractReadModel, does: "adds the quarterly return (reach, hours, spend, outcomes) for value for money" },
  { on: 'ContractRated', handler: contractReadModel, does: "records the period's rating with its evidence" },
  { on: 'DecommissioningCaseOpened', handler: contractReadModel, does: 'opens the case with its evidence' },
  { on: 'DecommissioningCaseAnswered', handler: contractReadModel, does: "records the prime's response" },
  { on: 'ImprovementPlanRequired', handler: contractReadModel, does: 'closes the case with an improvement plan and review date' },
  { on: 'ContractDecommissioned', handler: contractReadModel, does: 'records the notice, end date and transition plan' },
  { on: 'ContractDecommissioned', handler: transitionPlans, does: '`TakeOverSubcontracts` on each target contract, then `CompleteTransition` on the decommissioned one' },
  { on: 'TransitionCompleted', handler: contractReadModel, does: "records each step's result (done, or refused with the code) on the case" },
  { on: 'bidding.provider-registered.v1', handler: providerEligibility, does: 'marks the organisation registered (`provider_eligibility_view`), for subcontracting to it' },
  { on: 'bidding.provider-due-diligence-declared.v1', handler: providerEligibility, does: 'records the latest declaration of that kind and when it expires' },
  { on: 'tender.strand-released.v1', handler: strandFrameworks, does: "keeps the strand's outcomes framework (`strand_framework_view`) for its contracts and in-house agreement" },
  { on: 'SubcontractVaried', handler: contractReadModel, does: 'applies the changed terms to the subcontract; records the variation' },

  // Auditors' explanations read the events behind a decision on demand (ADR 0018).
  { on: 'CriterionScored', handler: awardExplanation, does: "lists each evaluator's mark and justification behind the award" },
  { on: 'ScoreModerated', handler: awardExplanation, does: 'lists the consensus marks and why they differ' },
  { on: 'PanelScoreRecorded', handler: awardExplanation, does: "lists the youth panel's pseudonymous marks" },
  { on: 'LotEvaluationCompleted', handler: awardExplanation, does: 'decides the completion again from the events and compares the ranking with this record' },
  { on: 'tender.lot-awarded.v1', handler: awardExplanation, does: 'checks the awarded bid is the recomputed winner' },
  { on: 'ContractCreated', handler: decommissioningExplanation, does: 'names the prime and the council' },
  { on: 'InternalAgreementMade', handler: decommissioningExplanation, does: 'names the in-house provider and the council' },
  { on: 'ReturnSubmitted', handler: decommissioningExplanation, does: 'resolves cited returns; value for money as of the decision' },
  { on: 'ContractRated', handler: decommissioningExplanation, does: 'resolves cited ratings' },
  { on: 'DecommissioningCaseOpened', handler: decommissioningExplanation, does: 'the case, its reason and evidence, who opened it' },
  { on: 'DecommissioningCaseAnswered', handler: decommissioningExplanation, does: "the prime's response and evidence" },
  { on: 'ImprovementPlanRequired', handler: decommissioningExplanation, does: 'the decision for an improvement plan, who made it and why' },
  { on: 'ContractDecommissioned', handler: decommissioningExplanation, does: 'the decision, notice, end date and transition plan, who made it and why' },

  // Open data and trails: the tender service reads these from the log when someone downloads them.
  { on: 'TenderPublished', handler: tenderOpenData, does: 'OCDS `tender` release (lots, documents by hash, criteria, periods); first row of the CSV trail' },
  { on: 'TenderDocumentAmended', handler: tenderOpenData, does: 'OCDS `tenderAmendment` with the new content hash; trail row' },
  { on: 'ClarificationAsked', handler: tenderOpenData, does: 'trail row only (the asker is never open data)' },
  { on: 'ClarificationAnswered', handler: tenderOpenData, does: 'OCDS `tenderUpdate` (`hasEnquiries`); trail row' },
  { on: 'TenderClosed', handler: tenderOpenData, does: 'OCDS `tenderUpdate` (award period starts); trail row' },
  { on: 'LotAwarded', handler: tenderOpenData, does: 'OCDS `award` (supplier, lot, contract period; tender `complete` once every lot is); trail row with the rationale and evidence' },
  { on: 'TenderDeadlineExtended', handler: tenderOpenData, does: 'OCDS `tenderAmendment` moving the tender and enquiry periods' },
  { on: 'AwardProposed', handler: tenderOpenData, does: 'OCDS `award` with status `pending` while the standstill runs' },
  { on: 'AwardWithdrawn', handler: tenderOpenData, does: 'OCDS `awardUpdate`: the pending award is `cancelled`' },
  { on: 'TenderCancelled', handler: tenderOpenData, does: 'OCDS `tenderCancellation` with the reason; trail row' },
  { on: 'TenderDeclaredUnsuccessful', handler: tenderOpenData, does: 'OCDS `tenderUpdate`, status `unsuccessful`, with the reason; trail row' },
  { on: 'tender.strand-released.v1', handler: tenderOpenData, does: "OCDS `planning` release: the strand's budget and outcome targets" },
  { on: 'bidding.bid-received.v1', handler: tenderOpenData, does: 'left out of the trail: bid arrivals stay sealed' },
  { on: 'bidding.bid-withdrawn.v1', handler: tenderOpenData, does: 'left out of the trail: bid withdrawals stay sealed' },
  { on: 'bidding.bids-opened.v1', handler: tenderOpenData, does: 'OCDS `tenderUpdate` naming the tenderers (never before the deadline); trail row' },
  { on: 'bidding.evaluation-completed.v1', handler: tenderOpenData, does: 'trail row (scores are not open data)' },
  { on: 'bidding.provider-registered.v1', handler: tenderOpenData, does: 'names OCDS parties, with charity, company or school register identifiers' },
  { on: 'subcontracting.contract-created.v1', handler: tenderOpenData, does: 'finds the contracts of a tender; OCDS `contract`; trail row' },
  { on: 'subcontracting.contract-varied.v1', handler: tenderOpenData, does: 'OCDS `contractAmendment` with the changed value or period; trail row' },
  { on: 'subcontracting.contract-terminated.v1', handler: tenderOpenData, does: 'OCDS `contractTermination`; trail row' },
  { on: 'subcontracting.strand-decommissioned.v1', handler: tenderOpenData, does: 'OCDS `contractAmendment` + `implementation` hand-over milestone; trail row' },
  { on: 'subcontracting.subcontractor-added.v1', handler: tenderOpenData, does: 'OCDS `awardUpdate`: the subcontract in `awards.subcontracting` (subcontracting extension); trail row' },
  { on: 'subcontracting.subcontract-varied.v1', handler: tenderOpenData, does: 'OCDS `awardUpdate` with the subcontract’s new terms; trail row' },
  { on: 'subcontracting.subcontract-ended.v1', handler: tenderOpenData, does: 'OCDS `awardUpdate` (no longer in the live share); trail row' },
];
