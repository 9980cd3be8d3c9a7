import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock, handleCommand, TENDRIL_EVENT_ID_NAMESPACE, uuidV5 } from '@tendril/shared/ddd';
import { type Actor, EVENT_STORE, type EventStore, type RecordedEvent } from '@tendril/shared/event-store';
import { contractDecider, contractStreamName } from '@tendril/subcontracting/domain';
import { isTenderIntegrationEvent, LOT_AWARDED_V1, TENDER_INTEGRATION_STREAM_PREFIX } from '@tendril/tender/contracts';
import { SupplyChainFacts } from './supply-chain-facts.port';

export const SUBCONTRACTING_SYSTEM_ACTOR: Actor = { userId: 'system:subcontracting-reactions', role: 'system', organisationId: null };

/** One contract per awarded lot: its id is derived from the lot, so a redelivered award creates nothing new. */
export const contractIdForLot = (tenderId: string, lotId: string): string =>
  uuidV5(`contract:${tenderId}:${lotId}`, TENDRIL_EVENT_ID_NAMESPACE);

/** A final award in the tender context creates the contract here, through the event store only. */
@Injectable()
export class SubcontractingReactions {
  readonly name = 'contracts-from-awards';
  readonly filter = { streamPrefixes: [TENDER_INTEGRATION_STREAM_PREFIX] };

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly facts: SupplyChainFacts,
  ) {}

  async react(event: RecordedEvent): Promise<void> {
    if (!isTenderIntegrationEvent(event) || event.type !== LOT_AWARDED_V1) return;
    const award = event.data;
    const contractId = contractIdForLot(award.tenderId, award.lotId);
    const strandId = award.strandId ?? null;
    // The plan released the strand (with its outcomes framework) before it was tendered, so the framework is here by the award.
    const outcomeFramework = strandId
      ? await this.facts.strandFramework({ planId: award.planId ?? null, strandId, commissionerOrganisationId: award.organisationId })
      : null;
    await handleCommand({
      store: this.store,
      streamName: contractStreamName(contractId),
      decider: contractDecider,
      command: {
        type: 'CreateContract',
        data: {
          contractId,
          tenderId: award.tenderId,
          lotId: award.lotId,
          bidId: award.bidId,
          commissionerOrganisationId: award.organisationId,
          primeOrganisationId: award.supplierOrganisationId,
          valuePence: award.valuePence,
          startDate: award.contractStartDate,
          endDate: award.contractEndDate,
          paymentTermsDays: award.paymentTermsDays,
          strandId,
          outcomeFramework,
        },
        metadata: {
          now: this.clock.now(),
          actor: SUBCONTRACTING_SYSTEM_ACTOR,
          correlationId: event.metadata.correlationId,
          causationId: event.metadata.eventId,
          idempotencyKey: `reaction:${event.metadata.eventId}`,
        },
      },
    });
  }
}
