import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@tendril/shared/event-store';
import { type ContractFilter, ContractReadModel, type ContractView, type SupplyChainView } from './contract-read-model.port';
import {
  type ContractPerformanceView,
  type CouncilBenchmarkView,
  PerformanceReadModel,
  type ValueForMoneyView,
} from './performance-read-model.port';

export class GetContractQuery {
  constructor(
    readonly contractId: string,
    readonly reader: Actor,
  ) {}
}

export class ListContractsQuery {
  constructor(
    readonly filter: ContractFilter,
    readonly reader: Actor,
  ) {}
}

@QueryHandler(GetContractQuery)
export class GetContractHandler implements IQueryHandler<GetContractQuery, ContractView | null> {
  constructor(private readonly readModel: ContractReadModel) {}
  execute({ contractId, reader }: GetContractQuery) {
    return this.readModel.findVisibleContract(contractId, reader);
  }
}

@QueryHandler(ListContractsQuery)
export class ListContractsHandler implements IQueryHandler<ListContractsQuery, readonly ContractView[]> {
  constructor(private readonly readModel: ContractReadModel) {}
  execute({ filter, reader }: ListContractsQuery) {
    return this.readModel.findVisibleContracts(filter, reader);
  }
}

export class GetSupplyChainQuery {
  constructor(
    readonly commissionerOrganisationId: string,
    readonly reader: Actor,
    readonly includeEnded: boolean,
  ) {}
}

@QueryHandler(GetSupplyChainQuery)
export class GetSupplyChainHandler implements IQueryHandler<GetSupplyChainQuery, SupplyChainView> {
  constructor(private readonly readModel: ContractReadModel) {}
  execute({ commissionerOrganisationId, reader, includeEnded }: GetSupplyChainQuery) {
    return this.readModel.findVisibleSupplyChain(commissionerOrganisationId, reader, includeEnded);
  }
}

export class GetContractPerformanceQuery {
  constructor(
    readonly contractId: string,
    readonly reader: Actor,
  ) {}
}

@QueryHandler(GetContractPerformanceQuery)
export class GetContractPerformanceHandler implements IQueryHandler<GetContractPerformanceQuery, ContractPerformanceView | null> {
  constructor(private readonly readModel: PerformanceReadModel) {}
  execute({ contractId, reader }: GetContractPerformanceQuery) {
    return this.readModel.findContractPerformance(contractId, reader);
  }
}

export class GetValueForMoneyQuery {
  constructor(
    readonly commissionerOrganisationId: string,
    readonly period: string | null,
    readonly reader: Actor,
  ) {}
}

@QueryHandler(GetValueForMoneyQuery)
export class GetValueForMoneyHandler implements IQueryHandler<GetValueForMoneyQuery, ValueForMoneyView> {
  constructor(private readonly readModel: PerformanceReadModel) {}
  execute({ commissionerOrganisationId, period, reader }: GetValueForMoneyQuery) {
    return this.readModel.findValueForMoney(commissionerOrganisationId, period, reader);
  }
}

export class GetCouncilBenchmarksQuery {
  constructor(
    readonly period: string | null,
    readonly reader: Actor,
  ) {}
}

@QueryHandler(GetCouncilBenchmarksQuery)
export class GetCouncilBenchmarksHandler implements IQueryHandler<GetCouncilBenchmarksQuery, readonly CouncilBenchmarkView[]> {
  constructor(private readonly readModel: PerformanceReadModel) {}
  execute({ period, reader }: GetCouncilBenchmarksQuery) {
    return this.readModel.findCouncilBenchmarks(period, reader);
  }
}

export const CONTRACT_QUERY_HANDLERS = [
  GetContractHandler,
  ListContractsHandler,
  GetSupplyChainHandler,
  GetContractPerformanceHandler,
  GetValueForMoneyHandler,
  GetCouncilBenchmarksHandler,
];
