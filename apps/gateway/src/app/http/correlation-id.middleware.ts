import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Injectable, type NestMiddleware } from '@nestjs/common';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

// Accept a caller's id only if it is short and plain, so it is safe in logs and headers.
const ACCEPTABLE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export interface CorrelatedRequest extends IncomingMessage {
  correlationId?: string;
}

export const correlationIdOf = (request: CorrelatedRequest): string => {
  if (request.correlationId === undefined) {
    const offered = request.headers[CORRELATION_ID_HEADER];
    request.correlationId = typeof offered === 'string' && ACCEPTABLE_ID.test(offered) ? offered : randomUUID();
  }
  return request.correlationId;
};

/** Gives every request a correlation id (the caller's, or a new one) and echoes it in the response. */
@Injectable()
export class CorrelationIdMiddleware implements NestMiddleware {
  use(request: CorrelatedRequest, response: ServerResponse, next: () => void): void {
    response.setHeader(CORRELATION_ID_HEADER, correlationIdOf(request));
    next();
  }
}
