/** Runs `action` with these environment variables set, restoring the previous values afterwards. */
export const withEnvironment = async <T>(environment: Record<string, string>, action: () => Promise<T>): Promise<T> => {
  const previous = Object.fromEntries(Object.keys(environment).map((key) => [key, process.env[key]]));
  Object.assign(process.env, environment);
  try {
    return await action();
  } finally {
    for (const [key, value] of Object.entries(previous)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  }
};
