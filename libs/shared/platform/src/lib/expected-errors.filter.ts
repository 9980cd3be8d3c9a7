import { Catch, type ExceptionFilter } from '@nestjs/common';
import { DomainRuleBroken } from '@tendril/shared/ddd';
import { EventStoreError } from '@tendril/shared/event-store';
import { GraphQLError } from 'graphql';

/**
 * Refusals people cause (a broken rule, a stale revision, a missing sign-in) are answers, not faults:
 * hand them to GraphQL as they are, so Nest does not log each one as an error with a stack trace.
 * Anything else still reaches Nest's handler and formatGraphqlError, which log and mask it.
 */
@Catch(DomainRuleBroken, EventStoreError, GraphQLError)
export class ExpectedErrorsFilter implements ExceptionFilter {
  catch(exception: DomainRuleBroken | EventStoreError | GraphQLError): DomainRuleBroken | EventStoreError | GraphQLError {
    return exception;
  }
}
