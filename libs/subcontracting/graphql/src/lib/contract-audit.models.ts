import { Field, Float, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { AuditTrailEntryFields } from '@tendril/shared/platform';

@ObjectType('ContractTrailEntry', { description: "One event of a contract's stream (its whole supply chain): who, when, why, on what evidence" })
export class ContractTrailEntryModel extends AuditTrailEntryFields {}

@ObjectType('SubcontractAsOf')
export class SubcontractAsOfModel {
  @Field(() => ID) subcontractId!: string;
  @Field(() => ID, { nullable: true }) parentSubcontractId!: string | null;
  @Field(() => ID) organisationId!: string;
  @Field(() => Int, { description: '1 under the prime, 2 under a tier-1 subcontractor...' }) tier!: number;
  @Field(() => Float) valuePence!: number;
  @Field() scope!: string;
  @Field() area!: string;
  @Field() startDate!: string;
  @Field() endDate!: string;
  @Field({ description: 'active or ended, as recorded by then' }) status!: string;
  @Field({ description: 'Active and within its dates on the day asked about' }) deliveringOnTheDay!: boolean;
}

@ObjectType('ContractRatingAsOf')
export class ContractRatingAsOfModel {
  @Field() period!: string;
  @Field() rating!: string;
}

@ObjectType('ContractAsOf', { description: 'A contract and its subcontractor chain as they stood at an instant, folded from its events' })
export class ContractAsOfModel {
  @Field(() => ID) contractId!: string;
  @Field(() => GraphQLISODateTime) asOf!: Date;
  @Field({ description: 'False when the contract did not exist yet' }) existed!: boolean;
  @Field(() => String, { nullable: true }) status!: string | null;
  @Field(() => String, { nullable: true }) kind!: string | null;
  @Field(() => ID, { nullable: true }) tenderId!: string | null;
  @Field(() => ID, { nullable: true }) lotId!: string | null;
  @Field(() => ID, { nullable: true }) commissionerOrganisationId!: string | null;
  @Field(() => ID, { nullable: true }) primeOrganisationId!: string | null;
  @Field(() => Float, { nullable: true }) valuePence!: number | null;
  @Field(() => String, { nullable: true }) startDate!: string | null;
  @Field(() => String, { nullable: true }) endDate!: string | null;
  @Field(() => [SubcontractAsOfModel], { description: 'The whole chain under the prime, in the order subcontracts were added' }) subcontracts!: SubcontractAsOfModel[];
  @Field(() => [ContractRatingAsOfModel]) ratings!: ContractRatingAsOfModel[];
  @Field(() => Int) eventsApplied!: number;
  @Field(() => String, { nullable: true }) lastEventType!: string | null;
  @Field(() => GraphQLISODateTime, { nullable: true }) lastEventAt!: Date | null;
}

@ObjectType({ isAbstract: true })
abstract class RecordedByFields {
  @Field(() => ID) actorUserId!: string;
  @Field() actorRole!: string;
  @Field(() => ID, { nullable: true }) actorOrganisationId!: string | null;
  @Field(() => GraphQLISODateTime) at!: Date;
}

@ObjectType('DecommissioningCaseOpening')
export class DecommissioningCaseOpeningModel extends RecordedByFields {
  @Field() reason!: string;
  @Field(() => [String]) evidenceRefs!: string[];
}

@ObjectType('DecommissioningProviderResponse')
export class DecommissioningProviderResponseModel extends RecordedByFields {
  @Field() response!: string;
  @Field(() => [String]) evidenceRefs!: string[];
}

@ObjectType('DecommissioningTransitionOutcome')
export class DecommissioningTransitionOutcomeModel {
  @Field(() => ID) subcontractId!: string;
  @Field(() => ID) subcontractorOrganisationId!: string;
  @Field({ description: 'ends, moves-in-house or moves-to-prime' }) outcome!: string;
  @Field(() => ID, { nullable: true }) toContractId!: string | null;
  @Field(() => ID, { nullable: true }) toPrimeOrganisationId!: string | null;
}

@ObjectType('DecommissioningDecisionExplained')
export class DecommissioningDecisionExplainedModel extends RecordedByFields {
  @Field({ description: 'decommissioned or improvement_plan' }) outcome!: string;
  @Field() rationale!: string;
  @Field(() => [String]) evidenceRefs!: string[];
  @Field(() => Int, { nullable: true }) noticePeriodDays!: number | null;
  @Field(() => String, { nullable: true }) endDate!: string | null;
  @Field(() => String, { nullable: true }) previousEndDate!: string | null;
  @Field(() => String, { nullable: true }) reviewDate!: string | null;
  @Field(() => [DecommissioningTransitionOutcomeModel]) transition!: DecommissioningTransitionOutcomeModel[];
}

@ObjectType('CitedReturn')
export class CitedReturnModel {
  @Field(() => ID) returnId!: string;
  @Field() period!: string;
  @Field(() => ID) organisationId!: string;
  @Field(() => Int) tier!: number;
  @Field(() => Int) youngPeopleReached!: number;
  @Field(() => Float) hoursDelivered!: number;
  @Field(() => Float) spendPence!: number;
}

@ObjectType('CitedRating')
export class CitedRatingModel {
  @Field() period!: string;
  @Field() rating!: string;
  @Field() rationale!: string;
  @Field(() => [String]) evidenceRefs!: string[];
}

@ObjectType('CitedEvidence', { description: 'An evidence reference and the recorded facts it names (returns, a rating), if any' })
export class CitedEvidenceModel {
  @Field() ref!: string;
  @Field({ description: 'return, rating, or document (a reference to something outside the log)' }) kind!: string;
  @Field(() => [CitedReturnModel]) returns!: CitedReturnModel[];
  @Field(() => CitedRatingModel, { nullable: true }) rating!: CitedRatingModel | null;
}

@ObjectType('CaseValueForMoney', { description: 'Value-for-money figures of the returns the council had when it decided' })
export class CaseValueForMoneyModel {
  @Field(() => [String]) periods!: string[];
  @Field(() => Float) spendPence!: number;
  @Field(() => Int) youngPeopleReached!: number;
  @Field(() => Float) hoursDelivered!: number;
  @Field(() => Float, { nullable: true }) costPerYoungPersonPence!: number | null;
}

@ObjectType('DecommissioningCaseExplanation')
export class DecommissioningCaseExplanationModel {
  @Field(() => ID) caseId!: string;
  @Field(() => DecommissioningCaseOpeningModel) opened!: DecommissioningCaseOpeningModel;
  @Field(() => DecommissioningProviderResponseModel, { nullable: true }) response!: DecommissioningProviderResponseModel | null;
  @Field(() => DecommissioningDecisionExplainedModel, { nullable: true }) decision!: DecommissioningDecisionExplainedModel | null;
  @Field(() => [CitedEvidenceModel]) evidence!: CitedEvidenceModel[];
  @Field(() => CaseValueForMoneyModel) valueForMoney!: CaseValueForMoneyModel;
}

@ObjectType('DecommissioningExplanation')
export class DecommissioningExplanationModel {
  @Field(() => ID) contractId!: string;
  @Field(() => ID) primeOrganisationId!: string;
  @Field(() => ID) commissionerOrganisationId!: string;
  @Field(() => [DecommissioningCaseExplanationModel]) cases!: DecommissioningCaseExplanationModel[];
}
