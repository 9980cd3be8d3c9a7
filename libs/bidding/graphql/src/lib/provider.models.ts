import { Field, GraphQLISODateTime, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsBoolean, IsDate, IsIn, IsOptional, IsString, Length } from 'class-validator';
import { DUE_DILIGENCE_KINDS, PROVIDER_KINDS, PROVIDER_MEMBER_ROLES } from '@tendril/bidding/application';

const enumOf = <T extends string>(values: readonly T[]): Record<T, T> => Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;

export const ProviderKindGql = enumOf(PROVIDER_KINDS);
registerEnumType(ProviderKindGql, {
  name: 'ProviderKind',
  description: 'Every kind of organisation a council commissions from, including its own in-house team',
});
export const DueDiligenceKindGql = enumOf(DUE_DILIGENCE_KINDS);
registerEnumType(DueDiligenceKindGql, { name: 'DueDiligenceKind' });
export const ProviderMemberRoleGql = enumOf(PROVIDER_MEMBER_ROLES);
registerEnumType(ProviderMemberRoleGql, { name: 'ProviderMemberRole' });

@ObjectType('DueDiligenceDeclaration')
export class DueDiligenceModel {
  @Field(() => DueDiligenceKindGql) kind!: string;
  @Field(() => GraphQLISODateTime) declaredAt!: Date;
  @Field(() => GraphQLISODateTime) expiresAt!: Date;
  @Field({ description: 'False from the instant it expires' }) current!: boolean;
  @Field(() => String, { nullable: true, description: 'For the organisation, commissioners, auditors and admins only' }) statement!: string | null;
  @Field(() => [String], { nullable: true, description: 'For the organisation, commissioners, auditors and admins only' }) evidenceRefs!: string[] | null;
}

@ObjectType('ProviderMember')
export class ProviderMemberModel {
  @Field(() => ID) userId!: string;
  @Field() displayName!: string;
  @Field(() => ProviderMemberRoleGql) role!: string;
}

@ObjectType('Provider', { description: 'An organisation in the provider registry' })
export class ProviderModel {
  @Field(() => ID) organisationId!: string;
  @Field() name!: string;
  @Field(() => ProviderKindGql) kind!: string;
  @Field(() => String, { nullable: true }) charityNumber!: string | null;
  @Field(() => String, { nullable: true }) companyNumber!: string | null;
  @Field(() => String, { nullable: true }) schoolUrn!: string | null;
  @Field({ description: 'Voluntary, community or social enterprise' }) vcse!: boolean;
  @Field({ description: 'Small or medium-sized enterprise' }) sme!: boolean;
  @Field(() => [String]) serviceCategories!: string[];
  @Field(() => [String]) serviceAreas!: string[];
  @Field(() => GraphQLISODateTime) registeredAt!: Date;
  @Field(() => [DueDiligenceModel]) dueDiligence!: DueDiligenceModel[];
  @Field(() => [ProviderMemberModel], { nullable: true, description: 'For the organisation itself, auditors and admins only' })
  members!: ProviderMemberModel[] | null;
  @Field(() => [DueDiligenceKindGql], { description: 'What to renew or declare before the organisation may bid; empty when it may bid now' })
  toRenewBeforeBidding!: string[];
}

@InputType()
export class RegisterProviderInput {
  @Field() @IsString() @Length(1, 200) name!: string;
  @Field(() => ProviderKindGql) @IsIn(PROVIDER_KINDS) kind!: (typeof PROVIDER_KINDS)[number];
  @Field(() => String, { nullable: true, description: 'England and Wales 6-7 digits; SC + 6 digits; NIC + 6 digits' })
  @IsOptional()
  @IsString()
  @Length(0, 20)
  charityNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'Companies House: 8 digits, or a prefix such as SC, NI or OC and 6 digits' })
  @IsOptional()
  @IsString()
  @Length(0, 20)
  companyNumber?: string | null;
  @Field(() => String, { nullable: true, description: 'School unique reference number: 6 digits' })
  @IsOptional()
  @IsString()
  @Length(0, 20)
  schoolUrn?: string | null;
  @Field({ defaultValue: false }) @IsBoolean() vcse!: boolean;
  @Field({ defaultValue: false }) @IsBoolean() sme!: boolean;
  @Field(() => [String], { defaultValue: [] }) @IsArray() @ArrayMaxSize(30) @IsString({ each: true }) @Length(1, 80, { each: true }) serviceCategories!: string[];
  @Field(() => [String], { defaultValue: [] }) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) @Length(1, 120, { each: true }) serviceAreas!: string[];
  @Field({ description: 'How you appear as the first administrator' }) @IsString() @Length(1, 120) yourDisplayName!: string;
}

@InputType()
export class DeclareDueDiligenceInput {
  @Field(() => DueDiligenceKindGql) @IsIn(DUE_DILIGENCE_KINDS) kind!: (typeof DUE_DILIGENCE_KINDS)[number];
  @Field(() => GraphQLISODateTime, { description: 'From this instant the declaration no longer counts' }) @IsDate() expiresAt!: Date;
  @Field({ description: 'What you declare, in your own words' }) @IsString() @Length(1, 5000) statement!: string;
  @Field(() => [String], { description: 'Where the evidence is: a document reference, link or board minute' })
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 500, { each: true })
  evidenceRefs!: string[];
}

@InputType()
export class AddProviderMemberInput {
  @Field(() => ID) @IsString() @Length(1, 64) userId!: string;
  @Field() @IsString() @Length(1, 120) displayName!: string;
  @Field(() => ProviderMemberRoleGql) @IsIn(PROVIDER_MEMBER_ROLES) role!: (typeof PROVIDER_MEMBER_ROLES)[number];
}

@InputType()
export class ProviderFilterInput {
  @Field(() => ProviderKindGql, { nullable: true }) @IsOptional() @IsIn(PROVIDER_KINDS) kind?: (typeof PROVIDER_KINDS)[number];
  @Field({ nullable: true }) @IsOptional() @IsString() serviceCategory?: string;
  @Field({ nullable: true }) @IsOptional() @IsString() serviceArea?: string;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() vcse?: boolean;
  @Field({ nullable: true }) @IsOptional() @IsBoolean() sme?: boolean;
}
