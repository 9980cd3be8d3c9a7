import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsInt, IsString, Length, Max, Min } from 'class-validator';
import { EVALUATION_SCALE } from '@tendril/bidding/application';

@ObjectType('Evaluator', { description: "An evaluator of a tender: for the tender's commissioners and auditors, and the evaluator themself" })
export class EvaluatorModel {
  @Field(() => ID) evaluatorUserId!: string;
  @Field() displayName!: string;
  @Field(() => GraphQLISODateTime) assignedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Null until the evaluator declares their interests; until then they see no bid' })
  declaredAt!: Date | null;
  @Field(() => [ID], { nullable: true, description: 'Organisations whose bids the evaluator is removed from' }) conflictedOrganisationIds!: string[] | null;
  @Field(() => String, { nullable: true }) statement!: string | null;
}

@InputType()
export class AssignEvaluatorInput {
  @Field(() => ID) @IsString() @Length(1, 64) tenderId!: string;
  @Field(() => ID, { description: "The evaluator's user id (a council officer signed in as a commissioner)" }) @IsString() @Length(1, 64) evaluatorUserId!: string;
  @Field() @IsString() @Length(1, 200) displayName!: string;
}

@InputType()
export class DeclareConflictsInput {
  @Field(() => ID) @IsString() @Length(1, 64) tenderId!: string;
  @Field(() => [ID], { description: 'Organisations you have an interest in; empty if none' })
  @IsArray()
  @ArrayMaxSize(100)
  @IsString({ each: true })
  conflictedOrganisationIds!: string[];
  @Field({ description: 'Your declaration in your own words, even if you have no interests' }) @IsString() @Length(1, 5000) statement!: string;
}

@ObjectType('EvaluationReceipt', { description: 'Acknowledges an evaluation step once it is recorded and projected' })
export class EvaluationReceiptModel {
  @Field(() => ID) tenderId!: string;
  @Field({ description: 'False when the step changed nothing (a retry)' }) recorded!: boolean;
}

@InputType()
export class ScoreCriterionInput {
  @Field(() => ID) @IsString() @Length(1, 64) tenderId!: string;
  @Field(() => ID) @IsString() @Length(1, 64) bidId!: string;
  @Field(() => ID, { description: 'A quality or social value criterion' }) @IsString() @Length(1, 40) criterionId!: string;
  @Field(() => Int, { description: `A whole mark from 0 to ${EVALUATION_SCALE.max}` }) @IsInt() @Min(0) @Max(EVALUATION_SCALE.max) mark!: number;
  @Field({ description: 'Why this mark, in writing' }) @IsString() @Length(1, 10000) justification!: string;
}

@InputType()
export class ModerateScoreInput {
  @Field(() => ID) @IsString() @Length(1, 64) tenderId!: string;
  @Field(() => ID) @IsString() @Length(1, 64) bidId!: string;
  @Field(() => ID) @IsString() @Length(1, 40) criterionId!: string;
  @Field(() => Int) @IsInt() @Min(0) @Max(EVALUATION_SCALE.max) consensusMark!: number;
  @Field({ defaultValue: '', description: 'Why the consensus differs from the individual marks (required when it does)' })
  @IsString()
  @Length(0, 10000)
  reason!: string;
}

@InputType()
export class CompleteLotEvaluationInput {
  @Field(() => ID) @IsString() @Length(1, 64) tenderId!: string;
  @Field(() => ID) @IsString() @Length(1, 40) lotId!: string;
}

@ObjectType('CriterionScore')
export class CriterionScoreModel {
  @Field(() => ID) criterionId!: string;
  @Field() kind!: string;
  @Field(() => Float) weightPercent!: number;
  @Field(() => Float, { description: 'Out of 100' }) score!: number;
  @Field(() => Float) weightedScore!: number;
}

@ObjectType('LotResultEntry')
export class LotResultEntryModel {
  @Field(() => Int) rank!: number;
  @Field(() => ID) bidId!: string;
  @Field(() => ID) supplierOrganisationId!: string;
  @Field(() => Float) pricePence!: number;
  @Field(() => Float) totalScore!: number;
  @Field(() => [CriterionScoreModel]) scores!: CriterionScoreModel[];
  @Field() winner!: boolean;
}

@ObjectType('LotResult', {
  description: "A lot's evaluation result: all of it for the council and auditors; for a bidder, once an award is proposed, its own scores and the winner's",
})
export class LotResultModel {
  @Field(() => ID) tenderId!: string;
  @Field(() => ID) lotId!: string;
  @Field(() => GraphQLISODateTime) completedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) awardedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the award now standing was proposed; null before a proposal and after its withdrawal' })
  awardProposedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When a withdrawn award reopened the evaluation; null once it is completed again' })
  reopenedAt!: Date | null;
  @Field(() => [LotResultEntryModel]) entries!: LotResultEntryModel[];
}
