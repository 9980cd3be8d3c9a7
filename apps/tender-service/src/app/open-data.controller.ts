import { Controller, ForbiddenException, Get, HttpException, Inject, Logger, NotFoundException, Param, Req, Res, ServiceUnavailableException } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { type AuthenticatedUser, CurrentActor, CurrentUser, Public, Roles } from '@tendril/shared/auth';
import { CLOCK, type Clock, DomainRuleBroken } from '@tendril/shared/ddd';
import { type Actor, EVENT_STORE, type EventStore, EventStoreError } from '@tendril/shared/event-store';
import { correlationIdOf, PLATFORM_CONFIG, type PlatformConfig, recordAuditorQuery } from '@tendril/shared/platform';
import {
  ContractTrailCsvQuery,
  type Download,
  type JsonObject,
  OcdsRecordPackageQuery,
  OcdsReleasePackageQuery,
  TenderTrailCsvQuery,
} from '@tendril/tender/open-data';
import type { Request, Response } from 'express';

const logger = new Logger('AuditorAccessLog');

// The platform's GraphQL error filter hands these errors back as they are, which suits GraphQL only: over
// plain HTTP they become statuses with the same codes and messages.
const asHttpError = (error: unknown): unknown => {
  if (error instanceof EventStoreError) {
    return new ServiceUnavailableException({ statusCode: 503, error: 'Service Unavailable', code: 'EVENT_STORE_UNAVAILABLE', message: 'The event log cannot be read just now. Try again shortly.' });
  }
  if (!(error instanceof DomainRuleBroken)) return error;
  const body = { code: error.code, message: error.message };
  if (error.code.endsWith('_NOT_FOUND')) return new NotFoundException({ statusCode: 404, error: 'Not Found', ...body });
  if (error.code.startsWith('NOT_ALLOWED_')) return new ForbiddenException({ statusCode: 403, error: 'Forbidden', ...body });
  return new HttpException({ statusCode: 422, error: 'Unprocessable Entity', ...body }, 422);
};

const attachment = (response: Response, filename: string, contentType: string) => {
  response.setHeader('content-type', contentType);
  response.setHeader('content-disposition', `attachment; filename="${filename.replace(/[^A-Za-z0-9._-]/g, '_')}"`);
  response.setHeader('cache-control', 'no-store');
};

/**
 * Downloads over plain HTTP (the gateway forwards them): OCDS packages as `.json` files for anyone, and
 * trails as CSV for auditors and the council's own commissioners.
 */
@Controller()
export class OpenDataController {
  constructor(
    private readonly queries: QueryBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PLATFORM_CONFIG) private readonly config: PlatformConfig,
  ) {}

  /** An auditor's download is a read like any other: recorded in the access log before it is answered (ADR 0018). */
  private async recordIfAuditor(user: AuthenticatedUser | null, download: string, args: Record<string, string>, request: Request): Promise<void> {
    if (user?.role !== 'auditor') return;
    try {
      await recordAuditorQuery(this.store, {
        service: this.config.serviceName,
        field: download,
        operationName: null,
        args,
        actor: { userId: user.userId, role: user.role, organisationId: user.organisationId },
        correlationId: correlationIdOf(request),
        now: this.clock.now(),
      });
    } catch (error) {
      logger.error(`Refused ${download} for auditor ${user.userId}: the access log did not record it (${error instanceof Error ? error.message : String(error)})`);
      throw new ServiceUnavailableException({
        statusCode: 503,
        error: 'Service Unavailable',
        code: 'AUDIT_ACCESS_NOT_RECORDED',
        message: 'Your download could not be recorded in the auditors’ access log, so it was not answered. Try again shortly.',
      });
    }
  }

  private async run<T>(query: object): Promise<T> {
    try {
      return await this.queries.execute<object, T>(query);
    } catch (error) {
      throw asHttpError(error);
    }
  }

  @Public()
  @Get('open-data/tenders/:tenderId/ocds-release-package.json')
  async releasePackage(
    @Param('tenderId') tenderId: string,
    @CurrentUser({ optional: true }) user: AuthenticatedUser | null,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<JsonObject> {
    await this.recordIfAuditor(user, 'download:ocds-release-package.json', { tenderId }, request);
    const pkg = await this.run<JsonObject>(new OcdsReleasePackageQuery(tenderId));
    attachment(response, `ocds-release-package-${tenderId}.json`, 'application/json; charset=utf-8');
    return pkg;
  }

  @Public()
  @Get('open-data/tenders/:tenderId/ocds-record-package.json')
  async recordPackage(
    @Param('tenderId') tenderId: string,
    @CurrentUser({ optional: true }) user: AuthenticatedUser | null,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<JsonObject> {
    await this.recordIfAuditor(user, 'download:ocds-record-package.json', { tenderId }, request);
    const pkg = await this.run<JsonObject>(new OcdsRecordPackageQuery(tenderId));
    attachment(response, `ocds-record-package-${tenderId}.json`, 'application/json; charset=utf-8');
    return pkg;
  }

  @Roles('auditor', 'commissioner', 'admin')
  @Get('audit/tenders/:tenderId/trail.csv')
  async tenderTrail(
    @Param('tenderId') tenderId: string,
    @CurrentActor() actor: Actor,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    await this.recordIfAuditor(user, 'download:tender-trail.csv', { tenderId }, request);
    const download = await this.run<Download>(new TenderTrailCsvQuery(tenderId, actor));
    attachment(response, download.filename, 'text/csv; charset=utf-8; header=present');
    return download.content;
  }

  @Roles('auditor', 'commissioner', 'admin')
  @Get('audit/contracts/:contractId/trail.csv')
  async contractTrail(
    @Param('contractId') contractId: string,
    @CurrentActor() actor: Actor,
    @CurrentUser() user: AuthenticatedUser,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<string> {
    await this.recordIfAuditor(user, 'download:contract-trail.csv', { contractId }, request);
    const download = await this.run<Download>(new ContractTrailCsvQuery(contractId, actor));
    attachment(response, download.filename, 'text/csv; charset=utf-8; header=present');
    return download.content;
  }
}
