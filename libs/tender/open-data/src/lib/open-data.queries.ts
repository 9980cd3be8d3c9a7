import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock, DomainRuleBroken } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import type { JsonObject } from './ocds/ocds-merge';
import { buildOcdsRecordPackage, buildOcdsReleasePackage, type OcdsPackageOptions } from './ocds/ocds-packages';
import type { OcdsPublisher } from './ocds/ocds-releases';
import type { TenderEventSources } from './ocds/ocds-sources';
import { TenderEventSourceReader } from './tender-event-source.reader';
import { contractTrail, tenderTrail, trailCsv } from './trail/trail';

/** How this installation publishes open data. */
export interface OpenDataConfig {
  readonly publisher: OcdsPublisher;
  /** Absolute base of the public download routes, e.g. `https://tendril.example/open-data`. */
  readonly baseUri: string;
}

export const OPEN_DATA_CONFIG = Symbol.for('tendril.OpenDataConfig');

export class OcdsReleasePackageQuery {
  constructor(readonly tenderId: string) {}
}

export class OcdsRecordPackageQuery {
  constructor(readonly tenderId: string) {}
}

/** A downloadable file: its suggested name and content. */
export interface Download {
  readonly filename: string;
  readonly content: string;
}

export class TenderTrailCsvQuery {
  constructor(
    readonly tenderId: string,
    readonly reader: Actor,
  ) {}
}

export class ContractTrailCsvQuery {
  constructor(
    readonly contractId: string,
    readonly reader: Actor,
  ) {}
}

const tenderNotFound = (tenderId: string) => new DomainRuleBroken('TENDER_NOT_FOUND', `No tender ${tenderId} exists`, { tenderId });

/** Auditors and admins read every trail; a commissioner reads the trails of their own council's tenders and contracts. */
const mayReadTrailOf = (reader: Actor, councilOrganisationId: string): boolean =>
  reader.role === 'auditor' || reader.role === 'admin' || (reader.role === 'commissioner' && reader.organisationId === councilOrganisationId);

const councilOf = (sources: TenderEventSources): string => {
  const published = sources.tenderEvents.find((event) => event.type === 'TenderPublished');
  return String((published?.data as { organisationId?: unknown } | undefined)?.organisationId ?? '');
};

abstract class OpenDataHandler {
  constructor(
    protected readonly reader: TenderEventSourceReader,
    @Inject(CLOCK) protected readonly clock: Clock,
    @Inject(OPEN_DATA_CONFIG) protected readonly config: OpenDataConfig,
  ) {}

  protected async sources(tenderId: string): Promise<TenderEventSources> {
    const sources = await this.reader.sourcesOf(tenderId);
    if (sources === null) throw tenderNotFound(tenderId);
    return sources;
  }

  protected async packageOptions(): Promise<OcdsPackageOptions> {
    return { publisher: this.config.publisher, baseUri: this.config.baseUri, organisations: await this.reader.organisations(), asOf: this.clock.now().toISOString() };
  }
}

/** Open data: anyone may read it; what it holds is only what has been published (tenderers after the deadline). */
@QueryHandler(OcdsReleasePackageQuery)
export class OcdsReleasePackageHandler extends OpenDataHandler implements IQueryHandler<OcdsReleasePackageQuery, JsonObject> {
  async execute({ tenderId }: OcdsReleasePackageQuery): Promise<JsonObject> {
    const pkg = buildOcdsReleasePackage(tenderId, await this.sources(tenderId), await this.packageOptions());
    if (pkg === null) throw tenderNotFound(tenderId);
    return pkg;
  }
}

@QueryHandler(OcdsRecordPackageQuery)
export class OcdsRecordPackageHandler extends OpenDataHandler implements IQueryHandler<OcdsRecordPackageQuery, JsonObject> {
  async execute({ tenderId }: OcdsRecordPackageQuery): Promise<JsonObject> {
    const pkg = buildOcdsRecordPackage(tenderId, await this.sources(tenderId), await this.packageOptions());
    if (pkg === null) throw tenderNotFound(tenderId);
    return pkg;
  }
}

const stamp = (now: string) => now.replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z');

@QueryHandler(TenderTrailCsvQuery)
export class TenderTrailCsvHandler extends OpenDataHandler implements IQueryHandler<TenderTrailCsvQuery, Download> {
  async execute({ tenderId, reader }: TenderTrailCsvQuery): Promise<Download> {
    const sources = await this.sources(tenderId);
    if (!mayReadTrailOf(reader, councilOf(sources))) {
      throw new DomainRuleBroken('NOT_ALLOWED_TO_READ_TENDER_HISTORY', "Only auditors and the tender's own commissioners may read its history", { tenderId });
    }
    return { filename: `tender-${tenderId}-trail-${stamp(this.clock.now().toISOString())}.csv`, content: trailCsv(tenderTrail(sources)) };
  }
}

@QueryHandler(ContractTrailCsvQuery)
export class ContractTrailCsvHandler extends OpenDataHandler implements IQueryHandler<ContractTrailCsvQuery, Download> {
  async execute({ contractId, reader }: ContractTrailCsvQuery): Promise<Download> {
    const contract = await this.reader.tenderOfContract(contractId);
    if (contract === null) throw new DomainRuleBroken('CONTRACT_NOT_FOUND', `No contract ${contractId} exists`, { contractId });
    if (!mayReadTrailOf(reader, contract.commissionerOrganisationId)) {
      throw new DomainRuleBroken('NOT_ALLOWED_TO_READ_CONTRACT_HISTORY', "Only auditors and the contract's own commissioners may read its history", { contractId });
    }
    const sources = await this.sources(contract.tenderId);
    return { filename: `contract-${contractId}-trail-${stamp(this.clock.now().toISOString())}.csv`, content: trailCsv(contractTrail(contractId, sources)) };
  }
}

export const OPEN_DATA_QUERY_HANDLERS = [OcdsReleasePackageHandler, OcdsRecordPackageHandler, TenderTrailCsvHandler, ContractTrailCsvHandler];
