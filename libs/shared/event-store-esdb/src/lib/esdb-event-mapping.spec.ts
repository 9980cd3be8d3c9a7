import type { RecordedEvent as EsdbRecordedEvent } from '@eventstore/db-client';
import { type EventToAppend, InvalidEventError } from '@tendril/shared/event-store';
import { fromEsdbMetadata, fromEsdbRecordedEvent, toEsdbEventData, toEsdbMetadata } from './esdb-event-mapping';

const anEvent = (overrides: Partial<EventToAppend['metadata']> = {}): EventToAppend => ({
  type: 'BidSubmitted',
  data: { bidId: 'bid-1', priceInPence: 1_250_000, lots: ['a', 'b'], note: null },
  metadata: {
    eventId: '5b1c2a4e-8f3d-4c71-9e0a-2d6f7b8c9a01',
    schemaVersion: 2,
    occurredAt: '2026-03-01T09:30:00.000Z',
    correlationId: 'corr-1',
    causationId: 'cmd-7',
    actor: { userId: 'user-1', role: 'provider', organisationId: 'org-9' },
    ...overrides,
  },
});

/** What the ESDB client hands back after storing `event` (JSON round trip, as the server does). */
const storedAs = (event: EventToAppend, extra: Partial<EsdbRecordedEvent> = {}): EsdbRecordedEvent => {
  const sent = toEsdbEventData(event);
  return {
    streamId: 'bid-1',
    id: sent.id,
    isJson: true,
    revision: 3n,
    type: sent.type,
    created: new Date('2026-03-01T09:30:00.123Z'),
    data: JSON.parse(JSON.stringify(sent.data)),
    metadata: JSON.parse(JSON.stringify(sent.metadata)),
    position: { commit: 900n, prepare: 900n },
    ...extra,
  } as EsdbRecordedEvent;
};

describe('Event mapping to and from EventStoreDB', () => {
  it('sends the event id as the ESDB event id, with JSON data and the type', () => {
    const sent = toEsdbEventData(anEvent());
    expect(sent).toMatchObject({
      id: '5b1c2a4e-8f3d-4c71-9e0a-2d6f7b8c9a01',
      contentType: 'application/json',
      type: 'BidSubmitted',
      data: { bidId: 'bid-1', priceInPence: 1_250_000, lots: ['a', 'b'], note: null },
    });
  });

  it("stores correlation and causation under ESDB's own $correlationId and $causationId", () => {
    expect(toEsdbMetadata(anEvent().metadata)).toEqual({
      $correlationId: 'corr-1',
      $causationId: 'cmd-7',
      schemaVersion: 2,
      occurredAt: '2026-03-01T09:30:00.000Z',
      actor: { userId: 'user-1', role: 'provider', organisationId: 'org-9' },
    });
  });

  it('leaves $causationId out when nothing caused the event', () => {
    expect(toEsdbMetadata(anEvent({ causationId: null }).metadata)).not.toHaveProperty('$causationId');
  });

  it('reads back every metadata field exactly as it was appended', () => {
    const event = anEvent();
    const recorded = fromEsdbRecordedEvent(storedAs(event), 'bid-1', 900);
    expect(recorded).toEqual({
      streamName: 'bid-1',
      revision: 3,
      position: 900,
      type: 'BidSubmitted',
      data: event.data,
      metadata: event.metadata,
      recordedAt: '2026-03-01T09:30:00.123Z',
    });
  });

  it('reads back a null causation and a platform-level actor', () => {
    const event = anEvent({ causationId: null, actor: { userId: 'scheduler', role: 'system', organisationId: null } });
    expect(fromEsdbRecordedEvent(storedAs(event), 'bid-1', 900).metadata).toEqual(event.metadata);
  });

  it.each([null, 42, 'text', [1, 2]])('round-trips the top-level JSON value %p as data', (data) => {
    const event = { ...anEvent(), data };
    expect(fromEsdbRecordedEvent(storedAs(event), 'bid-1', 900).data).toEqual(data);
  });

  describe('an event that Tendril did not write', () => {
    it('is refused when it is binary', () => {
      const foreign = storedAs(anEvent(), { isJson: false } as Partial<EsdbRecordedEvent>);
      expect(() => fromEsdbRecordedEvent(foreign, 'bid-1', 900)).toThrow(InvalidEventError);
    });

    it('is refused, saying why, when its metadata lacks our fields', () => {
      const foreign = storedAs(anEvent(), { metadata: { $correlationId: 'c' } } as Partial<EsdbRecordedEvent>);
      expect(() => fromEsdbRecordedEvent(foreign, 'bid-1', 900)).toThrow(/no actor/);
    });
  });

  describe('metadata validation', () => {
    const valid = toEsdbMetadata(anEvent().metadata);

    it.each([
      ['no metadata', undefined, 'no JSON metadata'],
      ['binary metadata', new Uint8Array([1, 2]), 'no JSON metadata'],
      ['no correlation id', { ...valid, $correlationId: undefined }, '$correlationId'],
      ['no actor', { ...valid, actor: undefined }, 'actor'],
      ['an actor without a user id', { ...valid, actor: { role: 'provider' } }, 'actor'],
    ])('names the problem when there is %s', (_label, raw, problem) => {
      const result = fromEsdbMetadata('id', raw);
      expect(typeof result).toBe('string');
      expect(result).toContain(problem);
    });

    it('returns fields as they were stored, including ones it does not know, as SQLite would', () => {
      const stored = { ...valid, tenantHint: 'leeds', actor: { ...valid.actor, role: 'future_role' } };
      expect(fromEsdbMetadata('id-1', JSON.parse(JSON.stringify(stored)))).toEqual({
        eventId: 'id-1',
        schemaVersion: 2,
        occurredAt: '2026-03-01T09:30:00.000Z',
        correlationId: 'corr-1',
        causationId: 'cmd-7',
        actor: { userId: 'user-1', role: 'future_role', organisationId: 'org-9' },
        tenantHint: 'leeds',
      });
    });

    it('never stores the event id twice: it is the ESDB event id', () => {
      expect(toEsdbMetadata(anEvent().metadata)).not.toHaveProperty('eventId');
    });
  });
});
