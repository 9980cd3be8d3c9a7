import { Module } from '@nestjs/common';
import { AuthModule } from '@tendril/shared/auth';
import type { EventStore } from '@tendril/shared/event-store';
import {
  integrationPublisher,
  PLATFORM_CONFIG,
  AuditAccessLogResolver,
  PlatformModule,
  type PlatformConfig,
  PROJECTORS,
  projectorsProviders,
  reactionProjection,
  waitForProjectors,
} from '@tendril/shared/platform';
import { type Projection, projectionEntities } from '@tendril/shared/projections';
import {
  COMMISSIONING_PLAN_COMMAND_HANDLERS,
  COMMISSIONING_PLAN_QUERY_HANDLERS,
  PROVIDER_INTEREST_HANDLERS,
  CommissioningPlanReadModel,
  ProviderRegistry,
  TenderDocumentStore,
  TENDER_COMMAND_HANDLERS,
  TENDER_AUDIT_QUERY_HANDLERS,
  TENDER_QUERY_HANDLERS,
  TENDER_SCHEDULER_INTERVAL_MS,
  TENDER_STANDSTILL_PERIOD,
  TenderDeadlineScheduler,
  TenderReactions,
  TenderReadModel,
} from '@tendril/tender/application';
import { CommissioningPlanResolver, OpenDataResolver, TenderAuditResolver, TenderResolver } from '@tendril/tender/graphql';
import {
  PLAN_INTEGRATION_SOURCE_FILTER,
  TENDER_INTEGRATION_SOURCE_FILTER,
  translatePlanEvent,
  TENDER_PROJECTION_PROGRESS,
  tenderReadModelProjection,
  translateTenderEvent,
  TenderDocumentContentRow,
  TypeormCommissioningPlanReadModel,
  TypeormTenderDocumentStore,
  TypeormRegisteredProviders,
  TypeormTenderReadModel,
} from '@tendril/tender/infra';
import {
  OPEN_DATA_CONFIG,
  OPEN_DATA_ENVIRONMENT_KEYS,
  OPEN_DATA_QUERY_HANDLERS,
  OrganisationNames,
  parseOpenDataConfig,
  TenderEventSourceReader,
} from '@tendril/tender/open-data';
import { ConfigService } from '@nestjs/config';
import { OpenDataController } from './open-data.controller';
import { DirectoryOrganisationNames } from './organisation-names.adapter';
import { TenderProviderRegistry } from './provider-registry.adapter';

export const SERVICE_NAME = 'tender-service';
export const DEFAULT_PORT = 4001;

/** The service's read models: what `npm run read-models:rebuild` replays. */
export const READ_MODEL_PROJECTIONS: Projection[] = [tenderReadModelProjection];

export const tenderProjections = (store: EventStore, reactions: TenderReactions) => [
  ...READ_MODEL_PROJECTIONS,
  reactionProjection(
    integrationPublisher(store, { name: 'tender-integration-events', filter: TENDER_INTEGRATION_SOURCE_FILTER, translate: translateTenderEvent }),
  ),
  // A plan's strands leave commissioning with its outcomes framework (tender.strand-released.v1).
  reactionProjection({
    name: 'plan-integration-events',
    filter: PLAN_INTEGRATION_SOURCE_FILTER,
    async react(source) {
      const translation = await translatePlanEvent(store, source);
      if (!translation) return;
      await integrationPublisher(store, { name: 'plan-integration-events', filter: PLAN_INTEGRATION_SOURCE_FILTER, translate: () => translation }).react(source);
    },
  }),
  reactionProjection(reactions),
];

@Module({
  imports: [
    PlatformModule.forService({
      serviceName: SERVICE_NAME,
      defaultPort: DEFAULT_PORT,
      // Document content is not a read model: it sits beside the projections and is never rebuilt.
      entities: [...projectionEntities(READ_MODEL_PROJECTIONS), TenderDocumentContentRow] as never,
    }),
    AuthModule.forRoot(),
  ],
  controllers: [OpenDataController],
  providers: [
    ...TENDER_COMMAND_HANDLERS,
    ...TENDER_QUERY_HANDLERS,
    ...TENDER_AUDIT_QUERY_HANDLERS,
    TenderAuditResolver,
    // The auditors' access log is one log for the platform: one service serves it.
    AuditAccessLogResolver,
    ...COMMISSIONING_PLAN_COMMAND_HANDLERS,
    ...COMMISSIONING_PLAN_QUERY_HANDLERS,
    ...PROVIDER_INTEREST_HANDLERS,
    TenderResolver,
    CommissioningPlanResolver,
    OpenDataResolver,
    ...OPEN_DATA_QUERY_HANDLERS,
    TenderEventSourceReader,
    { provide: OrganisationNames, useClass: DirectoryOrganisationNames },
    {
      provide: OPEN_DATA_CONFIG,
      inject: [ConfigService],
      useFactory: (config: ConfigService) => parseOpenDataConfig(Object.fromEntries(OPEN_DATA_ENVIRONMENT_KEYS.map((key) => [key, config.get<string>(key)]))),
    },
    { provide: TenderReadModel, useClass: TypeormTenderReadModel },
    { provide: TenderDocumentStore, useClass: TypeormTenderDocumentStore },
    { provide: CommissioningPlanReadModel, useClass: TypeormCommissioningPlanReadModel },
    TypeormRegisteredProviders,
    { provide: ProviderRegistry, useClass: TenderProviderRegistry },
    TenderReactions,
    ...projectorsProviders(tenderProjections, [TenderReactions]),
    { provide: TENDER_PROJECTION_PROGRESS, inject: [PROJECTORS], useFactory: waitForProjectors },
    { provide: TENDER_SCHEDULER_INTERVAL_MS, inject: [PLATFORM_CONFIG], useFactory: (config: PlatformConfig) => config.schedulerIntervalMs },
    { provide: TENDER_STANDSTILL_PERIOD, inject: [PLATFORM_CONFIG], useFactory: (config: PlatformConfig) => config.standstillPeriod },
    TenderDeadlineScheduler,
  ],
})
export class TenderServiceModule {}
