import { Field, GraphQLISODateTime, ID, InputType, Int, ObjectType } from '@nestjs/graphql';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Matches, Min, ValidateNested } from 'class-validator';

@ObjectType('SubcontractTransfer', { description: 'Work moved from a decommissioned contract under a transition plan: from where, on whose decision, why and on what evidence' })
export class SubcontractTransferModel {
  @Field(() => ID) contractId!: string;
  @Field(() => ID) subcontractId!: string;
  @Field(() => ID) caseId!: string;
  @Field() reason!: string;
  @Field(() => [String]) evidenceRefs!: string[];
  @Field(() => ID) decidedByUserId!: string;
}

@ObjectType('SubcontractDestination', { description: 'Where a transition plan moved the work' })
export class SubcontractDestinationModel {
  @Field(() => ID) contractId!: string;
  @Field(() => ID) subcontractId!: string;
}

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
  @Field({ description: 'Whether its subcontractor may subcontract further' }) mayLetSubcontracts!: boolean;
  @Field(() => GraphQLISODateTime) addedAt!: Date;
  @Field(() => GraphQLISODateTime, { nullable: true }) endedAt!: Date | null;
  @Field(() => String, { nullable: true }) endReason!: string | null;
  @Field(() => SubcontractTransferModel, { nullable: true, description: 'Set when the work moved here from a decommissioned contract' })
  transferredFrom!: SubcontractTransferModel | null;
  @Field(() => SubcontractDestinationModel, { nullable: true, description: 'Set when a transition plan moved the work on to another contract' })
  transferredTo!: SubcontractDestinationModel | null;
}

@ObjectType('VariedTerms', { description: 'Terms of a contract or subcontract; only those a variation touched are set' })
export class VariedTermsModel {
  @Field(() => Int, { nullable: true }) valuePence!: number | null;
  @Field(() => String, { nullable: true }) endDate!: string | null;
  @Field(() => String, { nullable: true }) scope!: string | null;
  @Field(() => String, { nullable: true }) area!: string | null;
}

@ObjectType('Variation', { description: 'A change to a contract or subcontract: what changed, from what, why, and who approved it' })
export class VariationModel {
  @Field(() => ID) id!: string;
  @Field(() => ID, { nullable: true, description: 'Null when the prime contract itself was varied' }) subcontractId!: string | null;
  @Field(() => VariedTermsModel) changes!: VariedTermsModel;
  @Field(() => VariedTermsModel) previous!: VariedTermsModel;
  @Field() reason!: string;
  @Field(() => ID) approvedByUserId!: string;
  @Field(() => ID) approvedByOrganisationId!: string;
  @Field(() => GraphQLISODateTime) variedAt!: Date;
}

@ObjectType('OutcomeTarget')
export class OutcomeTargetModel {
  @Field({ description: 'young_people_reached, learning, achievement or progress' }) measure!: string;
  @Field(() => Int, { description: 'Young people per quarter, across the whole chain' }) quarterlyTarget!: number;
}

@ObjectType('OutcomeTargets')
export class OutcomeTargetsModel {
  @Field({ description: 'Where in the plan’s outcomes framework the targets come from' }) frameworkRef!: string;
  @Field(() => [OutcomeTargetModel]) targets!: OutcomeTargetModel[];
}

@ObjectType('ContractOutcomeMeasure', { description: 'An outcome measure of the plan’s outcomes framework, with the target as the council states it' })
export class ContractOutcomeMeasureModel {
  @Field(() => ID) measureId!: string;
  @Field() name!: string;
  @Field({ description: 'learning_achievement_progress, reach or other' }) kind!: string;
  @Field() target!: string;
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
  @Field(() => String, { nullable: true, description: 'Null while the scope is the one tendered for the lot' }) scope!: string | null;
  @Field(() => OutcomeTargetsModel, { nullable: true }) outcomeTargets!: OutcomeTargetsModel | null;
  @Field({ description: 'awarded (from a tender) or internal (an in-house strand’s agreement: tenderId and bidId are empty)' }) kind!: string;
  @Field(() => ID, { nullable: true, description: 'The plan strand delivered; null when the award named none' }) strandId!: string | null;
  @Field(() => [ContractOutcomeMeasureModel], { description: 'The strand’s outcome measures with targets: every return reports a figure for each' })
  outcomeMeasures!: ContractOutcomeMeasureModel[];
  @Field(() => [VariationModel], { description: 'Variations of the contract and of the subcontracts you may see, oldest first' })
  variations!: VariationModel[];
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
  @Field({ defaultValue: false, description: 'Whether the subcontractor may let part of this work further down' })
  @IsBoolean()
  mayLetSubcontracts!: boolean;
}

@InputType()
export class MakeInternalAgreementInput {
  @Field(() => ID, { description: 'The plan’s strand the in-house team delivers' }) @IsString() @Length(1, 64) strandId!: string;
  @Field(() => ID, { description: 'The in-house team, registered as its own provider organisation' }) @IsString() inHouseOrganisationId!: string;
  @Field(() => Int) @IsInt() @Min(1) valuePence!: number;
  @Field({ description: 'YYYY-MM-DD' }) @Matches(ISO_DATE, { message: 'startDate must be YYYY-MM-DD' }) startDate!: string;
  @Field({ description: 'YYYY-MM-DD' }) @Matches(ISO_DATE, { message: 'endDate must be YYYY-MM-DD' }) endDate!: string;
  @Field(() => Int, { defaultValue: 30 }) @IsInt() @Min(0) paymentTermsDays!: number;
}

export const OUTCOME_MEASURE_VALUES = ['young_people_reached', 'learning', 'achievement', 'progress'] as const;

@InputType()
export class OutcomeTargetInput {
  @Field(() => String, { description: 'young_people_reached, learning, achievement or progress' }) @IsIn(OUTCOME_MEASURE_VALUES) measure!: (typeof OUTCOME_MEASURE_VALUES)[number];
  @Field(() => Int) @IsInt() @Min(0) quarterlyTarget!: number;
}

@InputType()
export class SetOutcomeTargetsInput {
  @Field(() => ID) @IsString() contractId!: string;
  @Field({ description: 'The plan’s outcomes framework entry the targets come from (e.g. plan and strand)' }) @IsString() @Length(1, 300) frameworkRef!: string;
  @Field(() => [OutcomeTargetInput]) @IsArray() @ArrayMinSize(1) @ArrayMaxSize(4) @ValidateNested({ each: true }) @Type(() => OutcomeTargetInput) targets!: OutcomeTargetInput[];
}

@InputType()
export class EndSubcontractInput {
  @Field(() => ID) @IsString() contractId!: string;
  @Field(() => ID) @IsString() subcontractId!: string;
  @Field() @IsString() @Length(1, 5000) reason!: string;
}

@ObjectType('SupplyChainNode', { description: 'One organisation delivering under a contract: the prime (tier 0) or a subcontractor' })
export class SupplyChainNodeModel {
  @Field(() => ID) contractId!: string;
  @Field(() => ID) tenderId!: string;
  @Field(() => ID) lotId!: string;
  @Field(() => ID, { nullable: true, description: 'Null for the prime' }) subcontractId!: string | null;
  @Field(() => ID, { nullable: true }) parentSubcontractId!: string | null;
  @Field(() => ID, { nullable: true, description: 'Who let this work; null for the prime' }) parentOrganisationId!: string | null;
  @Field(() => ID) organisationId!: string;
  @Field(() => Int) tier!: number;
  @Field(() => Int) valuePence!: number;
  @Field(() => String, { nullable: true }) scope!: string | null;
  @Field(() => String, { nullable: true }) area!: string | null;
  @Field() startDate!: string;
  @Field() endDate!: string;
  @Field(() => Int) paymentTermsDays!: number;
  @Field() status!: string;
}

@ObjectType('SupplyChainTier')
export class SupplyChainTierModel {
  @Field(() => Int, { description: '0 = primes' }) tier!: number;
  @Field(() => Int) nodeCount!: number;
  @Field(() => Int) organisationCount!: number;
  @Field(() => Int) valuePence!: number;
}

@ObjectType('SupplyChain', { description: 'Who delivers what, where, for how much, at each tier, across a council’s contracts' })
export class SupplyChainModel {
  @Field(() => ID) commissionerOrganisationId!: string;
  @Field(() => Int) contractCount!: number;
  @Field(() => Int, { description: 'Distinct organisations with live work you may see' }) organisationCount!: number;
  @Field(() => [SupplyChainNodeModel]) nodes!: SupplyChainNodeModel[];
  @Field(() => [SupplyChainTierModel], { description: 'Live work per tier' }) tiers!: SupplyChainTierModel[];
}

@InputType()
export class VaryContractInput {
  @Field(() => ID) @IsString() contractId!: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) valuePence?: number | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'endDate must be YYYY-MM-DD' })
  endDate?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 5000) scope?: string | null;
  @Field() @IsString() @Length(1, 5000) reason!: string;
}

@InputType()
export class VarySubcontractInput {
  @Field(() => ID) @IsString() contractId!: string;
  @Field(() => ID) @IsString() subcontractId!: string;
  @Field(() => Int, { nullable: true }) @IsOptional() @IsInt() @Min(1) valuePence?: number | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'endDate must be YYYY-MM-DD' })
  endDate?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 5000) scope?: string | null;
  @Field(() => String, { nullable: true }) @IsOptional() @IsString() @Length(1, 200) area?: string | null;
  @Field() @IsString() @Length(1, 5000) reason!: string;
}
