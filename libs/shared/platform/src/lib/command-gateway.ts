import { Injectable } from '@nestjs/common';
import { CommandBus, type ICommand } from '@nestjs/cqrs';
import type { RequestContext } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import type { Request } from 'express';
import { randomUUID } from 'node:crypto';
import { IdempotencyService } from './idempotency.service';

export interface MutationRequest {
  readonly operation: string;
  readonly idempotencyKey: string;
  readonly actor: Actor;
  readonly input: unknown;
  readonly req?: Request;
}

// Same rule as the gateway's, so the id it forwards is the one every service logs and records.
const CORRELATION_HEADER = 'x-correlation-id';

export const correlationIdOf = (req: Request | undefined): string => {
  const header = req?.headers[CORRELATION_HEADER];
  const value = Array.isArray(header) ? header[0] : header;
  return value && /^[A-Za-z0-9._:-]{1,128}$/.test(value) ? value : randomUUID();
};

/**
 * The one way a resolver sends a command: under the caller's idempotency key (a retry returns the
 * first result and writes nothing), with the actor and correlation id every event records.
 */
@Injectable()
export class CommandGateway {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly idempotency: IdempotencyService,
  ) {}

  send<TResult>(request: MutationRequest, build: (context: RequestContext) => ICommand): Promise<TResult> {
    const correlationId = correlationIdOf(request.req);
    return this.idempotency.execute(
      { idempotencyKey: request.idempotencyKey, actor: request.actor, operation: request.operation, input: request.input },
      (idempotencySeed) => this.commandBus.execute<ICommand, TResult>(build({ actor: request.actor, correlationId, idempotencySeed })),
    );
  }
}
