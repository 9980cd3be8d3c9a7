import { Field, GraphQLISODateTime, ID, InputType, Int } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsDate, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';
import { ChallengeOutcomeGql, CriterionKindGql } from './tender.models';

@InputType()
export class LotInput {
  @Field(() => ID, { description: 'Your reference for the lot, unique within the tender (e.g. "LOT-1")' })
  @IsString()
  @Length(1, 40)
  lotId!: string;

  @Field() @IsString() @Length(1, 300) title!: string;

  @Field(() => Int) @IsInt() @Min(0) estimatedValuePence!: number;

  @Field(() => ID, { nullable: true, description: "A strand of the tender's plan this lot commissions (not an in-house one)" })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  strandId?: string | null;

  @Field(() => String, { nullable: true, description: 'The area the lot covers' })
  @IsOptional()
  @IsString()
  @Length(1, 120)
  area?: string | null;
}

@InputType()
export class CriterionInput {
  @Field(() => ID) @IsString() @Length(1, 40) criterionId!: string;
  @Field() @IsString() @Length(1, 300) name!: string;
  @Field(() => CriterionKindGql) @IsIn(Object.values(CriterionKindGql)) kind!: CriterionKindGql;
  @Field(() => Int) @IsInt() @Min(0) @Max(100) weightPercent!: number;
}

@InputType()
export class TenderDocumentInput {
  @Field(() => ID, { description: 'Your reference for the document, unique within the tender' }) @IsString() @Length(1, 40) documentId!: string;
  @Field({ description: 'specification, terms or other' }) @IsIn(['specification', 'terms', 'other']) kind!: 'specification' | 'terms' | 'other';
  @Field() @IsString() @Length(1, 300) title!: string;
  @Field({ description: 'The document text; stored by its SHA-256' }) @IsString() @Length(0, 1_000_000) content!: string;
}

@InputType({ description: 'A change to an open tender: a document, a later deadline, or both' })
export class AmendTenderDocumentInput {
  @Field(() => ID) @IsString() tenderId!: string;
  @Field(() => ID, { nullable: true, description: 'The document that changes (with content); omit to only extend the deadline' })
  @IsOptional()
  @IsString()
  documentId?: string | null;
  @Field(() => String, { nullable: true, description: 'The new document text' }) @IsOptional() @IsString() @Length(0, 1_000_000) content?: string | null;
  @Field({ description: 'What changed, as every provider will read it' }) @IsString() @Length(0, 20000) summary!: string;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'A later submission deadline; every interested provider is told' })
  @IsOptional()
  @IsDate()
  submissionDeadline?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true, description: 'A later clarification deadline' })
  @IsOptional()
  @IsDate()
  clarificationDeadline?: Date | null;
}

@InputType()
export class PublishTenderInput {
  @Field() @IsString() @Length(1, 300) title!: string;
  @Field() @IsString() @Length(0, 20000) description!: string;
  @Field() @IsString() @Length(1, 120) category!: string;

  @Field(() => [LotInput])
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => LotInput)
  lots!: LotInput[];

  @Field(() => [CriterionInput], { description: 'Weights must sum to 100' })
  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => CriterionInput)
  criteria!: CriterionInput[];

  @Field(() => GraphQLISODateTime, { description: 'When bids close and unseal; must be in the future' })
  @IsDate()
  submissionDeadline!: Date;

  @Field(() => GraphQLISODateTime, { nullable: true, description: 'Providers may ask questions until then; defaults to the submission deadline' })
  @IsOptional()
  @IsDate()
  clarificationDeadline?: Date | null;

  @Field(() => ID, { nullable: true, description: 'The commissioning plan the tender belongs to (with strandId)' })
  @IsOptional()
  @IsString()
  planId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The plan strand it commissions: external or mixed, released for tender' })
  @IsOptional()
  @IsString()
  strandId?: string | null;

  @Field(() => [TenderDocumentInput], { defaultValue: [], description: 'The specification, terms and other documents' })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TenderDocumentInput)
  documents!: TenderDocumentInput[];

  @Field({ defaultValue: false }) @IsBoolean() lightTouchRegime!: boolean;
  @Field({ defaultValue: false }) @IsBoolean() suitableForVcse!: boolean;
  @Field({ defaultValue: false }) @IsBoolean() reservedParticipation!: boolean;
}

@InputType()
export class AwardLotInput {
  @Field(() => ID) @IsString() tenderId!: string;
  @Field(() => ID) @IsString() lotId!: string;
  @Field(() => ID, { description: 'The winning bid, as opened at the deadline' }) @IsString() bidId!: string;
  @Field(() => Int, { description: 'Contract value in pence' }) @IsInt() @Min(1) valuePence!: number;
  @Field({ description: 'Why this bid wins: shown to auditors and bidders' }) @IsString() @Length(1, 20000) rationale!: string;
  @Field(() => [String], { defaultValue: [], description: 'References to the evaluation evidence' })
  @IsArray()
  @IsString({ each: true })
  evidenceRefs!: string[];
  @Field({ description: 'Contract start, YYYY-MM-DD' }) @IsString() contractStartDate!: string;
  @Field({ description: 'Contract end, YYYY-MM-DD' }) @IsString() contractEndDate!: string;
  @Field(() => Int, { defaultValue: 30 }) @IsInt() @Min(0) paymentTermsDays!: number;
}

@InputType()
export class CancelTenderInput {
  @Field(() => ID) @IsString() tenderId!: string;
  @Field() @IsString() @Length(1, 20000) reason!: string;
}

@InputType()
export class AskClarificationInput {
  @Field(() => ID) @IsString() tenderId!: string;
  @Field() @IsString() @Length(0, 5000) question!: string;
}

@InputType()
export class AnswerClarificationInput {
  @Field(() => ID) @IsString() tenderId!: string;
  @Field(() => ID) @IsString() questionId!: string;
  @Field({ description: 'Published to every provider with the asker anonymised' }) @IsString() @Length(0, 20000) answer!: string;
}

@InputType({ description: 'A tender as drafted: editable until published; weights and deadline are checked at publication' })
export class DraftTenderInput {
  @Field() @IsString() @Length(1, 300) title!: string;
  @Field({ defaultValue: '' }) @IsString() @Length(0, 20000) description!: string;
  @Field() @IsString() @Length(1, 120) category!: string;

  @Field(() => [LotInput], { defaultValue: [] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => LotInput)
  lots!: LotInput[];

  @Field(() => [CriterionInput], { defaultValue: [] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => CriterionInput)
  criteria!: CriterionInput[];

  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() @IsDate() submissionDeadline?: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) @IsOptional() @IsDate() clarificationDeadline?: Date | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() planId?: string | null;
  @Field(() => ID, { nullable: true }) @IsOptional() @IsString() strandId?: string | null;

  @Field(() => [TenderDocumentInput], { defaultValue: [] })
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => TenderDocumentInput)
  documents!: TenderDocumentInput[];

  @Field({ defaultValue: false }) @IsBoolean() lightTouchRegime!: boolean;
  @Field({ defaultValue: false }) @IsBoolean() suitableForVcse!: boolean;
  @Field({ defaultValue: false }) @IsBoolean() reservedParticipation!: boolean;
}

@InputType()
export class ReviseTenderDraftInput extends DraftTenderInput {
  @Field(() => ID) @IsString() tenderId!: string;
}

@InputType()
export class ChallengeAwardInput {
  @Field(() => ID) @IsString() tenderId!: string;
  @Field(() => ID) @IsString() lotId!: string;
  @Field({ description: 'Why the proposed award is wrong' }) @IsString() @Length(0, 20000) grounds!: string;
}

@InputType()
export class ResolveChallengeInput {
  @Field(() => ID) @IsString() tenderId!: string;
  @Field(() => ID) @IsString() challengeId!: string;
  @Field(() => ChallengeOutcomeGql) @IsIn(Object.values(ChallengeOutcomeGql)) outcome!: ChallengeOutcomeGql;
  @Field({ description: 'The written reasoning, shown to the challenger and auditors' }) @IsString() @Length(0, 20000) reasoning!: string;
}
