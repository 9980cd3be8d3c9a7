import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { AuditTrailEntryFields } from '@tendril/shared/platform';
import { ConsortiumModel, ProposedSubcontractorModel, QualityAnswerModel } from './bid.models';

@ObjectType('BidTrailEntry', { description: "One event of a bid's stream: who, when, why, on what evidence" })
export class BidTrailEntryModel extends AuditTrailEntryFields {}

@ObjectType('BidContentAsOf')
export class BidContentAsOfModel {
  @Field() status!: string;
  @Field(() => ID) tenderId!: string;
  @Field(() => ID) lotId!: string;
  @Field(() => ID) organisationId!: string;
  @Field(() => Float) pricePence!: number;
  @Field(() => [QualityAnswerModel]) qualityAnswers!: QualityAnswerModel[];
  @Field() socialValueCommitments!: string;
  @Field(() => [ProposedSubcontractorModel]) subcontractors!: ProposedSubcontractorModel[];
  @Field(() => ConsortiumModel, { nullable: true }) consortium!: ConsortiumModel | null;
  @Field(() => GraphQLISODateTime) submissionDeadline!: Date;
  @Field(() => GraphQLISODateTime) submittedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) amendedAt!: Date | null;
}

@ObjectType('BidAsOf', { description: 'A bid as it stood at an instant, folded from its events (readable from the deadline on)' })
export class BidAsOfModel {
  @Field(() => ID) bidId!: string;
  @Field(() => GraphQLISODateTime) asOf!: Date;
  @Field({ description: 'False when the bid had not been submitted yet' }) existed!: boolean;
  @Field(() => BidContentAsOfModel, { nullable: true }) bid!: BidContentAsOfModel | null;
  @Field(() => Int) eventsApplied!: number;
  @Field(() => String, { nullable: true }) lastEventType!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastEventAt!: Date | null;
}

@ObjectType('ExplainedCriterionScore')
export class ExplainedCriterionScoreModel {
  @Field(() => ID) criterionId!: string;
  @Field() kind!: string;
  @Field(() => Float) weightPercent!: number;
  @Field(() => Float, { description: 'Out of 100' }) score!: number;
  @Field(() => Float) weightedScore!: number;
}

@ObjectType('ExplainedRankedBid')
export class ExplainedRankedBidModel {
  @Field(() => Int) rank!: number;
  @Field(() => ID) bidId!: string;
  @Field(() => ID) organisationId!: string;
  @Field(() => Float) pricePence!: number;
  @Field(() => Float) totalScore!: number;
  @Field(() => [ExplainedCriterionScoreModel]) scores!: ExplainedCriterionScoreModel[];
}

@ObjectType('ExplainedWeight')
export class ExplainedWeightModel {
  @Field(() => ID) criterionId!: string;
  @Field() kind!: string;
  @Field(() => Float) weightPercent!: number;
}

@ObjectType('ExplainedBid')
export class ExplainedBidModel {
  @Field(() => ID) bidId!: string;
  @Field(() => ID) organisationId!: string;
  @Field(() => Float) pricePence!: number;
  @Field(() => GraphQLISODateTime) submittedAt!: Date;
  @Field({ description: 'The bid status when the evaluation completed' }) status!: string;
  @Field({ description: 'False when the ranking left it out (non-compliant, or not a finalist the youth panel scored)' }) ranked!: boolean;
  @Field(() => Float, { nullable: true, description: "The youth panel's score out of 100 (mean of its members' marks)" }) panelScore!: number | null;
}

@ObjectType({ isAbstract: true })
abstract class ExplainedActorFields {
  @Field(() => ID) actorUserId!: string;
  @Field() actorRole!: string;
  @Field(() => ID, { nullable: true }) actorOrganisationId!: string | null;
}

@ObjectType('ExplainedIndividualScore')
export class ExplainedIndividualScoreModel extends ExplainedActorFields {
  @Field(() => ID) bidId!: string;
  @Field(() => ID) criterionId!: string;
  @Field(() => ID) evaluatorUserId!: string;
  @Field(() => Int) mark!: number;
  @Field(() => Int) scaleMax!: number;
  @Field() justification!: string;
  @Field(() => GraphQLISODateTime) scoredAt!: Date;
}

@ObjectType('ExplainedEvaluatorMark')
export class ExplainedEvaluatorMarkModel {
  @Field(() => ID) evaluatorUserId!: string;
  @Field(() => Int) mark!: number;
}

@ObjectType('ExplainedModeratedScore')
export class ExplainedModeratedScoreModel extends ExplainedActorFields {
  @Field(() => ID) bidId!: string;
  @Field(() => ID) criterionId!: string;
  @Field(() => [ExplainedEvaluatorMarkModel]) individualMarks!: ExplainedEvaluatorMarkModel[];
  @Field(() => Int) consensusMark!: number;
  @Field(() => Int) scaleMax!: number;
  @Field() reason!: string;
  @Field(() => GraphQLISODateTime) moderatedAt!: Date;
}

@ObjectType('ExplainedPanelScore', { description: "A youth panel member's mark: pseudonymous member id and age band only" })
export class ExplainedPanelScoreModel {
  @Field(() => ID) bidId!: string;
  @Field(() => ID) panelMemberId!: string;
  @Field() ageBand!: string;
  @Field(() => Int) mark!: number;
  @Field(() => Int) scaleMax!: number;
  @Field(() => GraphQLISODateTime) scoredAt!: Date;
}

@ObjectType('ExplainedEvaluationCompletion')
export class ExplainedEvaluationCompletionModel extends ExplainedActorFields {
  @Field(() => GraphQLISODateTime) completedAt!: Date;
  @Field(() => [String]) evidenceRefs!: string[];
  @Field({ description: 'Log position of the recorded completion' }) position!: string;
}

@ObjectType('ExplainedAward', { description: 'The final award of the lot as the tender context published it' })
export class ExplainedAwardModel extends ExplainedActorFields {
  @Field(() => ID) bidId!: string;
  @Field(() => ID) supplierOrganisationId!: string;
  @Field(() => Float) valuePence!: number;
  @Field(() => GraphQLISODateTime) awardedAt!: Date;
  @Field({ description: 'Log position of the published award' }) position!: string;
}

@ObjectType('ExplanationDifference')
export class ExplanationDifferenceModel {
  @Field() what!: string;
  @Field() recorded!: string;
  @Field() recomputed!: string;
}

@ObjectType('AwardExplanation', {
  description: 'What produced an award: bids, individual and moderated scores, panel scores, weights, the price formula and the ranking, recomputed from the events and checked against the record',
})
export class AwardExplanationModel {
  @Field(() => ID) tenderId!: string;
  @Field(() => ID) lotId!: string;
  @Field(() => [ExplainedWeightModel]) weights!: ExplainedWeightModel[];
  @Field({ description: 'Price scores: 100 x lowest price / price' }) priceFormula!: string;
  @Field() tieBreakRule!: string;
  @Field(() => Int) evaluationScaleMax!: number;
  @Field(() => Int) panelScaleMax!: number;
  @Field(() => [ExplainedBidModel]) bids!: ExplainedBidModel[];
  @Field(() => [ExplainedIndividualScoreModel]) individualScores!: ExplainedIndividualScoreModel[];
  @Field(() => [ExplainedModeratedScoreModel]) moderatedScores!: ExplainedModeratedScoreModel[];
  @Field(() => [ExplainedPanelScoreModel]) panelScores!: ExplainedPanelScoreModel[];
  @Field(() => ExplainedEvaluationCompletionModel) evaluationCompleted!: ExplainedEvaluationCompletionModel;
  @Field(() => [ExplainedRankedBidModel], { description: 'The ranking as recorded when the evaluation completed' }) recordedRanking!: ExplainedRankedBidModel[];
  @Field(() => [ExplainedRankedBidModel], { description: "The ranking decided again now from the events, with the domain's rules" }) recomputedRanking!: ExplainedRankedBidModel[];
  @Field(() => ExplainedAwardModel, { nullable: true }) award!: ExplainedAwardModel | null;
  @Field({ description: 'True when the recomputed ranking equals the recorded one and its winner is the awarded bid' }) matchesRecordedDecision!: boolean;
  @Field(() => [ExplanationDifferenceModel]) differences!: ExplanationDifferenceModel[];
}
