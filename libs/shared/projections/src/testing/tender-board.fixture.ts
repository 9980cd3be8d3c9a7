import type { DomainEvent } from '@tendril/shared/ddd';
import type { EventToAppend } from '@tendril/shared/event-store';
import { randomUUID } from 'node:crypto';
import { Column, Entity, PrimaryColumn, PrimaryGeneratedColumn, type EntityManager } from 'typeorm';
import { rowProjection, type Projection, type ProjectedEvent } from '../lib/projection';

// A read model for the projections' own tests: counters that go wrong visibly if an event is applied
// twice or skipped, and a ledger with one row per applied event.

export type TenderBoardEvent =
  | DomainEvent<'TenderPublished', { tenderId: string; title: string }>
  | DomainEvent<'BidSubmitted', { tenderId: string; bidId: string; amount: number }>
  | DomainEvent<'BidWithdrawn', { tenderId: string; bidId: string; amount: number }>
  | DomainEvent<'TenderClosed', { tenderId: string }>;

@Entity({ name: 'tender_board' })
export class TenderBoardRow {
  @PrimaryColumn({ name: 'tender_id', type: 'varchar', length: 64 })
  tenderId!: string;

  @Column({ type: 'varchar', length: 200 })
  title!: string;

  @Column({ type: 'varchar', length: 20 })
  status!: 'open' | 'closed';

  @Column({ name: 'bid_count', type: 'integer' })
  bidCount!: number;

  @Column({ name: 'total_amount', type: 'integer' })
  totalAmount!: number;
}

@Entity({ name: 'event_ledger' })
export class EventLedgerRow {
  @PrimaryGeneratedColumn()
  id!: number;

  @Column({ type: 'integer' })
  position!: number;

  @Column({ name: 'event_type', type: 'varchar', length: 60 })
  eventType!: string;

  @Column({ type: 'varchar', length: 40 })
  instance!: string;
}

export const tenderBoardProjection = rowProjection<TenderBoardRow, TenderBoardEvent>({
  name: 'tender-board',
  entity: TenderBoardRow,
  eventTypes: ['TenderPublished', 'BidSubmitted', 'BidWithdrawn', 'TenderClosed'],
  rowKey: (event) => ({ tenderId: event.data.tenderId }),
  evolve: (row, event) => {
    switch (event.type) {
      case 'TenderPublished':
        return { tenderId: event.data.tenderId, title: event.data.title, status: 'open', bidCount: 0, totalAmount: 0 };
      case 'BidSubmitted':
        return row && { ...row, bidCount: row.bidCount + 1, totalAmount: row.totalAmount + event.data.amount };
      case 'BidWithdrawn':
        return row && { ...row, bidCount: row.bidCount - 1, totalAmount: row.totalAmount - event.data.amount };
      case 'TenderClosed':
        return row && { ...row, status: 'closed' };
    }
  },
});

/** Every tender event, one ledger row each; `instance` tells which projector applied it. */
export const eventLedgerProjection = (instance = 'main'): Projection<TenderBoardEvent> => ({
  name: 'event-ledger',
  filter: { streamPrefixes: ['tender-'] },
  entities: [EventLedgerRow],
  async apply(event: ProjectedEvent<TenderBoardEvent>, tx: EntityManager) {
    await tx.getRepository(EventLedgerRow).insert({ position: event.position, eventType: event.type, instance });
  },
});

export const fixtureEntities = [TenderBoardRow, EventLedgerRow];

/** Wraps a projection so that it runs `before` ahead of each apply (to slow it, fail it or watch it). */
export const instrumented = <TEvent extends DomainEvent>(
  projection: Projection<TEvent>,
  before: (event: ProjectedEvent<TEvent>) => Promise<void> | void,
): Projection<TEvent> => ({
  ...projection,
  async apply(event, tx) {
    await before(event);
    await projection.apply(event, tx);
  },
});

const meta = () => ({
  eventId: randomUUID(),
  schemaVersion: 1,
  occurredAt: '2030-05-01T10:00:00.000Z',
  correlationId: randomUUID(),
  causationId: null,
  actor: { userId: 'user-1', role: 'commissioner' as const, organisationId: 'org-1' },
});

export interface SeededStream {
  readonly streamName: string;
  readonly events: EventToAppend[];
}

/**
 * `tenders` tender streams, each published, bid on `bidsPerTender` times, with every third bid
 * withdrawn and every other tender closed; plus a provider stream the projections must ignore.
 */
export const tenderStreams = (tenders: number, bidsPerTender: number, prefix = 't'): SeededStream[] => {
  const streams: SeededStream[] = [];
  for (let t = 0; t < tenders; t++) {
    const tenderId = `${prefix}${t}`;
    const events: EventToAppend[] = [
      { type: 'TenderPublished', data: { tenderId, title: `Youth mentoring lot ${t}` }, metadata: meta() },
    ];
    for (let b = 0; b < bidsPerTender; b++) {
      const bid = { tenderId, bidId: `${tenderId}-b${b}`, amount: 1000 + t * 10 + b };
      events.push({ type: 'BidSubmitted', data: bid, metadata: meta() });
      if (b % 3 === 2) events.push({ type: 'BidWithdrawn', data: bid, metadata: meta() });
    }
    if (t % 2 === 0) events.push({ type: 'TenderClosed', data: { tenderId }, metadata: meta() });
    streams.push({ streamName: `tender-${tenderId}`, events });
  }
  streams.push({
    streamName: `provider-${prefix}`,
    events: [{ type: 'ProviderRegistered', data: { providerId: `${prefix}-p1` }, metadata: meta() }],
  });
  return streams;
};

/** Appends the streams interleaved one event at a time, so tenders mix in the global log. */
export const appendInterleaved = async (
  store: { appendToStream(stream: string, events: readonly EventToAppend[], options: { expectedRevision: number | 'no_stream' }): Promise<{ position: number }> },
  streams: readonly SeededStream[],
): Promise<number> => {
  let last = -1;
  const longest = Math.max(...streams.map((stream) => stream.events.length));
  for (let i = 0; i < longest; i++) {
    for (const stream of streams) {
      const event = stream.events[i];
      if (!event) continue;
      const result = await store.appendToStream(stream.streamName, [event], { expectedRevision: i === 0 ? 'no_stream' : i - 1 });
      last = result.position;
    }
  }
  return last;
};
