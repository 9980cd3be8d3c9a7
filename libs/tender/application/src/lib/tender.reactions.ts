import { Inject, Injectable, Logger } from '@nestjs/common';
import { BIDDING_INTEGRATION_STREAM_PREFIX, BIDS_OPENED_V1, EVALUATION_COMPLETED_V1, isBiddingIntegrationEvent } from '@tendril/bidding/contracts';
import { CLOCK, type Clock, type CommandMetadata, DomainRuleBroken, handleCommand, TENDRIL_EVENT_ID_NAMESPACE, uuidV5 } from '@tendril/shared/ddd';
import { type Actor, EVENT_STORE, type EventStore, type RecordedEvent } from '@tendril/shared/event-store';
import {
  isSubcontractingIntegrationEvent,
  STRAND_DECOMMISSIONED_V1,
  type StrandDecommissionedV1Data,
  SUBCONTRACTING_INTEGRATION_STREAM_PREFIX,
} from '@tendril/subcontracting/contracts';
import { type TenderCommand, tenderDecider, tenderStreamName } from '@tendril/tender/domain';
import { loadTenderState } from './tender-command.handlers';

export const TENDER_SYSTEM_ACTOR: Actor = { userId: 'system:tender-reactions', role: 'system', organisationId: null };

/** One re-tender per decommissioning: its id is derived from the case, so a redelivered event drafts nothing new. */
export const retenderIdFor = (decommissioned: Pick<StrandDecommissionedV1Data, 'contractId' | 'caseId'>): string =>
  uuidV5(`retender:${decommissioned.contractId}:${decommissioned.caseId}`, TENDRIL_EVENT_ID_NAMESPACE);

/**
 * The tender context follows the facts other contexts publish: bids opened at the deadline put the tender
 * under evaluation, a completed evaluation puts a lot in its final stage, and a decommissioned strand
 * becomes a draft re-tender. Commands are keyed by the event they react to, so redelivery changes nothing.
 */
@Injectable()
export class TenderReactions {
  readonly name = 'tender-follows-bidding-and-contracts';
  readonly filter = { streamPrefixes: [BIDDING_INTEGRATION_STREAM_PREFIX, SUBCONTRACTING_INTEGRATION_STREAM_PREFIX] };
  private readonly logger = new Logger('TenderReactions');

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async react(event: RecordedEvent): Promise<void> {
    if (isBiddingIntegrationEvent(event)) {
      if (event.type === BIDS_OPENED_V1) {
        const { tenderId, bids, openedAt } = event.data;
        return this.tender(event, tenderId, { type: 'RecordBidsOpened', data: { tenderId, bids, openedAt } });
      }
      if (event.type === EVALUATION_COMPLETED_V1) {
        const { tenderId, lotId, winner, evidenceRefs, completedAt } = event.data;
        return this.tender(event, tenderId, {
          type: 'RecordLotEvaluation',
          data: { tenderId, lotId, winnerBidId: winner.bidId, winnerOrganisationId: winner.supplierOrganisationId, evidenceRefs, completedAt },
        });
      }
      return;
    }
    if (isSubcontractingIntegrationEvent(event) && event.type === STRAND_DECOMMISSIONED_V1) {
      return this.draftRetender(event, event.data);
    }
  }

  private async draftRetender(cause: RecordedEvent, decommissioned: StrandDecommissionedV1Data): Promise<void> {
    const previous = await loadTenderState(this.store, decommissioned.tenderId);
    if (previous.status === 'none' || !previous.published) {
      this.logger.warn(`Contract ${decommissioned.contractId} was decommissioned, but its tender ${decommissioned.tenderId} is unknown here; no re-tender drafted`);
      return;
    }
    const lot = previous.lots.find((candidate) => candidate.lotId === decommissioned.lotId);
    if (!lot) {
      this.logger.warn(`Contract ${decommissioned.contractId} names lot ${decommissioned.lotId}, which tender ${decommissioned.tenderId} does not have`);
      return;
    }
    const tenderId = retenderIdFor(decommissioned);
    await this.tender(cause, tenderId, {
      type: 'DraftRetender',
      data: {
        tenderId,
        previousTenderId: previous.tenderId,
        lotId: lot.lotId,
        valuePence: decommissioned.valuePence,
        reason: decommissioned.rationale,
        previous: {
          organisationId: previous.organisationId,
          title: previous.title,
          description: previous.description,
          category: previous.category,
          lot: {
            lotId: lot.lotId,
            title: lot.title,
            estimatedValuePence: lot.estimatedValuePence,
            ...(lot.strandId ? { strandId: lot.strandId } : {}),
            ...(lot.area ? { area: lot.area } : {}),
          },
          criteria: previous.criteria,
          planId: previous.planId,
          strandId: previous.strandId,
          area: previous.area,
          lightTouchRegime: previous.lightTouchRegime,
          suitableForVcse: previous.suitableForVcse,
          reservedParticipation: previous.reservedParticipation,
          documents: previous.documentDetails,
        },
      },
    });
  }

  private async tender(cause: RecordedEvent, tenderId: string, command: Pick<TenderCommand, 'type' | 'data'>): Promise<void> {
    try {
      await handleCommand({
        store: this.store,
        streamName: tenderStreamName(tenderId),
        decider: tenderDecider,
        command: { ...command, metadata: this.metadata(cause) } as TenderCommand,
      });
    } catch (error) {
      // A fact that no longer applies (a cancelled tender, a lot already in standstill) is recorded nowhere; the
      // reaction moves on rather than stopping every later event behind it.
      if (error instanceof DomainRuleBroken) {
        this.logger.warn(`${cause.type} for tender ${tenderId} not applied: ${error.code} (${error.message})`);
        return;
      }
      throw error;
    }
  }

  private metadata(cause: RecordedEvent): CommandMetadata {
    return {
      now: this.clock.now(),
      actor: TENDER_SYSTEM_ACTOR,
      correlationId: cause.metadata.correlationId,
      causationId: cause.metadata.eventId,
      idempotencyKey: `reaction:${cause.metadata.eventId}`,
    };
  }
}
