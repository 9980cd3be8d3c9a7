import { Field, Float, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Min, ValidateNested } from 'class-validator';
import { ConsultationMethodGql, DeliveryModelGql, OutcomeMeasureKindGql } from './commissioning-plan.models';

@InputType()
export class OutcomeMeasureInput {
  @Field(() => ID, { description: 'Your reference for the measure, unique within the plan' }) @IsString() @Length(1, 40) measureId!: string;
  @Field() @IsString() @Length(1, 300) name!: string;
  @Field(() => OutcomeMeasureKindGql) @IsIn(Object.values(OutcomeMeasureKindGql)) kind!: OutcomeMeasureKindGql;
  @Field({ description: 'The target as the council states it' }) @IsString() @Length(1, 300) target!: string;
}

@InputType()
export class DraftCommissioningPlanInput {
  @Field() @IsString() @Length(1, 300) title!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsString() @Length(1, 10) periodStart!: string;
  @Field({ description: 'YYYY-MM-DD' }) @IsString() @Length(1, 10) periodEnd!: string;
  @Field(() => Float, { description: 'Whole pence' }) @IsInt() @Min(0) inHouseBudgetPence!: number;
  @Field(() => Float, { description: 'Whole pence' }) @IsInt() @Min(0) externalBudgetPence!: number;

  @Field(() => [OutcomeMeasureInput], { description: "Must include learning, achievement and progress, and reach" })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => OutcomeMeasureInput)
  outcomes!: OutcomeMeasureInput[];
}

@InputType()
export class AddOutcomeMeasureInput {
  @Field(() => ID) @IsString() planId!: string;
  @Field(() => OutcomeMeasureInput) @ValidateNested() @Type(() => OutcomeMeasureInput) measure!: OutcomeMeasureInput;
}

@InputType()
export class OptionsAppraisalInput {
  @Field(() => [String], { description: 'The delivery options weighed: at least two' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  optionsConsidered!: string[];

  @Field({ description: 'Why the chosen model won' }) @IsString() @Length(1, 20000) conclusion!: string;
}

@InputType()
export class AddPlanStrandInput {
  @Field(() => ID) @IsString() planId!: string;
  @Field(() => ID, { description: 'Your reference for the strand, unique within the plan' }) @IsString() @Length(1, 40) strandId!: string;
  @Field() @IsString() @Length(1, 300) name!: string;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(0, 120) area!: string | null;
  @Field(() => Float, { description: 'Whole pence' }) @IsInt() @Min(1) budgetPence!: number;
  @Field(() => DeliveryModelGql) @IsIn(Object.values(DeliveryModelGql)) deliveryModel!: DeliveryModelGql;
  @Field(() => OptionsAppraisalInput) @ValidateNested() @Type(() => OptionsAppraisalInput) optionsAppraisal!: OptionsAppraisalInput;
  @Field(() => String, { nullable: true, description: 'Required for in-house and mixed delivery' })
  @IsOptional()
  @IsString()
  @Length(0, 20000)
  inHouseRationale!: string | null;
}

@InputType()
export class RecordNeedsEvidenceInput {
  @Field(() => ID) @IsString() planId!: string;
  @Field({ description: 'YYYY-MM-DD, not in the future' }) @IsString() @Length(1, 10) conductedOn!: string;
  @Field(() => ConsultationMethodGql) @IsIn(Object.values(ConsultationMethodGql)) method!: ConsultationMethodGql;
  @Field(() => Int) @IsInt() participants!: number;
  @Field({ description: 'Aggregate findings; no names, contact details or other personal data' }) @IsString() @Length(0, 20000) findings!: string;
}

@InputType()
export class PublishMarketEngagementNoticeInput {
  @Field(() => ID) @IsString() planId!: string;
  @Field(() => [ID]) @IsArray() @ArrayMinSize(0) @ArrayMaxSize(50) @IsString({ each: true }) strandIds!: string[];
  @Field() @IsString() @Length(0, 20000) summary!: string;
  @Field({ description: 'Last day to register interest, YYYY-MM-DD' }) @IsString() @Length(1, 10) respondBy!: string;
}

@InputType()
export class RegisterMarketInterestInput {
  @Field(() => ID) @IsString() planId!: string;
  @Field(() => ID) @IsString() noticeId!: string;
}

@InputType()
export class RecordNoMarketEngagementReasonInput {
  @Field(() => ID) @IsString() planId!: string;
  @Field(() => ID) @IsString() strandId!: string;
  @Field() @IsString() @Length(0, 20000) reason!: string;
}

@InputType()
export class StrandRefInput {
  @Field(() => ID) @IsString() planId!: string;
  @Field(() => ID) @IsString() strandId!: string;
}
