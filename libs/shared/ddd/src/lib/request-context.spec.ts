import { requestScopedId } from './request-context';

describe('An id for something a request creates', () => {
  it('is the same when the same request is retried', () => {
    expect(requestScopedId('tender', { idempotencySeed: 'user-1:key-1' })).toBe(requestScopedId('tender', { idempotencySeed: 'user-1:key-1' }));
  });

  it('differs between kinds of record and between requests', () => {
    const tender = requestScopedId('tender', { idempotencySeed: 'user-1:key-1' });
    expect(requestScopedId('bid', { idempotencySeed: 'user-1:key-1' })).not.toBe(tender);
    expect(requestScopedId('tender', { idempotencySeed: 'user-1:key-2' })).not.toBe(tender);
  });

  it('is a fresh random UUID when the request has no idempotency seed', () => {
    const first = requestScopedId('tender', { idempotencySeed: null });
    expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(requestScopedId('tender', { idempotencySeed: null })).not.toBe(first);
  });
});
