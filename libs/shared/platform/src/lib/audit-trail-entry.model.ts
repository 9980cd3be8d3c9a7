import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import type { AuditTrailEntry } from '@tendril/shared/ddd';

/**
 * The fields of one event in an auditor's trail. Each context names its own type (TenderTrailEntry,
 * BidTrailEntry...) by extending this, so no two subgraphs define the same GraphQL type.
 */
@ObjectType({ isAbstract: true })
export abstract class AuditTrailEntryFields {
  @Field({ description: 'Position in the global, hash-chained event log' }) position!: string;
  @Field() streamName!: string;
  @Field(() => Int) revision!: number;
  @Field() eventType!: string;
  @Field(() => GraphQLISODateTime, { description: 'When it happened' }) occurredAt!: Date;
  @Field(() => GraphQLISODateTime, { description: 'When the log recorded it' }) recordedAt!: Date;
  @Field(() => ID) actorUserId!: string;
  @Field() actorRole!: string;
  @Field(() => ID, { nullable: true }) actorOrganisationId!: string | null;
  @Field() correlationId!: string;
  @Field(() => String, { nullable: true, description: 'The reason, rationale or justification the event records' }) reason!: string | null;
  @Field(() => [String], { description: 'Evidence the event cites' }) evidenceRefs!: string[];
}

export const toAuditTrailFields = (entry: AuditTrailEntry): AuditTrailEntryFields => ({
  position: String(entry.position),
  streamName: entry.streamName,
  revision: entry.revision,
  eventType: entry.eventType,
  occurredAt: new Date(entry.occurredAt),
  recordedAt: new Date(entry.recordedAt),
  actorUserId: entry.actor.userId,
  actorRole: entry.actor.role,
  actorOrganisationId: entry.actor.organisationId,
  correlationId: entry.correlationId,
  reason: entry.reason,
  evidenceRefs: [...entry.evidenceRefs],
});
