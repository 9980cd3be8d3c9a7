import type { Session } from './platform';

export const REGISTER_PROVIDER = `mutation($input: RegisterProviderInput!, $key: String!) { registerProvider(input: $input, idempotencyKey: $key) { organisationId } }`;
export const DECLARE_DUE_DILIGENCE = `mutation($input: DeclareDueDiligenceInput!, $key: String!) { declareDueDiligence(input: $input, idempotencyKey: $key) { toRenewBeforeBidding } }`;

let keys = 0;
const key = (label: string) => `${label}-${process.pid}-${Date.now()}-${++keys}`;

/** What a provider registers; anything not given takes a plain default for a local youth-work provider. */
export type ProviderRegistration = { readonly name: string; readonly kind: string } & Record<string, unknown>;

/**
 * Registers the signed-in user's organisation and declares a safeguarding policy valid for a year: what
 * bidding requires before it takes a bid. Returns what the registry says is still to renew (nothing).
 */
export const registerEligibleProvider = async (session: Session, registration: ProviderRegistration): Promise<readonly string[]> => {
  await session.data(REGISTER_PROVIDER, {
    key: key('register'),
    input: {
      vcse: false,
      sme: false,
      serviceCategories: ['youth-work'],
      serviceAreas: ['Northmoor'],
      yourDisplayName: `Lead for ${registration.name}`,
      ...registration,
    },
  });
  const { declareDueDiligence } = await session.data<{ declareDueDiligence: { toRenewBeforeBidding: string[] } }>(DECLARE_DUE_DILIGENCE, {
    key: key('safeguarding'),
    input: {
      kind: 'safeguarding_policy',
      expiresAt: new Date(Date.now() + 365 * 24 * 3600 * 1000).toISOString(),
      statement: 'Safeguarding policy adopted by the board',
      evidenceRefs: ['board-minute'],
    },
  });
  return declareDueDiligence.toRenewBeforeBidding;
};
