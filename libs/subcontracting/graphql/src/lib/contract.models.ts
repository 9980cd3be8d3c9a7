import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { IsInt, IsOptional, IsString, Length, Matches, Min } from 'class-validator';

@ObjectType('Subcontract', { description: 'One node of a supply chain under a prime contractor' })
export class SubcontractModel {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true, description: 'The subcontract this one sits under; null when let by the prime' })
  parentSubcontractId!: string | null;
  @Field(() => ID, { description: 'Who let this subcontract: the prime or the parent subcontractor' }) parentOrganisationId!: string;
  @Field(() => ID) subcontractorOrganisationId!: string;
  @Field(() => Int, { description: '1 directly under the prime' }) tier!: number;
  @Field(() => Int) valuePence!: number;
  @Field() scope!: string;
  @Field() area!: string;
  @Field() startDate!: string;
  @Field() endDate!: string;
  @Field(() => Int) paymentTermsDays!: number;
  @Field() status!: string;
  @Field(() => GraphQLISODateTime) addedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) endedAt!: Date | null;
  @Field(() => String, { nullable: true }) endReason!: string | null;
}

@ObjectType('Contract')
export class ContractModel {
  @Field(() => ID) id!: string;
  @Field(() => ID) tenderId!: string;
  @Field(() => ID) lotId!: string;
  @Field(() => ID) bidId!: string;
  @Field(() => ID) commissionerOrganisationId!: string;
  @Field(() => ID) primeOrganisationId!: string;
  @Field(() => Int) valuePence!: number;
  @Field() startDate!: string;
  @Field() endDate!: string;
  @Field(() => Int) paymentTermsDays!: number;
  @Field() status!: string;
  @Field(() => GraphQLISODateTime) createdAt!: Date;
  @Field(() => [SubcontractModel], { description: 'The part of the chain you may see' }) subcontracts!: SubcontractModel[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

@InputType()
export class AddSubcontractorInput {
  @Field(() => ID) @IsString() contractId!: string;
  @Field(() => ID, { nullable: true, description: 'Omit to subcontract directly under the prime' })
  @IsOptional()
  @IsString()
  parentSubcontractId?: string | null;
  @Field(() => ID, { description: 'A registered provider organisation' }) @IsString() subcontractorOrganisationId!: string;
  @Field(() => Int) @IsInt() @Min(1) valuePence!: number;
  @Field() @IsString() @Length(1, 5000) scope!: string;
  @Field() @IsString() @Length(1, 200) area!: string;
  @Field({ description: 'YYYY-MM-DD' }) @Matches(ISO_DATE, { message: 'startDate must be YYYY-MM-DD' }) startDate!: string;
  @Field({ description: 'YYYY-MM-DD' }) @Matches(ISO_DATE, { message: 'endDate must be YYYY-MM-DD' }) endDate!: string;
  @Field(() => Int, { description: 'At most 30 (statutory flow-down)' }) @IsInt() @Min(0) paymentTermsDays!: number;
}

@InputType()
export class EndSubcontractInput {
  @Field(() => ID) @IsString() contractId!: string;
  @Field(() => ID) @IsString() subcontractId!: string;
  @Field() @IsString() @Length(1, 5000) reason!: string;
}
