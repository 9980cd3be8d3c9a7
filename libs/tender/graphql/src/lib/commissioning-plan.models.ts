import { Field, Float, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { GraphQLISODateTime } from '@nestjs/graphql';

// GraphQL Int stops at 2^31 pence (about £21m): a council's plan can exceed it, so budgets travel as Float.
const PENCE = 'Whole pence (a Float so budgets above £21m fit; always an integer)';

export enum DeliveryModelGql {
  in_house = 'in_house',
  external = 'external',
  mixed = 'mixed',
}
registerEnumType(DeliveryModelGql, { name: 'DeliveryModel' });

export enum ProviderKindGql {
  voluntary_community = 'voluntary_community',
  charity = 'charity',
  social_landlord = 'social_landlord',
  school = 'school',
  public_body = 'public_body',
  other = 'other',
}
registerEnumType(ProviderKindGql, { name: 'EngagedProviderKind', description: 'The kinds of provider a plan records engaging' });

export enum OutcomeMeasureKindGql {
  learning_achievement_progress = 'learning_achievement_progress',
  reach = 'reach',
  other = 'other',
}
registerEnumType(OutcomeMeasureKindGql, {
  name: 'OutcomeMeasureKind',
  description: "Every plan measures young people's learning, achievement and progress, and reach",
});

export enum ConsultationMethodGql {
  focus_group = 'focus_group',
  survey = 'survey',
  workshop = 'workshop',
  other = 'other',
}
registerEnumType(ConsultationMethodGql, { name: 'ConsultationMethod' });

@ObjectType('OutcomeMeasure')
export class OutcomeMeasureModel {
  @Field(() => ID) measureId!: string;
  @Field() name!: string;
  @Field(() => OutcomeMeasureKindGql) kind!: OutcomeMeasureKindGql;
  @Field() target!: string;
}

@ObjectType('OptionsAppraisal')
export class OptionsAppraisalModel {
  @Field(() => [String]) optionsConsidered!: string[];
  @Field() conclusion!: string;
}

@ObjectType('PlanStrand')
export class PlanStrandModel {
  @Field(() => ID) strandId!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) area!: string | null;
  @Field(() => Float, { description: PENCE }) budgetPence!: number;
  @Field(() => DeliveryModelGql) deliveryModel!: DeliveryModelGql;
  @Field(() => OptionsAppraisalModel) optionsAppraisal!: OptionsAppraisalModel;
  @Field(() => String, { nullable: true, description: "Why the council's own team delivers (in-house and mixed strands)" })
  inHouseRationale!: string | null;
  @Field(() => String, { nullable: true }) reasonForNoEngagement!: string | null;
  @Field(() => [ProviderKindGql], { description: 'Kinds of provider that answered market engagement for this strand' })
  providerKindsEngaged!: ProviderKindGql[];
  @Field(() => GraphQLISODateTime, { nullable: true }) releasedForTenderAt!: Date | null;
  @Field(() => [OutcomeMeasureModel], { description: 'What the strand reports against: the plan’s outcomes framework, whoever delivers it' })
  reportsAgainst!: OutcomeMeasureModel[];
}

@ObjectType('NeedsEvidence', { description: 'A consultation with young people or families: aggregate findings, no personal data' })
export class NeedsEvidenceModel {
  @Field(() => ID) evidenceId!: string;
  @Field() conductedOn!: string;
  @Field(() => ConsultationMethodGql) method!: ConsultationMethodGql;
  @Field(() => Int) participants!: number;
  @Field() findings!: string;
  @Field(() => GraphQLISODateTime) recordedAt!: Date;
}

@ObjectType('MarketInterest')
export class MarketInterestModel {
  @Field(() => ID) providerOrganisationId!: string;
  @Field(() => ProviderKindGql) providerKind!: ProviderKindGql;
  @Field(() => GraphQLISODateTime) registeredAt!: Date;
}

@ObjectType('MarketEngagementNotice')
export class MarketEngagementNoticeModel {
  @Field(() => ID) id!: string;
  @Field(() => [ID]) strandIds!: string[];
  @Field() summary!: string;
  @Field({ description: 'Last day to register interest, YYYY-MM-DD' }) respondBy!: string;
  @Field(() => GraphQLISODateTime) publishedAt!: Date;
  @Field(() => [MarketInterestModel]) interests!: MarketInterestModel[];
}

@ObjectType('CommissioningPlan')
export class CommissioningPlanModel {
  @Field(() => ID) id!: string;
  @Field(() => ID, { description: 'The commissioning council' }) organisationId!: string;
  @Field() title!: string;
  @Field() periodStart!: string;
  @Field() periodEnd!: string;
  @Field(() => Float, { description: PENCE }) inHouseBudgetPence!: number;
  @Field(() => Float, { description: PENCE }) externalBudgetPence!: number;
  @Field(() => Float, { description: `The total resource, in-house and external. ${PENCE}` }) totalBudgetPence!: number;
  @Field(() => [OutcomeMeasureModel]) outcomes!: OutcomeMeasureModel[];
  @Field(() => [PlanStrandModel]) strands!: PlanStrandModel[];
  @Field(() => [NeedsEvidenceModel]) needsEvidence!: NeedsEvidenceModel[];
  @Field(() => [MarketEngagementNoticeModel]) marketEngagement!: MarketEngagementNoticeModel[];
  @Field(() => [ProviderKindGql], { description: 'Every kind of provider engaged across the plan' }) providerKindsEngaged!: ProviderKindGql[];
  @Field(() => GraphQLISODateTime) draftedAt!: Date;
}

@ObjectType('CommissioningPlanConnection')
export class CommissioningPlanConnectionModel {
  @Field(() => [CommissioningPlanModel]) nodes!: CommissioningPlanModel[];
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
}

@ObjectType('NoticeStrand')
export class NoticeStrandModel {
  @Field(() => ID) strandId!: string;
  @Field() name!: string;
  @Field(() => String, { nullable: true }) area!: string | null;
}

@ObjectType('OpenMarketEngagementNotice', { description: "A council's preliminary market engagement notice, as providers see it" })
export class OpenMarketEngagementNoticeModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) planId!: string;
  @Field(() => ID, { description: 'The commissioning council' }) organisationId!: string;
  @Field() planTitle!: string;
  @Field(() => [NoticeStrandModel]) strands!: NoticeStrandModel[];
  @Field() summary!: string;
  @Field() respondBy!: string;
  @Field(() => GraphQLISODateTime) publishedAt!: Date;
  @Field({ description: "Whether the reader's organisation has registered interest" }) interestRegistered!: boolean;
}
