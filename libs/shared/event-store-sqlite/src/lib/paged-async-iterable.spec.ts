import { pagedAsyncIterable } from './paged-async-iterable';

function* pagesOf(pages: number[][], reads: number[][]): Generator<number[]> {
  for (const page of pages) {
    reads.push(page);
    yield page;
  }
}

describe('A paged async iterable', () => {
  it('hands out every item of every page in order, reading a page only when it is reached', async () => {
    const reads: number[][] = [];
    const items: number[] = [];
    for await (const item of pagedAsyncIterable(() => pagesOf([[1, 2], [], [3]], reads))) {
      items.push(item);
      if (item === 1) expect(reads).toHaveLength(1);
    }
    expect(items).toEqual([1, 2, 3]);
  });

  it('stops reading pages when the consumer stops early', async () => {
    const reads: number[][] = [];
    for await (const item of pagedAsyncIterable(() => pagesOf([[1], [2], [3]], reads))) {
      if (item === 2) break;
    }
    expect(reads).toEqual([[1], [2]]);
  });

  it('reports a failure to read as a rejected next(), not a throw when the iterable is made', async () => {
    const failing = pagedAsyncIterable<number>(() => {
      throw new RangeError('maxCount must be a non-negative integer');
    });
    const iterator = failing[Symbol.asyncIterator]();
    await expect(iterator.next()).rejects.toThrow(RangeError);
    await expect(iterator.next()).resolves.toEqual({ done: true, value: undefined });
  });
});
