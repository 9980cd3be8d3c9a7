import { withRetries } from './retry';

const noWait = async () => undefined;

describe('Retrying an idempotent call', () => {
  it('returns the first success without waiting', async () => {
    const waits: number[] = [];
    const result = await withRetries(async () => 'ok', () => true, [10, 20], async (ms) => void waits.push(ms));
    expect(result).toBe('ok');
    expect(waits).toEqual([]);
  });

  it('tries again after each transient failure, waiting the given delays in turn', async () => {
    const waits: number[] = [];
    let calls = 0;
    const result = await withRetries(
      async () => {
        calls++;
        if (calls < 3) throw new Error('transient');
        return calls;
      },
      () => true,
      [10, 20, 40],
      async (ms) => void waits.push(ms),
    );
    expect(result).toBe(3);
    expect(waits).toEqual([10, 20]);
  });

  it('gives up with the last error once the delays run out', async () => {
    let calls = 0;
    const attempt = () => withRetries(async () => Promise.reject(new Error(`fail ${++calls}`)), () => true, [1, 1], noWait);
    await expect(attempt()).rejects.toThrow('fail 3');
  });

  it('does not retry an error that is not transient', async () => {
    let calls = 0;
    const attempt = () =>
      withRetries(async () => Promise.reject(new Error(`conflict ${++calls}`)), (e) => (e as Error).message === 'x', [1, 1], noWait);
    await expect(attempt()).rejects.toThrow('conflict 1');
    expect(calls).toBe(1);
  });
});
