/// <reference types="jest" />
import { commandEventId, randomEventId, uuidV5 } from './event-id';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('Event ids', () => {
  describe('uuidV5', () => {
    it('matches the RFC 4122 reference value for www.example.com in the DNS namespace', () => {
      expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
        '2ed6657d-e927-568b-95e1-2665a8aea6a2',
      );
    });

    it('refuses a namespace that is not a UUID', () => {
      expect(() => uuidV5('x', 'not-a-uuid')).toThrow(TypeError);
    });
  });

  describe('commandEventId', () => {
    const input = { idempotencyKey: 'award-7f3c', streamName: 'tender-42', index: 0 };

    it('gives the same version-5 UUID every time for the same key, stream and index', () => {
      const id = commandEventId(input);
      expect(id).toMatch(UUID);
      expect(id[14]).toBe('5');
      expect(['8', '9', 'a', 'b']).toContain(id[19]);
      expect(commandEventId({ ...input })).toBe(id);
    });

    it('gives different ids for a different key, stream or event index', () => {
      const ids = new Set([
        commandEventId(input),
        commandEventId({ ...input, idempotencyKey: 'award-7f3d' }),
        commandEventId({ ...input, streamName: 'tender-43' }),
        commandEventId({ ...input, index: 1 }),
      ]);
      expect(ids.size).toBe(4);
    });

    it('cannot be made to collide by moving characters between the key and the stream name', () => {
      expect(commandEventId({ idempotencyKey: 'ab', streamName: 'c', index: 0 })).not.toBe(
        commandEventId({ idempotencyKey: 'a', streamName: 'bc', index: 0 }),
      );
    });

    it('refuses an empty key or a negative index', () => {
      expect(() => commandEventId({ ...input, idempotencyKey: '' })).toThrow(TypeError);
      expect(() => commandEventId({ ...input, index: -1 })).toThrow(TypeError);
    });
  });

  describe('randomEventId', () => {
    it('draws a fresh UUID each time', () => {
      const first = randomEventId();
      expect(first).toMatch(UUID);
      expect(randomEventId()).not.toBe(first);
    });
  });
});
