import { Field, GraphQLISODateTime, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsString, Length } from 'class-validator';

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
