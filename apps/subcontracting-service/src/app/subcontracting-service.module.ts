import { Module } from '@nestjs/common';
import { AuthModule } from '@tendril/shared/auth';
import type { EventStore } from '@tendril/shared/event-store';
import {
  integrationPublisher,
  PlatformModule,
  PROJECTORS,
  projectorsProviders,
  reactionProjection,
  waitForProjectors,
} from '@tendril/shared/platform';
import { type Projection, projectionEntities } from '@tendril/shared/projections';
import {
  CONTRACT_COMMAND_HANDLERS,
  CONTRACT_AUDIT_QUERY_HANDLERS,
  CONTRACT_QUERY_HANDLERS,
  ContractReadModel,
  PerformanceReadModel,
  SubcontractingReactions,
  SupplyChainFacts,
  TransitionReaction,
} from '@tendril/subcontracting/application';
import { ContractAuditResolver, ContractResolver, DecommissioningResolver, PerformanceResolver } from '@tendril/subcontracting/graphql';
import {
  CONTRACT_PROJECTION_PROGRESS,
  contractReadModelProjection,
  providerEligibilityProjection,
  strandFrameworkProjection,
  SUBCONTRACTING_INTEGRATION_SOURCE_FILTER,
  translateContractEvent,
  TypeormSupplyChainFacts,
  VisibleContractReadModel,
  VisiblePerformanceReadModel,
} from '@tendril/subcontracting/infra';

export const SERVICE_NAME = 'subcontracting-service';
export const DEFAULT_PORT = 4003;

/** The service's read models: what `npm run read-models:rebuild` replays. */
export const READ_MODEL_PROJECTIONS: Projection[] = [
  contractReadModelProjection,
  providerEligibilityProjection,
  strandFrameworkProjection,
];

export const subcontractingProjections = (store: EventStore, reactions: SubcontractingReactions, transitions: TransitionReaction) => [
  ...READ_MODEL_PROJECTIONS,
  reactionProjection(
    integrationPublisher(store, {
      name: 'subcontracting-integration-events',
      filter: SUBCONTRACTING_INTEGRATION_SOURCE_FILTER,
      translate: translateContractEvent,
    }),
  ),
  reactionProjection(reactions),
  reactionProjection(transitions),
];

@Module({
  imports: [
    PlatformModule.forService({
      serviceName: SERVICE_NAME,
      defaultPort: DEFAULT_PORT,
      entities: projectionEntities(READ_MODEL_PROJECTIONS) as never,
    }),
    AuthModule.forRoot(),
  ],
  providers: [
    ...CONTRACT_COMMAND_HANDLERS,
    ...CONTRACT_QUERY_HANDLERS,
    ...CONTRACT_AUDIT_QUERY_HANDLERS,
    ContractAuditResolver,
    ContractResolver,
    PerformanceResolver,
    DecommissioningResolver,
    SubcontractingReactions,
    TransitionReaction,
    { provide: SupplyChainFacts, useClass: TypeormSupplyChainFacts },
    { provide: ContractReadModel, useClass: VisibleContractReadModel },
    { provide: PerformanceReadModel, useClass: VisiblePerformanceReadModel },
    ...projectorsProviders(subcontractingProjections, [SubcontractingReactions, TransitionReaction]),
    { provide: CONTRACT_PROJECTION_PROGRESS, inject: [PROJECTORS], useFactory: waitForProjectors },
  ],
})
export class SubcontractingServiceModule {}
