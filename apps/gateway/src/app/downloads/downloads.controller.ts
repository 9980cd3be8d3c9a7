import { Controller, Get, Inject, Param, Req, Res } from '@nestjs/common';
import { Public, Roles } from '@tendril/shared/auth';
import type { Request, Response } from 'express';
import type { GatewayConfig } from '../gateway-config';
import { GATEWAY_CONFIG } from '../gateway-config.module';
import { CORRELATION_ID_HEADER, correlationIdOf } from '../http/correlation-id.middleware';

// What a download's answer may carry back to the caller from the subgraph.
const FORWARDED_HEADERS = ['content-type', 'content-disposition', 'cache-control'];

/**
 * File downloads the tender service serves over plain HTTP, forwarded with the caller's bearer token and
 * correlation id. The gateway checks the token and role first; the service decides what the caller may read.
 */
@Controller()
export class DownloadsController {
  private readonly tenderBase: URL;

  constructor(@Inject(GATEWAY_CONFIG) config: GatewayConfig) {
    const tender = config.subgraphs.find((subgraph) => subgraph.name === 'tender');
    if (!tender) throw new Error('The gateway has no tender subgraph to download from');
    this.tenderBase = new URL('/', tender.url);
  }

  private async forward(path: string, request: Request, response: Response): Promise<void> {
    const headers: Record<string, string> = { [CORRELATION_ID_HEADER]: correlationIdOf(request) };
    if (typeof request.headers.authorization === 'string') headers['authorization'] = request.headers.authorization;
    let answer: globalThis.Response;
    try {
      answer = await fetch(new URL(path, this.tenderBase), { headers, signal: AbortSignal.timeout(30_000) });
    } catch {
      response.status(503).json({ statusCode: 503, error: 'Service Unavailable', code: 'SUBGRAPH_UNAVAILABLE', message: 'The tender service cannot be reached. Try again shortly.' });
      return;
    }
    response.status(answer.status);
    for (const name of FORWARDED_HEADERS) {
      const value = answer.headers.get(name);
      if (value !== null) response.setHeader(name, value);
    }
    response.send(Buffer.from(await answer.arrayBuffer()));
  }

  @Public()
  @Get('open-data/tenders/:tenderId/:file')
  async openData(@Param('tenderId') tenderId: string, @Param('file') file: string, @Req() request: Request, @Res() response: Response) {
    if (file !== 'ocds-release-package.json' && file !== 'ocds-record-package.json') {
      response.status(404).json({ statusCode: 404, error: 'Not Found', code: 'NOT_FOUND', message: 'Download ocds-release-package.json or ocds-record-package.json.' });
      return;
    }
    await this.forward(`/open-data/tenders/${encodeURIComponent(tenderId)}/${file}`, request, response);
  }

  @Roles('auditor', 'commissioner', 'admin')
  @Get('audit/tenders/:tenderId/trail.csv')
  async tenderTrail(@Param('tenderId') tenderId: string, @Req() request: Request, @Res() response: Response) {
    await this.forward(`/audit/tenders/${encodeURIComponent(tenderId)}/trail.csv`, request, response);
  }

  @Roles('auditor', 'commissioner', 'admin')
  @Get('audit/contracts/:contractId/trail.csv')
  async contractTrail(@Param('contractId') contractId: string, @Req() request: Request, @Res() response: Response) {
    await this.forward(`/audit/contracts/${encodeURIComponent(contractId)}/trail.csv`, request, response);
  }
}
