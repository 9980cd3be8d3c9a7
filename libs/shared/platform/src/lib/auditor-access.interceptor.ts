import { type CallHandler, type ExecutionContext, Inject, Injectable, Logger, type NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import { requestFromContext } from '@tendril/shared/auth';
import { CLOCK, type Clock } from '@tendril/shared/ddd';
import { EVENT_STORE, type EventStore } from '@tendril/shared/event-store';
import type { Request } from 'express';
import type { GraphQLResolveInfo } from 'graphql';
import type { Observable } from 'rxjs';
import { recordAuditorQuery } from './auditor-access-log';
import { correlationIdOf } from './command-gateway';
import { ApiError } from './graphql-errors';
import { PLATFORM_CONFIG, type PlatformConfig } from './platform-config';

const logger = new Logger('AuditorAccessLog');

/**
 * Records every query an auditor makes in the access log before the service answers it. If the record
 * cannot be made durable, the read is refused: an auditor read that leaves no trace must not happen.
 * Registered for every resolver by PlatformModule; mutations are not reads (auditors may not make any),
 * and nobody else's reads are recorded.
 */
@Injectable()
export class AuditorAccessInterceptor implements NestInterceptor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: Pick<EventStore, 'appendToStream'>,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) private readonly config: Pick<PlatformConfig, 'serviceName'>,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    if (context.getType<GqlContextType>() !== 'graphql') return next.handle();
    const graphql = GqlExecutionContext.create(context);
    const info = graphql.getInfo<GraphQLResolveInfo | undefined>();
    if (info?.parentType?.name !== 'Query') return next.handle();
    const user = requestFromContext(context)?.user;
    if (user?.role !== 'auditor') return next.handle();
    try {
      await recordAuditorQuery(this.store, {
        service: this.config.serviceName,
        field: info.fieldName,
        operationName: info.operation?.name?.value ?? null,
        args: graphql.getArgs<Record<string, unknown>>() ?? {},
        actor: { userId: user.userId, role: user.role, organisationId: user.organisationId },
        correlationId: correlationIdOf(graphql.getContext<{ req?: Request }>().req),
        now: this.clock.now(),
      });
    } catch (error) {
      logger.error(`Refused ${info.fieldName} for auditor ${user.userId}: the access log did not record it (${error instanceof Error ? error.message : String(error)})`);
      throw new ApiError('AUDIT_ACCESS_NOT_RECORDED', 'Your query could not be recorded in the auditors’ access log, so it was not answered. Try again shortly.');
    }
    return next.handle();
  }
}
