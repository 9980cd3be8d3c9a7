import { Inject } from '@nestjs/common';
import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { CLOCK, type Clock } from '@tendril/shared/ddd';
import type { Actor } from '@tendril/shared/event-store';
import { type ProviderFilter, ProviderReadModel, type ProviderView } from './provider-read-model.port';

export class GetProviderQuery {
  constructor(
    readonly organisationId: string,
    readonly reader: Actor,
  ) {}
}

export class ListProvidersQuery {
  constructor(
    readonly filter: ProviderFilter,
    readonly reader: Actor,
  ) {}
}

@QueryHandler(GetProviderQuery)
export class GetProviderHandler implements IQueryHandler<GetProviderQuery, ProviderView | null> {
  constructor(
    private readonly readModel: ProviderReadModel,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  execute({ organisationId, reader }: GetProviderQuery) {
    return this.readModel.findProvider(organisationId, reader, this.clock.now());
  }
}

@QueryHandler(ListProvidersQuery)
export class ListProvidersHandler implements IQueryHandler<ListProvidersQuery, readonly ProviderView[]> {
  constructor(
    private readonly readModel: ProviderReadModel,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}
  execute({ filter, reader }: ListProvidersQuery) {
    return this.readModel.findProviders(filter, reader, this.clock.now());
  }
}

export const PROVIDER_QUERY_HANDLERS = [GetProviderHandler, ListProvidersHandler];
