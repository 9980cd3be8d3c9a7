import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsInt, IsOptional, IsString, Length, Max, Min, ValidateNested } from 'class-validator';

export enum BidStatusGql {
  submitted = 'submitted',
  withdrawn = 'withdrawn',
  opened = 'opened',
  compliant = 'compliant',
  non_compliant = 'non_compliant',
  shortlisted = 'shortlisted',
  successful = 'successful',
  unsuccessful = 'unsuccessful',
}
registerEnumType(BidStatusGql, { name: 'BidStatus' });

@ObjectType('QualityAnswer')
export class QualityAnswerModel {
  @Field(() => ID) criterionId!: string;
  @Field() answer!: string;
}

@ObjectType('ProposedSubcontractor', { description: 'A registered provider the bidder proposes to subcontract to' })
export class ProposedSubcontractorModel {
  @Field(() => ID) organisationId!: string;
  @Field(() => Int, { description: 'Share of the work, whole percent' }) sharePercent!: number;
  @Field() scope!: string;
}

@ObjectType('ConsortiumMember')
export class ConsortiumMemberModel {
  @Field(() => ID) organisationId!: string;
  @Field(() => Int) sharePercent!: number;
}

@ObjectType('Consortium', { description: 'A consortium bid: the bidding organisation leads; shares sum to 100%' })
export class ConsortiumModel {
  @Field(() => ID) leadOrganisationId!: string;
  @Field(() => [ConsortiumMemberModel]) members!: ConsortiumMemberModel[];
}

@ObjectType('BidAttachment', { description: 'A document attached to a bid, kept by its SHA-256; sealed like the bid' })
export class BidAttachmentModel {
  @Field(() => ID) id!: string;
  @Field() fileName!: string;
  @Field({ description: 'Its media type, checked against the file’s own bytes when attached' }) contentType!: string;
  @Field(() => Int) sizeBytes!: number;
  @Field({ description: 'Lower-case hex SHA-256 of the content, as recorded in the bid’s history' }) sha256!: string;
  @Field(() => GraphQLISODateTime) addedAt!: Date;
}

@ObjectType('BidAttachmentDownload', { description: 'A bid document with its content, for those who may read the bid now' })
export class BidAttachmentDownloadModel extends BidAttachmentModel {
  @Field(() => ID) bidId!: string;
  @Field({ description: 'The document, base64-encoded' }) contentBase64!: string;
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
  @Field(() => [ProposedSubcontractorModel]) subcontractors!: ProposedSubcontractorModel[];
  @Field(() => ConsortiumModel, { nullable: true }) consortium!: ConsortiumModel | null;
  @Field(() => [BidAttachmentModel], { description: 'PDF, Word and spreadsheet documents; fetch one with `bidAttachment`' }) attachments!: BidAttachmentModel[];
  @Field(() => GraphQLISODateTime, { description: "The tender's deadline as it stands now (it moves when the tender extends it)" }) submissionDeadline!: Date;
  @Field(() => GraphQLISODateTime) submittedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) amendedAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) withdrawnAt!: Date | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) openedAt!: Date | null;
  @Field(() => String, { nullable: true, description: "The commissioner's reason when checking compliance" }) complianceReason!: string | null;
}

@InputType()
export class QualityAnswerInput {
  @Field(() => ID) @IsString() @Length(1, 40) criterionId!: string;
  @Field() @IsString() @Length(1, 50000) answer!: string;
}

@InputType()
export class ProposedSubcontractorInput {
  @Field(() => ID) @IsString() @Length(1, 64) organisationId!: string;
  @Field(() => Int, { description: 'Whole percent of the work, 1 to 99' }) @IsInt() @Min(1) @Max(99) sharePercent!: number;
  @Field({ description: 'What the subcontractor will do' }) @IsString() @Length(1, 2000) scope!: string;
}

@InputType()
export class ConsortiumMemberInput {
  @Field(() => ID) @IsString() @Length(1, 64) organisationId!: string;
  @Field(() => Int, { description: 'Whole percent, 1 to 99' }) @IsInt() @Min(1) @Max(99) sharePercent!: number;
}

@InputType({ description: 'For a consortium bid: every member with its share, your own organisation (the lead) included; shares sum to 100' })
export class ConsortiumInput {
  @Field(() => [ConsortiumMemberInput])
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => ConsortiumMemberInput)
  members!: ConsortiumMemberInput[];
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
  @Field(() => [ProposedSubcontractorInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ProposedSubcontractorInput)
  subcontractors!: ProposedSubcontractorInput[];
  @Field(() => ConsortiumInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ConsortiumInput) consortium?: ConsortiumInput | null;
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
  @Field(() => [ProposedSubcontractorInput], { defaultValue: [] })
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ProposedSubcontractorInput)
  subcontractors!: ProposedSubcontractorInput[];
  @Field(() => ConsortiumInput, { nullable: true }) @IsOptional() @ValidateNested() @Type(() => ConsortiumInput) consortium?: ConsortiumInput | null;
}

@InputType({ description: 'A document for your bid: PDF, Word (.doc/.docx), Excel (.xls/.xlsx) or OpenDocument (.odt/.ods), up to the platform’s size cap (10 MiB unless configured)' })
export class AddBidAttachmentInput {
  @Field(() => ID) @IsString() bidId!: string;
  @Field() @IsString() fileName!: string;
  @Field({ description: 'Its media type, e.g. application/pdf; it must match the file’s content' }) @IsString() contentType!: string;
  @Field({ description: 'The file, base64-encoded' }) @IsString() contentBase64!: string;
  @Field(() => ID, { nullable: true, description: 'A document of the bid this one replaces' }) @IsOptional() @IsString() replacesAttachmentId?: string | null;
}
