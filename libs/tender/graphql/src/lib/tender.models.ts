import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum TenderStatusGql {
  draft = 'draft',
  open = 'open',
  closed = 'closed',
  under_evaluation = 'under_evaluation',
  final_stage = 'final_stage',
  standstill = 'standstill',
  awarded = 'awarded',
  cancelled = 'cancelled',
  unsuccessful = 'unsuccessful',
}
registerEnumType(TenderStatusGql, {
  name: 'TenderStatus',
  description: 'draft -> open -> closed -> under_evaluation (bids opened) -> final_stage (evaluated) -> standstill (award proposed) -> awarded; or cancelled / unsuccessful',
});

export enum LotStageGql {
  bidding = 'bidding',
  under_evaluation = 'under_evaluation',
  final_stage = 'final_stage',
  standstill = 'standstill',
  challenged = 'challenged',
  awarded = 'awarded',
}
registerEnumType(LotStageGql, { name: 'LotStage', description: 'Where one lot stands; lots are awarded separately' });

export enum ChallengeOutcomeGql {
  upheld = 'upheld',
  dismissed = 'dismissed',
}
registerEnumType(ChallengeOutcomeGql, { name: 'ChallengeOutcome' });

export enum CriterionKindGql {
  quality = 'quality',
  price = 'price',
  social_value = 'social_value',
  youth_panel = 'youth_panel',
}
registerEnumType(CriterionKindGql, { name: 'CriterionKind' });

@ObjectType('LotAward')
export class LotAwardModel {
  @Field(() => ID) bidId!: string;
  @Field(() => ID) supplierOrganisationId!: string;
  @Field(() => Int, { description: 'Contract value in pence' }) valuePence!: number;
  @Field() rationale!: string;
  @Field(() => [String]) evidenceRefs!: string[];
  @Field(() => GraphQLISODateTime) awardedAt!: Date;
}

@ObjectType('ProposedAward', { description: 'An award in standstill: final when the standstill ends unless a challenge is upheld' })
export class ProposedAwardModel {
  @Field(() => ID) bidId!: string;
  @Field(() => ID) supplierOrganisationId!: string;
  @Field(() => Int, { description: 'Contract value in pence' }) valuePence!: number;
  @Field() rationale!: string;
  @Field(() => GraphQLISODateTime) proposedAt!: Date;
  @Field(() => GraphQLISODateTime) standstillEndsAt!: Date;
}

@ObjectType('Lot')
export class LotModel {
  @Field(() => ID) lotId!: string;
  @Field() title!: string;
  @Field(() => Int) estimatedValuePence!: number;
  @Field(() => ID, { nullable: true, description: "The plan strand the lot commissions, when it names one of the tender's plan" }) strandId!: string | null;
  @Field(() => String, { nullable: true, description: 'The area the lot covers' }) area!: string | null;
  @Field(() => LotStageGql) stage!: LotStageGql;
  @Field(() => ProposedAwardModel, { nullable: true, description: 'The award in standstill, while it is' }) proposedAward!: ProposedAwardModel | null;
  @Field(() => LotAwardModel, { nullable: true, description: 'The final award, once the standstill has ended' }) award!: LotAwardModel | null;
}

@ObjectType('AwardChallenge', { description: 'A challenge to a proposed award; the challenger is named to the commissioners, auditors and the challenger only' })
export class ChallengeModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) lotId!: string;
  @Field(() => ID, { nullable: true }) challengerOrganisationId!: string | null;
  @Field() grounds!: string;
  @Field(() => GraphQLISODateTime) challengedAt!: Date;
  @Field(() => ChallengeOutcomeGql, { nullable: true }) outcome!: ChallengeOutcomeGql | null;
  @Field(() => String, { nullable: true }) reasoning!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) resolvedAt!: Date | null;
}

@ObjectType('DeadlineExtension', { description: 'An amendment that moved the deadline later' })
export class DeadlineExtensionModel {
  @Field(() => GraphQLISODateTime) previousSubmissionDeadline!: Date;
  @Field(() => GraphQLISODateTime) submissionDeadline!: Date;
  @Field(() => GraphQLISODateTime) clarificationDeadline!: Date;
  @Field() reason!: string;
  @Field(() => GraphQLISODateTime) extendedAt!: Date;
}

@ObjectType('EvaluationCriterion')
export class EvaluationCriterionModel {
  @Field(() => ID) criterionId!: string;
  @Field() name!: string;
  @Field(() => CriterionKindGql) kind!: CriterionKindGql;
  @Field(() => Int) weightPercent!: number;
}

@ObjectType('TenderDocument')
export class TenderDocumentModel {
  @Field(() => ID) documentId!: string;
  @Field() kind!: string;
  @Field() title!: string;
  @Field({ description: 'SHA-256 of the current content; read it with tenderDocumentContent' }) contentHash!: string;
}

@ObjectType('TenderAmendment', { description: 'A document changed after publication' })
export class TenderAmendmentModel {
  @Field(() => ID) documentId!: string;
  @Field() previousContentHash!: string;
  @Field() contentHash!: string;
  @Field() summary!: string;
  @Field(() => GraphQLISODateTime) amendedAt!: Date;
}

@ObjectType('Tender')
export class TenderModel {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The commissioning organisation' }) organisationId!: string;
  @Field() title!: string;
  @Field() description!: string;
  @Field() category!: string;
  @Field(() => TenderStatusGql) status!: TenderStatusGql;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Null only on a draft with no deadline yet' }) submissionDeadline!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Providers may ask clarification questions until then' }) clarificationDeadline!: Date | null;
  @Field(() => ID, { nullable: true, description: 'The commissioning plan it belongs to' }) planId!: string | null;
  @Field(() => ID, { nullable: true, description: 'The plan strand it commissions' }) strandId!: string | null;
  @Field(() => String, { nullable: true, description: "The plan strand's locality" }) area!: string | null;
  @Field(() => Float, { description: 'The sum of the lots’ estimates, whole pence' }) totalEstimatedValuePence!: number;
  @Field(() => [TenderDocumentModel]) documents!: TenderDocumentModel[];
  @Field(() => [TenderAmendmentModel], { description: 'Every amendment since publication, oldest first' }) amendments!: TenderAmendmentModel[];
  @Field(() => [LotModel]) lots!: LotModel[];
  @Field(() => [EvaluationCriterionModel]) criteria!: EvaluationCriterionModel[];
  @Field() lightTouchRegime!: boolean;
  @Field() suitableForVcse!: boolean;
  @Field() reservedParticipation!: boolean;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Null while a draft' }) publishedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When it was drafted, if it was' }) draftedAt!: Date | null;
  @Field(() => ID, { nullable: true, description: 'The decommissioned tender this one re-tenders' }) retenderOfTenderId!: string | null;
  @Field(() => [DeadlineExtensionModel], { description: 'Every deadline extension, oldest first' }) deadlineExtensions!: DeadlineExtensionModel[];
  @Field(() => [ChallengeModel], { description: "Challenges to proposed awards you may see: all for the tender's commissioners and auditors, your own otherwise" })
  challenges!: ChallengeModel[];
  @Field(() => GraphQLISODateTime, { nullable: true }) closedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the tender was cancelled or declared unsuccessful' }) cancelledAt!: Date | null;
  @Field(() => String, { nullable: true, description: 'Why it was cancelled or declared unsuccessful' }) cancellationReason!: string | null;
}

@ObjectType('TenderConnection')
export class TenderConnectionModel {
  @Field(() => [TenderModel]) nodes!: TenderModel[];
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
}

@ObjectType('AuditActor')
export class AuditActorModel {
  @Field(() => ID) userId!: string;
  @Field() role!: string;
  @Field(() => ID, { nullable: true }) organisationId!: string | null;
}

@ObjectType('AuditEntry', { description: 'One recorded fact in a tender’s history, in log order' })
export class AuditEntryModel {
  @Field(() => Int, { description: 'Position in the global event log' }) position!: number;
  @Field() streamName!: string;
  @Field() eventType!: string;
  @Field(() => GraphQLISODateTime) occurredAt!: Date;
  @Field(() => AuditActorModel) actor!: AuditActorModel;
  @Field() correlationId!: string;
  @Field() summary!: string;
}

@ObjectType('RankedBid')
export class RankedBidModel {
  @Field(() => Int) rank!: number;
  @Field(() => ID) bidId!: string;
  @Field(() => ID) supplierOrganisationId!: string;
  @Field(() => Float) pricePence!: number;
  @Field(() => Float) totalScore!: number;
}

@ObjectType('LotEvaluation', { description: "The bidding context's evaluation of a lot: an award must go to its winner" })
export class LotEvaluationModel {
  @Field(() => ID) tenderId!: string;
  @Field(() => ID) lotId!: string;
  @Field(() => ID) winnerBidId!: string;
  @Field(() => ID) winnerOrganisationId!: string;
  @Field(() => [RankedBidModel]) ranking!: RankedBidModel[];
  @Field(() => [String]) evidenceRefs!: string[];
  @Field(() => GraphQLISODateTime) completedAt!: Date;
}

@ObjectType('Clarification', { description: 'A clarification question and, once published, its answer; the asker is named only to the commissioners and auditors' })
export class ClarificationModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) tenderId!: string;
  @Field() question!: string;
  @Field(() => String, { nullable: true }) answer!: string | null;
  @Field(() => GraphQLISODateTime) askedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) answeredAt!: Date | null;
  @Field(() => ID, { nullable: true, description: "The asking organisation: for the tender's commissioners, auditors and admins only" })
  askedByOrganisationId!: string | null;
  @Field({ description: "Whether the reader's organisation asked it" }) askedByYourOrganisation!: boolean;
}
