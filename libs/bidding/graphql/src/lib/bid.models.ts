import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { IsArray, IsInt, IsString, Length, Min, ValidateNested } from 'class-validator';

export enum BidStatusGql {
  submitted = 'submitted',
  withdrawn = 'withdrawn',
  opened = 'opened',
}
registerEnumType(BidStatusGql, { name: 'BidStatus' });

@ObjectType('QualityAnswer')
export class QualityAnswerModel {
  @Field(() => ID) criterionId!: string;
  @Field() answer!: string;
}

@ObjectType('Bid', { description: 'A bid. Sealed: before the deadline only the bidding organisation can read it' })
export class BidModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) tenderId!: string;
  @Field(() => ID) lotId!: string;
  @Field(() => ID) organisationId!: string;
  @Field(() => BidStatusGql) status!: BidStatusGql;
  @Field(() => Int) pricePence!: number;
  @Field(() => [QualityAnswerModel]) qualityAnswers!: QualityAnswerModel[];
  @Field() socialValueCommitments!: string;
  @Field(() => GraphQLISODateTime) submissionDeadline!: Date;
  @Field(() => GraphQLISODateTime) submittedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) amendedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) withdrawnAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) openedAt!: Date | null;
}

@InputType()
export class QualityAnswerInput {
  @Field(() => ID) @IsString() @Length(1, 40) criterionId!: string;
  @Field() @IsString() @Length(1, 50000) answer!: string;
}

@InputType()
export class SubmitBidInput {
  @Field(() => ID) @IsString() tenderId!: string;
  @Field(() => ID) @IsString() lotId!: string;
  @Field(() => Int, { description: 'Price for the lot in pence' }) @IsInt() @Min(1) pricePence!: number;
  @Field(() => [QualityAnswerInput])
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => QualityAnswerInput)
  qualityAnswers!: QualityAnswerInput[];
  @Field({ defaultValue: '' }) @IsString() @Length(0, 50000) socialValueCommitments!: string;
}

@InputType()
export class AmendBidInput {
  @Field(() => ID) @IsString() bidId!: string;
  @Field(() => Int) @IsInt() @Min(1) pricePence!: number;
  @Field(() => [QualityAnswerInput])
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => QualityAnswerInput)
  qualityAnswers!: QualityAnswerInput[];
  @Field({ defaultValue: '' }) @IsString() @Length(0, 50000) socialValueCommitments!: string;
}
