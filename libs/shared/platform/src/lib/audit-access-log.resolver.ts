import { Inject } from '@nestjs/common';
import { Args, Directive, Field, GraphQLISODateTime, ID, Int, ObjectType, Query, Resolver } from '@nestjs/graphql';
import { Roles } from '@tendril/shared/auth';
import { EVENT_STORE, type EventStore } from '@tendril/shared/event-store';
import { type AccessLogEntry, type AccessLogPage, readAccessLog } from './auditor-access-log';
import { ApiError } from './graphql-errors';

// Every service loads this library, so each subgraph declares these value types: identical, hence shareable.
@Directive('@shareable')
@ObjectType('AuditAccessEntry', { description: 'One query an auditor made: who, when, what they asked for, about which records' })
export class AuditAccessEntryModel {
  @Field(() => ID) accessId!: string;
  @Field({ description: 'Log position: the record is hash-chained with every other event' }) position!: string;
  @Field(() => ID) userId!: string;
  @Field() role!: string;
  @Field(() => ID, { nullable: true }) organisationId!: string | null;
  @Field({ description: 'The service that answered' }) service!: string;
  @Field({ description: 'The query field asked for' }) field!: string;
  @Field(() => String, { nullable: true, description: "The client's operation name, if it sent one" }) operationName!: string | null;
  @Field({ description: 'The arguments as JSON, sensitive values elided' }) argumentsJson!: string;
  @Field(() => [ID], { description: 'The records the query named' }) entityIds!: string[];
  @Field(() => GraphQLISODateTime) requestedAt!: Date;
  @Field() correlationId!: string;
}

@Directive('@shareable')
@ObjectType('AuditAccessLogConnection')
export class AuditAccessLogConnectionModel {
  @Field(() => [AuditAccessEntryModel]) nodes!: AuditAccessEntryModel[];
  @Field(() => String, { nullable: true }) endCursor!: string | null;
  @Field() hasNextPage!: boolean;
}

const toModel = (entry: AccessLogEntry): AuditAccessEntryModel => ({
  accessId: entry.accessId,
  position: String(entry.position),
  userId: entry.actor.userId,
  role: entry.actor.role,
  organisationId: entry.actor.organisationId,
  service: entry.service,
  field: entry.field,
  operationName: entry.operationName,
  argumentsJson: JSON.stringify(entry.arguments),
  entityIds: [...entry.entityIds],
  requestedAt: new Date(entry.requestedAt),
  correlationId: entry.correlationId,
});

/** Served by one service (the log is global): read-only, there is no mutation of the access log. */
@Resolver()
export class AuditAccessLogResolver {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  @Query(() => AuditAccessLogConnectionModel, { description: "The auditors' access log, newest first: every query an auditor made (auditors and admins)" })
  @Roles('auditor', 'admin')
  async auditAccessLog(
    @Args('userId', { type: () => ID, nullable: true }) userId: string | null,
    @Args('field', { type: () => String, nullable: true, description: 'Only queries of this field, e.g. tenderAsOf' }) field: string | null,
    @Args('entityId', { type: () => ID, nullable: true, description: 'Only queries that named this record' }) entityId: string | null,
    @Args('service', { type: () => String, nullable: true }) service: string | null,
    @Args('from', { type: () => GraphQLISODateTime, nullable: true }) from: Date | null,
    @Args('to', { type: () => GraphQLISODateTime, nullable: true }) to: Date | null,
    @Args('first', { type: () => Int, defaultValue: 50 }) first: number,
    @Args('after', { type: () => String, nullable: true }) after: string | null,
  ): Promise<AuditAccessLogConnectionModel> {
    let page: AccessLogPage;
    try {
      page = await readAccessLog(
        this.store,
        {
          ...(userId ? { userId } : {}),
          ...(field ? { field } : {}),
          ...(entityId ? { entityId } : {}),
          ...(service ? { service } : {}),
          ...(from ? { from } : {}),
          ...(to ? { to } : {}),
        },
        { first, after: after ?? null },
      );
    } catch (error) {
      if (error instanceof RangeError) throw new ApiError('BAD_USER_INPUT', error.message);
      throw error;
    }
    return { nodes: page.entries.map(toModel), endCursor: page.endCursor, hasNextPage: page.hasNextPage };
  }
}

