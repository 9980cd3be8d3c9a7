import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Min, ValidateNested } from 'class-validator';

const QUARTER = /^\d{4}-Q[1-4]$/;
const QUARTER_MESSAGE = { message: 'period must be a calendar quarter, YYYY-Qn' };

export const CONTRACT_RATING_VALUES = ['good', 'approaching_target', 'requires_improvement', 'inadequate'] as const;
export const ContractRatingGql = Object.fromEntries(CONTRACT_RATING_VALUES.map((v) => [v, v])) as Record<
  (typeof CONTRACT_RATING_VALUES)[number],
  (typeof CONTRACT_RATING_VALUES)[number]
>;
registerEnumType(ContractRatingGql, { name: 'ContractRating' });

@InputType()
export class OutcomeCountsInput {
  @Field(() => Int, { description: 'Young people with a learning outcome this quarter' }) @IsInt() @Min(0) learning!: number;
  @Field(() => Int, { description: 'Young people with an achievement (e.g. an accreditation)' }) @IsInt() @Min(0) achievement!: number;
  @Field(() => Int, { description: 'Young people progressing (e.g. into education, training or work)' }) @IsInt() @Min(0) progress!: number;
}

@InputType()
export class MeasureFigureInput {
  @Field(() => ID, { description: 'An outcome measure on the contract (from the plan’s outcomes framework)' }) @IsString() measureId!: string;
  @Field(() => Int, { description: 'Young people with that outcome in the quarter' }) @IsInt() @Min(0) value!: number;
}

@InputType()
export class SubmitReturnInput {
  @Field(() => ID) @IsString() contractId!: string;
  @Field({ description: 'Calendar quarter, YYYY-Qn' }) @Matches(QUARTER, QUARTER_MESSAGE) period!: string;
  @Field(() => ID, { nullable: true, description: 'Your subcontract; omit when you are the prime reporting your own delivery' })
  @IsOptional()
  @IsString()
  subcontractId?: string | null;
  @Field(() => Int) @IsInt() @Min(0) youngPeopleReached!: number;
  @Field(() => Int) @IsInt() @Min(0) hoursDelivered!: number;
  @Field(() => Int, { description: 'Spend on your own delivery, in pence' }) @IsInt() @Min(0) spendPence!: number;
  @Field(() => OutcomeCountsInput) @ValidateNested() @Type(() => OutcomeCountsInput) outcomes!: OutcomeCountsInput;
  @Field(() => [MeasureFigureInput], { defaultValue: [], description: 'A figure for every outcome measure on the contract' })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => MeasureFigureInput)
  measures!: MeasureFigureInput[];
}

@InputType()
export class RateContractInput {
  @Field(() => ID) @IsString() contractId!: string;
  @Field({ description: 'Calendar quarter, YYYY-Qn' }) @Matches(QUARTER, QUARTER_MESSAGE) period!: string;
  @Field(() => ContractRatingGql) @IsIn(CONTRACT_RATING_VALUES) rating!: (typeof CONTRACT_RATING_VALUES)[number];
  @Field() @IsString() @Length(1, 20000) rationale!: string;
  @Field(() => [String], { description: 'What the rating relies on: returns, visits, complaints' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  evidenceRefs!: string[];
}

@ObjectType('MeasureFigure')
export class MeasureFigureModel {
  @Field(() => ID) measureId!: string;
  @Field(() => Int) value!: number;
}

@ObjectType('OutcomeMeasureProgress', { description: 'The chain’s figure for one of the contract’s outcome measures in a quarter, beside the plan’s target' })
export class OutcomeMeasureProgressModel {
  @Field(() => ID) measureId!: string;
  @Field() name!: string;
  @Field() kind!: string;
  @Field({ description: 'The target as the plan states it' }) target!: string;
  @Field(() => Int) actual!: number;
}

@ObjectType('DeliveryReturn', { description: 'One organisation’s own delivery in a quarter' })
export class DeliveryReturnModel {
  @Field(() => ID) id!: string;
  @Field() period!: string;
  @Field(() => ID, { nullable: true, description: 'Null for the prime’s own delivery' }) subcontractId!: string | null;
  @Field(() => ID) organisationId!: string;
  @Field(() => Int) tier!: number;
  @Field(() => Int) youngPeopleReached!: number;
  @Field(() => Int) hoursDelivered!: number;
  @Field(() => Float) spendPence!: number;
  @Field(() => Int) learning!: number;
  @Field(() => Int) achievement!: number;
  @Field(() => Int) progress!: number;
  @Field(() => [MeasureFigureModel], { description: 'The figure for each of the contract’s outcome measures' }) measures!: MeasureFigureModel[];
  @Field(() => GraphQLISODateTime) submittedAt!: Date;
}

@ObjectType('DeliveryTotals')
export class DeliveryTotalsModel {
  @Field(() => Int) youngPeopleReached!: number;
  @Field(() => Int) hoursDelivered!: number;
  @Field(() => Float) spendPence!: number;
  @Field(() => Int) learning!: number;
  @Field(() => Int) achievement!: number;
  @Field(() => Int) progress!: number;
}

@ObjectType('ContractRatingDecision')
export class RatingModel {
  @Field() period!: string;
  @Field(() => ContractRatingGql) rating!: string;
  @Field() rationale!: string;
  @Field(() => [String]) evidenceRefs!: string[];
  @Field(() => ID) ratedByUserId!: string;
  @Field(() => GraphQLISODateTime) ratedAt!: Date;
}

@ObjectType('TargetProgress')
export class TargetProgressModel {
  @Field() measure!: string;
  @Field(() => Int) target!: number;
  @Field(() => Int) actual!: number;
  @Field(() => Int, { nullable: true, description: 'Whole percent of the target; null for a target of zero' }) percentOfTarget!: number | null;
}

@ObjectType('PeriodPerformance')
export class PeriodPerformanceModel {
  @Field() period!: string;
  @Field(() => [DeliveryReturnModel]) returns!: DeliveryReturnModel[];
  @Field(() => DeliveryTotalsModel, { description: 'The returns above added up: the prime’s return aggregates its chain' })
  chainTotals!: DeliveryTotalsModel;
  @Field(() => RatingModel, { nullable: true, description: 'Shown to the council, the prime and auditors' }) rating!: RatingModel | null;
  @Field(() => [TargetProgressModel], { description: 'The chain against each quarterly target (council, prime and auditors)' })
  againstTargets!: TargetProgressModel[];
  @Field(() => [OutcomeMeasureProgressModel], { description: 'The returns above against each of the contract’s outcome measures' })
  outcomeMeasures!: OutcomeMeasureProgressModel[];
}

@ObjectType('ContractPerformance')
export class ContractPerformanceModel {
  @Field(() => ID) contractId!: string;
  @Field(() => [PeriodPerformanceModel]) periods!: PeriodPerformanceModel[];
}

@ObjectType('ValueForMoneyFigures')
export class ValueForMoneyFiguresModel extends DeliveryTotalsModel {
  @Field(() => Int) outcomesAchieved!: number;
  @Field(() => Float, { nullable: true, description: 'Null when nobody was reached' }) costPerYoungPersonPence!: number | null;
  @Field(() => Float, { nullable: true, description: 'Null when no outcome was achieved' }) costPerOutcomePence!: number | null;
}

@ObjectType('ProviderValue')
export class ProviderValueModel extends ValueForMoneyFiguresModel {
  @Field(() => ID) organisationId!: string;
}

@ObjectType('StrandValue')
export class StrandValueModel extends ValueForMoneyFiguresModel {
  @Field(() => ID) contractId!: string;
  @Field(() => ID) lotId!: string;
  @Field(() => ID) primeOrganisationId!: string;
}

@ObjectType('ValueForMoney')
export class ValueForMoneyModel {
  @Field(() => ID) commissionerOrganisationId!: string;
  @Field(() => String, { nullable: true }) period!: string | null;
  @Field(() => ValueForMoneyFiguresModel) council!: ValueForMoneyFiguresModel;
  @Field(() => [ProviderValueModel], { description: 'Each organisation’s own delivery, cheapest per young person first' })
  byProvider!: ProviderValueModel[];
  @Field(() => [StrandValueModel], { description: 'Each contract’s whole chain' }) byStrand!: StrandValueModel[];
}

@ObjectType('CouncilBenchmark')
export class CouncilBenchmarkModel extends ValueForMoneyFiguresModel {
  @Field({ description: '“your council”, or an anonymous label for another council' }) label!: string;
  @Field() yours!: boolean;
}
