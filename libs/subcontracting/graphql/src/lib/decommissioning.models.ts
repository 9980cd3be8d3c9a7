import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsInt, IsOptional, IsString, Length, Matches, Min, ValidateNested } from 'class-validator';

// GraphQL enum values cannot hold hyphens; the published language uses `moves-in-house` and `moves-to-prime`.
export const TRANSITION_OUTCOMES = ['ends', 'moves_in_house', 'moves_to_prime'] as const;
export type TransitionOutcomeGqlValue = (typeof TRANSITION_OUTCOMES)[number];
export const TransitionOutcomeGql = { ends: 'ends', moves_in_house: 'moves_in_house', moves_to_prime: 'moves_to_prime' } as const;
registerEnumType(TransitionOutcomeGql, { name: 'TransitionOutcome', description: 'What happens to a subcontract when its contract is decommissioned' });

export const DECOMMISSIONING_DECISIONS = ['improvement_plan', 'decommission'] as const;
export const DecommissioningDecisionGql = { improvement_plan: 'improvement_plan', decommission: 'decommission' } as const;
registerEnumType(DecommissioningDecisionGql, { name: 'DecommissioningDecision' });

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class OpenDecommissioningCaseInput {
  @Field(() => ID) @IsString() contractId!: string;
  @Field() @IsString() @Length(1, 20000) reason!: string;
  @Field(() => [String], { description: 'Returns, ratings, value-for-money figures the case rests on' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  evidenceRefs!: string[];
}

@InputType()
export class RespondToDecommissioningCaseInput {
  @Field(() => ID) @IsString() contractId!: string;
  @Field(() => ID) @IsString() caseId!: string;
  @Field() @IsString() @Length(1, 20000) response!: string;
  @Field(() => [String], { defaultValue: [] }) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 500, { each: true }) evidenceRefs!: string[];
}

@InputType()
export class TransitionStepInput {
  @Field(() => ID) @IsString() subcontractId!: string;
  @Field(() => TransitionOutcomeGql) @IsIn(TRANSITION_OUTCOMES) outcome!: TransitionOutcomeGqlValue;
  @Field(() => ID, {
    nullable: true,
    description: 'For moves_to_prime: the contract that takes the work over. For moves_in_house: the in-house agreement (default: the council’s one for the strand)',
  })
  @IsOptional()
  @IsString()
  toContractId?: string | null;
  @Field(() => ID, { nullable: true, description: 'For moves_to_prime: that contract’s prime' })
  @IsOptional()
  @IsString()
  toPrimeOrganisationId?: string | null;
}

@InputType()
export class DecideDecommissioningCaseInput {
  @Field(() => ID) @IsString() contractId!: string;
  @Field(() => ID) @IsString() caseId!: string;
  @Field(() => DecommissioningDecisionGql) @IsIn(DECOMMISSIONING_DECISIONS) decision!: (typeof DECOMMISSIONING_DECISIONS)[number];
  @Field() @IsString() @Length(1, 20000) rationale!: string;
  @Field(() => String, { nullable: true, description: 'Improvement plan: when it is reviewed, YYYY-MM-DD' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'reviewDate must be YYYY-MM-DD' })
  reviewDate?: string | null;
  @Field(() => Int, { nullable: true, description: 'Decommission: days of notice from today' }) @IsOptional() @IsInt() @Min(0) noticePeriodDays?: number | null;
  @Field(() => [TransitionStepInput], { nullable: true, description: 'Decommission: a step for every live subcontract in the chain' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => TransitionStepInput)
  transition?: TransitionStepInput[] | null;
}

@ObjectType('TransitionStep')
export class TransitionStepModel {
  @Field(() => ID) subcontractId!: string;
  @Field(() => ID) subcontractorOrganisationId!: string;
  @Field(() => TransitionOutcomeGql) outcome!: TransitionOutcomeGqlValue;
  @Field(() => ID, { nullable: true }) toContractId!: string | null;
  @Field(() => ID, { nullable: true }) toPrimeOrganisationId!: string | null;
  @Field(() => String, { nullable: true, description: 'Once the platform carried the plan out: done or refused' }) result!: string | null;
  @Field(() => ID, { nullable: true, description: 'The subcontract the work became under the contract it moved to' }) toSubcontractId!: string | null;
  @Field(() => String, { nullable: true, description: 'Why the target refused the move (stable code)' }) refusalCode!: string | null;
  @Field(() => String, { nullable: true }) refusal!: string | null;
}

@ObjectType('DecommissioningCase', { description: 'Each step’s decision, actor, reason and evidence' })
export class DecommissioningCaseModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) contractId!: string;
  @Field({ description: 'open, improvement_plan or decommissioned' }) status!: string;
  @Field() reason!: string;
  @Field(() => [String]) evidenceRefs!: string[];
  @Field(() => ID) openedByUserId!: string;
  @Field(() => GraphQLISODateTime) openedAt!: Date;
  @Field(() => String, { nullable: true }) response!: string | null;
  @Field(() => [String]) responseEvidenceRefs!: string[];
  @Field(() => ID, { nullable: true }) respondedByUserId!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) respondedAt!: Date | null;
  @Field(() => String, { nullable: true }) rationale!: string | null;
  @Field(() => ID, { nullable: true }) decidedByUserId!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) decidedAt!: Date | null;
  @Field(() => String, { nullable: true }) reviewDate!: string | null;
  @Field(() => Int, { nullable: true }) noticePeriodDays!: number | null;
  @Field(() => String, { nullable: true, description: 'The last day the prime delivers' }) endDate!: string | null;
  @Field(() => [TransitionStepModel]) transition!: TransitionStepModel[];
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'When the platform carried the transition plan out' }) transitionCompletedAt!: Date | null;
}
