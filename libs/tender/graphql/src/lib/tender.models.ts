import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum TenderStatusGql {
  open = 'open',
  closed = 'closed',
  awarded = 'awarded',
  cancelled = 'cancelled',
  unsuccessful = 'unsuccessful',
}
registerEnumType(TenderStatusGql, { name: 'TenderStatus' });

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

@ObjectType('Lot')
export class LotModel {
  @Field(() => ID) lotId!: string;
  @Field() title!: string;
  @Field(() => Int) estimatedValuePence!: number;
  @Field(() => LotAwardModel, { nullable: true }) award!: LotAwardModel | null;
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
  @Field(() => GraphQLISODateTime) submissionDeadline!: Date;
  @Field(() => GraphQLISODateTime, { description: 'Providers may ask clarification questions until then' }) clarificationDeadline!: Date;
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
  @Field(() => GraphQLISODateTime) publishedAt!: Date;
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
