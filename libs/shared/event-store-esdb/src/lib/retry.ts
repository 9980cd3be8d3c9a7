/**
 * Runs `attempt` again after a transient failure, waiting the given delays in turn. Only for calls
 * that are safe to repeat: an EventStoreDB append with the same event ids and the same expected
 * revision is idempotent on the server, so a retry after a lost reply cannot write twice.
 */
export const withRetries = async <T>(
  attempt: () => Promise<T>,
  isTransient: (error: unknown) => boolean,
  delaysMs: readonly number[],
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
): Promise<T> => {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt();
    } catch (error) {
      const delay = delaysMs[tries];
      if (delay === undefined || !isTransient(error)) throw error;
      await sleep(delay);
    }
  }
};
