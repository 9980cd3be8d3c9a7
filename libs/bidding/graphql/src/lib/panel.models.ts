import { Field, Float, GraphQLISODateTime, ID, InputType, Int, ObjectType, registerEnumType } from '@nestjs/graphql';
import { ArrayMaxSize, IsArray, IsIn, IsInt, IsString, Length, Matches, Max, Min } from 'class-validator';
import { AGE_BANDS, PANEL_SCALE } from '@tendril/bidding/application';

export const AgeBandGql = { AGE_16_17: '16-17', AGE_18_21: '18-21', AGE_22_25: '22-25' } as const;
registerEnumType(AgeBandGql, { name: 'AgeBand', description: 'Youth panel members are pseudonymous: an age band, never a name or date of birth' });
type AgeBandValue = (typeof AGE_BANDS)[number];

@ObjectType('Shortlist')
export class ShortlistModel {
  @Field(() => ID) lotId!: string;
  @Field(() => [ID]) bidIds!: string[];
  @Field() reason!: string;
  @Field(() => GraphQLISODateTime) shortlistedAt!: Date;
}

@ObjectType('PanelVisit')
export class PanelVisitModel {
  @Field(() => ID) bidId!: string;
  @Field(() => AgeBandGql) ageBand!: string;
  @Field({ description: 'YYYY-MM-DD' }) visitedOn!: string;
  @Field() observations!: string;
}

@ObjectType('PanelScore')
export class PanelScoreModel {
  @Field(() => ID) bidId!: string;
  @Field(() => AgeBandGql) ageBand!: string;
  @Field(() => Int) mark!: number;
  @Field(() => Int) scaleMax!: number;
  @Field() justification!: string;
  @Field({ description: 'Whether this is your own score' }) yours!: boolean;
}

@ObjectType('PanelResult')
export class PanelResultModel {
  @Field(() => ID) bidId!: string;
  @Field(() => Float, { description: "Mean of the panel members' marks, out of 100" }) score!: number;
  @Field(() => Int) scoredBy!: number;
}

@ObjectType('EvaluationPanel', {
  description: "A tender's shortlists and youth panel work: for its commissioners, auditors and the council's youth panel; never for bidders",
})
export class EvaluationPanelModel {
  @Field(() => ID) tenderId!: string;
  @Field(() => [ShortlistModel]) shortlists!: ShortlistModel[];
  @Field(() => [PanelVisitModel]) visits!: PanelVisitModel[];
  @Field(() => [PanelScoreModel], { description: 'Panel members see only their own scores, so each scores independently' }) scores!: PanelScoreModel[];
  @Field(() => [PanelResultModel], { description: 'For commissioners and auditors' }) results!: PanelResultModel[];
}

@InputType()
export class ShortlistBidsInput {
  @Field(() => ID) @IsString() @Length(1, 64) tenderId!: string;
  @Field(() => ID) @IsString() @Length(1, 40) lotId!: string;
  @Field(() => [ID]) @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) bidIds!: string[];
  @Field() @IsString() @Length(1, 5000) reason!: string;
}

@InputType()
export class RecordPanelVisitInput {
  @Field(() => ID) @IsString() @Length(1, 64) tenderId!: string;
  @Field(() => ID) @IsString() @Length(1, 64) bidId!: string;
  @Field(() => AgeBandGql) @IsIn(AGE_BANDS) ageBand!: AgeBandValue;
  @Field({ description: 'YYYY-MM-DD' }) @Matches(/^\d{4}-\d{2}-\d{2}$/) visitedOn!: string;
  @Field({ description: 'What the panel saw' }) @IsString() @Length(1, 10000) observations!: string;
}

@InputType()
export class ScoreAsPanelMemberInput {
  @Field(() => ID) @IsString() @Length(1, 64) tenderId!: string;
  @Field(() => ID) @IsString() @Length(1, 64) bidId!: string;
  @Field(() => AgeBandGql) @IsIn(AGE_BANDS) ageBand!: AgeBandValue;
  @Field(() => Int, { description: `A whole mark from 0 to ${PANEL_SCALE.max}` }) @IsInt() @Min(0) @Max(PANEL_SCALE.max) mark!: number;
  @Field() @IsString() @Length(1, 5000) justification!: string;
}
