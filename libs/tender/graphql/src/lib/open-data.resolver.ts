import { Args, ID, Query, Resolver } from '@nestjs/graphql';
import { QueryBus } from '@nestjs/cqrs';
import { Public } from '@tendril/shared/auth';
import { type JsonObject, OcdsRecordPackageQuery, OcdsReleasePackageQuery } from '@tendril/tender/open-data';
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

/** A JSON object, returned as it is (open data packages are documents with a published schema of their own). */
export const JsonObjectScalar = new GraphQLScalarType({
  name: 'JSONObject',
  description: 'A JSON object, such as an OCDS package; its shape is described by its own schema',
  serialize: (value) => value,
  parseValue: () => {
    throw new GraphQLError('JSONObject is an output type only');
  },
  parseLiteral: (ast) => {
    throw new GraphQLError(`JSONObject is an output type only (got a ${ast.kind === Kind.OBJECT ? 'literal object' : ast.kind})`);
  },
});

/** Open data: public, read straight from the event log, and holding only what has been published. */
@Resolver()
export class OpenDataResolver {
  constructor(private readonly queries: QueryBus) {}

  @Public()
  @Query(() => JsonObjectScalar, {
    description: 'The tender as an OCDS 1.1.5 release package: one release per published fact. Public; tenderers appear only after the deadline',
  })
  ocdsReleasePackage(@Args('tenderId', { type: () => ID }) tenderId: string): Promise<JsonObject> {
    return this.queries.execute<OcdsReleasePackageQuery, JsonObject>(new OcdsReleasePackageQuery(tenderId));
  }

  @Public()
  @Query(() => JsonObjectScalar, { description: 'The tender as an OCDS 1.1.5 record package: its releases linked, and the compiled release. Public' })
  ocdsRecordPackage(@Args('tenderId', { type: () => ID }) tenderId: string): Promise<JsonObject> {
    return this.queries.execute<OcdsRecordPackageQuery, JsonObject>(new OcdsRecordPackageQuery(tenderId));
  }
}
