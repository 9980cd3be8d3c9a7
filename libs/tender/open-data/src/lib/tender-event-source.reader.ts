import { Inject, Injectable } from '@nestjs/common';
import { PROVIDER_REGISTERED_V1, type ProviderRegisteredV1Data, biddingIntegrationStreamName } from '@tendril/bidding/contracts';
import { EVENT_STORE, type EventStore, type RecordedEvent, StreamNotFoundError } from '@tendril/shared/event-store';
import { CONTRACT_CREATED_V1, type ContractCreatedV1Data, subcontractingIntegrationStreamName } from '@tendril/subcontracting/contracts';
import { planIntegrationStreamName, STRAND_RELEASED_V1, type StrandReleasedV1Data } from '@tendril/tender/contracts';
import { type TenderPublishedData, tenderStreamName } from '@tendril/tender/domain';
import type { OrganisationDetails, OrganisationDirectory, TenderEventSources } from './ocds/ocds-sources';

/** Names of organisations the event log does not name (councils come from the identity directory). The app wires an adapter. */
export abstract class OrganisationNames {
  abstract nameOf(organisationId: string): string | null;
}

const readAllOf = async (events: AsyncIterable<RecordedEvent>): Promise<RecordedEvent[]> => {
  const all: RecordedEvent[] = [];
  for await (const event of events) all.push(event);
  return all;
};

/**
 * Reads a tender's open-data sources straight from the event log (never from read models), so an export
 * is exactly what was recorded and needs no projection to have caught up.
 */
@Injectable()
export class TenderEventSourceReader {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly names: OrganisationNames,
  ) {}

  private async stream(streamName: string): Promise<RecordedEvent[]> {
    try {
      return await readAllOf(this.store.readStream(streamName));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  /** The tender's sources, or null when no tender with this id was published. */
  async sourcesOf(tenderId: string): Promise<TenderEventSources | null> {
    const tenderEvents = await this.stream(tenderStreamName(tenderId));
    const published = tenderEvents.find((event) => event.type === 'TenderPublished')?.data as TenderPublishedData | undefined;
    if (!published) return null;
    const created = await readAllOf(this.store.readAll({ filter: { eventTypes: [CONTRACT_CREATED_V1] } }));
    const contractIds = created.map((event) => event.data as ContractCreatedV1Data).filter((contract) => contract.tenderId === tenderId).map((contract) => contract.contractId);
    const contractEvents = (await Promise.all(contractIds.map((contractId) => this.stream(subcontractingIntegrationStreamName(contractId))))).flat();
    const planEvents = published.planId
      ? (await this.stream(planIntegrationStreamName(published.planId))).filter(
          (event) => event.type === STRAND_RELEASED_V1 && (event.data as StrandReleasedV1Data).strandId === published.strandId,
        )
      : [];
    return { tenderEvents, biddingEvents: await this.stream(biddingIntegrationStreamName(tenderId)), contractEvents, planEvents };
  }

  /** The tender a contract was awarded from, or null when no such contract was created. */
  async tenderOfContract(contractId: string): Promise<ContractCreatedV1Data | null> {
    const created = (await this.stream(subcontractingIntegrationStreamName(contractId))).find((event) => event.type === CONTRACT_CREATED_V1);
    return created ? (created.data as ContractCreatedV1Data) : null;
  }

  /** Registered providers with their register numbers, and every other organisation named by the identity directory. */
  async organisations(): Promise<OrganisationDirectory> {
    const directory = new Map<string, OrganisationDetails>();
    for (const event of await readAllOf(this.store.readAll({ filter: { eventTypes: [PROVIDER_REGISTERED_V1] } }))) {
      const provider = event.data as ProviderRegisteredV1Data;
      const identifiers = [
        provider.charityNumber ? { scheme: 'GB-CHC', id: provider.charityNumber } : null,
        provider.companyNumber ? { scheme: 'GB-COH', id: provider.companyNumber } : null,
        provider.schoolUrn ? { scheme: 'GB-EDU', id: provider.schoolUrn } : null,
      ].filter((identifier): identifier is { scheme: string; id: string } => identifier !== null);
      directory.set(provider.organisationId, { name: provider.name, identifiers });
    }
    return {
      get: (id: string) => {
        const registered = directory.get(id);
        if (registered) return registered;
        const name = this.names.nameOf(id);
        return name === null ? undefined : { name, identifiers: [] };
      },
    };
  }
}
