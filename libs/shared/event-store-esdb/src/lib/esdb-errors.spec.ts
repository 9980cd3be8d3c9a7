import {
  AccessDeniedError,
  MaxAppendSizeExceededError,
  NotLeaderError,
  StreamDeletedError as EsdbStreamDeletedError,
  StreamNotFoundError as EsdbStreamNotFoundError,
  UnavailableError,
  WrongExpectedVersionError,
} from '@eventstore/db-client';
import {
  EventStoreUnavailableError,
  EventTooLargeError,
  InvalidEventError,
  StreamNotFoundError,
  WrongExpectedRevisionError,
} from '@tendril/shared/event-store';
import { isTransientEsdbError, isWrongExpectedVersion, StreamDeletedError, translateEsdbError } from './esdb-errors';

const wrongVersion = (expected: bigint | 'no_stream' | 'stream_exists', current: bigint | 'no_stream') =>
  new WrongExpectedVersionError(undefined, { streamName: 'ns/tender-1', expected, current });

describe('EventStoreDB error translation', () => {
  describe('a failed revision check', () => {
    it('becomes WrongExpectedRevisionError with the caller stream, expected and actual revisions', () => {
      const translated = translateEsdbError(wrongVersion(2n, 5n), { streamName: 'tender-1', expectedRevision: 2 });
      expect(translated).toBeInstanceOf(WrongExpectedRevisionError);
      expect(translated).toMatchObject({ streamName: 'tender-1', expectedRevision: 2, actualRevision: 5, code: 'WRONG_EXPECTED_REVISION' });
    });

    it("reports 'no_stream' as the actual revision when the stream does not exist", () => {
      const translated = translateEsdbError(wrongVersion('stream_exists', 'no_stream'), {
        streamName: 'tender-1',
        expectedRevision: 'stream_exists',
      });
      expect(translated).toMatchObject({ expectedRevision: 'stream_exists', actualRevision: 'no_stream' });
    });

    it('falls back to the revisions ESDB reports when the caller gave none', () => {
      expect(translateEsdbError(wrongVersion('no_stream', 0n))).toMatchObject({
        streamName: 'ns/tender-1',
        expectedRevision: 'no_stream',
        actualRevision: 0,
      });
    });

    it('is recognised as such', () => {
      expect(isWrongExpectedVersion(wrongVersion(1n, 2n))).toBe(true);
      expect(isWrongExpectedVersion(new Error('x'))).toBe(false);
    });
  });

  it('turns a missing stream into StreamNotFoundError under the port name', () => {
    const translated = translateEsdbError(new EsdbStreamNotFoundError(undefined, 'ns/bid-9'), { streamName: 'bid-9' });
    expect(translated).toBeInstanceOf(StreamNotFoundError);
    expect(translated).toMatchObject({ streamName: 'bid-9', code: 'STREAM_NOT_FOUND' });
  });

  describe('a stream deleted in ESDB directly', () => {
    const deleted = EsdbStreamDeletedError.fromStreamName('bid-9');

    it('reads as not found', () => {
      expect(translateEsdbError(deleted, { streamName: 'bid-9', operation: 'read' })).toBeInstanceOf(StreamNotFoundError);
    });

    it('refuses appends with its own code', () => {
      expect(translateEsdbError(deleted, { streamName: 'bid-9', operation: 'append' })).toMatchObject({
        code: 'STREAM_DELETED',
        streamName: 'bid-9',
      });
      expect(translateEsdbError(deleted, { operation: 'append' })).toBeInstanceOf(StreamDeletedError);
    });
  });

  it("turns ESDB's whole-append size limit into EventTooLargeError", () => {
    const translated = translateEsdbError(MaxAppendSizeExceededError.fromMaxAppendSize(1_048_576), { appendBytes: 2_000_000 });
    expect(translated).toBeInstanceOf(EventTooLargeError);
    expect(translated).toMatchObject({ sizeBytes: 2_000_000, limitBytes: 1_048_576 });
  });

  it.each([
    ['unavailable', () => new UnavailableError(undefined as never)],
    ['access denied', () => new AccessDeniedError(undefined as never)],
    ['no node answering gossip', () => new Error('Failed to discover after 10 attempts.')],
  ])('turns %s into STORE_UNREACHABLE', (_label, make) => {
    const translated = translateEsdbError(make());
    expect(translated).toBeInstanceOf(EventStoreUnavailableError);
    expect(translated).toMatchObject({ code: 'STORE_UNREACHABLE' });
  });

  it('passes our own errors and unknown errors through untouched', () => {
    const ours = new InvalidEventError('A', 'bad');
    const other = new TypeError('boom');
    expect(translateEsdbError(ours)).toBe(ours);
    expect(translateEsdbError(other)).toBe(other);
  });

  describe('transient failures', () => {
    it('include a lost connection, a leader change and an unreachable cluster', () => {
      expect(isTransientEsdbError(new UnavailableError(undefined as never))).toBe(true);
      expect(isTransientEsdbError(Object.assign(Object.create(NotLeaderError.prototype), { type: 'not-leader' }))).toBe(true);
      expect(isTransientEsdbError(new Error('Failed to discover after 10 attempts.'))).toBe(true);
    });

    it('exclude a failed revision check and ordinary errors', () => {
      expect(isTransientEsdbError(wrongVersion(1n, 2n))).toBe(false);
      expect(isTransientEsdbError(new Error('nope'))).toBe(false);
    });
  });
});

describe('A raw gRPC failure', () => {
  // What @grpc/grpc-js rejects with when the connection is refused mid-append.
  const refused = () =>
    Object.assign(new Error('14 UNAVAILABLE: No connection established'), { code: 14, details: 'No connection established' });

  it('is transient', () => {
    expect(isTransientEsdbError(refused())).toBe(true);
  });

  it('becomes STORE_UNREACHABLE', () => {
    expect(translateEsdbError(refused())).toMatchObject({ code: 'STORE_UNREACHABLE' });
  });
});
