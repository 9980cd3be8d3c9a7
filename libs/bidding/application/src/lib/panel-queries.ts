import { type IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import type { Actor } from '@tendril/shared/event-store';
import { EvaluationPanelReadModel, type EvaluationPanelView } from './panel-read-model.port';

export class GetEvaluationPanelQuery {
  constructor(
    readonly tenderId: string,
    readonly reader: Actor,
  ) {}
}

@QueryHandler(GetEvaluationPanelQuery)
export class GetEvaluationPanelHandler implements IQueryHandler<GetEvaluationPanelQuery, EvaluationPanelView | null> {
  constructor(private readonly readModel: EvaluationPanelReadModel) {}
  execute({ tenderId, reader }: GetEvaluationPanelQuery) {
    return this.readModel.findPanel(tenderId, reader);
  }
}

export const PANEL_QUERY_HANDLERS = [GetEvaluationPanelHandler];
