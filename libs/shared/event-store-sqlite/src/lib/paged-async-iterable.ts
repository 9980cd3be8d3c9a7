/**
 * An AsyncIterable over pages that are read synchronously (better-sqlite3), handing out one item per
 * `next()` as an already-settled promise. An async generator yielding item by item costs several
 * promise hops per item, which on a full-log read is a large share of the time. The page source is
 * created on the first `next()`, so argument and state errors surface there, as from an async generator.
 */
export const pagedAsyncIterable = <T>(pages: () => Iterator<readonly T[]>): AsyncIterable<T> => ({
  [Symbol.asyncIterator]: (): AsyncIterator<T> => {
    let source: Iterator<readonly T[]> | undefined;
    let page: readonly T[] = [];
    let index = 0;
    let finished = false;
    const done: IteratorReturnResult<undefined> = { done: true, value: undefined };
    const pull = (): IteratorResult<T> => {
      if (finished) return done;
      source ??= pages();
      while (index >= page.length) {
        const next = source.next();
        if (next.done) {
          finished = true;
          return done;
        }
        page = next.value;
        index = 0;
      }
      const value = page[index] as T;
      index += 1;
      return { done: false, value };
    };
    return {
      next: () => {
        try {
          return Promise.resolve(pull());
        } catch (error) {
          finished = true;
          return Promise.reject(error);
        }
      },
      return: () => {
        finished = true;
        source?.return?.();
        return Promise.resolve(done);
      },
    };
  },
});
