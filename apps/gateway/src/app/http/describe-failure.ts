interface ErrorLike {
  readonly message?: unknown;
  readonly cause?: unknown;
}

const messageOf = (value: unknown): string | undefined => {
  const message = typeof value === 'object' && value !== null ? (value as ErrorLike).message : undefined;
  return typeof message === 'string' && message !== '' ? message : undefined;
};

/**
 * The most telling message of a failed call: fetch reports "fetch failed" and hides the reason
 * ("connect ECONNREFUSED 127.0.0.1:4002") in its cause. Duck-typed, because fetch's errors come from
 * another realm under test runners and fail `instanceof Error`.
 */
export const describeFailure = (error: unknown): string => {
  const cause = typeof error === 'object' && error !== null ? (error as ErrorLike).cause : undefined;
  return messageOf(cause) ?? messageOf(error) ?? String(error);
};
