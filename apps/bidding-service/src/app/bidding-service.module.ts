import { Module } from '@nestjs/common';
import * as path from 'node:path';
import {
  BID_ATTACHMENT_COMMAND_HANDLERS,
  BID_ATTACHMENT_QUERY_HANDLERS,
  BID_ATTACHMENT_SETTINGS,
  BidAttachmentStore,
  type BidAttachmentSettings,
  BID_COMMAND_HANDLERS,
  BID_QUERY_HANDLERS,
  BIDDING_AUDIT_QUERY_HANDLERS,
  BiddingReactions,
  BidReadModel,
  EvaluationPanelReadModel,
  EVALUATOR_COMMAND_HANDLERS,
  EVALUATOR_QUERY_HANDLERS,
  EvaluatorReadModel,
  LOT_RESULT_QUERY_HANDLERS,
  LotResultReadModel,
  PANEL_COMMAND_HANDLERS,
  PANEL_QUERY_HANDLERS,
  PROVIDER_COMMAND_HANDLERS,
  PROVIDER_QUERY_HANDLERS,
  ProviderReadModel,
} from '@tendril/bidding/application';
import { BiddingAuditResolver, BidResolver, EvaluationPanelResolver, EvaluatorResolver, ProviderResolver } from '@tendril/bidding/graphql';
import {
  BID_PROJECTION_PROGRESS,
  BIDDING_INTEGRATION_SOURCE_FILTER,
  EVALUATION_INTEGRATION_SOURCE_FILTER,
  bidReadModelProjection,
  competitionDeadlineProjection,
  evaluatorReadModelProjection,
  FileBidAttachmentStore,
  lotResultProjection,
  panelReadModelProjection,
  PROVIDER_REGISTRY_INTEGRATION_SOURCE_FILTER,
  providerReadModelProjection,
  RegistryProviderReadModel,
  SealedBidReadModel,
  translateBiddingEvent,
  translateEvaluationEvent,
  VisibleEvaluationPanelReadModel,
  VisibleEvaluatorReadModel,
  VisibleLotResultReadModel,
  translateProviderEvent,
} from '@tendril/bidding/infra';
import { AuthModule } from '@tendril/shared/auth';
import type { EventStore } from '@tendril/shared/event-store';
import {
  integrationPublisher,
  PLATFORM_CONFIG,
  type PlatformConfig,
  PlatformModule,
  PROJECTORS,
  projectorsProviders,
  reactionProjection,
  waitForProjectors,
} from '@tendril/shared/platform';
import { type Projection, projectionEntities } from '@tendril/shared/projections';

export const SERVICE_NAME = 'bidding-service';
export const DEFAULT_PORT = 4002;

/** The service's read models: what `npm run read-models:rebuild` replays. */
export const READ_MODEL_PROJECTIONS: Projection[] = [
  bidReadModelProjection,
  competitionDeadlineProjection,
  providerReadModelProjection,
  panelReadModelProjection,
  evaluatorReadModelProjection,
  lotResultProjection,
];

export const biddingProjections = (store: EventStore, reactions: BiddingReactions) => [
  ...READ_MODEL_PROJECTIONS,
  reactionProjection(
    integrationPublisher(store, { name: 'bidding-integration-events', filter: BIDDING_INTEGRATION_SOURCE_FILTER, translate: translateBiddingEvent }),
  ),
  reactionProjection(
    integrationPublisher(store, { name: 'evaluation-integration-events', filter: EVALUATION_INTEGRATION_SOURCE_FILTER, translate: translateEvaluationEvent }),
  ),
  reactionProjection(
    integrationPublisher(store, {
      name: 'provider-registry-integration-events',
      filter: PROVIDER_REGISTRY_INTEGRATION_SOURCE_FILTER,
      translate: translateProviderEvent,
    }),
  ),
  reactionProjection(reactions),
];

@Module({
  imports: [
    PlatformModule.forService({ serviceName: SERVICE_NAME, defaultPort: DEFAULT_PORT, entities: projectionEntities(READ_MODEL_PROJECTIONS) as never }),
    AuthModule.forRoot(),
  ],
  providers: [
    ...BID_COMMAND_HANDLERS,
    ...BID_QUERY_HANDLERS,
    ...BIDDING_AUDIT_QUERY_HANDLERS,
    BiddingAuditResolver,
    ...BID_ATTACHMENT_COMMAND_HANDLERS,
    ...BID_ATTACHMENT_QUERY_HANDLERS,
    ...PROVIDER_COMMAND_HANDLERS,
    ...PROVIDER_QUERY_HANDLERS,
    ...PANEL_COMMAND_HANDLERS,
    ...PANEL_QUERY_HANDLERS,
    ...EVALUATOR_COMMAND_HANDLERS,
    ...EVALUATOR_QUERY_HANDLERS,
    ...LOT_RESULT_QUERY_HANDLERS,
    BidResolver,
    ProviderResolver,
    EvaluationPanelResolver,
    EvaluatorResolver,
    BiddingReactions,
    { provide: BidReadModel, useClass: SealedBidReadModel },
    // Documents live beside the embedded store under DATA_DIR (a volume in the clustered deployment).
    { provide: BidAttachmentStore, inject: [PLATFORM_CONFIG], useFactory: (config: PlatformConfig) => new FileBidAttachmentStore(path.join(config.dataDir, 'bid-attachments')) },
    { provide: BID_ATTACHMENT_SETTINGS, inject: [PLATFORM_CONFIG], useFactory: (config: PlatformConfig): BidAttachmentSettings => ({ maxBytes: config.maxAttachmentBytes }) },
    { provide: ProviderReadModel, useClass: RegistryProviderReadModel },
    { provide: EvaluationPanelReadModel, useClass: VisibleEvaluationPanelReadModel },
    { provide: EvaluatorReadModel, useClass: VisibleEvaluatorReadModel },
    { provide: LotResultReadModel, useClass: VisibleLotResultReadModel },
    ...projectorsProviders(biddingProjections, [BiddingReactions]),
    { provide: BID_PROJECTION_PROGRESS, inject: [PROJECTORS], useFactory: waitForProjectors },
  ],
})
export class BiddingServiceModule {}
