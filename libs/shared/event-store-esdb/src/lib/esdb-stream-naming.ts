/**
 * How port stream names map to EventStoreDB stream names. Without a namespace they are the same.
 * With one, every stream is stored as `<namespace>/<name>` and reads only ever see that namespace,
 * so several environments (or test runs) can share one cluster without seeing each other's events.
 */
export interface StreamNaming {
  readonly namespace: string | null;
  toStored(streamName: string): string;
  /** The port name of a stored stream, or null when it is a system stream or outside the namespace. */
  fromStored(storedName: string): string | null;
  /** The stored prefix every stream of this store starts with ('' without a namespace). */
  readonly storedPrefix: string;
}

const NAMESPACE_PATTERN = /^[A-Za-z0-9_.-]+$/;

export const streamNaming = (namespace?: string | null): StreamNaming => {
  if (namespace === undefined || namespace === null) {
    return {
      namespace: null,
      storedPrefix: '',
      toStored: (streamName) => streamName,
      fromStored: (storedName) => (storedName.startsWith('$') ? null : storedName),
    };
  }
  if (!NAMESPACE_PATTERN.test(namespace)) {
    throw new RangeError(`stream namespace "${namespace}" must be letters, digits, '_', '.' or '-'`);
  }
  const storedPrefix = `${namespace}/`;
  return {
    namespace,
    storedPrefix,
    toStored: (streamName) => `${storedPrefix}${streamName}`,
    fromStored: (storedName) => (storedName.startsWith(storedPrefix) ? storedName.slice(storedPrefix.length) : null),
  };
};
