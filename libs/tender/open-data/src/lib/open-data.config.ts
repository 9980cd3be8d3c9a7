import type { OpenDataConfig } from './open-data.queries';

export const OPEN_DATA_ENVIRONMENT_KEYS = ['OCDS_OCID_PREFIX', 'OCDS_PUBLISHER_NAME', 'PUBLIC_BASE_URL'] as const;

export class OpenDataConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Open data is misconfigured:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'OpenDataConfigError';
  }
}

/**
 * `OCDS_OCID_PREFIX` is the prefix the Open Contracting Partnership registered for this publisher
 * (`ocds-` and six letters or digits); `PUBLIC_BASE_URL` is where people reach the gateway.
 */
export const parseOpenDataConfig = (env: Readonly<Record<string, string | undefined>>): OpenDataConfig => {
  const problems: string[] = [];
  const text = (key: (typeof OPEN_DATA_ENVIRONMENT_KEYS)[number], fallback: string) => {
    const value = env[key]?.trim();
    return value === undefined || value === '' ? fallback : value;
  };
  const ocidPrefix = text('OCDS_OCID_PREFIX', 'ocds-tndrl1');
  if (!/^ocds-[a-z0-9]{6}$/.test(ocidPrefix)) problems.push(`OCDS_OCID_PREFIX must be "ocds-" and six lower-case letters or digits, e.g. ocds-tndrl1; got '${ocidPrefix}'.`);
  const base = text('PUBLIC_BASE_URL', 'http://localhost:4000').replace(/\/+$/, '');
  try {
    const url = new URL(base);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') problems.push(`PUBLIC_BASE_URL must be an http(s) URL; got '${base}'.`);
  } catch {
    problems.push(`PUBLIC_BASE_URL must be an absolute URL such as https://tendril.example; got '${base}'.`);
  }
  if (problems.length > 0) throw new OpenDataConfigError(problems);
  return { publisher: { ocidPrefix, name: text('OCDS_PUBLISHER_NAME', 'Tendril'), uri: base }, baseUri: `${base}/open-data` };
};
