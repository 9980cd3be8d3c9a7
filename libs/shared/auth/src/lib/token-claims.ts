import type { JWTPayload } from 'jose';
import { AuthenticationError } from './auth.errors';
import { HUMAN_ROLES, isHumanRole, type AuthenticatedUser } from './authenticated-user';

export interface ClaimNames {
  readonly role: string;
  readonly organisation: string;
}

export const EMBEDDED_CLAIM_NAMES: ClaimNames = { role: 'role', organisation: 'org' };

/** Maps verified token claims to the user; a token that does not say who and in what role is refused. */
export const userFromClaims = (payload: JWTPayload, names: ClaimNames): AuthenticatedUser => {
  const userId = payload.sub;
  if (typeof userId !== 'string' || userId.trim() === '') {
    throw new AuthenticationError('invalid_claims', "The access token does not say who you are (it has no 'sub' claim).");
  }
  const role = roleFrom(payload[names.role]);
  if (role === null) {
    throw new AuthenticationError(
      'invalid_claims',
      `The access token does not give you a platform role: claim '${names.role}' must be one of ${HUMAN_ROLES.join(', ')}.`,
    );
  }
  const organisation = payload[names.organisation];
  if (organisation !== undefined && organisation !== null && (typeof organisation !== 'string' || organisation === '')) {
    throw new AuthenticationError(
      'invalid_claims',
      `The access token's organisation claim '${names.organisation}' must be an organisation id.`,
    );
  }
  return {
    userId,
    role,
    organisationId: typeof organisation === 'string' ? organisation : null,
    displayName: displayNameFrom(payload) ?? userId,
  };
};

// Identity providers often send roles as a list; exactly one platform role among them is unambiguous.
const roleFrom = (claim: unknown) => {
  if (isHumanRole(claim)) return claim;
  if (Array.isArray(claim)) {
    const roles = claim.filter(isHumanRole);
    if (roles.length === 1 && roles[0] !== undefined) return roles[0];
  }
  return null;
};

const displayNameFrom = (payload: JWTPayload): string | null => {
  for (const claim of ['name', 'preferred_username']) {
    const value = payload[claim];
    if (typeof value === 'string' && value.trim() !== '') return value;
  }
  return null;
};
