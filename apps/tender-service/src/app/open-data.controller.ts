import { Controller, ForbiddenException, Get, HttpException, NotFoundException, Param, Res, ServiceUnavailableException } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { CurrentActor, Public, Roles } from '@tendril/shared/auth';
import { DomainRuleBroken } from '@tendril/shared/ddd';
import { type Actor, EventStoreError } from '@tendril/shared/event-store';
import {
  ContractTrailCsvQuery,
  type Download,
  type JsonObject,
  OcdsRecordPackageQuery,
  OcdsReleasePackageQuery,
  TenderTrailCsvQuery,
} from '@tendril/tender/open-data';
import type { Response } from 'express';

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
  constructor(private readonly queries: QueryBus) {}

  private async run<T>(query: object): Promise<T> {
    try {
      return await this.queries.execute<object, T>(query);
    } catch (error) {
      throw asHttpError(error);
    }
  }

  @Public()
  @Get('open-data/tenders/:tenderId/ocds-release-package.json')
  async releasePackage(@Param('tenderId') tenderId: string, @Res({ passthrough: true }) response: Response): Promise<JsonObject> {
    const pkg = await this.run<JsonObject>(new OcdsReleasePackageQuery(tenderId));
    attachment(response, `ocds-release-package-${tenderId}.json`, 'application/json; charset=utf-8');
    return pkg;
  }

  @Public()
  @Get('open-data/tenders/:tenderId/ocds-record-package.json')
  async recordPackage(@Param('tenderId') tenderId: string, @Res({ passthrough: true }) response: Response): Promise<JsonObject> {
    const pkg = await this.run<JsonObject>(new OcdsRecordPackageQuery(tenderId));
    attachment(response, `ocds-record-package-${tenderId}.json`, 'application/json; charset=utf-8');
    return pkg;
  }

  @Roles('auditor', 'commissioner', 'admin')
  @Get('audit/tenders/:tenderId/trail.csv')
  async tenderTrail(@Param('tenderId') tenderId: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response): Promise<string> {
    const download = await this.run<Download>(new TenderTrailCsvQuery(tenderId, actor));
    attachment(response, download.filename, 'text/csv; charset=utf-8; header=present');
    return download.content;
  }

  @Roles('auditor', 'commissioner', 'admin')
  @Get('audit/contracts/:contractId/trail.csv')
  async contractTrail(@Param('contractId') contractId: string, @CurrentActor() actor: Actor, @Res({ passthrough: true }) response: Response): Promise<string> {
    const download = await this.run<Download>(new ContractTrailCsvQuery(contractId, actor));
    attachment(response, download.filename, 'text/csv; charset=utf-8; header=present');
    return download.content;
  }
}
