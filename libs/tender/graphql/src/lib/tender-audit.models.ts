import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { AuditTrailEntryFields } from '@tendril/shared/platform';

@ObjectType('TenderTrailEntry', { description: "One event of a tender's own stream: who, when, why, on what evidence" })
export class TenderTrailEntryModel extends AuditTrailEntryFields {}

@ObjectType('TenderAwardAsOf')
export class TenderAwardAsOfModel {
  @Field(() => ID) bidId!: string;
  @Field(() => ID) supplierOrganisationId!: string;
  @Field(() => Float) valuePence!: number;
  @Field(() => GraphQLISODateTime) awardedAt!: Date;
}

@ObjectType('TenderLotAsOf')
export class TenderLotAsOfModel {
  @Field(() => ID) lotId!: string;
  @Field() title!: string;
  @Field(() => Float) estimatedValuePence!: number;
  @Field(() => TenderAwardAsOfModel, { nullable: true }) award!: TenderAwardAsOfModel | null;
}

@ObjectType('TenderCriterionAsOf')
export class TenderCriterionAsOfModel {
  @Field(() => ID) criterionId!: string;
  @Field() name!: string;
  @Field() kind!: string;
  @Field(() => Float) weightPercent!: number;
}

@ObjectType('TenderDocumentAsOf')
export class TenderDocumentAsOfModel {
  @Field(() => ID) documentId!: string;
  @Field() contentHash!: string;
}

@ObjectType('TenderAsOf', { description: "A tender as it stood at an instant, folded from its events with the tender's own rules" })
export class TenderAsOfModel {
  @Field(() => ID) tenderId!: string;
  @Field(() => GraphQLISODateTime) asOf!: Date;
  @Field({ description: 'False when the tender had not been published yet' }) existed!: boolean;
  @Field(() => String, { nullable: true }) status!: string | null;
  @Field(() => ID, { nullable: true }) organisationId!: string | null;
  @Field(() => String, { nullable: true }) title!: string | null;
  @Field(() => String, { nullable: true }) category!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) submissionDeadline!: Date | null;
  @Field(() => [TenderLotAsOfModel]) lots!: TenderLotAsOfModel[];
  @Field(() => [TenderCriterionAsOfModel]) criteria!: TenderCriterionAsOfModel[];
  @Field(() => [TenderDocumentAsOfModel]) documents!: TenderDocumentAsOfModel[];
  @Field(() => Int) clarificationsAsked!: number;
  @Field(() => Int) clarificationsAnswered!: number;
  @Field(() => Int, { description: 'How many of its events had happened by then' }) eventsApplied!: number;
  @Field(() => String, { nullable: true }) lastEventType!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastEventAt!: Date | null;
}
