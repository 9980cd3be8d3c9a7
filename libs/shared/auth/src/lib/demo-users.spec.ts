import { InvalidCredentialsError } from './auth.errors';
import { HUMAN_ROLES } from './authenticated-user';
import { checkDemoCredentials, DEMO_ORGANISATIONS, DEMO_USERS, demoOrganisations } from './demo-users';

describe('Demo users', () => {
  it('include at least one user for every role a person can have', () => {
    for (const role of HUMAN_ROLES) {
      expect(DEMO_USERS.filter((user) => user.role === role).length).toBeGreaterThanOrEqual(1);
    }
  });

  it('have unique ids and usernames', () => {
    expect(new Set(DEMO_USERS.map((user) => user.id)).size).toBe(DEMO_USERS.length);
    expect(new Set(DEMO_USERS.map((user) => user.username)).size).toBe(DEMO_USERS.length);
  });

  it('belong only to organisations that are listed', () => {
    const ids = new Set(demoOrganisations().map((organisation) => organisation.id));
    for (const user of DEMO_USERS) {
      if (user.organisationId !== null) expect(ids.has(user.organisationId)).toBe(true);
    }
  });

  it('have providers from organisations of different kinds', () => {
    const kinds = new Set(DEMO_USERS.filter((user) => user.role === 'provider').map((user) => user.organisationKind));

    expect(kinds).toEqual(new Set(['youth_charity', 'community_group', 'social_enterprise', 'public_body', 'private_company']));
  });

  it('have a social landlord and a school acting as primes', () => {
    const kinds = DEMO_USERS.filter((user) => user.role === 'prime').map((user) => user.organisationKind);

    expect(kinds.sort()).toEqual(['school', 'social_landlord']);
  });

  it('have commissioners working for a council, including Northmoor Council', () => {
    const commissioners = DEMO_USERS.filter((user) => user.role === 'commissioner');

    expect(commissioners.every((user) => user.organisationKind === 'council')).toBe(true);
    expect(commissioners.map((user) => user.organisationId)).toContain(DEMO_ORGANISATIONS.northmoorCouncil.id);
  });

  it('show youth panel members only by a pseudonym and an age band', () => {
    const panel = DEMO_USERS.filter((user) => user.role === 'youth_panel');

    for (const member of panel) {
      expect(member.displayName.split(' ')).toHaveLength(1);
      expect(member.ageBand).toMatch(/^\d+-\d+$/);
    }
  });

  describe('signing in', () => {
    it('accepts a demo username in any case with the demo password', () => {
      expect(checkDemoCredentials('Clara.Commissioner', 'the-demo-password', 'the-demo-password').username).toBe('clara.commissioner');
    });

    it('refuses a wrong password', () => {
      expect(() => checkDemoCredentials('clara.commissioner', 'guess', 'the-demo-password')).toThrow(InvalidCredentialsError);
    });

    it('refuses an unknown username with the same message as a wrong password', () => {
      expect(() => checkDemoCredentials('mallory', 'the-demo-password', 'the-demo-password')).toThrow(
        'The username or password is not correct.',
      );
    });
  });
});
